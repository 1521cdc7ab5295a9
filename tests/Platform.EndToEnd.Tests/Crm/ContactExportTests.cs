using System.Net;
using System.Net.Http.Json;
using System.Text;
using Platform.Testing;
using Xunit;
using static Platform.EndToEnd.Tests.Crm.CrmWorld;

namespace Platform.EndToEnd.Tests.Crm;

/// <summary>A CRM search exported as CSV: the same filters, every match, made for Excel.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ContactExportTests(PlatformUnderTest platform)
{
    [Fact]
    public async Task The_export_holds_what_the_search_finds_for_excel_with_formulas_defused()
    {
        var tenant = await platform.CreateTenantAsync();
        var projectId = await ProjectAsync(tenant, "Export", null);
        await ContactAsync(tenant, projectId, "Jana Novák", "777 360 001");
        await ContactAsync(tenant, projectId, "=HYPERLINK(\"http://x\") Novak", "777 360 002");
        var other = (await ContactAsync(tenant, projectId, "Petr Dvořák", "777 360 003")).GetProperty("id").GetGuid();
        (await tenant.Admin.PostAsJsonAsync($"/api/clients/contacts/{other}/outcomes", new { disposition = "interested", nextContactAt = DateTimeOffset.UtcNow.AddDays(2) }))
            .EnsureSuccessStatusCode();

        var byName = await tenant.Admin.GetAsync($"/api/clients/projects/{projectId}/contacts/export?name=novak");
        var byStatus = await tenant.Admin.GetAsync($"/api/clients/projects/{projectId}/contacts/export?status=hot_potential");

        Assert.Equal(HttpStatusCode.OK, byName.StatusCode);
        Assert.Equal("text/csv", byName.Content.Headers.ContentType?.MediaType);
        var bytes = await byName.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Id;Name;Company;Phone;Status", lines[0]);
        Assert.Equal(3, lines.Length); // the header and the two Nováks
        Assert.Contains(lines, l => l.Contains(";Jana Novák;") && l.Contains(";\"'+420777360001\";potential;"));
        Assert.Contains(lines, l => l.Contains(";\"'=HYPERLINK(\"\"http://x\"\") Novak\";"));
        var hot = (await byStatus.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, hot.Length);
        Assert.Contains($"{other};Petr Dvořák;", hot[1]);
    }

    [Fact]
    public async Task An_export_with_a_wrong_filter_is_400_and_another_tenants_project_404()
    {
        var tenant = await platform.CreateTenantAsync();
        var other = await platform.CreateTenantAsync();
        var projectId = await ProjectAsync(tenant, "Export", null);

        var wrong = await tenant.Admin.GetAsync($"/api/clients/projects/{projectId}/contacts/export?status=maybe&phone=abc");
        var foreign = await other.Admin.GetAsync($"/api/clients/projects/{projectId}/contacts/export");

        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var errors = (await wrong.JsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("status", out _) && errors.TryGetProperty("phone", out _));
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }
}
