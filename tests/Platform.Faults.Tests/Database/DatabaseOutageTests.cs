using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
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
/// The clients service whose only way to PostgreSQL is a <see cref="TcpGate"/> of its own: closing the gate is, for this
/// service and nobody else, the database going away (every connection reset, new ones refused) and opening it the database
/// coming back, over real sockets.
/// </summary>
public sealed class DatabaseOutageTests(DatabaseOutageTests.ClientsBehindGate clients, ITestOutputHelper output)
    : IClassFixture<DatabaseOutageTests.ClientsBehindGate>
{
    public sealed class ClientsBehindGate : IAsyncLifetime
    {
        public TcpGate Gate { get; private set; } = null!;
        public ServiceHost<ClientsService> Host { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            var servers = await TestServers.GetAsync();
            var postgres = new NpgsqlConnectionStringBuilder(servers.Postgres);
            Gate = new TcpGate(postgres.Host!, postgres.Port);
            postgres.Host = "127.0.0.1";
            postgres.Port = Gate.Port;
            Host = new ServiceHost<ClientsService>(new Dictionary<string, string?>
            {
                ["ConnectionStrings:postgres"] = postgres.ConnectionString,
                ["ConnectionStrings:rabbitmq"] = servers.RabbitMq,
                ["Database:Name"] = "platform_clients_faults_test",
                ["Messaging:EndpointPrefix"] = $"f{Guid.NewGuid():N}"[..9] + "-clients",
                ["Messaging:TemporaryEndpoints"] = "true",
                ["Logging:LogLevel:Default"] = "None",
                ["Imports:BatchSize"] = "200",
                ["Imports:PollMilliseconds"] = "200",
            });
            var health = Host.CreateClient();
            await Eventually.HoldsAsync(async () => (await health.GetAsync("/health/ready")).IsSuccessStatusCode,
                TimeSpan.FromSeconds(60), "the clients service is ready");
        }

        /// <summary>An admin of a new tenant, with a token the gateway would have issued.</summary>
        public HttpClient Admin()
        {
            var (token, _) = new TokenIssuer(new JwtOptions(), TimeProvider.System)
                .Issue(new SignedInUser(Guid.NewGuid(), Guid.NewGuid(), "faults", "admin", [Roles.Admin], []));
            var client = Host.CreateClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return client;
        }

        public async Task DisposeAsync()
        {
            Gate.Open();
            await Host.DisposeAsync();
            await Gate.DisposeAsync();
        }
    }

    private static async Task<Guid> CreateProjectAsync(HttpClient admin)
    {
        var created = await admin.PostAsJsonAsync("/api/clients/projects", new { name = "Outage project", direction = "outbound", timeZone = "Europe/Prague" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("id").GetGuid();
    }

    private bool HostStopping => clients.Host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested;

    [Fact]
    public async Task While_the_database_is_away_the_API_answers_503_with_Retry_After_and_serves_again_when_it_returns()
    {
        var admin = clients.Admin();
        var projectId = await CreateProjectAsync(admin);
        var health = clients.Host.CreateClient();

        clients.Gate.Close();
        HttpResponseMessage during;
        try
        {
            during = await admin.GetAsync($"/api/clients/projects/{projectId}");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await health.GetAsync("/health/serving")).StatusCode);
        }
        finally
        {
            clients.Gate.Open();
        }
        var body = await during.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, during.StatusCode);
        Assert.NotNull(during.Headers.RetryAfter);
        Assert.Contains("The database is unavailable.", body);
        var back = Stopwatch.StartNew();
        await Eventually.HoldsAsync(async () => (await admin.GetAsync($"/api/clients/projects/{projectId}")).StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(30), "the project is served again");
        output.WriteLine($"database cut: 503 with Retry-After {during.Headers.RetryAfter} s; served again {back.Elapsed.TotalSeconds:0.00} s after it returned");
        Assert.False(HostStopping);
    }

    [Fact]
    public async Task An_import_cut_off_from_the_database_neither_stops_its_service_nor_fails_and_finishes_when_the_database_returns()
    {
        const int rows = 6000;
        var admin = clients.Admin();
        var projectId = await CreateProjectAsync(admin);
        var csv = new StringBuilder("name,phone\n");
        for (var i = 0; i < rows; i++)
        {
            csv.Append(CultureInfo($"Contact {i},+420777{i:D6}\n"));
        }
        var form = new MultipartFormDataContent { { new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"), "file", "call-list.csv" } };
        var started = await admin.PostAsync($"/api/clients/projects/{projectId}/imports", form);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var location = started.Headers.Location!.OriginalString;

        JsonElement job = default;
        await Eventually.HoldsAsync(async () => (job = await ReadAsync(admin, location)).TryGetProperty("rowsDone", out var done) && done.GetInt32() > 0,
            TimeSpan.FromSeconds(60), "the import is under way");
        var doneBefore = job.GetProperty("rowsDone").GetInt32();
        clients.Gate.Close();
        await Task.Delay(TimeSpan.FromSeconds(5)); // longer than the connection retries (about 3 s): the importer meets the outage
        Assert.False(HostStopping, "the clients service began to stop during the outage");
        clients.Gate.Open();

        await Eventually.HoldsAsync(async () => (job = await ReadAsync(admin, location)).TryGetProperty("status", out var status) && status.GetString() is "done" or "failed",
            TimeSpan.FromSeconds(120), "the import finishes");
        output.WriteLine($"import of {rows} rows cut off from the database for 5 s after {doneBefore} rows: " +
                         $"{job.GetProperty("status").GetString()}, {job.GetProperty("imported").GetInt32()} imported, {job.GetProperty("failedRows").GetInt32()} failed rows");
        Assert.Equal("done", job.GetProperty("status").GetString());
        Assert.Equal(rows, job.GetProperty("imported").GetInt32());
        Assert.Equal(rows, job.GetProperty("rowsDone").GetInt32());
        Assert.False(HostStopping);
    }

    private static string CultureInfo(FormattableString text) => FormattableString.Invariant(text);

    private static async Task<JsonElement> ReadAsync(HttpClient client, string location)
    {
        var response = await client.GetAsync(location);
        if (!response.IsSuccessStatusCode)
        {
            return JsonDocument.Parse("{}").RootElement.Clone(); // the database on its way back: asked again
        }
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
