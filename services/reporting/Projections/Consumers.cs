using Npgsql;
using Platform.Contracts.Contacts;
using Platform.Contracts.Projects;
using Platform.Contracts.Queue;
using Platform.Contracts.Scripts;

namespace Platform.Reporting.Projections;

// One consumer per event reporting counts (found by assembly scanning, with its batch definition); each does the same
// thing, see ProjectionConsumer and ProjectionConsumerDefinition.
public sealed class CallQueuedConsumer(NpgsqlDataSource db) : ProjectionConsumer<CallQueued>(db);
public sealed class CallAnsweredConsumer(NpgsqlDataSource db) : ProjectionConsumer<CallAnswered>(db);
public sealed class CallAbandonedConsumer(NpgsqlDataSource db) : ProjectionConsumer<CallAbandoned>(db);
public sealed class CallbackRequestedConsumer(NpgsqlDataSource db) : ProjectionConsumer<CallbackRequested>(db);
public sealed class QueueOverflowedConsumer(NpgsqlDataSource db) : ProjectionConsumer<QueueOverflowed>(db);
public sealed class CallCompletedConsumer(NpgsqlDataSource db) : ProjectionConsumer<CallCompleted>(db);
public sealed class CallTransferredConsumer(NpgsqlDataSource db) : ProjectionConsumer<CallTransferred>(db);
public sealed class AgentChangedConsumer(NpgsqlDataSource db) : ProjectionConsumer<AgentChanged>(db);
public sealed class QueueConfiguredConsumer(NpgsqlDataSource db) : ProjectionConsumer<QueueConfigured>(db);
public sealed class QueueMembersReplacedConsumer(NpgsqlDataSource db) : ProjectionConsumer<QueueMembersReplaced>(db);
public sealed class AgentStateChangedConsumer(NpgsqlDataSource db) : ProjectionConsumer<AgentStateChanged>(db);
public sealed class CallOutcomeRecordedConsumer(NpgsqlDataSource db) : ProjectionConsumer<CallOutcomeRecorded>(db);
public sealed class DailyPlanDrawnConsumer(NpgsqlDataSource db) : ProjectionConsumer<DailyPlanDrawn>(db);
public sealed class ProjectUpdatedConsumer(NpgsqlDataSource db) : ProjectionConsumer<ProjectUpdated>(db);
public sealed class ComplaintOpenedConsumer(NpgsqlDataSource db) : ProjectionConsumer<ComplaintOpened>(db);
public sealed class ComplaintResolvedConsumer(NpgsqlDataSource db) : ProjectionConsumer<ComplaintResolved>(db);
public sealed class OrderPlacedConsumer(NpgsqlDataSource db) : ProjectionConsumer<OrderPlaced>(db);
public sealed class ScriptSessionCompletedConsumer(NpgsqlDataSource db) : ProjectionConsumer<ScriptSessionCompleted>(db);

public sealed class CallQueuedConsumerDefinition : ProjectionConsumerDefinition<CallQueuedConsumer>;
public sealed class CallAnsweredConsumerDefinition : ProjectionConsumerDefinition<CallAnsweredConsumer>;
public sealed class CallAbandonedConsumerDefinition : ProjectionConsumerDefinition<CallAbandonedConsumer>;
public sealed class CallbackRequestedConsumerDefinition : ProjectionConsumerDefinition<CallbackRequestedConsumer>;
public sealed class QueueOverflowedConsumerDefinition : ProjectionConsumerDefinition<QueueOverflowedConsumer>;
public sealed class CallCompletedConsumerDefinition : ProjectionConsumerDefinition<CallCompletedConsumer>;
public sealed class CallTransferredConsumerDefinition : ProjectionConsumerDefinition<CallTransferredConsumer>;
public sealed class AgentChangedConsumerDefinition : ProjectionConsumerDefinition<AgentChangedConsumer>;
public sealed class QueueConfiguredConsumerDefinition : ProjectionConsumerDefinition<QueueConfiguredConsumer>;
public sealed class QueueMembersReplacedConsumerDefinition : ProjectionConsumerDefinition<QueueMembersReplacedConsumer>;
public sealed class AgentStateChangedConsumerDefinition : ProjectionConsumerDefinition<AgentStateChangedConsumer>;
public sealed class CallOutcomeRecordedConsumerDefinition : ProjectionConsumerDefinition<CallOutcomeRecordedConsumer>;
public sealed class DailyPlanDrawnConsumerDefinition : ProjectionConsumerDefinition<DailyPlanDrawnConsumer>;
public sealed class ProjectUpdatedConsumerDefinition : ProjectionConsumerDefinition<ProjectUpdatedConsumer>;
public sealed class ComplaintOpenedConsumerDefinition : ProjectionConsumerDefinition<ComplaintOpenedConsumer>;
public sealed class ComplaintResolvedConsumerDefinition : ProjectionConsumerDefinition<ComplaintResolvedConsumer>;
public sealed class OrderPlacedConsumerDefinition : ProjectionConsumerDefinition<OrderPlacedConsumer>;
public sealed class ScriptSessionCompletedConsumerDefinition : ProjectionConsumerDefinition<ScriptSessionCompletedConsumer>;
