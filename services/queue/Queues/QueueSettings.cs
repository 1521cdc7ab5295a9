using Platform.Queue.Routing;

namespace Platform.Queue.Queues;

/// <summary>What happens to a call when no member agent is logged in: it waits, overflows, or is refused.</summary>
public static class NoAgentsPolicy
{
    public const string Wait = "wait";
    public const string Overflow = "overflow";
    public const string Reject = "reject";
    public static readonly string[] All = [Wait, Overflow, Reject];
}

/// <summary>
/// A queue's configuration as sent by an admin; <see cref="QueueSettings.From"/> checks it all at once, by field. A field
/// the platform does not know is refused (a misspelt <c>maxWait</c> would otherwise be read as "no limit").
/// </summary>
[System.Text.Json.Serialization.JsonUnmappedMemberHandling(System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow)]
public sealed record QueueSettingsRequest(
    string? Name,
    string? Strategy,
    int? ServiceLevelPercent,
    int? ServiceLevelSeconds,
    int? WrapUpSeconds,
    SkillRequirement[]? RequiredSkills,
    RelaxationStep[]? Relaxation,
    PriorityAging? Aging,
    int? RingAllWidth,
    int? OfferTimeoutSeconds,
    int? MaxWaitSeconds,
    int? MaxLength,
    Guid? OverflowQueueId,
    string? WhenNoAgents,
    int? DefaultHandleSeconds,
    string[]? DialledNumbers,
    bool? PauseOnRingNoAnswer = null,
    int? CallbackMaxAttempts = null,
    int? CallbackRetryMinutes = null,
    int? AnnounceEverySeconds = null,
    bool? AnnouncePosition = null,
    bool? AnnounceWait = null,
    string? MusicOnHold = null,
    int? ShortAbandonSeconds = null,
    string? ShortAbandons = null);

/// <summary>A queue's checked configuration, with the trade's defaults for what was not given.</summary>
public sealed record QueueSettings(
    string Name,
    RoutingStrategy Strategy,
    int ServiceLevelPercent,
    int ServiceLevelSeconds,
    int WrapUpSeconds,
    SkillRequirement[] RequiredSkills,
    RelaxationStep[] Relaxation,
    PriorityAging? Aging,
    int RingAllWidth,
    int OfferTimeoutSeconds,
    int? MaxWaitSeconds,
    int? MaxLength,
    Guid? OverflowQueueId,
    string WhenNoAgents,
    int DefaultHandleSeconds,
    string[] DialledNumbers,
    bool PauseOnRingNoAnswer,
    int CallbackMaxAttempts = 3,
    int CallbackRetryMinutes = 15,
    int? AnnounceEverySeconds = null,
    bool AnnouncePosition = true,
    bool AnnounceWait = true,
    string MusicOnHold = "default",
    int ShortAbandonSeconds = QueueSettings.DefaultShortAbandonSeconds,
    string ShortAbandons = QueueSettings.ShortAbandonsCounted)
{
    /// <summary>Whether short abandons count in the queue's abandonment rate (the default) or are left out of it.</summary>
    public const string ShortAbandonsCounted = "counted", ShortAbandonsExcluded = "excluded";

    /// <summary>A caller who hangs up within this many seconds of waiting is a short abandon (reporting counts them apart).</summary>
    public const int DefaultShortAbandonSeconds = 5;

    public const int MaxNameLength = 120;
    public const int MaxSkills = 20;
    public const int MaxRelaxationSteps = 10;

    public QueueRules Rules => new(Strategy, RequiredSkills, Relaxation, Aging, RingAllWidth);

    public static (QueueSettings? Settings, Dictionary<string, string[]> Errors) From(QueueSettingsRequest request, Guid? queueId = null)
    {
        var errors = new Dictionary<string, string[]>();
        var name = request.Name?.Trim() ?? "";
        if (name.Length is 0 or > MaxNameLength || name.Any(char.IsControl))
        {
            errors["name"] = [$"1 to {MaxNameLength} printable characters."];
        }
        var strategy = RoutingStrategy.LongestIdle;
        if (request.Strategy is not null && !RoutingStrategyNames.TryParse(request.Strategy, out strategy))
        {
            errors["strategy"] = [$"One of: {string.Join(", ", RoutingStrategyNames.All)}."];
        }
        Check(errors, "serviceLevelPercent", request.ServiceLevelPercent, 1, 100);
        Check(errors, "serviceLevelSeconds", request.ServiceLevelSeconds, 1, 3600);
        Check(errors, "wrapUpSeconds", request.WrapUpSeconds, 0, 3600);
        Check(errors, "ringAllWidth", request.RingAllWidth, 2, 50);
        Check(errors, "offerTimeoutSeconds", request.OfferTimeoutSeconds, 3, 120);
        Check(errors, "maxWaitSeconds", request.MaxWaitSeconds, 1, 86_400);
        Check(errors, "maxLength", request.MaxLength, 1, 100_000);
        Check(errors, "defaultHandleSeconds", request.DefaultHandleSeconds, 1, 86_400);
        Check(errors, "callbackMaxAttempts", request.CallbackMaxAttempts, 1, 10);
        Check(errors, "callbackRetryMinutes", request.CallbackRetryMinutes, 1, 1440);
        Check(errors, "announceEverySeconds", request.AnnounceEverySeconds, 10, 3600);
        Check(errors, "shortAbandonSeconds", request.ShortAbandonSeconds, 0, 600);
        if (request.ShortAbandons is { } choice && choice is not (ShortAbandonsCounted or ShortAbandonsExcluded))
        {
            errors["shortAbandons"] = [$"'{ShortAbandonsCounted}' (short abandons count in the abandonment rate) or '{ShortAbandonsExcluded}' (they are left out of it)."];
        }
        if (request.MusicOnHold is { } moh && !System.Text.RegularExpressions.Regex.IsMatch(moh, "^[a-z0-9_-]{1,40}$"))
        {
            errors["musicOnHold"] = ["The PBX's music-on-hold class: 1 to 40 of a-z, 0-9, _ and -."];
        }
        var skills = request.RequiredSkills ?? [];
        if (skills.Length > MaxSkills
            || skills.Any(s => s is null || !SkillName.IsValid(s.Skill) || s.MinimumProficiency is < 1 or > 10)
            || skills.Select(s => s?.Skill?.ToLowerInvariant()).Distinct().Count() != skills.Length)
        {
            errors["requiredSkills"] = [$"At most {MaxSkills} distinct skills ({SkillName.Rule}), each with a minimum proficiency from 1 to 10."];
        }
        var relaxation = request.Relaxation ?? [];
        if (relaxation.Length > MaxRelaxationSteps
            || relaxation.Any(r => r is null || r.AfterSeconds is < 1 or > 86_400 || r.LowerMinimumBy is < 0 or > 9)
            || relaxation.Select(r => r?.AfterSeconds).Distinct().Count() != relaxation.Length)
        {
            errors["relaxation"] = [$"At most {MaxRelaxationSteps} steps with distinct afterSeconds (1 to 86400) and lowerMinimumBy from 0 to 9."];
        }
        if (request.Aging is { } aging && (aging.EverySeconds is < 1 or > 3600 || aging.MaxBoost is < 1 or > 100))
        {
            errors["aging"] = ["everySeconds from 1 to 3600 and maxBoost from 1 to 100, or no aging at all."];
        }
        var whenNoAgents = request.WhenNoAgents ?? NoAgentsPolicy.Wait;
        if (!NoAgentsPolicy.All.Contains(whenNoAgents))
        {
            errors["whenNoAgents"] = [$"One of: {string.Join(", ", NoAgentsPolicy.All)}."];
        }
        else if (whenNoAgents == NoAgentsPolicy.Overflow && request.OverflowQueueId is null)
        {
            errors["overflowQueueId"] = ["An overflow queue is needed when calls overflow with no agent logged in."];
        }
        if (request.OverflowQueueId is { } overflow && overflow == queueId)
        {
            errors["overflowQueueId"] = ["A queue cannot overflow into itself."];
        }
        var numbers = request.DialledNumbers ?? [];
        var normalised = numbers.Select(n => CallerNumber.Normalise(n).Number).ToArray();
        if (numbers.Length > 50 || normalised.Any(n => n is null) || normalised.Distinct().Count() != numbers.Length)
        {
            errors["dialledNumbers"] = ["At most 50 distinct phone numbers in international form (+420…)."];
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        return (new QueueSettings(
            name, strategy,
            request.ServiceLevelPercent ?? 80, request.ServiceLevelSeconds ?? 20, request.WrapUpSeconds ?? 30,
            skills.Select(s => new SkillRequirement(s.Skill.Trim().ToLowerInvariant(), s.MinimumProficiency)).ToArray(),
            relaxation.OrderBy(r => r.AfterSeconds).ToArray(),
            request.Aging,
            request.RingAllWidth ?? 5, request.OfferTimeoutSeconds ?? 15, request.MaxWaitSeconds, request.MaxLength,
            request.OverflowQueueId, whenNoAgents, request.DefaultHandleSeconds ?? 180, normalised.Select(n => n!).ToArray(),
            request.PauseOnRingNoAnswer ?? true, request.CallbackMaxAttempts ?? 3, request.CallbackRetryMinutes ?? 15,
            request.AnnounceEverySeconds, request.AnnouncePosition ?? true, request.AnnounceWait ?? true, request.MusicOnHold ?? "default",
            request.ShortAbandonSeconds ?? DefaultShortAbandonSeconds, request.ShortAbandons ?? ShortAbandonsCounted), errors);
    }

    private static void Check(Dictionary<string, string[]> errors, string field, int? value, int min, int max)
    {
        if (value is { } v && (v < min || v > max))
        {
            errors[field] = [$"From {min} to {max}."];
        }
    }
}
