using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Platform.ServiceDefaults.Database;

namespace Platform.ServiceDefaults.Push;

/// <summary>
/// The bridge from a PostgreSQL NOTIFY ("this changed") to the push streams open on this replica. A change NOTIFYs
/// <see cref="Channel"/> in its own transaction, so whichever replica made it, every replica hears it at commit; the
/// streams subscribed to the payload's key reload their view and send it. One pending nudge per stream is enough (the
/// stream reloads the whole view). After a lost LISTEN connection every stream is nudged, so nothing said meanwhile is missed.
/// </summary>
public abstract partial class NudgeListener<TKey>(NpgsqlDataSource db, ILogger logger) : BackgroundService
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, ConcurrentDictionary<Guid, Channel<bool>>> subscribers = new();

    /// <summary>The NOTIFY channel listened to.</summary>
    protected abstract string Channel { get; }

    /// <summary>The subscribers' key a NOTIFY payload names; false for a payload that names none.</summary>
    protected abstract bool TryParse(string payload, out TKey key);

    public sealed class Subscription(NudgeListener<TKey> owner, TKey key, Guid id, Channel<bool> channel) : IDisposable
    {
        /// <summary>Waits for a nudge; false when <paramref name="heartbeat"/> passed without one (time for a heartbeat) or the stream ends.</summary>
        public async Task<bool> WaitAsync(TimeSpan heartbeat, CancellationToken ct)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(heartbeat);
            try
            {
                return await channel.Reader.ReadAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                return false;
            }
            catch (ChannelClosedException)
            {
                return false;
            }
        }

        public void Dispose() => owner.Unsubscribe(key, id);
    }

    public Subscription Subscribe(TKey key)
    {
        var channel = System.Threading.Channels.Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        var id = Guid.NewGuid();
        subscribers.GetOrAdd(key, _ => new())[id] = channel;
        return new Subscription(this, key, id, channel);
    }

    private void Unsubscribe(TKey key, Guid id)
    {
        if (subscribers.TryGetValue(key, out var streams) && streams.TryRemove(id, out var channel))
        {
            channel.Writer.TryComplete();
        }
    }

    private void Nudge(TKey key)
    {
        if (subscribers.TryGetValue(key, out var streams))
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
                    if (TryParse(e.Payload, out var key))
                    {
                        Nudge(key);
                    }
                };
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
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
                LogListenLost(exception, Channel);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the LISTEN connection of {Channel}; listening again")]
    private partial void LogListenLost(Exception exception, string channel);
}
