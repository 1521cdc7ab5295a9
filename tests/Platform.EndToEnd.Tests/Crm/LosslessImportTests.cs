using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Platform.Testing;
using Xunit;
using static Platform.EndToEnd.Tests.Crm.CrmWorld;

namespace Platform.EndToEnd.Tests.Crm;

/// <summary>A call list never loses a row silently: every data line is a contact, a duplicate or a row error, in the encoding it was written in.</summary>
[Collection(PlatformCollection.Name)]
public sealed class LosslessImportTests(PlatformUnderTest platform)
{
    static LosslessImportTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static MultipartFormDataContent Form(byte[] file, string? encoding = null, string? mapping = null)
    {
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var form = new MultipartFormDataContent { { content, "file", "seznam.csv" } };
        if (encoding is not null) form.Add(new StringContent(encoding), "encoding");
        if (mapping is not null) form.Add(new StringContent(mapping), "mapping");
        return form;
    }

    private static async Task<JsonElement> RunAsync(TestTenant tenant, Guid projectId, MultipartFormDataContent form)
    {
        var started = await tenant.Admin.PostAsync($"/api/clients/projects/{projectId}/imports", form);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var location = started.Headers.Location!.OriginalString;
        JsonElement job = default;
        await Eventually.HoldsAsync(async () => (job = await (await tenant.Admin.GetAsync(location)).JsonAsync()).GetProperty("status").GetString() is "done" or "failed",
            TimeSpan.FromSeconds(60), "the import finishes");
        return job;
    }

    private static async Task<string[]> NamesAsync(TestTenant tenant, Guid projectId) =>
        (await (await tenant.Admin.GetAsync($"/api/clients/projects/{projectId}/contacts")).JsonAsync()).EnumerateArray()
            .Select(c => c.GetProperty("name").GetString()!).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public async Task An_unclosed_quote_is_one_row_error_and_every_line_after_it_goes_in_and_the_rejected_rows_download_to_fix()
    {
        var tenant = await platform.CreateTenantAsync();
        var projectId = await ProjectAsync(tenant, "Winback", null);
        var csv = "name;phone\nJana;777 830 001\n\"Unclosed;777 830 002\nPetr;777 830 003\nBad;12\nEva;777 830 004\n";

        var job = await RunAsync(tenant, projectId, Form(Encoding.UTF8.GetBytes(csv)));

        Assert.Equal(("done", 5, 5, 3, 2), (job.GetProperty("status").GetString(), job.GetProperty("totalRows").GetInt32(),
            job.GetProperty("rowsDone").GetInt32(), job.GetProperty("imported").GetInt32(), job.GetProperty("failedRows").GetInt32()));
        Assert.Equal(["Eva", "Jana", "Petr"], await NamesAsync(tenant, projectId));
        var rejected = await tenant.Admin.GetAsync($"/api/clients/imports/{job.GetProperty("id").GetGuid()}/rejected");
        Assert.Equal("text/csv", rejected.Content.Headers.ContentType?.MediaType);
        var lines = (await rejected.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("name,phone,import_line,import_error", lines[0]);
        Assert.StartsWith("\"\"\"Unclosed;777 830 002\",,3,", lines[1]);
        Assert.StartsWith("Bad,12,5,phone: ", lines[2]);

        var again = await RunAsync(tenant, projectId, Form(Encoding.UTF8.GetBytes(csv)));
        Assert.Equal((0, 3), (again.GetProperty("imported").GetInt32(), again.GetProperty("duplicates").GetInt32()));
    }

    [Theory]
    [InlineData("windows-1250", false)]
    [InlineData("iso-8859-2", true)]
    [InlineData("utf-16", false)]
    [InlineData("utf-8", false)]
    public async Task A_czech_list_reads_right_in_its_encoding_chosen_or_detected(string encoding, bool choose)
    {
        var tenant = await platform.CreateTenantAsync();
        var projectId = await ProjectAsync(tenant, "Winback", null);
        const string csv = "jméno;telefon\nŠárka Dvořáková;777 840 001\nPříliš Žluťoučký Kůň;777 840 002\nĎábelské Ódy;777 840 003\n";
        var bytes = encoding == "utf-16" ? [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(csv)] : Encoding.GetEncoding(encoding).GetBytes(csv);

        var job = await RunAsync(tenant, projectId, Form(bytes, choose ? encoding : null, """{"name": "jméno", "phone": "telefon"}"""));

        Assert.Equal(("done", 3, encoding), (job.GetProperty("status").GetString(), job.GetProperty("imported").GetInt32(), job.GetProperty("encoding").GetString()));
        Assert.Equal(["Příliš Žluťoučký Kůň", "Ďábelské Ódy", "Šárka Dvořáková"], await NamesAsync(tenant, projectId));
    }

    [Fact]
    public async Task An_unknown_encoding_is_refused_at_once()
    {
        var tenant = await platform.CreateTenantAsync();
        var projectId = await ProjectAsync(tenant, "Winback", null);

        var started = await tenant.Admin.PostAsync($"/api/clients/projects/{projectId}/imports", Form("name,phone\nA,777 850 001\n"u8.ToArray(), "ebcdic"));

        Assert.Equal(HttpStatusCode.BadRequest, started.StatusCode);
        Assert.Contains("windows-1250", (await started.JsonAsync()).GetProperty("errors").GetProperty("encoding")[0].GetString());
    }

    [Fact]
    public async Task A_country_column_parses_each_rows_national_number()
    {
        var tenant = await platform.CreateTenantAsync();
        var projectId = await ProjectAsync(tenant, "Europe", null);
        const string csv = "name,phone,country\nJana,777 860 001,CZ\nKlaus,0151 23456789,DE\nDefault,777 860 002,\nBad,777 860 003,XX\n";

        var job = await RunAsync(tenant, projectId, Form(Encoding.UTF8.GetBytes(csv)));

        Assert.Equal((3, 1), (job.GetProperty("imported").GetInt32(), job.GetProperty("failedRows").GetInt32()));
        Assert.Equal((5, "country"), (job.GetProperty("errors")[0].GetProperty("line").GetInt32(), job.GetProperty("errors")[0].GetProperty("column").GetString()));
        var klaus = (await (await tenant.Admin.GetAsync($"/api/clients/projects/{projectId}/contacts?name=klaus")).JsonAsync())[0];
        Assert.Equal(("+4915123456789", "DE"), (klaus.GetProperty("phone").GetString(), klaus.GetProperty("phoneRegion").GetString()));
    }

    [Fact]
    public async Task A_mobile_of_several_zones_takes_its_rows_zone_or_is_called_only_when_all_its_zones_are_open()
    {
        var tenant = await platform.CreateTenantAsync();
        var projectId = await ProjectAsync(tenant, "Australia", null);
        const string csv = "name,phone,timeZone\nPlaced,+61 412 345 601,Australia/Perth\nUnplaced,+61 412 345 602,\n";

        var job = await RunAsync(tenant, projectId, Form(Encoding.UTF8.GetBytes(csv)));

        Assert.Equal(2, job.GetProperty("imported").GetInt32());
        async Task<System.Text.Json.JsonElement> Card(string name) =>
            (await (await tenant.Admin.GetAsync($"/api/clients/projects/{projectId}/contacts?name={name}")).JsonAsync())[0];
        var placed = await Card("placed");
        var unplaced = await Card("unplaced");
        Assert.Equal(("Australia/Perth", 0), (placed.GetProperty("timeZone").GetString(), placed.GetProperty("callingZones").GetArrayLength()));
        var zones = unplaced.GetProperty("callingZones").EnumerateArray().Select(z => z.GetString()).ToList();
        Assert.Contains("Australia/Perth", zones);
        Assert.Contains("Australia/Sydney", zones);
    }
}
