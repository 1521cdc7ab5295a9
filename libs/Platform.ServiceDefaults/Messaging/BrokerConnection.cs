using Microsoft.Extensions.Logging;
using RabbitMQ.Client;

namespace Platform.ServiceDefaults.Messaging;

/// <summary>
/// Whether this replica can reach RabbitMQ right now, from one long-lived connection of its own. MassTransit's
/// bus health comes from its receive endpoints only, so a service without consumers would look healthy with the
/// broker gone; readiness and the outbox relay ask this instead. Reconnects at most every two seconds.
/// </summary>
public sealed partial class BrokerConnection(string url, ILogger<BrokerConnection> logger) : IAsyncDisposable
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(2);
    private readonly SemaphoreSlim connecting = new(1, 1);
    private IConnection? connection;
    private DateTime nextAttempt = DateTime.MinValue;

    public async Task<bool> IsReachableAsync(CancellationToken cancellationToken)
    {
        if (connection?.IsOpen == true)
        {
            return true;
        }
        if (DateTime.UtcNow < nextAttempt || !await connecting.WaitAsync(0, cancellationToken))
        {
            return false;
        }
        try
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
                connection = null;
            }
            var factory = new ConnectionFactory
            {
                Uri = new Uri(url),
                ClientProvidedName = "platform-broker-check",
                AutomaticRecoveryEnabled = false,
                RequestedConnectionTimeout = TimeSpan.FromSeconds(3),
            };
            connection = await factory.CreateConnectionAsync(cancellationToken);
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            nextAttempt = DateTime.UtcNow + RetryAfter;
            LogUnreachable(exception.Message);
            return false;
        }
        finally
        {
            connecting.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (connection is not null)
        {
            await connection.DisposeAsync();
        }
        connecting.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "RabbitMQ is unreachable: {Reason}")]
    private partial void LogUnreachable(string reason);
}
