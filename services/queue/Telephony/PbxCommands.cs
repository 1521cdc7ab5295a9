using Platform.ServiceDefaults.Database;

namespace Platform.Queue.Telephony;

/// <summary>
/// The commands the platform sends the PBX (docs/telephony.md), written into <c>pbx_commands</c> in the transaction of the
/// change that causes them. The statements here are SQL fragments that other statements append, so a command costs no
/// round trip of its own on the routing path. Every body carries the call, the PBX's own id for it and the agent's device.
/// </summary>
public static class PbxCommands
{
    public const string Ring = "ring";
    public const string StopRinging = "stop_ringing";
    public const string Bridge = "bridge";
    public const string DialOut = "dial_out";
    public const string Announce = "announce";
    public const string EndCall = "end_call";
    public const string Monitor = "monitor";
    public const string Hold = "hold";
    public const string Unhold = "unhold";

    /// <summary>The agent's device as JSON, from <c>agents a</c>.</summary>
    public const string DeviceJson = "jsonb_build_object('extension', a.device_extension, 'sipUri', a.device_sip_uri, 'phone', a.device_phone)";

    /// <summary>One command per agent in <c>@agents</c> about <c>@callId</c>: ring them (until <c>@expiresAt</c>).</summary>
    public const string RingSql = $"""
        INSERT INTO pbx_commands (tenant_id, command_id, call_id, kind, body, created_at)
        SELECT @TenantId, gen_random_uuid(), c.id, 'ring',
               jsonb_build_object('callId', c.id, 'externalId', c.external_id, 'agentId', a.id, 'device', {DeviceJson},
                                  'callerNumber', c.caller_number, 'ringAll', @ringAll, 'expiresAt', @expiresAt), @now
        FROM calls c JOIN agents a ON a.tenant_id = c.tenant_id AND a.id = ANY(@agents)
        WHERE c.tenant_id = @TenantId AND c.id = @callId;
        """;

    /// <summary>Stop ringing <c>@agentId</c> for <c>@callId</c> (<c>@reason</c>).</summary>
    public const string StopRingingSql = $"""
        INSERT INTO pbx_commands (tenant_id, command_id, call_id, kind, body, created_at)
        SELECT @TenantId, gen_random_uuid(), c.id, 'stop_ringing',
               jsonb_build_object('callId', c.id, 'externalId', c.external_id, 'agentId', a.id, 'device', {DeviceJson}, 'reason', @reason::text), @now
        FROM calls c JOIN agents a ON a.tenant_id = c.tenant_id AND a.id = @agentId
        WHERE c.tenant_id = @TenantId AND c.id = @callId;
        """;

    /// <summary>
    /// The call was answered by <c>@agentId</c>: bridge the caller to the agent's device; for a callback the caller is not on
    /// the line, so the PBX dials the callback number and bridges the agent when it answers (dial_out, purpose callback).
    /// </summary>
    public const string AnsweredSql = $"""
        INSERT INTO pbx_commands (tenant_id, command_id, call_id, kind, body, created_at)
        SELECT @TenantId, gen_random_uuid(), c.id, CASE WHEN c.callback_number IS NULL THEN 'bridge' ELSE 'dial_out' END,
               CASE WHEN c.callback_number IS NULL
                    THEN jsonb_build_object('callId', c.id, 'externalId', c.external_id, 'agentId', a.id, 'device', {DeviceJson})
                    ELSE jsonb_build_object('callId', c.id, 'externalId', c.external_id, 'agentId', a.id, 'device', {DeviceJson},
                                            'number', c.callback_number, 'callerId', c.dialled_number, 'purpose', 'callback',
                                            'resultUrl', '/api/queue/calls/' || c.id || '/dial-result') END, @now
        FROM calls c JOIN agents a ON a.tenant_id = c.tenant_id AND a.id = @agentId
        WHERE c.tenant_id = @TenantId AND c.id = @callId;
        """;

    /// <summary>
    /// <c>@kind</c> is <c>hold</c> (put the caller's leg on hold with music, the agent's device stays connected) or <c>unhold</c>
    /// (connect them again), for <c>@callId</c> held by <c>@agentId</c>; <c>@holds</c> numbers the hold within the call.
    /// </summary>
    public const string HoldSql = $"""
        INSERT INTO pbx_commands (tenant_id, command_id, call_id, kind, body, created_at)
        SELECT @TenantId, gen_random_uuid(), c.id, @kind,
               jsonb_build_object('callId', c.id, 'externalId', c.external_id, 'agentId', a.id, 'device', {DeviceJson}, 'hold', @holds), @now
        FROM calls c JOIN agents a ON a.tenant_id = c.tenant_id AND a.id = @agentId
        WHERE c.tenant_id = @TenantId AND c.id = @callId;
        """;

    /// <summary>End the call on the PBX (the caller is told why, <c>@reason</c>): refused by a queue's limits, or settled by a resynchronisation.</summary>
    public const string EndCallSql = """
        INSERT INTO pbx_commands (tenant_id, command_id, call_id, kind, body, created_at)
        SELECT @TenantId, gen_random_uuid(), c.id, 'end_call',
               jsonb_build_object('callId', c.id, 'externalId', c.external_id, 'reason', @reason::text), @now
        FROM calls c WHERE c.tenant_id = @TenantId AND c.id = @callId AND c.callback_number IS NULL;
        """;

    /// <summary>Any other command: its body as given.</summary>
    public static Task SendAsync(TenantSession session, string kind, Guid? callId, object body, DateTimeOffset now, CancellationToken ct) =>
        session.ExecuteAsync("""
            INSERT INTO pbx_commands (tenant_id, command_id, call_id, kind, body, created_at)
            VALUES (@TenantId, gen_random_uuid(), @callId, @kind, CAST(@body AS jsonb), @now)
            """, new { session.TenantId, callId, kind, body = System.Text.Json.JsonSerializer.Serialize(body, System.Text.Json.JsonSerializerOptions.Web), now }, ct);
}
