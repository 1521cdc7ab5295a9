using Platform.Contracts.Projects;

namespace Platform.Queue.Queues;

/// <summary>
/// The queue a new project starts with: longest idle agent first, the trade's usual 80 % of calls answered
/// in 20 seconds, 30 seconds of wrap-up. Admins change it later.
/// </summary>
public sealed record DefaultQueue(string Name, string Strategy, int ServiceLevelPercent, int ServiceLevelSeconds, int WrapUpSeconds)
{
    public static DefaultQueue For(ProjectCreated project) =>
        new($"{project.Name} inbound", Strategy: "longest_idle", ServiceLevelPercent: 80, ServiceLevelSeconds: 20, WrapUpSeconds: 30);
}
