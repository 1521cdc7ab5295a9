using Npgsql;
using Platform.Contracts.Contacts;
using Platform.Contracts.Projects;
using Platform.Contracts.Queue;
using Platform.Contracts.Scripts;

namespace Platform.Reporting.Projections;

// One consumer per event reporting counts (found by assembly scanning, with its batch definition); each does the same
// thing, see ProjectionConsumer and ProjectionConsumerDefinition.
public sealed class CallQueuedConsumer(NpgsqlDataSource db, ILoggerFactory logs) : ProjectionConsumer<CallQueued>(db, logs);
public sealed class CallAnsweredConsumer(NpgsqlDataSource db, ILoggerFactory logs) : ProjectionConsumer<CallAnswered>(db, logs);
public sealed class CallAbandonedConsumer(NpgsqlDataSource db, ILoggerFactory logs) : ProjectionConsumer<CallAbandoned>(db, logs);
public sealed class CallbackRequestedConsumer(NpgsqlDataSource db, ILoggerFactory logs) : ProjectionConsumer<CallbackRequested>(db, logs);
public sealed class QueueOverflowedConsumer(NpgsqlDataSource db, ILoggerFactory logs) : ProjectionConsumer<QueueOverflowed>(db, logs);
public sealed class CallCompletedConsumer(NpgsqlDataSource db, ILoggerFactory logs) : ProjectionConsumer<CallCompleted>(db, logs);
public sealed class CallTransferredConsumer(NpgsqlDataSource db, ILoggerFactory logs) : ProjectionConsumer<CallTransferred>(db, logs);
public sealed class OfferDeclinedConsumer(NpgsqlDataSource db, ILoggerFactory logs) : ProjectionConsumer<OfferDeclined>(db, logs);
public sealed class CallbackCarriedOverConsumer(NpgsqlDataSource db, ILoggerFactory logs) : ProjectionConsumer<CallbackCarriedOver>(db, logs);
public sealed class CallbackCancelledConsumer(NpgsqlDataSource db, ILoggerFactory logs) : ProjectionConsumer<CallbackCancelled>(db, logs);
public sealed class DialOutEndedConsumer(NpgsqlDataSource db, ILoggerFactory logs) : ProjectionConsumer<DialOutEnded>(db, logs);
public sealed class AgentChangedConsumer(NpgsqlDataSource db, ILoggerFactory logs) : ProjectionConsumer<AgentChanged>(db, logs);
public sealed class QueueConfiguredConsumer(NpgsqlDataSource db, ILoggerFactory logs) : ProjectionConsumer<QueueConfigured>(db, logs);
public sealed class QueueMembersReplacedConsumer(NpgsqlDataSource db, ILoggerFactory logs) : ProjectionConsumer<QueueMembersReplaced>(db, logs);
public sealed class AgentStateChangedConsumer(NpgsqlDataSource db, ILoggerFactory logs) : ProjectionConsumer<AgentStateChanged>(db, logs);
public sealed class CallOutcomeRecordedConsumer(NpgsqlDataSource db, ILoggerFactory logs) : ProjectionConsumer<CallOutcomeRecorded>(db, logs);
public sealed class DailyPlanDrawnConsumer(NpgsqlDataSource db, ILoggerFactory logs) : ProjectionConsumer<DailyPlanDrawn>(db, logs);
public sealed class ProjectUpdatedConsumer(NpgsqlDataSource db, ILoggerFactory logs) : ProjectionConsumer<ProjectUpdated>(db, logs);
public sealed class ComplaintOpenedConsumer(NpgsqlDataSource db, ILoggerFactory logs) : ProjectionConsumer<ComplaintOpened>(db, logs);
public sealed class ComplaintResolvedConsumer(NpgsqlDataSource db, ILoggerFactory logs) : ProjectionConsumer<ComplaintResolved>(db, logs);
public sealed class OrderPlacedConsumer(NpgsqlDataSource db, ILoggerFactory logs) : ProjectionConsumer<OrderPlaced>(db, logs);
public sealed class ScriptSessionCompletedConsumer(NpgsqlDataSource db, ILoggerFactory logs) : ProjectionConsumer<ScriptSessionCompleted>(db, logs);

public sealed class CallQueuedConsumerDefinition : ProjectionConsumerDefinition<CallQueuedConsumer>;
public sealed class CallAnsweredConsumerDefinition : ProjectionConsumerDefinition<CallAnsweredConsumer>;
public sealed class CallAbandonedConsumerDefinition : ProjectionConsumerDefinition<CallAbandonedConsumer>;
public sealed class CallbackRequestedConsumerDefinition : ProjectionConsumerDefinition<CallbackRequestedConsumer>;
public sealed class QueueOverflowedConsumerDefinition : ProjectionConsumerDefinition<QueueOverflowedConsumer>;
public sealed class CallCompletedConsumerDefinition : ProjectionConsumerDefinition<CallCompletedConsumer>;
public sealed class CallTransferredConsumerDefinition : ProjectionConsumerDefinition<CallTransferredConsumer>;
public sealed class OfferDeclinedConsumerDefinition : ProjectionConsumerDefinition<OfferDeclinedConsumer>;
public sealed class CallbackCarriedOverConsumerDefinition : ProjectionConsumerDefinition<CallbackCarriedOverConsumer>;
public sealed class CallbackCancelledConsumerDefinition : ProjectionConsumerDefinition<CallbackCancelledConsumer>;
public sealed class DialOutEndedConsumerDefinition : ProjectionConsumerDefinition<DialOutEndedConsumer>;
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
