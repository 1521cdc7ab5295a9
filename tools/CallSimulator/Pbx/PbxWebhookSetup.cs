using Platform.CallSimulator.Gateway;
using Platform.CallSimulator.Setup;

namespace Platform.CallSimulator.Pbx;

/// <summary>
/// A run with <c>--pbx-webhook</c>: as the call center's admin, the simulator registers its own listener as the tenant's PBX
/// webhook before the run (the platform pushes the commands there) and removes it after (the tenant is back on the pull stream).
/// </summary>
public static class PbxWebhookSetup
{
    public static async Task RegisterAsync(CallCenter center, Uri url, CancellationToken ct)
    {
        using var registered = await center.Admin.SendAsync(HttpMethod.Put, "/api/queue/telephony/webhook", new { url = url.ToString() }, "register pbx webhook", ct);
        await GatewayUser.EnsureAsync(registered, "register pbx webhook", ct);
    }

    public static async Task RemoveAsync(CallCenter center, CancellationToken ct)
    {
        using var removed = await center.Admin.SendAsync(HttpMethod.Delete, "/api/queue/telephony/webhook", null, "remove pbx webhook", ct);
        await GatewayUser.EnsureAsync(removed, "remove pbx webhook", ct);
    }
}
