using Npgsql;
using NpgsqlTypes;
using Platform.ServiceDefaults.Database;

namespace Platform.Clients.Imports;

/// <summary>
/// An uploaded call list kept in PostgreSQL as numbered chunks (<c>import_chunks</c>): written as the upload arrives,
/// read back one chunk at a time, deleted when the job is over. Memory holds one chunk, whatever the file's size.
/// </summary>
public static class ImportFile
{
    /// <summary>Copies <paramref name="source"/> into the import's chunks; returns the bytes written and the first chunk (for the header).</summary>
    public static async Task<(long Bytes, byte[] FirstChunk)> WriteAsync(TenantSession session, Guid importId, Stream source, int chunkBytes,
        long maxBytes, CancellationToken ct)
    {
        var buffer = new byte[chunkBytes];
        byte[] first = [];
        long total = 0;
        for (var seq = 0; ; seq++)
        {
            var filled = await source.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, ct);
            if (filled == 0)
            {
                break;
            }
            total += filled;
            if (total > maxBytes)
            {
                throw new FileTooLargeException(maxBytes);
            }
            if (seq == 0)
            {
                first = buffer[..filled];
            }
            await using var insert = new NpgsqlCommand(
                "INSERT INTO import_chunks (tenant_id, import_id, seq, data) VALUES (@tenant, @import, @seq, @data)", await session.ConnectionAsync(ct), session.Transaction);
            insert.Parameters.AddWithValue("tenant", session.TenantId);
            insert.Parameters.AddWithValue("import", importId);
            insert.Parameters.AddWithValue("seq", seq);
            insert.Parameters.Add(new NpgsqlParameter("data", NpgsqlDbType.Bytea) { Value = new ArraySegment<byte>(buffer, 0, filled) });
            await insert.ExecuteNonQueryAsync(ct);
            if (filled < buffer.Length)
            {
                break;
            }
        }
        return (total, first);
    }

    /// <summary>The file as a stream that fetches its chunks in order, each in a short session of the job's tenant.</summary>
    public static Stream Open(NpgsqlDataSource db, Guid tenantId, Guid importId) =>
        new ChunkStream(async (seq, ct) =>
        {
            await using var session = await db.BeginTenantSessionAsync(tenantId, ct);
            return await session.QuerySingleOrDefaultAsync<byte[]>(
                "SELECT data FROM import_chunks WHERE tenant_id = @tenantId AND import_id = @importId AND seq = @seq", new { tenantId, importId, seq }, ct);
        });

    public static Task DeleteAsync(TenantSession session, Guid importId, CancellationToken ct) =>
        session.ExecuteAsync("DELETE FROM import_chunks WHERE tenant_id = @TenantId AND import_id = @importId", new { session.TenantId, importId }, ct);

    public sealed class FileTooLargeException(long maxBytes) : Exception($"A call list has at most {maxBytes} bytes.")
    {
        public long MaxBytes { get; } = maxBytes;
    }
}

/// <summary>A read-only stream over numbered chunks that <paramref name="fetch"/> returns (null: no more), holding one at a time.</summary>
public sealed class ChunkStream(Func<int, CancellationToken, Task<byte[]?>> fetch) : Stream
{
    private byte[] chunk = [];
    private int position;
    private int next;
    private bool ended;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (position == chunk.Length)
        {
            if (ended)
            {
                return 0;
            }
            var fetched = await fetch(next, cancellationToken);
            if (fetched is null)
            {
                ended = true;
                chunk = [];
                position = 0;
                return 0;
            }
            next++;
            chunk = fetched;
            position = 0;
        }
        var count = Math.Min(buffer.Length, chunk.Length - position);
        chunk.AsMemory(position, count).CopyTo(buffer);
        position += count;
        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
