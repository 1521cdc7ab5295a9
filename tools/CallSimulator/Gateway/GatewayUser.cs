using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.CallSimulator.Measuring;

namespace Platform.CallSimulator.Gateway;

/// <summary>
/// One signed-in user of the gateway (the admin, the PBX account, an agent) on a shared <see cref="HttpClient"/>: the
/// bearer token goes on each request, a 401 signs in again once (tokens expire after an hour of --forever), a
/// sign-in answered 429 waits as told, and every failed request is counted in the ledger by operation and status.
/// </summary>
public sealed class GatewayUser(HttpClient http, string tenant, string username, string password, CallLedger ledger)
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);
    private volatile string? token;

    public string Username { get; } = username;

    /// <summary>
    /// The tenant's PBX signing secret, when this user is the PBX account and the tenant signs (docs/telephony.md, "Signed
    /// requests"): every request then carries <c>X-Pbx-Timestamp</c> and <c>X-Pbx-Signature</c> over its exact body.
    /// </summary>
    public string? SigningSecret { get; set; }

    public async Task SignInAsync(CancellationToken ct)
    {
        if (!await TrySignInAsync(ct))
        {
            throw new InvalidOperationException($"Signing in as {tenant}/{Username} failed: wrong password.");
        }
    }

    /// <summary>False when the password is wrong (401); other failures throw.</summary>
    public async Task<bool> TrySignInAsync(CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var response = await http.PostAsJsonAsync("/api/auth/token", new { tenant, username = Username, password }, ct);
            if (response.StatusCode == HttpStatusCode.TooManyRequests && attempt < 20)
            {
                await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(5), ct); // the sign-in limit per address
                continue;
            }
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                return false;
            }
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"Signing in as {tenant}/{Username} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
            }
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
            token = body.RootElement.GetProperty("access_token").GetString();
            return true;
        }
    }

    /// <summary>Sends a request; the caller disposes the answer. <paramref name="operation"/> names it in the error counts.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body, string operation, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(RequestTimeout);
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(Request(method, path, body), timeout.Token);
            }
            catch (Exception e) when (!ct.IsCancellationRequested && e is HttpRequestException or TaskCanceledException)
            {
                ledger.Failed(operation, 0); // no answer at all: refused connection or timeout
                throw;
            }
            if (response.StatusCode == HttpStatusCode.Unauthorized && attempt == 1)
            {
                response.Dispose();
                await SignInAsync(ct);
                continue;
            }
            if (response.StatusCode == HttpStatusCode.TooManyRequests && method == HttpMethod.Get && attempt < 5)
            {
                response.Dispose();
                await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(5), ct); // reads may wait; commands may not
                continue;
            }
            if (!response.IsSuccessStatusCode)
            {
                ledger.Failed(operation, (int)response.StatusCode);
            }
            return response;
        }
    }

    public async Task<JsonElement> GetJsonAsync(string path, string operation, CancellationToken ct)
    {
        using var response = await SendAsync(HttpMethod.Get, path, null, operation, ct);
        await EnsureAsync(response, operation, ct);
        return await JsonAsync(response, ct);
    }

    /// <summary>A long-lived response (the push channel), read as it comes.</summary>
    public async Task<HttpResponseMessage> OpenStreamAsync(string path, CancellationToken ct)
    {
        var response = await http.SendAsync(Request(HttpMethod.Get, path, null), HttpCompletionOption.ResponseHeadersRead, ct);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            response.Dispose();
            await SignInAsync(ct);
            response = await http.SendAsync(Request(HttpMethod.Get, path, null), HttpCompletionOption.ResponseHeadersRead, ct);
        }
        return response;
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response, CancellationToken ct)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        return document.RootElement.Clone();
    }

    public static async Task EnsureAsync(HttpResponseMessage response, string operation, CancellationToken ct)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{operation}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
        }
    }

    private HttpRequestMessage Request(HttpMethod method, string path, object? body)
    {
        var bytes = body is null ? [] : JsonSerializer.SerializeToUtf8Bytes(body, JsonSerializerOptions.Web);
        var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(bytes);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (SigningSecret is { } secret)
        {
            var at = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            request.Headers.Add(PbxSigning.TimestampHeader, at.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var nonce = Guid.NewGuid().ToString("N"); // a new one for every request built, a retry included: the platform takes each once
            request.Headers.Add(PbxSigning.NonceHeader, nonce);
            request.Headers.Add(PbxSigning.SignatureHeader, PbxSigning.Sign(secret, at, bytes, nonce));
        }
        return request;
    }
}
