using Npgsql;
using Platform.Contracts.Contacts;
using Platform.Contracts.Projects;
using Platform.Contracts.Queue;
using Platform.Contracts.Scripts;

namespace Platform.Reporting.Projections;

// One consumer per event reporting counts (found by assembly scanning); each does the same thing, see ProjectionConsumer.
public sealed class CallQueuedConsumer(NpgsqlDataSource db) : ProjectionConsumer<CallQueued>(db);
public sealed class CallAnsweredConsumer(NpgsqlDataSource db) : ProjectionConsumer<CallAnswered>(db);
public sealed class CallAbandonedConsumer(NpgsqlDataSource db) : ProjectionConsumer<CallAbandoned>(db);
public sealed class CallbackRequestedConsumer(NpgsqlDataSource db) : ProjectionConsumer<CallbackRequested>(db);
public sealed class QueueOverflowedConsumer(NpgsqlDataSource db) : ProjectionConsumer<QueueOverflowed>(db);
public sealed class CallCompletedConsumer(NpgsqlDataSource db) : ProjectionConsumer<CallCompleted>(db);
public sealed class CallTransferredConsumer(NpgsqlDataSource db) : ProjectionConsumer<CallTransferred>(db);
public sealed class AgentChangedConsumer(NpgsqlDataSource db) : ProjectionConsumer<AgentChanged>(db);
public sealed class AgentStateChangedConsumer(NpgsqlDataSource db) : ProjectionConsumer<AgentStateChanged>(db);
public sealed class CallOutcomeRecordedConsumer(NpgsqlDataSource db) : ProjectionConsumer<CallOutcomeRecorded>(db);
public sealed class DailyPlanDrawnConsumer(NpgsqlDataSource db) : ProjectionConsumer<DailyPlanDrawn>(db);
public sealed class ProjectUpdatedConsumer(NpgsqlDataSource db) : ProjectionConsumer<ProjectUpdated>(db);
public sealed class ComplaintOpenedConsumer(NpgsqlDataSource db) : ProjectionConsumer<ComplaintOpened>(db);
public sealed class ComplaintResolvedConsumer(NpgsqlDataSource db) : ProjectionConsumer<ComplaintResolved>(db);
public sealed class OrderPlacedConsumer(NpgsqlDataSource db) : ProjectionConsumer<OrderPlaced>(db);
public sealed class ScriptSessionCompletedConsumer(NpgsqlDataSource db) : ProjectionConsumer<ScriptSessionCompleted>(db);
