using System.Text.Json;
using Platform.Queue.Routing;
using Platform.ServiceDefaults.Database;

namespace Platform.Queue.Queues;

/// <summary>A queue as stored, and the one query that reads it.</summary>
public sealed class QueueRow
{
    public Guid Id { get; init; }
    public Guid ProjectId { get; init; }
    public string Name { get; init; } = "";
    public bool IsDefault { get; init; }
    public string Strategy { get; init; } = "";
    public int ServiceLevelPercent { get; init; }
    public int ServiceLevelSeconds { get; init; }
    public int WrapUpSeconds { get; init; }
    public string RequiredSkills { get; init; } = "[]";
    public string Relaxation { get; init; } = "[]";
    public int? AgingEverySeconds { get; init; }
    public int? AgingMaxBoost { get; init; }
    public int RingAllWidth { get; init; }
    public int OfferTimeoutSeconds { get; init; }
    public int? MaxWaitSeconds { get; init; }
    public int? MaxLength { get; init; }
    public Guid? OverflowQueueId { get; init; }
    public string WhenNoAgents { get; init; } = NoAgentsPolicy.Wait;
    public int DefaultHandleSeconds { get; init; }
    public Guid? RoundRobinLastAgent { get; init; }
    public string[] DialledNumbers { get; init; } = [];
    public bool PauseOnRingNoAnswer { get; init; } = true;
    public int CallbackMaxAttempts { get; init; } = 3;
    public int CallbackRetryMinutes { get; init; } = 15;
    public int? AnnounceEverySeconds { get; init; }
    public bool AnnouncePosition { get; init; } = true;
    public bool AnnounceWait { get; init; } = true;
    public string MusicOnHold { get; init; } = "default";
    public int ShortAbandonSeconds { get; init; } = QueueSettings.DefaultShortAbandonSeconds;
    public string ShortAbandons { get; init; } = QueueSettings.ShortAbandonsCounted;
    public DateTime CreatedAt { get; init; }

    public const string Columns = """
        id, project_id, name, is_default, strategy, service_level_percent, service_level_seconds, wrap_up_seconds,
        required_skills::text AS required_skills, relaxation::text AS relaxation, aging_every_seconds, aging_max_boost,
        ring_all_width, offer_timeout_seconds, max_wait_seconds, max_length, overflow_queue_id, when_no_agents,
        default_handle_seconds, round_robin_last_agent, dialled_numbers, pause_on_ring_no_answer, created_at,
        callback_max_attempts, callback_retry_minutes, announce_every_seconds, announce_position, announce_wait, music_on_hold,
        short_abandon_seconds, short_abandons
        """;

    public static Task<QueueRow?> FindAsync(TenantSession session, Guid queueId, CancellationToken ct) =>
        session.QuerySingleOrDefaultAsync<QueueRow>(
            $"SELECT {Columns} FROM queues WHERE tenant_id = @TenantId AND id = @queueId", new { session.TenantId, queueId }, ct);

    public PriorityAging? Aging => AgingEverySeconds is { } every && AgingMaxBoost is { } max ? new PriorityAging(every, max) : null;

    public RoutingStrategy RoutingStrategy => RoutingStrategyNames.TryParse(Strategy, out var s) ? s : RoutingStrategy.LongestIdle;

    public QueueRules Rules => new(
        RoutingStrategy,
        JsonSerializer.Deserialize<SkillRequirement[]>(RequiredSkills, JsonSerializerOptions.Web) ?? [],
        JsonSerializer.Deserialize<RelaxationStep[]>(Relaxation, JsonSerializerOptions.Web) ?? [],
        Aging,
        RingAllWidth);
}
