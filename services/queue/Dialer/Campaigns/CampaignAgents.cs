namespace Platform.Queue.Dialer.Campaigns;

/// <summary>The agents who work a campaign: those named, and the members of its groups.</summary>
public static class CampaignAgents
{
    /// <summary>A row source <c>m (campaign_id, agent_id)</c> of every campaign's agents, for <c>FROM</c>.</summary>
    public const string OfCampaignSql = """
        (SELECT ca.campaign_id, ca.agent_id FROM campaign_agents ca WHERE ca.tenant_id = current_tenant_id()
         UNION
         SELECT cg.campaign_id, ag.id FROM campaign_groups cg JOIN agents ag ON ag.tenant_id = cg.tenant_id AND ag.group_id = cg.group_id
         WHERE cg.tenant_id = current_tenant_id()) AS m
        """;
}
