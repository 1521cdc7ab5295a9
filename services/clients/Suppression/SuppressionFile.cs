using Platform.Clients.Contacts;
using Platform.Clients.Imports;

namespace Platform.Clients.Suppression;

/// <summary>
/// Reads an uploaded suppression list (plain C# over CsvHelper): the first column of each line is a number, a first line
/// that is not one is its header, numbers without a country code take the uploader's country. Every rejected line is
/// counted and the first ones are told (line and reason); nothing is silently dropped.
/// </summary>
public static class SuppressionFile
{
    public const int ToldRejections = 100;

    public sealed record Rejected(int Line, string Reason);
    public sealed record Read(IReadOnlySet<string> Numbers, int RejectedCount, IReadOnlyList<Rejected> Rejections);

    public static async Task<Read> ReadAsync(Stream content, string defaultRegion, CancellationToken ct)
    {
        var numbers = new HashSet<string>();
        var rejections = new List<Rejected>();
        var rejected = 0;
        await foreach (var line in CsvFile.ReadAsync(content, null, ct))
        {
            var raw = line.Fields.FirstOrDefault(f => !string.IsNullOrWhiteSpace(f));
            if (raw is null && !line.Malformed)
            {
                continue; // an empty line holds no number
            }
            var (number, problem) = line.Malformed ? (null, line.Problem) : ContactPhone.Normalise(raw, defaultRegion);
            if (number is not null)
            {
                numbers.Add(number.E164);
                continue;
            }
            if (line.Number == 1 && !line.Malformed)
            {
                continue; // a header
            }
            rejected++;
            if (rejections.Count < ToldRejections)
            {
                rejections.Add(new Rejected(line.Number, problem!));
            }
        }
        return new Read(numbers, rejected, rejections);
    }
}
