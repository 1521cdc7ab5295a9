using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Contracts.Dialer;
using Platform.Queue.Dialer.Dialing;

namespace Platform.Queue.Dialer.Campaigns;

/// <summary>
/// A campaign over a call list names one of its project's imports: the CRM, which owns them, is asked while the admin
/// waits (a RabbitMQ request with the dialer's lease timeout), so a wrong list is refused at once, not dialed as nothing.
/// </summary>
public static class CallListCheck
{
    /// <summary>Null when the source is fine (or names no list); else 400 (not one of the project's lists) or 503 (the CRM is silent).</summary>
    public static async Task<ProblemHttpResult?> RefusalAsync(IBus bus, DialerOptions options, Guid tenantId, CampaignDefinition.Valid campaign, string title,
        CancellationToken ct)
    {
        if (campaign.CallListId is not { } callListId)
        {
            return null;
        }
        var client = bus.CreateRequestClient<FindCallList>(RequestTimeout.After(s: options.LeaseTimeoutSeconds));
        try
        {
            var found = (await client.GetResponse<CallListFound>(new FindCallList(tenantId, campaign.ProjectId, callListId), ct)).Message;
            return found.Found ? null : TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]>
            {
                ["source.callListId"] = [$"No call list {callListId} in this project (GET /api/clients/projects/{campaign.ProjectId}/imports lists them)."],
            }) { Title = title, Status = StatusCodes.Status400BadRequest });
        }
        catch (RequestTimeoutException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The CRM did not answer in time.",
                detail: $"The call list is checked by the clients service; it gave no answer within {options.LeaseTimeoutSeconds} s. Try again.");
        }
    }
}
