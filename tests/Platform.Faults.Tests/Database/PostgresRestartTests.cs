using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Platform.Clients;
using Platform.Gateway.Auth;
using Platform.ServiceDefaults.Auth;
using Platform.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Platform.Faults.Tests.Database;

/// <summary>
/// The clients service on a PostgreSQL server of the test's own (<see cref="PrivatePostgres"/>), which is stopped
/// (<c>pg_ctl stop -m fast</c>: every session terminated) and started again while contacts are being created through the
/// API and a call list is being imported: a real server restart, not a cut connection.
/// </summary>
public sealed class PostgresRestartTests(ITestOutputHelper output)
{
    private const int Rows = 4000;

    [Fact]
    public async Task A_database_restart_under_load_and_during_an_import_answers_503_with_Retry_After_and_loses_no_row_and_no_event()
    {
        var servers = await TestServers.GetAsync();
        await using var postgres = new PrivatePostgres();
        await postgres.StartAsync();
        await using var clients = new ServiceHost<ClientsService>(new Dictionary<string, string?>
        {
            ["ConnectionStrings:postgres"] = postgres.ConnectionString,
            ["ConnectionStrings:rabbitmq"] = servers.RabbitMq,
            ["Database:Name"] = "platform_clients_restart_test",
            ["Messaging:EndpointPrefix"] = $"r{Guid.NewGuid():N}"[..9] + "-clients",
            ["Messaging:TemporaryEndpoints"] = "true",
            ["Logging:LogLevel:Default"] = "None",
            ["Imports:BatchSize"] = "100",
            ["Imports:PollMilliseconds"] = "200",
        });
        var health = clients.CreateClient();
        await Eventually.HoldsAsync(async () => (await health.GetAsync("/health/ready")).IsSuccessStatusCode, TimeSpan.FromSeconds(60), "the clients service is ready");
        var lifetime = clients.Services.GetRequiredService<IHostApplicationLifetime>();
        var (tenantId, admin) = Admin(clients);

        var project = await admin.PostAsJsonAsync("/api/clients/projects", new { name = "Restart project", direction = "outbound", timeZone = "Europe/Prague" });
        Assert.Equal(HttpStatusCode.Created, project.StatusCode);
        var projectId = (await JsonAsync(project)).GetProperty("id").GetGuid();
        var csv = new StringBuilder("name,phone\n");
        for (var i = 0; i < Rows; i++)
        {
            csv.Append(FormattableString.Invariant($"Imported {i},+420777{i:D6}\n"));
        }
        var started = await admin.PostAsync($"/api/clients/projects/{projectId}/imports",
            new MultipartFormDataContent { { new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"), "file", "call-list.csv" } });
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var location = started.Headers.Location!.OriginalString;
        await Eventually.HoldsAsync(async () => (await ReadAsync(admin, location)).TryGetProperty("rowsDone", out var done) && done.GetInt32() > 0,
            TimeSpan.FromSeconds(60), "the import is under way");

        // Two agents' worth of steady writes: a contact created every 20 ms per line, each answer recorded.
        var created = new ConcurrentBag<Guid>();
        var unavailable = new ConcurrentBag<TimeSpan?>();
        var other = new ConcurrentBag<string>();
        using var stop = new CancellationTokenSource();
        var lines = Enumerable.Range(0, 2).Select(line => Task.Run(async () =>
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var response = await admin.PostAsJsonAsync($"/api/clients/projects/{projectId}/contacts",
                    new { name = $"Created {line}-{n}", phone = FormattableString.Invariant($"+420608{line}{n % 100000:D5}") }, CancellationToken.None);
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    created.Add((await JsonAsync(response)).GetProperty("id").GetGuid());
                }
                else if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
                {
                    unavailable.Add(response.Headers.RetryAfter?.Delta);
                }
                else
                {
                    other.Add($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
                await Task.Delay(20, CancellationToken.None);
            }
        })).ToList();

        await Task.Delay(TimeSpan.FromSeconds(1));
        var doneBefore = (await ReadAsync(admin, location)).GetProperty("rowsDone").GetInt32();
        var outage = Stopwatch.StartNew();
        await postgres.StopAsync();
        await Task.Delay(TimeSpan.FromSeconds(4)); // longer than a connection's retries (about 3 s): requests and the importer meet the outage
        var stoppedFor = outage.Elapsed;
        var stoppingDuringOutage = lifetime.ApplicationStopping.IsCancellationRequested;
        await postgres.StartAsync();
        var back = Stopwatch.StartNew();
        await Eventually.HoldsAsync(async () => (await admin.GetAsync($"/api/clients/projects/{projectId}")).StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(60), "the API serves again");
        var servedAgain = back.Elapsed;
        await Task.Delay(TimeSpan.FromSeconds(1));
        await stop.CancelAsync();
        await Task.WhenAll(lines);

        JsonElement job = default;
        await Eventually.HoldsAsync(async () => (job = await ReadAsync(admin, location)).TryGetProperty("status", out var status) && status.GetString() is "done" or "failed",
            TimeSpan.FromSeconds(120), "the import finishes");

        await using var db = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(postgres.ConnectionString) { Database = "platform_clients_restart_test" }.ConnectionString);
        var contacts = (await db.QueryAsync<(Guid Id, string Name)>("SELECT id, name FROM contacts WHERE tenant_id = @tenantId", new { tenantId })).ToList();
        var imported = contacts.Count(c => c.Name.StartsWith("Imported ", StringComparison.Ordinal));
        // Contacts entered by hand are one ContactCreated each; an import's batch is one ContactsImported listing its contacts.
        const string eventsSql = """
            SELECT (body->>'contactId')::uuid AS contact, sent_at IS NOT NULL AS sent FROM outbox_messages
            WHERE tenant_id = @tenantId AND message_type LIKE '%.ContactCreated'
            UNION ALL
            SELECT (c->>'contactId')::uuid, sent_at IS NOT NULL FROM outbox_messages, jsonb_array_elements(body->'contacts') AS c
            WHERE tenant_id = @tenantId AND message_type LIKE '%.ContactsImported'
            """;
        List<(Guid Contact, bool Sent)> events = [];
        await Eventually.HoldsAsync(async () => (events = (await db.QueryAsync<(Guid, bool)>(eventsSql, new { tenantId })).ToList()).All(e => e.Sent),
            TimeSpan.FromSeconds(60), "every contact's event is confirmed by the broker");

        output.WriteLine($"PostgreSQL stopped (fast shutdown) for {stoppedFor.TotalSeconds:0.0} s after {doneBefore} of {Rows} rows imported, under 2 lines creating contacts: " +
                         $"{created.Count} contacts created, {unavailable.Count} answers 503 (Retry-After {string.Join("/", unavailable.Select(r => r?.TotalSeconds).Distinct())} s), {other.Count} other answers; " +
                         $"API served again {servedAgain.TotalSeconds:0.00} s after the server was up; import {job.GetProperty("status").GetString()}: " +
                         $"{job.GetProperty("imported").GetInt32()} imported, {job.GetProperty("failedRows").GetInt32()} failed rows, {imported} stored; " +
                         $"{events.Count} contact events for {contacts.Count} contacts, all confirmed by the broker");

        Assert.False(stoppingDuringOutage, "the clients service began to stop during the outage");
        Assert.False(lifetime.ApplicationStopping.IsCancellationRequested, "the clients service began to stop");
        Assert.Empty(other);                                              // never a 500: 201 or 503
        Assert.NotEmpty(unavailable);                                     // the restart was met by the API
        Assert.All(unavailable, retry => Assert.NotNull(retry));          // every 503 says when to try again
        Assert.Equal("done", job.GetProperty("status").GetString());
        Assert.Equal(Rows, job.GetProperty("rowsDone").GetInt32());
        Assert.Equal(Rows, job.GetProperty("imported").GetInt32() + job.GetProperty("failedRows").GetInt32());
        Assert.Equal(Rows, imported);                                     // every row once: none lost, none imported twice
        Assert.Empty(created.Except(contacts.Select(c => c.Id)));         // every 201 is stored
        Assert.Equal(contacts.Count, events.Count);                       // one event per contact, none lost ...
        Assert.Equal(contacts.Select(c => c.Id).Order(), events.Select(e => e.Contact).Order()); // ... and none doubled
    }

    /// <summary>An admin of a new tenant, with a token the gateway would have issued.</summary>
    private static (Guid TenantId, HttpClient Client) Admin(ServiceHost<ClientsService> host)
    {
        var tenantId = Guid.NewGuid();
        var (token, _) = new TokenIssuer(new JwtOptions(), TimeProvider.System)
            .Issue(new SignedInUser(Guid.NewGuid(), tenantId, "restart", "admin", [Roles.Admin], []));
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (tenantId, client);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    private static async Task<JsonElement> ReadAsync(HttpClient client, string location)
    {
        var response = await client.GetAsync(location);
        return response.IsSuccessStatusCode ? await JsonAsync(response) : JsonDocument.Parse("{}").RootElement.Clone(); // the database on its way back: asked again
    }
}
