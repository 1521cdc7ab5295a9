namespace Platform.Queue.Dialer.Dialing;

/// <summary>
/// What the PBX may report of a campaign's dial, and what each means: a person (<c>human</c>, or <c>answered</c> as callbacks
/// say it) goes to an agent; anything else ends the attempt and goes to the CRM's recycling rules.
/// </summary>
public static class DialResultKinds
{
    public static readonly string[] All = ["human", "answered", "answering_machine", "fax", "no_answer", "busy", "invalid_number", "failed"];

    public static bool IsPerson(string result) => result is "human" or "answered";
}
