using MassTransit;
using NodaTime;
using Npgsql;
using Platform.Clients.Projects;
using Platform.Contracts.Queue;
using Platform.ServiceDefaults.Database;

namespace Platform.Clients.Callbacks;

/// <summary>Answers the queue service's <see cref="FindProjectOpening"/> from the project's calendar (read only).</summary>
public sealed class ProjectOpeningConsumer(NpgsqlDataSource db) : IConsumer<FindProjectOpening>
{
    public async Task Consume(ConsumeContext<FindProjectOpening> context)
    {
        var request = context.Message;
        ProjectSettings? project;
        await using (var session = await db.BeginTenantSessionAsync(request.TenantId, context.CancellationToken))
        {
            project = await ProjectSettings.LoadAsync(session, request.ProjectId, context.CancellationToken);
            await session.CommitAsync(context.CancellationToken);
        }
        if (project is null)
        {
            await context.RespondAsync(new ProjectOpening(request.TenantId, request.ProjectId, false, false, "unknown project", null, null, false));
            return;
        }
        var opening = ProjectOpenings.At(project.Calendar, project.Zone, Instant.FromDateTimeOffset(request.At));
        await context.RespondAsync(new ProjectOpening(request.TenantId, request.ProjectId, true, opening.OpenNow, opening.ClosedBecause,
            opening.ClosesAt?.ToDateTimeOffset(), opening.NextOpensAt?.ToDateTimeOffset(), opening.NextOpensAnotherDay));
    }
}
