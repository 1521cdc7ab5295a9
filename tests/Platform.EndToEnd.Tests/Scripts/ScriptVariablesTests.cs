using System.Net;
using System.Net.Http.Json;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEnd.Tests.Scripts;

/// <summary>The variables follow the CRM's events: the project's client company and its new name, a contact's erasure.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ScriptVariablesTests(PlatformUnderTest platform)
{
    [Fact]
    public async Task The_company_follows_a_rename_and_an_erased_contact_is_no_longer_named()
    {
        var tenant = await platform.CreateTenantAsync("v");
        var companyId = await (await tenant.Admin.PostAsJsonAsync("/api/clients/companies", new { name = "Acme" })).CreatedIdAsync();
        var projectId = await (await tenant.Admin.PostAsJsonAsync("/api/clients/projects", new
        {
            name = "Acme survey", direction = "outbound", timeZone = "Europe/Prague", clientCompanyId = companyId,
        })).CreatedIdAsync();
        await ScriptsWorld.KnowsProjectAsync(tenant.Admin, projectId);
        var world = new ScriptsWorld(platform, tenant, projectId);
        await world.PublishedScriptAsync(ScriptsWorld.SalesCall(greeting: "Hello {{contact.name}}, calling for {{project.company}}."));
        var contactId = await (await tenant.Admin.PostAsJsonAsync($"/api/clients/projects/{projectId}/contacts", new
        {
            kind = "person", name = "Petr Svoboda", phone = $"+420777{Random.Shared.Next(0, 1_000_000):D6}", timeZone = "Europe/Prague",
        })).CreatedIdAsync();

        await Eventually.HoldsAsync(async () => await GreetingAsync(world, contactId) == "Hello Petr Svoboda, calling for Acme.",
            TimeSpan.FromSeconds(15), "the greeting names the contact and the company");
        Assert.Equal(HttpStatusCode.OK, (await tenant.Admin.PutAsJsonAsync($"/api/clients/companies/{companyId}", new { name = "Acme Group" })).StatusCode);
        await Eventually.HoldsAsync(async () => (await GreetingAsync(world, contactId)).EndsWith("Acme Group."),
            TimeSpan.FromSeconds(15), "the greeting names the company's new name");
        Assert.True((await tenant.Admin.DeleteAsync($"/api/clients/contacts/{contactId}")).IsSuccessStatusCode);
        await Eventually.HoldsAsync(async () => await GreetingAsync(world, contactId) == "Hello , calling for Acme Group.",
            TimeSpan.FromSeconds(15), "the erased contact is no longer named");
    }

    [Fact]
    public async Task A_contacts_custom_fields_fill_the_script_and_follow_an_edit_of_the_card()
    {
        var world = await ScriptsWorld.CreateAsync(platform);
        var script = System.Text.Json.JsonSerializer.SerializeToNode(ScriptsWorld.SalesCall(
            greeting: "Hello {{contact.name}}, as a {{contact.custom.segment}} client since {{contact.custom.since}}."))!.AsObject();
        script["fields"] = new System.Text.Json.Nodes.JsonArray("segment", "since");
        await world.PublishedScriptAsync(script);
        var phone = $"+420777{Random.Shared.Next(0, 1_000_000):D6}";
        var contactId = await (await world.Admin.PostAsJsonAsync($"/api/clients/projects/{world.ProjectId}/contacts", new
        {
            name = "Olga Nová", phone, customFields = new { segment = "gold", since = 2019 },
        })).CreatedIdAsync();

        await Eventually.HoldsAsync(async () => await GreetingAsync(world, contactId) == "Hello Olga Nová, as a gold client since 2019.",
            TimeSpan.FromSeconds(15), "the greeting shows the contact's custom fields");
        var edit = await world.Admin.PutAsJsonAsync($"/api/clients/contacts/{contactId}", new { name = "Olga Nová", phone, customFields = new { segment = "silver" } });
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        await Eventually.HoldsAsync(async () => await GreetingAsync(world, contactId) == "Hello Olga Nová, as a silver client since .",
            TimeSpan.FromSeconds(15), "the greeting follows the edited card (a field gone is empty)");
    }

    [Fact]
    public async Task Erasing_a_contact_takes_them_and_their_free_text_answers_out_of_their_sessions()
    {
        var world = await ScriptsWorld.CreateAsync(platform);
        await world.PublishedScriptAsync(new
        {
            name = "Survey", mode = "strict", start = "rating",
            steps = new object[]
            {
                new { type = "question", id = "rating", text = "How do you rate us?", kind = "rating", next = "notes" },
                new { type = "question", id = "notes", text = "Anything else?", kind = "text", next = "end" },
                new { type = "end", id = "end" },
            },
        });
        var contactId = await (await world.Admin.PostAsJsonAsync($"/api/clients/projects/{world.ProjectId}/contacts", new
        {
            kind = "person", name = "Eva Dvořáková", phone = $"+420777{Random.Shared.Next(0, 1_000_000):D6}", timeZone = "Europe/Prague",
        })).CreatedIdAsync();
        var sessionId = (await world.StartSessionAsync(world.Admin, contactId)).GetProperty("id").GetGuid();
        await ScriptsWorld.AnsweredAsync(world.Admin, sessionId, "rating", 4);
        await ScriptsWorld.AnsweredAsync(world.Admin, sessionId, "notes", "Call me at home, Dlouhá 12");

        Assert.True((await world.Admin.DeleteAsync($"/api/clients/contacts/{contactId}")).IsSuccessStatusCode);

        await Eventually.HoldsAsync(async () =>
        {
            var session = await (await world.Admin.GetAsync($"/api/scripts/sessions/{sessionId}")).JsonAsync();
            return session.GetProperty("contactId").ValueKind == System.Text.Json.JsonValueKind.Null
                && !session.GetProperty("answers").TryGetProperty("notes", out _)
                && session.GetProperty("answers").GetProperty("rating").GetProperty("text").GetString() == "4";
        }, TimeSpan.FromSeconds(15), "the session no longer holds the erased contact or their words");
    }

    private static async Task<string> GreetingAsync(ScriptsWorld world, Guid contactId) =>
        (await world.StartSessionAsync(world.Admin, contactId)).GetProperty("step").GetProperty("text").GetString()!;
}
