namespace Platform.Clients.Imports;

public sealed class ImportOptions
{
    public int PollMilliseconds { get; set; } = 1000;
    public int BatchSize { get; set; } = 1000;

    /// <summary>A running job whose worker has not committed a batch for this long is taken over by another.</summary>
    public int StaleMinutes { get; set; } = 5;

    public long MaxFileBytes { get; set; } = ImportsApi.MaxFileBytes;

    /// <summary>An upload is stored, and read back, this many bytes at a time: the memory an import holds of its file.</summary>
    public int ChunkBytes { get; set; } = 1024 * 1024;
}
