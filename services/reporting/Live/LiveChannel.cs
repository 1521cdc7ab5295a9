using System.Collections.Concurrent;
using System.Threading.Channels;
using Npgsql;
using Platform.ServiceDefaults.Database;

namespace Platform.Reporting.Live;

/// <summary>
/// From "a tenant's figures changed" (<see cref="LiveNudge"/>, heard by LISTEN on every replica) to the wallboard streams
/// of that tenant open on this replica. One pending nudge per stream is enough: the stream reloads the whole board.
/// After a lost LISTEN connection every stream is nudged, so nothing said meanwhile is missed.
/// </summary>
public sealed partial class LiveChannel(NpgsqlDataSource db, ILogger<LiveChannel> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<Guid, Channel<bool>>> subscribers = new();

    public sealed class Subscription(LiveChannel owner, Guid tenantId, Guid id, Channel<bool> channel) : IDisposable
    {
        public ChannelReader<bool> Nudges => channel.Reader;

        public void Dispose() => owner.Unsubscribe(tenantId, id);
    }

    public Subscription Subscribe(Guid tenantId)
    {
        var channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        var id = Guid.NewGuid();
        subscribers.GetOrAdd(tenantId, _ => new())[id] = channel;
        return new Subscription(this, tenantId, id, channel);
    }

    private void Unsubscribe(Guid tenantId, Guid id)
    {
        if (subscribers.TryGetValue(tenantId, out var streams) && streams.TryRemove(id, out var channel))
        {
            channel.Writer.TryComplete();
        }
    }

    private void Nudge(Guid tenantId)
    {
        if (subscribers.TryGetValue(tenantId, out var streams))
        {
            foreach (var channel in streams.Values)
            {
                channel.Writer.TryWrite(true);
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
                    if (Guid.TryParse(e.Payload, out var tenantId))
                    {
                        Nudge(tenantId);
                    }
                };
                await using (var listen = new NpgsqlCommand($"LISTEN {LiveNudge.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                foreach (var tenantId in subscribers.Keys)
                {
                    Nudge(tenantId);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the LISTEN connection for wallboards; listening again")]
    private partial void LogListenLost(Exception exception);
}
