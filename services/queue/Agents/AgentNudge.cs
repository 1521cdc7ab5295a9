namespace Platform.Queue.Agents;

/// <summary>
/// The NOTIFY payload that tells every replica "this agent changed": the replica holding the agent's push channel
/// reloads the agent's view and sends it. Ids only: the payload never carries personal data.
/// </summary>
public static class AgentNudge
{
    public const string Channel = "queue_agents";

    public static string Payload(Guid tenantId, Guid agentId) => $"{tenantId:N}:{agentId:N}";

    public static bool TryParse(string payload, out Guid tenantId, out Guid agentId)
    {
        agentId = Guid.Empty;
        var parts = payload.Split(':');
        return Guid.TryParseExact(parts[0], "N", out tenantId) & parts.Length == 2 && Guid.TryParseExact(parts[1], "N", out agentId);
    }
}
