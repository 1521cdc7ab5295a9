namespace Platform.Contracts.Dialer;

/// <summary>
/// A campaign's dial ended without an agent's outcome: nobody answered, a busy line, an answering machine, a fax, an
/// invalid number, a failure, a drop (a person answered and no agent was connected within 2 s), or a preview skipped.
/// The CRM records it on the contact, applies the recycling rules and ends the campaign's lease. A dial a person took to
/// an agent ends with the agent's outcome instead.
/// </summary>
/// <param name="Result">answering_machine, no_answer, busy, fax, invalid_number, failed, dropped, skipped.</param>
public sealed record CampaignDialEnded(
    Guid TenantId, Guid CampaignId, Guid DialId, Guid ContactId, Guid ProjectId, string Result, string? Reason, DateTimeOffset At) : ITenantEvent;
