using System.Text;
using Platform.Clients.Imports;
using Xunit;

namespace Platform.Clients.Tests.Imports;

public sealed class ChunkStreamTests
{
    private static ChunkStream Over(byte[] content, int chunkBytes, List<int>? fetched = null) =>
        new((seq, _) =>
        {
            fetched?.Add(seq);
            var start = seq * chunkBytes;
            return Task.FromResult(start >= content.Length ? null : content[start..Math.Min(start + chunkBytes, content.Length)]);
        });

    [Fact]
    public async Task Lines_split_across_chunks_read_as_in_one_piece()
    {
        var csv = "name;phone\n" + string.Join("\n", Enumerable.Range(0, 200).Select(i => $"\"Contact, {i}\";777 200 {i:D3}")) + "\n";
        var whole = new List<string[]>();
        await foreach (var line in CsvFile.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv))))
        {
            whole.Add(line.Fields);
        }

        var chunked = new List<string[]>();
        await foreach (var line in CsvFile.ReadAsync(Over(Encoding.UTF8.GetBytes(csv), chunkBytes: 7)))
        {
            chunked.Add(line.Fields);
        }

        Assert.Equal(201, chunked.Count);
        Assert.Equal(whole, chunked);
        Assert.Equal(["Contact, 199", "777 200 199"], chunked[^1]);
    }

    [Fact]
    public async Task Chunks_are_fetched_once_each_in_order_and_the_end_is_asked_once()
    {
        var fetched = new List<int>();
        var stream = Over(new byte[25], chunkBytes: 10, fetched);

        var read = await stream.ReadAtLeastAsync(new byte[100], 100, throwOnEndOfStream: false);
        var again = await stream.ReadAsync(new byte[10]);

        Assert.Equal(25, read);
        Assert.Equal(0, again);
        Assert.Equal([0, 1, 2, 3], fetched);
    }

    [Fact]
    public async Task The_header_is_read_from_the_start_alone()
    {
        var header = await CsvFile.HeaderAsync(new MemoryStream("Jméno;Telefon;Segment\nKarel;777 300 001;gold\n"u8.ToArray()));
        Assert.Equal(["Jméno", "Telefon", "Segment"], header!);
    }
}
