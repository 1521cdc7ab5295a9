using Npgsql;
using Platform.Contracts.Projects;
using Platform.Reporting.Projections;

namespace Platform.Reporting.Projects;

/// <summary>Starts a new project's figures at zero (same class name as before: its inbox rows stay valid).</summary>
public sealed class ProjectCreatedConsumer(NpgsqlDataSource dataSource, ILoggerFactory logs) : ProjectionConsumer<ProjectCreated>(dataSource, logs);

public sealed class ProjectCreatedConsumerDefinition : ProjectionConsumerDefinition<ProjectCreatedConsumer>;
