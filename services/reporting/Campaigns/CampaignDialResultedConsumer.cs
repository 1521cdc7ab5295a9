using Npgsql;
using Platform.Contracts.Dialer;
using Platform.Reporting.Projections;

namespace Platform.Reporting.Campaigns;

// The dialer's results are counted as every other event (ProjectionConsumer: inbox, business identity, event log, a batch at a time).
public sealed class CampaignDialResultedConsumer(NpgsqlDataSource db, ILoggerFactory logs) : ProjectionConsumer<CampaignDialResulted>(db, logs);

public sealed class CampaignDialResultedConsumerDefinition : ProjectionConsumerDefinition<CampaignDialResultedConsumer>;
