namespace Platform.Contracts.Dialer;

/// <summary>
/// A campaign's dial has its result, once per dial placed (reporting's campaign figures): <c>connected</c> (a person with an
/// agent), <c>dropped</c> (a person and no agent within 2 s), or a result without a person — <c>answering_machine</c>,
/// <c>no_answer</c>, <c>busy</c>, <c>fax</c>, <c>invalid_number</c>, <c>failed</c>. Carries the campaign's abandon cap in
/// force at that moment, so a report judges each dial by the cap it was dialed under.
/// </summary>
/// <param name="Mode">preview, progressive or predictive.</param>
/// <param name="AgentId">The agent who took the person (connected), else null.</param>
public sealed record CampaignDialResulted(
    Guid TenantId, Guid CampaignId, Guid ProjectId, Guid DialId, Guid ContactId, string Mode, string Result, Guid? AgentId,
    double AbandonCapPercent, DateTimeOffset At) : ITenantEvent;
