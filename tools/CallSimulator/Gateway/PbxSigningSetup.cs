using Platform.CallSimulator.Setup;

namespace Platform.CallSimulator.Gateway;

/// <summary>
/// Before a run, as a call center's admin would: a new PBX signing secret for the tenant, handed to the PBX account,
/// and signatures with a nonce required (or, with signing off, no longer required).
/// </summary>
public static class PbxSigningSetup
{
    public static async Task ApplyAsync(CallCenter center, bool sign, CancellationToken ct)
    {
        if (sign)
        {
            using var rotated = await center.Admin.SendAsync(HttpMethod.Post, "/api/queue/telephony/signing/secrets", new { }, "rotate pbx secret", ct);
            await GatewayUser.EnsureAsync(rotated, "rotate pbx secret", ct);
            center.Pbx.SigningSecret = (await GatewayUser.JsonAsync(rotated, ct)).GetProperty("secret").GetString();
        }
        else
        {
            center.Pbx.SigningSecret = null;
        }
        using var required = await center.Admin.SendAsync(HttpMethod.Put, "/api/queue/telephony/signing", new { required = sign, nonceRequired = sign }, "require pbx signing", ct);
        await GatewayUser.EnsureAsync(required, "require pbx signing", ct);
    }
}
