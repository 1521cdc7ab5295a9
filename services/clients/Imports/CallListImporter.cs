using System.Text.Json;
using Dapper;
using Npgsql;
using Platform.Clients.Contacts;
using Platform.Clients.Lifecycle;
using Platform.Clients.Privacy;
using Platform.Clients.Projects;
using Platform.Clients.Suppression;
using Platform.Contracts.Contacts;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Messaging.Outbox;

namespace Platform.Clients.Imports;

/// <summary>
/// Runs call-list imports on whichever replica claims them. Good rows go in even when others are broken; a number
/// already in the project (or earlier in the file) is a duplicate, never a second contact, so importing the same file
/// again adds nothing. Each batch commits its contacts, their history and events, its row errors and the progress
/// together; a job taken over after a crash resumes after its last committed batch.
/// </summary>
public sealed partial class CallListImporter([FromKeyedServices(CrossTenantDataSource.Key)] NpgsqlDataSource db, ImportOptions options, DoNotCallList doNotCall, TimeProvider clock,
    ILogger<CallListImporter> logger) : BackgroundService
{
    private sealed class Job
    {
        public Guid TenantId { get; init; }
        public Guid Id { get; init; }
        public Guid ProjectId { get; init; }
        public string Mapping { get; init; } = "{}";
        public int? TotalRows { get; init; }
        public int RowsDone { get; init; }
        public string? Encoding { get; init; }
        public Guid CreatedBy { get; init; }
        public string? Consent { get; init; }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A job interrupted by a database outage is this worker's to resume once the database answers again (after its last
        // committed batch); only an error of the job itself fails it.
        (Guid TenantId, Guid Id)? interrupted = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            (Guid TenantId, Guid Id)? claimed = null;
            try
            {
                claimed = interrupted ?? await ClaimAsync(stoppingToken);
                interrupted = null;
                if (claimed is { } job)
                {
                    await RunAsync(job.TenantId, job.Id, stoppingToken);
                    continue;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (DatabaseOutage.Is(exception))
            {
                LogDatabaseAway(exception.Message, claimed?.Id);
                interrupted = claimed;
            }
            catch (Exception exception)
            {
                LogImportFailed(exception, claimed?.Id);
                if (claimed is { } job)
                {
                    try
                    {
                        await FinishAsync(job.TenantId, job.Id, "failed", "The import stopped on an unexpected error; the rows before it are in.", CancellationToken.None);
                    }
                    catch (Exception finishing) when (DatabaseOutage.Is(finishing))
                    {
                        interrupted = claimed; // not marked failed: taken up again when the database is back
                    }
                }
            }
            await Task.Delay(options.PollMilliseconds, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private async Task<(Guid, Guid)?> ClaimAsync(CancellationToken ct)
    {
        await using var connection = await DatabaseResilience.OpenAsync(db, ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync("SELECT set_config('app.system_task', 'imports', true)", transaction: transaction);
        const string sql = """
            WITH next AS (
                SELECT tenant_id, id FROM imports
                WHERE status = 'queued' OR (status = 'running' AND claimed_at < now() - make_interval(mins => @StaleMinutes))
                ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
            UPDATE imports i SET status = 'running', claimed_at = now() FROM next
            WHERE i.tenant_id = next.tenant_id AND i.id = next.id
            RETURNING i.tenant_id, i.id
            """;
        var claimed = await connection.QuerySingleOrDefaultAsync<(Guid, Guid)?>(new CommandDefinition(sql, new { options.StaleMinutes }, transaction, cancellationToken: ct));
        await transaction.CommitAsync(ct);
        return claimed;
    }

    private async Task RunAsync(Guid tenantId, Guid importId, CancellationToken ct)
    {
        Job job;
        ProjectSettings project;
        await using (var session = await db.BeginTenantSessionAsync(tenantId, ct))
        {
            job = (await session.QuerySingleOrDefaultAsync<Job>("""
                SELECT tenant_id, id, project_id, mapping::text AS mapping, total_rows, rows_done, encoding, created_by, consent::text AS consent FROM imports
                WHERE tenant_id = @tenantId AND id = @importId
                """, new { tenantId, importId }, ct))!;
            project = (await ProjectSettings.LoadAsync(session, job.ProjectId, ct))!;
        }
        // The encoding: the uploader's, or detected over the whole file once per job (a warning when it is a guess).
        var encodingName = job.Encoding;
        if (encodingName is null)
        {
            var sniffer = new TextEncodings.Sniffer();
            var buffer = new byte[64 * 1024];
            await using (var file = ImportFile.Open(db, tenantId, importId))
            {
                int read;
                while ((read = await file.ReadAsync(buffer, ct)) > 0)
                {
                    sniffer.Add(buffer.AsSpan(0, read));
                }
            }
            var detected = sniffer.Result();
            encodingName = detected.Name;
            await using var session = await db.BeginTenantSessionAsync(tenantId, ct);
            await session.ExecuteAsync("""
                UPDATE imports SET encoding = @Name, warnings = CASE WHEN @Warning::text IS NULL THEN warnings ELSE array_append(warnings, @Warning) END
                WHERE tenant_id = @tenantId AND id = @importId
                """, new { detected.Name, detected.Warning, tenantId, importId }, ct);
            await session.CommitAsync(ct);
        }
        var encoding = TextEncodings.ByName(encodingName)!;
        CsvFile.Line? headerLine;
        await using (var file = ImportFile.Open(db, tenantId, importId))
        {
            headerLine = await CsvFile.HeaderLineAsync(file, encoding, ct);
        }
        if (headerLine is null)
        {
            await FinishAsync(tenantId, importId, "failed", $"The file has no readable header line in {encodingName}.", ct);
            return;
        }
        var header = headerLine.Fields;
        await using (var session = await db.BeginTenantSessionAsync(tenantId, ct))
        {
            await session.ExecuteAsync("UPDATE imports SET header = @Raw WHERE tenant_id = @tenantId AND id = @importId", new { headerLine.Raw, tenantId, importId }, ct);
            await session.CommitAsync(ct);
        }
        var mapping = JsonSerializer.Deserialize<ColumnMapping>(job.Mapping, JsonSerializerOptions.Web) ?? ColumnMapping.Default;
        var consent = job.Consent is null ? null : JsonSerializer.Deserialize<ImportConsent>(job.Consent, JsonSerializerOptions.Web);
        var (columns, errors) = mapping.Resolve(header);
        if (columns is null)
        {
            await FinishAsync(tenantId, importId, "failed", string.Join(" ", errors.SelectMany(e => e.Value)), ct);
            return;
        }
        // Streamed from the stored chunks: one pass counts the records for the progress (once per job), the next reads them
        // batch by batch, after the batches a previous worker committed; no more than a chunk and a batch are held.
        if (job.TotalRows is null)
        {
            var records = 0;
            await using (var file = ImportFile.Open(db, tenantId, importId))
            {
                await foreach (var _ in CsvFile.ReadAsync(file, encoding, ct))
                {
                    records++;
                }
            }
            await using var session = await db.BeginTenantSessionAsync(tenantId, ct);
            await session.ExecuteAsync("UPDATE imports SET total_rows = @Total WHERE tenant_id = @tenantId AND id = @importId",
                new { Total = Math.Max(records - 1, 0), tenantId, importId }, ct);
            await session.CommitAsync(ct);
        }
        await using (var file = ImportFile.Open(db, tenantId, importId))
        {
            var batch = new List<CsvFile.Line>(options.BatchSize);
            var skip = 1 + job.RowsDone;
            await foreach (var line in CsvFile.ReadAsync(file, encoding, ct))
            {
                if (skip > 0)
                {
                    skip--;
                    continue;
                }
                batch.Add(line);
                if (batch.Count == options.BatchSize)
                {
                    await ImportBatchAsync(job, project, header, columns, consent, batch, ct);
                    batch.Clear();
                }
            }
            if (batch.Count > 0)
            {
                await ImportBatchAsync(job, project, header, columns, consent, batch, ct);
            }
        }
        await FinishAsync(tenantId, importId, "done", null, ct);
    }

    private async Task ImportBatchAsync(Job job, ProjectSettings project, string[] header, ResolvedColumns columns, ImportConsent? consent, List<CsvFile.Line> batch,
        CancellationToken ct)
    {
        var now = clock.GetUtcNowAsStored();
        var problems = new List<(int Line, string Column, string Reason, string Original)>();
        var contacts = new Dictionary<string, (int Line, NewContact Contact)>();
        var duplicatesInBatch = 0;
        foreach (var line in batch)
        {
            if (line.Malformed)
            {
                problems.Add((line.Number, "(line)", line.Problem!, line.Raw));
                continue;
            }
            var (contact, problem) = ImportRow.Read(header, line.Fields, columns, project.Country, project.TimeZone, project.Fields);
            if (problem is not null)
            {
                problems.Add((line.Number, problem.Column, problem.Reason, line.Raw));
            }
            else if (!contacts.TryAdd(contact!.Phone.E164, (line.Number, contact)))
            {
                duplicatesInBatch++; // the same number earlier in the file
            }
        }

        await using var session = await db.BeginTenantSessionAsync(job.TenantId, ct);
        var list = contacts.Values.ToList();
        // A number that asked never to be called again is imported as do-not-call (and counted in the report), never as a lead.
        var listed = await doNotCall.ListedAsync(session, contacts.Keys, project.ClientCompanyId, ct);
        var suppressed = await SuppressionMatches.OfAsync(session, contacts.Keys, project.ClientCompanyId, ct);
        string StatusOf(NewContact contact) => ContactLifecycle.Name(listed.Contains(contact.Phone.E164) ? ContactStatus.DoNotCall : ContactStatus.Potential);
        const string insert = """
            INSERT INTO contacts (tenant_id, id, project_id, kind, name, company, phone, phone_region, time_zone, vip, status,
                                  custom_fields, created_at, updated_at, calling_zones, import_id)
            SELECT @TenantId, c.id, @ProjectId, c.kind, c.name, c.company, c.phone, c.region, c.zone, c.vip, c.status, CAST(c.custom AS jsonb), @now, @now,
                   coalesce(string_to_array(nullif(c.calling, ''), ' '), '{}'), @ImportId
            FROM unnest(@Ids, @Kinds, @Names, @Companies, @Phones, @Regions, @Zones, @Vips, @Statuses, @Customs, @Callings)
                AS c(id, kind, name, company, phone, region, zone, vip, status, custom, calling)
            ON CONFLICT (tenant_id, project_id, phone) DO NOTHING
            RETURNING id, vip, status, phone, name, custom_fields
            """;
        var inserted = (await session.QueryAsync<(Guid Id, bool Vip, string Status, string Phone, string Name, System.Text.Json.JsonElement CustomFields)>(insert, new
        {
            job.TenantId, job.ProjectId, now, ImportId = job.Id,
            Ids = list.Select(_ => Guid.CreateVersion7()).ToArray(),
            Kinds = list.Select(c => c.Contact.Kind).ToArray(),
            Names = list.Select(c => c.Contact.Name).ToArray(),
            Companies = list.Select(c => c.Contact.Company).ToArray(),
            Phones = list.Select(c => c.Contact.Phone.E164).ToArray(),
            Regions = list.Select(c => c.Contact.Phone.Region).ToArray(),
            Zones = list.Select(c => c.Contact.TimeZone).ToArray(),
            Callings = list.Select(c => string.Join(' ', c.Contact.CallingZones)).ToArray(), // zone ids hold no spaces
            Vips = list.Select(c => c.Contact.Vip).ToArray(),
            Statuses = list.Select(c => StatusOf(c.Contact)).ToArray(),
            Customs = list.Select(c => c.Contact.CustomFields?.GetRawText() ?? "{}").ToArray(),
        }, ct)).ToList();
        await session.ExecuteAsync("""
            INSERT INTO contact_status_history (tenant_id, id, contact_id, from_status, to_status, at, by_user, reason)
            SELECT @TenantId, gen_random_uuid(), c.id, NULL, c.status, @now, @CreatedBy,
                   CASE WHEN c.status = 'do_not_call' THEN @DoNotCallReason ELSE 'imported from a call list' END
            FROM unnest(@Contacts, @Statuses) AS c(id, status)
            """, new { job.TenantId, now, CreatedBy = (Guid?)null, Contacts = inserted.Select(i => i.Id).ToArray(), Statuses = inserted.Select(i => i.Status).ToArray(),
                DoNotCallReason = $"imported from a call list; {DoNotCallList.Reason}" }, ct);
        if (consent is not null && inserted.Count > 0)
        {
            // The list's consent, for the contacts this batch created only: a number already in the project keeps its own ledger.
            await session.ExecuteAsync("""
                INSERT INTO consents (tenant_id, id, contact_id, purpose, granted, at, source, expires_at, recorded_by)
                SELECT @TenantId, gen_random_uuid(), c.id, p.purpose, true, @now, @Source, @ExpiresAt, @CreatedBy
                FROM unnest(@Contacts) AS c(id) CROSS JOIN unnest(@Purposes) AS p(purpose)
                """, new { job.TenantId, now, consent.Source, consent.ExpiresAt, job.CreatedBy, Contacts = inserted.Select(i => i.Id).ToArray(), consent.Purposes }, ct);
        }
        if (inserted.Count > 0)
        {
            // One event for the batch (not one per row): the queue and scripts services take it in one inbox transaction each.
            await session.PublishManyAsync([new ContactsImported(job.TenantId, job.ProjectId, now,
                inserted.Select(i => new ImportedContact(i.Id, i.Status, i.Vip, i.Phone, i.Name, i.CustomFields)).ToList())], ct);
        }
        await session.ExecuteAsync("""
            INSERT INTO import_errors (tenant_id, import_id, line, column_name, reason, original)
            SELECT @TenantId, @Id, e.line, e.col, e.reason, e.original FROM unnest(@Lines, @Columns, @Reasons, @Originals) AS e(line, col, reason, original)
            """, new { job.TenantId, job.Id, Lines = problems.Select(p => p.Line).ToArray(), Columns = problems.Select(p => p.Column).ToArray(),
                Reasons = problems.Select(p => p.Reason).ToArray(), Originals = problems.Select(p => p.Original).ToArray() }, ct);
        await session.ExecuteAsync("""
            UPDATE imports SET rows_done = rows_done + @Rows, imported = imported + @Imported, duplicates = duplicates + @Duplicates,
                failed_rows = failed_rows + @Failed, do_not_call = do_not_call + @DoNotCall,
                suppressed = suppressed + @Suppressed, claimed_at = now()
            WHERE tenant_id = @TenantId AND id = @Id
            """, new { Rows = batch.Count, Imported = inserted.Count, DoNotCall = inserted.Count(i => i.Status == "do_not_call"),
                Suppressed = inserted.Count(i => i.Status != "do_not_call" && suppressed.ContainsKey(i.Phone)), Duplicates = duplicatesInBatch + list.Count - inserted.Count,
                Failed = problems.Count, job.TenantId, job.Id }, ct);
        await session.CommitAsync(ct);
    }

    private async Task FinishAsync(Guid tenantId, Guid importId, string status, string? failure, CancellationToken ct)
    {
        await using var session = await db.BeginTenantSessionAsync(tenantId, ct);
        // The uploaded file holds personal data: once the job is over it is not kept (privacy by design).
        // Every record of the file is accounted for (imported, duplicate or a row error), or the job says it failed.
        const string sql = """
            UPDATE imports SET
                status = CASE WHEN @status = 'done' AND (total_rows IS DISTINCT FROM rows_done OR rows_done <> imported + duplicates + failed_rows)
                              THEN 'failed' ELSE @status END,
                failure = CASE WHEN @status = 'done' AND (total_rows IS DISTINCT FROM rows_done OR rows_done <> imported + duplicates + failed_rows)
                               THEN format('The file has %s rows but %s were read; nothing more is imported from it.', total_rows, rows_done) ELSE @failure END,
                finished_at = now()
            WHERE tenant_id = @tenantId AND id = @importId
            """;
        await session.ExecuteAsync(sql, new { status, failure, tenantId, importId }, ct);
        await ImportFile.DeleteAsync(session, importId, ct);
        await session.CommitAsync(ct);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database is away ({Reason}); import {ImportId} resumes when it answers")]
    private partial void LogDatabaseAway(string reason, Guid? importId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Import {ImportId} failed")]
    private partial void LogImportFailed(Exception exception, Guid? importId);
}
