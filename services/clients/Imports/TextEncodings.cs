using System.Text;

namespace Platform.Clients.Imports;

/// <summary>
/// The encodings a call list may come in (Excel's defaults across Europe), chosen by the uploader or detected:
/// a byte order mark is certain; text that decodes as UTF-8 is UTF-8; otherwise the single-byte code page whose letters
/// fit the bytes best, with a warning when another fits nearly as well. Plain C# over the framework's code pages
/// (System.Text.Encoding.CodePages).
/// </summary>
public static class TextEncodings
{
    static TextEncodings() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The names the uploader may choose, as the API writes them.</summary>
    public static readonly string[] Names = ["utf-8", "utf-16", "utf-16be", "windows-1250", "windows-1251", "windows-1252", "iso-8859-2"];

    private static readonly string[] SingleByte = ["windows-1250", "windows-1252", "windows-1251", "iso-8859-2"];

    public static Encoding? ByName(string? name) => (name?.Trim().ToLowerInvariant() ?? "") switch
    {
        "utf-8" or "utf8" => new UTF8Encoding(false),
        "utf-16" or "utf-16le" => new UnicodeEncoding(bigEndian: false, byteOrderMark: false),
        "utf-16be" => new UnicodeEncoding(bigEndian: true, byteOrderMark: false),
        var single and ("windows-1250" or "windows-1251" or "windows-1252" or "iso-8859-2") => Encoding.GetEncoding(single),
        _ => null,
    };

    public sealed record Detected(string Name, string? Warning)
    {
        public Encoding Encoding => ByName(Name)!;
    }

    /// <summary>Letters frequent in the languages each code page serves; any other letter scores less, a control character or a hole much less.</summary>
    private const string CentralEuropean = "áäčďéěíňóôöőřšťúůüűýžąćęłńśźżăâîșşțţÁÄČĎÉĚÍŇÓÔÖŐŘŠŤÚŮÜŰÝŽĄĆĘŁŃŚŹŻĂÂÎȘŞȚŢ";
    private const string Western = "àáâãäçèéêëíñóôõöúüßÀÁÂÃÄÇÈÉÊËÍÑÓÔÕÖÚÜ";

    /// <summary>Fed the file's bytes in order, it tells the encoding at the end.</summary>
    public sealed class Sniffer
    {
        private readonly long[] highBytes = new long[256];
        private readonly Decoder utf8 = new UTF8Encoding(false, true).GetDecoder();
        private bool validUtf8 = true;
        private long zerosEven, zerosOdd, total, asciiLetters;
        private char[] chars = [];
        private readonly List<byte> start = new(4);

        public void Add(ReadOnlySpan<byte> bytes)
        {
            for (var i = 0; i < bytes.Length && start.Count < 4; i++)
            {
                start.Add(bytes[i]);
            }
            foreach (var b in bytes)
            {
                if (b >= 0x80)
                {
                    highBytes[b]++;
                }
                else if (b is (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'a' and <= (byte)'z'))
                {
                    asciiLetters++;
                }
                if (b == 0)
                {
                    if (total % 2 == 0) zerosEven++; else zerosOdd++;
                }
                total++;
            }
            if (validUtf8)
            {
                try
                {
                    if (chars.Length < bytes.Length + 4)
                    {
                        chars = new char[bytes.Length + 4];
                    }
                    utf8.GetChars(bytes, chars, flush: false); // keeps a character split across two calls

                }
                catch (DecoderFallbackException)
                {
                    validUtf8 = false;
                }
            }
        }

        public Detected Result()
        {
            if (start is [0xEF, 0xBB, 0xBF, ..]) return new("utf-8", null);
            if (start is [0xFF, 0xFE, ..]) return new("utf-16", null);
            if (start is [0xFE, 0xFF, ..]) return new("utf-16be", null);
            if (total > 0 && (zerosEven + zerosOdd) * 4 > total)
            {
                return new(zerosOdd >= zerosEven ? "utf-16" : "utf-16be", "The file has no byte order mark; read as UTF-16 because of its zero bytes. Choose the encoding if the names look wrong.");
            }
            if (validUtf8)
            {
                try
                {
                    utf8.GetChars([], chars, flush: true);
                    return new("utf-8", null);
                }
                catch (DecoderFallbackException)
                {
                    // ends inside a character: not UTF-8
                }
            }
            var scores = SingleByte.Select(name => (Name: name, Score: Score(Encoding.GetEncoding(name)))).OrderByDescending(s => s.Score).ToList();
            var best = scores[0];
            // Uncertain when a code page that reads the bytes otherwise fits nearly as well, or there is little to go by.
            var rival = scores.Skip(1).FirstOrDefault(s => !DecodesAlike(best.Name, s.Name));
            var certain = rival.Name is null || (best.Score > 3 && rival.Score < best.Score * 0.75);
            return new(best.Name, certain ? null
                : $"The encoding was guessed as {best.Name} ({rival.Name} fits nearly as well); choose the encoding if the names look wrong.");
        }

        private double Score(Encoding encoding)
        {
            double score = 0;
            var cyrillicWords = highBytes.Sum() >= asciiLetters;
            for (var b = 0x80; b < 0x100; b++)
            {
                if (highBytes[b] == 0)
                {
                    continue;
                }
                var c = encoding.GetString([(byte)b])[0];
                var weight = c is '\uFFFD' || char.IsControl(c) ? -10
                    // Cyrillic words are made of such bytes; Latin words have a few among ASCII letters.
                    : encoding.CodePage == 1251 ? (c is >= '\u0400' and <= '\u04FF' ? (cyrillicWords ? 3 : 0.5) : char.IsLetter(c) ? 0.5 : -2)
                    : (encoding.CodePage is 1252 ? Western : CentralEuropean).Contains(c) ? 2
                    : char.IsLetter(c) ? 1
                    : -2; // a symbol (¤, ¹, ¾, ®) is rare in names and addresses
                score += weight * highBytes[b];
            }
            return score;
        }

        /// <summary>Whether two code pages read the bytes present the same way (then the choice does not matter).</summary>
        private bool DecodesAlike(string a, string b)
        {
            var (ea, eb) = (Encoding.GetEncoding(a), Encoding.GetEncoding(b));
            for (var i = 0x80; i < 0x100; i++)
            {
                if (highBytes[i] > 0 && ea.GetString([(byte)i]) != eb.GetString([(byte)i]))
                {
                    return false;
                }
            }
            return true;
        }
    }
}
