using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Platform.Web.Tests.Browser;

/// <summary>
/// The admin's call-list page (/admin/import): a CSV uploaded with the consent the list came with runs to its end on the
/// page (counts, the consent recorded), the new contacts carry that consent in the CRM, and a campaign made over that
/// list alone counts its contacts only.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class CallListImportTests(WebPlatform platform) : BrowserTest(platform)
{
    [Fact]
    public async Task An_admin_imports_a_call_list_with_its_consent_and_the_page_follows_the_import_to_its_end()
    {
        var tenant = await Platform.CreateTenantAsync("i");
        var admin = tenant.Admin;
        var projectId = await CampaignCenter.OutboundProjectAsync(admin, "Spring leads"); // a campaign is made once the queue service knows it
        (await admin.PostAsJsonAsync($"/api/clients/projects/{projectId}/contacts", new { name = "Entered by hand", phone = $"+420777{Random.Shared.Next(100_000, 999_999)}" }))
            .EnsureSuccessStatusCode();
        var phones = Enumerable.Range(0, 3).Select(_ => $"+420777{Random.Shared.Next(100_000, 999_999)}").ToArray();
        var csv = "name,phone\n" + string.Join("\n", phones.Select((p, i) => $"Lead {i},{p}")) + "\nNo number,\n";

        var page = await Browser.NewPageAsync(Platform.BrowserAddress);
        await Pages.SignInAsync(page, tenant.Slug, "admin", tenant.Password);
        await page.GetByRole(AriaRole.Link, new() { Name = "Call lists" }).ClickAsync();
        await page.GetByLabel("CSV file").SetInputFilesAsync(new FilePayload { Name = "leads.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await page.GetByLabel("data processing").CheckAsync();
        await page.GetByLabel("calls", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Where they gave it (vendor, web form)").FillAsync("Spring fair sign-up sheet");
        await Pages.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Import: done" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(page.GetByText("Imported 3 · duplicates 0 · rejected 1")).ToBeVisibleAsync();
        await Expect(page.GetByText("Consent recorded for the new contacts: data processing, calls (Spring fair sign-up sheet)")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Download the rejected rows" })).ToBeVisibleAsync();

        var contacts = await admin.GetFromJsonAsync<JsonElement>($"/api/clients/projects/{projectId}/contacts");
        Assert.Equal(phones.Order(), contacts.EnumerateArray().Where(c => c.GetProperty("name").GetString() != "Entered by hand")
            .Select(c => c.GetProperty("phone").GetString()!).Order());
        foreach (var contact in contacts.EnumerateArray().Where(c => c.GetProperty("name").GetString() != "Entered by hand"))
        {
            var ledger = await admin.GetFromJsonAsync<JsonElement>($"/api/clients/contacts/{contact.GetProperty("id").GetGuid()}/consents");
            Assert.Equal(["calls", "data_processing"], ledger.EnumerateArray().Select(e => e.GetProperty("purpose").GetString()).Order());
            Assert.All(ledger.EnumerateArray(), e => Assert.Equal("Spring fair sign-up sheet", e.GetProperty("source").GetString()));
        }

        // A campaign over this list alone: the CRM counts its three contacts, not the one entered by hand.
        await page.GetByRole(AriaRole.Link, new() { Name = "Campaigns" }).ClickAsync();
        var form = page.Locator("form.campaign-form");
        await form.GetByLabel("Project").SelectOptionAsync(new SelectOptionValue { Label = "Spring leads" });
        await form.GetByLabel("Name", new() { Exact = true }).FillAsync("Spring fair leads");
        await form.GetByLabel("Caller ID").FillAsync("+420 222 000 111");
        await form.GetByLabel("Whom to call").SelectOptionAsync("call_list");
        await form.GetByLabel("Call list", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await Expect(form.GetByLabel("Call list", new() { Exact = true })).ToContainTextAsync("leads.csv");
        await Pages.AssertAccessibleAsync(page);
        await form.GetByRole(AriaRole.Button, new() { Name = "Create the campaign" }).ClickAsync();
        var campaign = page.GetByTestId("campaign");
        await Expect(campaign).ToHaveCountAsync(1);
        await Expect(campaign.GetByTestId("campaign-left")).ToHaveTextAsync("3 (3 now · 0 later today)");
    }
}
