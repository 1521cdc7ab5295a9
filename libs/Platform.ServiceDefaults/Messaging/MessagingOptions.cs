namespace Platform.ServiceDefaults.Messaging;

public sealed class MessagingOptions
{
    /// <summary>Prefix of this service's queue names (default: the service name), e.g. <c>queue-project-created</c>.</summary>
    public string? EndpointPrefix { get; set; }

    /// <summary>In-memory retries (exponential, 100 ms to 5 s) of a failing message before it is parked in the <c>_error</c> queue.</summary>
    public int Retries { get; set; } = 5;

    /// <summary>Auto-delete, non-durable queues: for test hosts only, so test runs leave nothing behind.</summary>
    public bool TemporaryEndpoints { get; set; }
}
