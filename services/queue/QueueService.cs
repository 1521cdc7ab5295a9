namespace Platform.Queue;

/// <summary>Marks the queue service's assembly (for its consumers, migrations and test hosts).</summary>
public sealed class QueueService;
