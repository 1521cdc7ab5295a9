using System.Text.Json.Serialization;
using Platform.Queue.Dialer.Pacing;

namespace Platform.Queue.Dialer.Campaigns;

/// <summary>What an admin writes to make or edit a campaign (docs/dialer.md), and its checks.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record CampaignDefinition(
    Guid? ProjectId, string? Name, string? DialMode, string? CallerId, CampaignSource? Source, Guid[]? AgentIds, Guid[]? GroupIds,
    CampaignHours? Hours, double? AbandonCapPercent, int? RingSeconds)
{
    public const double DefaultAbandonCapPercent = 3;
    public const int DefaultRingSeconds = 25;
    public static readonly string[] Statuses = ["potential", "hot_potential", "accompanied"];
    public const string DailyPlan = "daily_plan";
    public static readonly string[] SourceKinds = ["project_list", "search", "call_list", DailyPlan];

    /// <summary>The definition with its defaults and normalised caller id, or the errors by field.</summary>
    public (Valid? Campaign, Dictionary<string, string[]> Errors) Check()
    {
        var errors = new Dictionary<string, string[]>();
        if (ProjectId is null || ProjectId == Guid.Empty)
        {
            errors["projectId"] = ["Required: the project the campaign calls for."];
        }
        var name = Name?.Trim();
        if (name is not { Length: > 0 and <= 120 } || name.Any(char.IsControl))
        {
            errors["name"] = ["1 to 120 printable characters."];
        }
        if (!TryMode(DialMode, out var mode))
        {
            errors["dialMode"] = ["One of preview, progressive, predictive."];
        }
        var (callerId, callerProblem) = CallerNumber.Normalise(CallerId);
        if (callerProblem is not null)
        {
            errors["callerId"] = [$"The number presented to the called party: {callerProblem}"];
        }
        var source = Source ?? new CampaignSource("project_list", null, null);
        if (!SourceKinds.Contains(source.Kind))
        {
            errors["source.kind"] = [$"One of {string.Join(", ", SourceKinds)}."];
        }
        if (source.Statuses?.FirstOrDefault(s => !Statuses.Contains(s)) is { } badStatus)
        {
            errors["source.statuses"] = [$"'{badStatus}' is not a callable status: {string.Join(", ", Statuses)}."];
        }
        if (source.Kind == "project_list" && (source.Statuses is { Length: > 0 } || source.VipOnly == true))
        {
            errors["source.kind"] = ["A project_list takes every callable contact; filter with kind 'search'."];
        }
        if (source.Kind == "call_list" && (source.CallListId ?? Guid.Empty) == Guid.Empty)
        {
            errors["source.callListId"] = ["Required for a call_list: the import whose contacts the campaign calls."];
        }
        if (source.Kind != "call_list" && source.CallListId is not null)
        {
            errors["source.callListId"] = ["Only a call_list names a call list."];
        }
        if (source.Kind == DailyPlan && (source.Statuses is { Length: > 0 } || source.VipOnly == true))
        {
            errors["source.kind"] = ["A daily_plan dials each agent's plan of the day as drawn; it takes no filter."];
        }
        if (source.Kind == DailyPlan && mode == Pacing.DialMode.Predictive)
        {
            errors["dialMode"] = ["A plan of the day is its agent's own: each call goes to the agent whose plan it is, so preview or progressive."];
        }
        if (Hours is { } hours && (hours.From is null || hours.To is null || hours.From >= hours.To))
        {
            errors["hours"] = ["from and to (HH:mm, the contact's local time), from before to; leave hours out to follow the calendar alone."];
        }
        if (AbandonCapPercent is { } cap && (double.IsNaN(cap) || cap <= 0 || cap > 100))
        {
            errors["abandonCapPercent"] = ["Above 0 and at most 100 (the regulators' 3 by default)."];
        }
        if (RingSeconds is < 5 or > 120)
        {
            errors["ringSeconds"] = ["5 to 120 seconds of ringing before no answer."];
        }
        if ((AgentIds?.Length ?? 0) + (GroupIds?.Length ?? 0) > 1000)
        {
            errors["agentIds"] = ["At most 1000 agents and groups."];
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        return (new Valid(ProjectId!.Value, name!, mode, callerId!, source.Kind!, source.Statuses?.Distinct().ToArray() ?? [], source.VipOnly ?? false,
            source.CallListId, AgentIds?.Distinct().ToArray() ?? [], GroupIds?.Distinct().ToArray() ?? [], Hours?.From, Hours?.To,
            AbandonCapPercent ?? DefaultAbandonCapPercent, RingSeconds ?? DefaultRingSeconds), errors);
    }

    public sealed record Valid(Guid ProjectId, string Name, DialMode Mode, string CallerId, string SourceKind, string[] Statuses, bool VipOnly,
        Guid? CallListId, Guid[] AgentIds, Guid[] GroupIds, TimeOnly? HoursFrom, TimeOnly? HoursTo, double AbandonCapPercent, int RingSeconds);

    public static bool TryMode(string? name, out DialMode mode)
    {
        mode = name switch { "preview" => Pacing.DialMode.Preview, "progressive" => Pacing.DialMode.Progressive, "predictive" => Pacing.DialMode.Predictive, _ => (DialMode)(-1) };
        return Enum.IsDefined(mode);
    }

    public static string NameOf(DialMode mode) => mode switch
    {
        Pacing.DialMode.Preview => "preview",
        Pacing.DialMode.Progressive => "progressive",
        _ => "predictive",
    };
}

/// <summary>
/// Whom the campaign calls: every callable contact of the project (<c>project_list</c>), a saved search over them
/// (<c>search</c>), the contacts one call list created (<c>call_list</c>, <see cref="CallListId"/> the CRM's import,
/// optionally narrowed like a search), or the plan of the day of each of its agents (<c>daily_plan</c>: each agent is
/// dialed the contacts of their own plan).
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record CampaignSource(string? Kind, string[]? Statuses, bool? VipOnly, Guid? CallListId = null);

/// <summary>The campaign's hours in each contact's own local time (inside the client company's calendar, which also applies).</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record CampaignHours(TimeOnly? From, TimeOnly? To);
