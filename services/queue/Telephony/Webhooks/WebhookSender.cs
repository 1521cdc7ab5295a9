using System.Net.Http.Headers;
using Platform.Queue.Telephony.Signing;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Platform.Queue.Telephony.Webhooks;

/// <summary>
/// POSTs one batch to a PBX webhook, signed as the pull stream's answers are (<see cref="PbxSignature"/>, signed afresh for
/// each attempt), retried by Polly with exponential backoff and jitter on a network error, a timeout or any answer but 2xx.
/// Its own <see cref="HttpClient"/>, not the factory's defaults: their shared circuit breaker would let one tenant's broken
/// PBX stop every other tenant's delivery.
/// </summary>
public sealed class WebhookSender : IDisposable
{
    private readonly HttpClient http = new(new SocketsHttpHandler
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        ConnectTimeout = TimeSpan.FromSeconds(5),
        AllowAutoRedirect = false, // a redirect would carry the signed batch somewhere the admin did not name
    })
    { Timeout = Timeout.InfiniteTimeSpan };

    private readonly ResiliencePipeline<HttpResponseMessage> pipeline;
    private readonly TimeProvider clock;

    public WebhookSender(WebhookOptions options, TimeProvider clock)
    {
        this.clock = clock;
        pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>().Handle<TimeoutRejectedException>().HandleResult(r => !r.IsSuccessStatusCode),
                MaxRetryAttempts = Math.Max(options.RetriesPerRound, 1), // Polly's least
                Delay = TimeSpan.FromMilliseconds(options.RetryDelayMilliseconds),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                OnRetry = args =>
                {
                    args.Outcome.Result?.Dispose();
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(TimeSpan.FromSeconds(options.AttemptTimeoutSeconds))
            .Build();
    }

    /// <summary>Null when the PBX answered 2xx (within the round's retries); else the last failure, in words for the admin.</summary>
    public async Task<string?> SendAsync(Uri url, string secret, byte[] body, CancellationToken ct)
    {
        var attempts = 0;
        try
        {
            using var response = await pipeline.ExecuteAsync(async token =>
            {
                attempts++;
                var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
                using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
                request.Headers.Add(PbxSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
                request.Headers.Add(PbxSignature.SignatureHeader, PbxSignature.Sign(secret, timestamp, body));
                return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token);
            }, ct);
            return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode} {response.ReasonPhrase} ({Tries(attempts)})";
        }
        catch (HttpRequestException e)
        {
            return $"{e.Message} ({Tries(attempts)})";
        }
        catch (TimeoutRejectedException)
        {
            return $"no answer within the attempt's time limit ({Tries(attempts)})";
        }
    }

    private static string Tries(int attempts) => attempts == 1 ? "1 attempt" : $"{attempts} attempts";

    public void Dispose() => http.Dispose();
}
