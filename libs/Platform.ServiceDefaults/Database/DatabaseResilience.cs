using Npgsql;
using Polly;
using Polly.Retry;

namespace Platform.ServiceDefaults.Database;

/// <summary>
/// Opening a connection retries transient failures (a database fail-over, a restarted pooler, a network blip):
/// 4 more tries, exponential from 200 ms with jitter, about 3 s at most. Statements are not retried: a write that
/// failed half-way is the caller's to judge.
/// </summary>
public static class DatabaseResilience
{
    private static readonly ResiliencePipeline Opening = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<NpgsqlException>(e => e.IsTransient).Handle<TimeoutException>(),
            MaxRetryAttempts = 4,
            Delay = TimeSpan.FromMilliseconds(200),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
        })
        .Build();

    public static async Task<NpgsqlConnection> OpenAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
        await Opening.ExecuteAsync(static async (source, ct) => await source.OpenConnectionAsync(ct), dataSource, cancellationToken);
}
