using Npgsql;
using Platform.ServiceDefaults.Push;

namespace Platform.Reporting.Live;

/// <summary>
/// From "a tenant's figures changed" (<see cref="LiveNudge"/>, heard by LISTEN on every replica) to the wallboard streams
/// of that tenant open on this replica; each reloads the whole board.
/// </summary>
public sealed class LiveChannel(NpgsqlDataSource db, ILogger<LiveChannel> logger) : NudgeListener<Guid>(db, logger)
{
    protected override string Channel => LiveNudge.Channel;

    protected override bool TryParse(string payload, out Guid tenantId) => Guid.TryParse(payload, out tenantId);
}
