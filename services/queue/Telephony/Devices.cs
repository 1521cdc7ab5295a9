using System.Security.Claims;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.Queue.Calls;
using Platform.Queue.Dispatch;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Http;

namespace Platform.Queue.Telephony;

/// <summary>
/// Agents' devices: an admin sets the extension or SIP URI the PBX rings for an agent, and a phone number for an agent
/// working remotely (the PBX dials it). The PBX reports a device's registration: an agent whose device is unregistered is
/// not offered calls until it is registered again.
/// </summary>
public static partial class Devices
{
    public sealed record Device(string? Extension, string? SipUri, string? Phone, bool? Registered, DateTime? SeenAt);

    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed record DeviceRequest(string? Extension, string? SipUri, string? Phone);

    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed record PresenceRequest(string? Device, bool? Registered);

    public sealed record PresenceResponse(Guid[] AgentIds, bool Registered);

    public static async Task<Results<Ok<Device>, ProblemHttpResult, ValidationProblem>> SetAgentDevice(
        Guid agentId, DeviceRequest request, ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Extension is { } ext && !Extension().IsMatch(ext))
        {
            errors["extension"] = ["2 to 15 digits, * or #."];
        }
        if (request.SipUri is { } uri && (uri.Length > 200 || !SipUri().IsMatch(uri)))
        {
            errors["sipUri"] = ["sip:user@host or sips:user@host, at most 200 characters."];
        }
        string? phone = null;
        if (request.Phone is not null)
        {
            (phone, var problem) = CallerNumber.Normalise(request.Phone);
            if (problem is not null)
            {
                errors["phone"] = [problem];
            }
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The device cannot be set.");
        }
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        var device = await session.QuerySingleOrDefaultAsync<Device>("""
            UPDATE agents SET device_extension = @Extension, device_sip_uri = @SipUri, device_phone = @phone
            WHERE tenant_id = @TenantId AND id = @agentId
            RETURNING device_extension AS extension, device_sip_uri AS sip_uri, device_phone AS phone, device_registered AS registered, device_seen_at AS seen_at
            """, new { session.TenantId, agentId, request.Extension, request.SipUri, phone }, ct);
        if (device is null)
        {
            return Problems.NotFound("Agent", agentId);
        }
        await session.CommitAsync(ct);
        return TypedResults.Ok(device);
    }

    /// <summary>The PBX says a device registered or went away; <c>device</c> is an agent's extension, SIP URI or phone.</summary>
    public static async Task<Results<Ok<PresenceResponse>, ProblemHttpResult, ValidationProblem>> ReportDevicePresence(
        PresenceRequest request, ClaimsPrincipal user, NpgsqlDataSource db, Dispatcher dispatcher, TimeProvider clock, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Device) || request.Device.Length > 200 || request.Device.Any(char.IsControl) || request.Registered is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["device"] = ["The device (extension, SIP URI or phone) and registered."] },
                title: "The presence cannot be recorded.");
        }
        Guid[] agents;
        await using (var session = await db.BeginTenantSessionAsync(user.TenantId(), ct))
        {
            agents = (await session.QueryAsync<Guid>("""
                UPDATE agents SET device_registered = @Registered, device_seen_at = @now
                WHERE tenant_id = @TenantId AND (device_extension = @Device OR device_sip_uri = @Device OR device_phone = @Device)
                RETURNING id
                """, new { session.TenantId, request.Device, request.Registered, now = clock.GetUtcNowAsStored() }, ct)).ToArray();
            if (agents.Length == 0)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No agent has this device.",
                    detail: "Set it on the agent first: PUT /api/queue/agents/{id}/device.");
            }
            await session.CommitAsync(ct);
        }
        if (request.Registered == true)
        {
            foreach (var agent in agents)
            {
                await dispatcher.DispatchForAgentAsync(user.TenantId(), agent, ct);
            }
        }
        return TypedResults.Ok(new PresenceResponse(agents, request.Registered.Value));
    }

    [GeneratedRegex(@"^[0-9*#]{2,15}$")]
    private static partial Regex Extension();

    [GeneratedRegex(@"^sips?:[^\s@]+@[^\s@]+$")]
    private static partial Regex SipUri();
}
