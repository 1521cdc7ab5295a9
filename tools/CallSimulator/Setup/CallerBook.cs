namespace Platform.CallSimulator.Setup;

/// <summary>
/// The simulated PBX's regular callers: <see cref="Size"/> people per line who are contacts of the line's project in the
/// CRM, so most simulated calls pop with a contact card (the queue service recognises the caller by number) and an agent
/// can record the call's outcome on it. <see cref="KnownShare"/> of the calls come from them; the rest from numbers the
/// CRM does not know, as in a real hotline. Their numbers are fixed per line (+420 77L LLN NNN), so every run finds the
/// same people again.
/// </summary>
public static class CallerBook
{
    public const int Size = 20;
    public const double KnownShare = 0.8;

    private static readonly string[] Names =
    [
        "Jana Novák", "Petr Svoboda", "Marie Dvořák", "Tomáš Černý", "Eva Procházka", "Jiří Kučera", "Lucie Veselá", "Martin Horák",
        "Kateřina Němcová", "Pavel Marek", "Tereza Pokorná", "Jan Pospíšil", "Veronika Hájková", "Lukáš Král", "Hana Jelínková",
        "Ondřej Růžička", "Alena Benešová", "David Fiala", "Zuzana Sedláčková", "Michal Doležal",
    ];

    /// <summary>The <paramref name="index"/>-th regular caller of line <paramref name="line"/> (both from 0).</summary>
    public static (string Name, string Phone) Caller(int line, int index) =>
        (Names[index % Names.Length], $"+42077{line % 100:D2}{index % 100_000:D5}");

    public static IReadOnlyList<string> NumbersOf(int line) => Enumerable.Range(0, Size).Select(i => Caller(line, i).Phone).ToArray();
}
