using Platform.Queue.Telephony.Signing;
using Platform.Queue.Telephony.Webhooks;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Http;

namespace Platform.Queue.Telephony;

/// <summary>The telephony contract both ways (docs/telephony.md): what the PBX reads and reports, and agents' devices.</summary>
public static class TelephonyApi
{
    public static IEndpointRouteBuilder MapTelephonyApi(this IEndpointRouteBuilder routes)
    {
        var pbx = routes.MapGroup("/api/queue/telephony").WithTags("Telephony").RequireAuthorization(Policies.Telephony);
        pbx.MapGet("/commands", CommandStream.ReadCommands).WithName("ReadPbxCommands")
            .WithSummary("The tenant's PBX commands not yet acknowledged, oldest first; waitSeconds long-polls for the next one.");
        pbx.MapPost("/commands/ack", CommandStream.AcknowledgeCommands).WithName("AcknowledgePbxCommands")
            .WithSummary("Acknowledges carried-out commands by commandId; an unacknowledged command is read again.");
        pbx.MapGet("/calls", LiveCalls.ListLiveCalls).WithName("ListLiveCalls")
            .WithSummary("The calls the platform believes are live (waiting, ringing, on a call), for resynchronisation.");
        pbx.MapPost("/resync", LiveCalls.Resynchronise).WithName("ResynchronisePbx")
            .WithSummary("The PBX's live call ids: the platform settles every call the PBX no longer has, with a reason.");
        pbx.MapPost("/presence", Devices.ReportDevicePresence).WithName("ReportDevicePresence")
            .WithSummary("A device registered or went away: agents with an unregistered device are not offered calls.");

        routes.MapGroup("/api/queue/telephony").WithTags("Telephony").RequireAuthorization(Policies.Admin).MapSigningApi().MapWebhookApi();

        var calls = routes.MapGroup("/api/queue/calls").WithTags("Telephony");
        calls.MapPost("/{callId:guid}/ring-result", RingResults.ReportRingResult).WithName("ReportRingResult").WithRequestExample(new { AgentId = "5d2c9a40-1b7e-4f0a-8c3d-6e9f1a2b3c4d", Result = "answered" }).RequireAuthorization(Policies.Telephony)
            .WithSummary("How ringing an agent's device ended: answered, busy, no_answer, declined, unregistered.");
        calls.MapPost("/{callId:guid}/dial-result", DialResults.ReportDialResult).WithName("ReportDialResult").RequireAuthorization(Policies.Telephony)
            .WithSummary("How a dial-out went: answered (or human), no_answer, busy, answering_machine, fax, invalid_number, failed.");
        calls.MapPost("/{callId:guid}/monitor", Monitoring.MonitorCall).WithName("MonitorCall").RequireAuthorization(Policies.Supervision)
            .WithSummary("A supervisor listens (monitor), whispers to the agent or barges in: the PBX connects their device.");

        routes.MapGroup("/api/queue/agents").WithTags("Agents").RequireAuthorization(Policies.Admin)
            .MapPut("/{agentId:guid}/device", Devices.SetAgentDevice).WithName("SetAgentDevice")
            .WithSummary("The agent's extension or SIP URI, and a phone number for a remote agent.");
        return routes;
    }
}
