using Microsoft.Playwright;
using Platform.CallSimulator;
using Platform.CallSimulator.Calls;
using Platform.CallSimulator.Gateway;
using Platform.CallSimulator.Measuring;
using Platform.CallSimulator.Setup;
using Platform.ServiceDefaults.Auth;
using Platform.Testing;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Platform.Web.Tests.Browser;

/// <summary>
/// The README's walk as `make simulate` sets it up: the simulator's own set-up (its project, queue and regular callers in
/// the CRM), the demo desk seating agent1 in its queue with a script, and one of the simulator's callers calling. agent1
/// in the browser gets the pop with the caller's card and the script, and records the outcome on the contact.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class SimulatedCallTests(WebPlatform platform) : BrowserTest(platform)
{
    private const string Password = "browser-password-1";

    [Fact]
    public async Task Agent1_beside_the_simulator_gets_a_regular_callers_call_with_card_and_script_and_records_the_outcome_on_the_contact()
    {
        var tenant = await Platform.CreateTenantAsync("s");
        await WebPlatform.CreateUserAsync(tenant, "agent1", Password, [Roles.Agent]);
        using var gateway = Platform.Gateway.CreateClient();
        gateway.Timeout = Timeout.InfiniteTimeSpan;
        var options = new SimulationOptions { Tenant = tenant.Slug, Username = "admin", Password = tenant.Password, Agents = 0, PlayPbx = false };
        var ledger = new CallLedger();
        var center = await new CallCenterSetup(gateway, options, ledger, TextWriter.Null).PrepareAsync(CancellationToken.None);
        var admin = new GatewayUser(gateway, tenant.Slug, "admin", tenant.Password, ledger);
        await admin.SignInAsync(CancellationToken.None);
        Assert.Equal(1, await DemoDesk.SeatAsync(admin, options.ProjectName, TimeSpan.FromSeconds(30), CancellationToken.None));

        var (name, phone) = CallerBook.Caller(0, 3);
        Assert.Contains(phone, center.KnownCallers[0]);
        var contactId = await RecognisedAsync(center.ProjectId, phone);

        var page = await Browser.NewPageAsync(Platform.BrowserAddress);
        await Pages.SignInAsync(page, tenant.Slug, "agent1", Password);
        await Pages.DesktopReadyAsync(page);
        await page.Keyboard.PressAsync("Alt+A");
        await Expect(page.GetByTestId("agent-state")).ToHaveTextAsync("Available");

        using var hangUp = new CancellationTokenSource();
        var calling = new Caller(center, ledger, "web").CallAsync(new CallerDraw(1, phone, 0, false, TimeSpan.FromMinutes(5), false), hangUp.Token);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Incoming call" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("contact-name")).ToHaveTextAsync(name);
        await Expect(page.GetByTestId("caller-number")).ToHaveTextAsync(phone);
        await page.Keyboard.PressAsync("Alt+C");
        var step = page.GetByTestId("script-step");
        await Expect(step).ToContainTextAsync("at the Simulated hotline");
        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await Expect(step).ToHaveTextAsync("What is the call about?");
        await page.Locator("body").FocusAsync();
        await page.Keyboard.PressAsync("1");
        await Expect(step).ToHaveTextAsync("Take the order number and check its status.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await Expect(page.GetByTestId("script-end")).ToContainTextAsync("resolved");
        await Pages.AssertAccessibleAsync(page);

        await page.Keyboard.PressAsync("Alt+E");
        await Expect(page.GetByTestId("agent-state")).ToHaveTextAsync("Wrap-up");
        await Expect(page.GetByLabel("Disposition")).ToHaveValueAsync("resolved");
        await page.GetByLabel("Notes").FillAsync("Order 4711 is on its way.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record and finish wrap-up" }).ClickAsync();
        await Expect(page.GetByTestId("agent-state")).ToHaveTextAsync("Available");
        await hangUp.CancelAsync();
        await calling;

        var history = await tenant.Admin.GetStringAsync($"/api/clients/contacts/{contactId}/history");
        Assert.Contains("\"resolved\"", history);
        Assert.Contains("Order 4711 is on its way.", history);
    }

    /// <summary>The caller is a contact of the project, and the queue service recognises their number (from the CRM's events).</summary>
    private async Task<Guid> RecognisedAsync(Guid projectId, string phone)
    {
        var contactId = Guid.Empty;
        await Eventually.HoldsAsync(async () =>
        {
            await using var db = Platform.Database("queue");
            await db.OpenAsync();
            await using var command = db.CreateCommand();
            command.CommandText = "SELECT contact_id FROM contact_directory WHERE project_id = $1 AND phone = $2";
            command.Parameters.AddWithValue(projectId);
            command.Parameters.AddWithValue(phone);
            contactId = await command.ExecuteScalarAsync() is Guid id ? id : Guid.Empty;
            return contactId != Guid.Empty;
        }, TimeSpan.FromSeconds(20), "the queue service knows the simulator's regular caller");
        return contactId;
    }
}
