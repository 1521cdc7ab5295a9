using System.Collections.Concurrent;
using System.Threading.Channels;
using Npgsql;
using Platform.Queue.Agents;
using Platform.ServiceDefaults.Database;

namespace Platform.Queue.Push;

/// <summary>
/// The bridge from "an agent changed" to the agent's open push channels on this replica. Every state change
/// NOTIFYs <see cref="AgentNudge.Channel"/> in its own transaction, so whichever replica made the change, every replica
/// hears it at commit; the one holding the agent's stream reloads the agent's view and sends it. After a lost
/// LISTEN connection every stream is nudged, so nothing said meanwhile is missed.
/// </summary>
public sealed partial class AgentChannel(NpgsqlDataSource db, ILogger<AgentChannel> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<(Guid Tenant, Guid Agent), ConcurrentDictionary<Guid, Channel<bool>>> subscribers = new();

    public sealed class Subscription(AgentChannel owner, (Guid, Guid) key, Guid id, Channel<bool> channel) : IDisposable
    {
        public ChannelReader<bool> Nudges => channel.Reader;

        public void Dispose() => owner.Unsubscribe(key, id);
    }

    public Subscription Subscribe(Guid tenantId, Guid agentId)
    {
        var channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        var id = Guid.NewGuid();
        subscribers.GetOrAdd((tenantId, agentId), _ => new())[id] = channel;
        return new Subscription(this, (tenantId, agentId), id, channel);
    }

    private void Unsubscribe((Guid, Guid) key, Guid id)
    {
        if (subscribers.TryGetValue(key, out var streams) && streams.TryRemove(id, out var channel))
        {
            channel.Writer.TryComplete();
        }
    }

    private void Nudge((Guid, Guid) key)
    {
        if (subscribers.TryGetValue(key, out var streams))
        {
            foreach (var channel in streams.Values)
            {
                channel.Writer.TryWrite(true); // one pending nudge is enough: the stream reloads the whole view
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await DatabaseResilience.OpenAsync(db, stoppingToken);
                connection.Notification += (_, e) =>
                {
                    if (AgentNudge.TryParse(e.Payload, out var tenantId, out var agentId))
                    {
                        Nudge((tenantId, agentId));
                    }
                };
                await using (var listen = new NpgsqlCommand($"LISTEN {AgentNudge.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                foreach (var key in subscribers.Keys)
                {
                    Nudge(key); // anything said while we were not listening
                }
                while (!stoppingToken.IsCancellationRequested)
                {
                    if (!await connection.WaitAsync(TimeSpan.FromSeconds(30), stoppingToken))
                    {
                        await using var ping = new NpgsqlCommand("SELECT 1", connection);
                        await ping.ExecuteScalarAsync(stoppingToken);
                    }
                }
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                LogListenLost(exception);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the LISTEN connection for agents' push channels; listening again")]
    private partial void LogListenLost(Exception exception);
}
