namespace Platform.EndToEnd.Tests.Security;

internal static class Sweeping
{
    /// <summary>
    /// Sends one request of a sweep. A server-sent events stream never ends: its status and headers are the answer, its
    /// body is left unread (closed at once) and stands as empty; any other answer is read whole.
    /// </summary>
    public static async Task<HttpResponseMessage> SweepAsync(this HttpClient client, HttpRequestMessage request)
    {
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        if (response.Content.Headers.ContentType?.MediaType == "text/event-stream")
        {
            response.Content.Dispose();
            response.Content = new StringContent("", null, "text/event-stream");
        }
        else
        {
            await response.Content.LoadIntoBufferAsync();
        }
        return response;
    }
}
