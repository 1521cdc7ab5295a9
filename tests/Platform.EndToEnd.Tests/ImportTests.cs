using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Platform.EndToEnd.Tests.Security;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEnd.Tests;

[Collection(PlatformCollection.Name)]
public sealed class ImportTests(PlatformUnderTest platform)
{
    private async Task<(TestTenant Tenant, Guid ProjectId)> ProjectAsync()
    {
        var tenant = await platform.CreateTenantAsync();
        var created = await tenant.Admin.PostAsJsonAsync("/api/clients/projects", new { name = "List project", direction = "outbound", timeZone = "Europe/Prague" });
        return (tenant, await created.CreatedIdAsync());
    }

    private static async Task<JsonElement> ImportAsync(TestTenant tenant, Guid projectId, string csv, string? mapping = null)
    {
        var started = await tenant.Admin.PostAsync($"/api/clients/projects/{projectId}/imports", Samples.CallList(csv, mapping));
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var location = started.Headers.Location!.OriginalString;
        JsonElement job = default;
        await Eventually.HoldsAsync(async () => (job = await (await tenant.Admin.GetAsync(location)).JsonAsync()).GetProperty("status").GetString() is "done" or "failed",
            TimeSpan.FromSeconds(60), "the import finishes");
        return job;
    }

    [Fact]
    public async Task Good_rows_go_in_broken_ones_are_reported_by_line_and_column_and_duplicates_are_skipped()
    {
        var (tenant, projectId) = await ProjectAsync();
        await tenant.Admin.PostAsJsonAsync($"/api/clients/projects/{projectId}/contacts", new { name = "Already here", phone = "777 100 005" });
        const string csv = """
            name,phone,company,vip
            Jana Nováková,777 100 001,Acme,yes
            Petr Svoboda,+420 777 100 002,,no
            No Number,,,
            Bad Number,12345,,
            ,777 100 003,,
            Same Again,777100001,,
            Bad Vip,777 100 004,,perhaps
            Existing,777 100 005,,
            "Unclosed,777 100 006,,
            """;

        var job = await ImportAsync(tenant, projectId, csv);

        Assert.Equal("done", job.GetProperty("status").GetString());
        Assert.Equal(9, job.GetProperty("totalRows").GetInt32());
        Assert.Equal(9, job.GetProperty("rowsDone").GetInt32());
        Assert.Equal(2, job.GetProperty("imported").GetInt32());
        Assert.Equal(2, job.GetProperty("duplicates").GetInt32()); // line 7 repeats line 2; line 9 is already in the project
        var errors = job.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("line").GetInt32(), e.GetProperty("column").GetString())).ToList();
        Assert.Contains((4, "phone"), errors);
        Assert.Contains((5, "phone"), errors);
        Assert.Contains((6, "name"), errors);
        Assert.Contains((8, "vip"), errors);
        Assert.Equal(job.GetProperty("failedRows").GetInt32(), errors.Count);
        var contacts = await (await tenant.Admin.GetAsync($"/api/clients/projects/{projectId}/contacts?name=jana")).JsonAsync();
        var jana = Assert.Single(contacts.EnumerateArray());
        Assert.Equal("+420777100001", jana.GetProperty("phone").GetString());
        Assert.True(jana.GetProperty("vip").GetBoolean());
    }

    [Fact]
    public async Task Importing_the_same_file_again_creates_no_duplicates()
    {
        var (tenant, projectId) = await ProjectAsync();
        var csv = "name,phone\n" + string.Join("\n", Enumerable.Range(0, 50).Select(i => $"Contact {i},777 200 {i:D3}"));

        var first = await ImportAsync(tenant, projectId, csv);
        var second = await ImportAsync(tenant, projectId, csv);

        Assert.Equal(50, first.GetProperty("imported").GetInt32());
        Assert.Equal(0, second.GetProperty("imported").GetInt32());
        Assert.Equal(50, second.GetProperty("duplicates").GetInt32());
        Assert.Equal(50, (await (await tenant.Admin.GetAsync($"/api/clients/projects/{projectId}/contacts?status=potential")).JsonAsync()).GetArrayLength());
    }

    [Fact]
    public async Task Columns_are_mapped_by_name_the_delimiter_is_detected_and_extra_columns_kept_as_custom_fields()
    {
        var (tenant, projectId) = await ProjectAsync();
        const string csv = "Jméno;Telefon;Segment\nKarel Novák;777 300 001;gold\n";

        var job = await ImportAsync(tenant, projectId, csv, """{"name":"Jméno","phone":"Telefon","customFields":["Segment"]}""");

        Assert.Equal(1, job.GetProperty("imported").GetInt32());
        var karel = (await (await tenant.Admin.GetAsync($"/api/clients/projects/{projectId}/contacts?phone=777300001")).JsonAsync())[0];
        Assert.Equal("gold", karel.GetProperty("customFields").GetProperty("Segment").GetString());
    }

    [Fact]
    public async Task A_file_whose_columns_cannot_be_found_is_refused_at_once_and_nothing_is_queued()
    {
        var (tenant, projectId) = await ProjectAsync();

        var missing = await tenant.Admin.PostAsync($"/api/clients/projects/{projectId}/imports", Samples.CallList("full name,telephone\nX,777 400 001\n"));
        var badMapping = await tenant.Admin.PostAsync($"/api/clients/projects/{projectId}/imports", Samples.CallList("name,phone\n", "{not json"));
        var noFile = await tenant.Admin.PostAsync($"/api/clients/projects/{projectId}/imports", new MultipartFormDataContent { { new StringContent("x"), "other" } });

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var errors = (await missing.JsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("mapping.name", out _) && errors.TryGetProperty("mapping.phone", out _));
        Assert.True((await badMapping.JsonAsync()).GetProperty("errors").TryGetProperty("mapping", out _));
        Assert.Equal(HttpStatusCode.BadRequest, noFile.StatusCode);
        Assert.Empty((await (await tenant.Admin.GetAsync($"/api/clients/projects/{projectId}/contacts")).JsonAsync()).EnumerateArray());
    }

    [Fact]
    public async Task A_call_list_larger_than_the_general_body_limit_goes_through_the_gateway()
    {
        var (tenant, projectId) = await ProjectAsync();
        var csv = new StringBuilder("name,phone,company\n");
        for (var i = 0; i < 20_000; i++)
        {
            csv.Append($"Contact number {i},+420 778 {i / 1000:D3} {i % 1000:D3},Company with a reasonably long name {i}\n");
        }
        Assert.True(Encoding.UTF8.GetByteCount(csv.ToString()) > 1024 * 1024);

        var job = await ImportAsync(tenant, projectId, csv.ToString());

        Assert.Equal(20_000, job.GetProperty("imported").GetInt32());
        Assert.Equal(0, job.GetProperty("failedRows").GetInt32());
    }
}
