using System.Net;
using System.Net.Http.Json;
using Dapper;
using Platform.Testing;
using Xunit;
using static Platform.EndToEnd.Tests.Crm.CrmWorld;

namespace Platform.EndToEnd.Tests.Crm;

/// <summary>A retried POST of an outcome, order or complaint records once (Idempotency-Key, or the same call id for an outcome).</summary>
[Collection(PlatformCollection.Name)]
public sealed class RetriedPostTests(PlatformUnderTest platform)
{
    private static HttpRequestMessage Post(string path, object body, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }
        return request;
    }

    private async Task<long> CountAsync(string table, Guid tenantId)
    {
        await using var clients = platform.Database("clients");
        return await clients.ExecuteScalarAsync<long>($"SELECT count(*) FROM {table} WHERE tenant_id = @tenantId", new { tenantId });
    }

    [Theory]
    [InlineData("outcomes", "call_outcomes")]
    [InlineData("orders", "orders")]
    [InlineData("complaints", "complaints")]
    public async Task A_retry_with_the_same_key_answers_the_first_answer_and_records_nothing_more(string resource, string table)
    {
        var tenant = await platform.CreateTenantAsync();
        var projectId = await ProjectAsync(tenant, "Retries", null);
        var contactId = (await ContactAsync(tenant, projectId, "Jana Retry", "777 310 001")).GetProperty("id").GetGuid();
        object body = resource switch
        {
            "outcomes" => new { disposition = "no_answer", notes = "rang out" },
            "orders" => new { description = "Tariff M", amount = 499.00m, currency = "CZK" },
            _ => new { subject = "Invoice twice" },
        };
        var key = Guid.NewGuid().ToString();
        var path = $"/api/clients/contacts/{contactId}/{resource}";

        var first = await tenant.Admin.SendAsync(Post(path, body, key));
        var firstBody = await first.Content.ReadAsStringAsync();
        var retries = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => tenant.Admin.SendAsync(Post(path, body, key))));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        foreach (var retry in retries)
        {
            Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
            Assert.Equal(first.Headers.Location, retry.Headers.Location);
            using var a = System.Text.Json.JsonDocument.Parse(firstBody);
            using var b = System.Text.Json.JsonDocument.Parse(await retry.Content.ReadAsStringAsync());
            Assert.True(System.Text.Json.JsonElement.DeepEquals(a.RootElement, b.RootElement), "the retry gets the first answer");
        }
        Assert.Equal(1, await CountAsync(table, tenant.Id));

        var another = await tenant.Admin.SendAsync(Post(path, body, Guid.NewGuid().ToString()));
        Assert.Equal(HttpStatusCode.Created, another.StatusCode); // a new key is a new request
        Assert.Equal(2, await CountAsync(table, tenant.Id));
    }

    [Fact]
    public async Task The_same_key_with_another_body_or_contact_is_422_and_changes_nothing()
    {
        var tenant = await platform.CreateTenantAsync();
        var projectId = await ProjectAsync(tenant, "Retries", null);
        var jana = (await ContactAsync(tenant, projectId, "Jana Retry", "777 310 002")).GetProperty("id").GetGuid();
        var petr = (await ContactAsync(tenant, projectId, "Petr Retry", "777 310 003")).GetProperty("id").GetGuid();
        var key = Guid.NewGuid().ToString();
        (await tenant.Admin.SendAsync(Post($"/api/clients/contacts/{jana}/orders", new { description = "Tariff M" }, key))).EnsureSuccessStatusCode();

        var otherBody = await tenant.Admin.SendAsync(Post($"/api/clients/contacts/{jana}/orders", new { description = "Tariff L" }, key));
        var otherContact = await tenant.Admin.SendAsync(Post($"/api/clients/contacts/{petr}/orders", new { description = "Tariff M" }, key));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, otherBody.StatusCode);
        Assert.Equal("application/problem+json", otherBody.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, otherContact.StatusCode);
        Assert.Equal(1, await CountAsync("orders", tenant.Id));
    }

    [Fact]
    public async Task A_refused_request_leaves_its_key_free_for_the_corrected_retry_and_a_bad_key_is_400()
    {
        var tenant = await platform.CreateTenantAsync();
        var projectId = await ProjectAsync(tenant, "Retries", null);
        var contactId = (await ContactAsync(tenant, projectId, "Jana Retry", "777 310 004")).GetProperty("id").GetGuid();
        var key = Guid.NewGuid().ToString();
        var path = $"/api/clients/contacts/{contactId}/outcomes";

        var refused = await tenant.Admin.SendAsync(Post(path, new { disposition = "no_such_code" }, key));
        var corrected = await tenant.Admin.SendAsync(Post(path, new { disposition = "no_answer" }, key));
        var badKey = await tenant.Admin.SendAsync(Post(path, new { disposition = "no_answer" }, new string('k', 201)));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Created, corrected.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badKey.StatusCode);
        Assert.Equal(1, await CountAsync("call_outcomes", tenant.Id));
    }

    [Fact]
    public async Task A_second_outcome_for_the_same_call_records_once_and_another_disposition_for_it_is_409()
    {
        var tenant = await platform.CreateTenantAsync();
        var projectId = await ProjectAsync(tenant, "Retries", null);
        var contactId = (await ContactAsync(tenant, projectId, "Jana Retry", "777 310 005")).GetProperty("id").GetGuid();
        var callId = Guid.NewGuid();
        var path = $"/api/clients/contacts/{contactId}/outcomes";

        var first = await tenant.Admin.PostAsJsonAsync(path, new { disposition = "no_answer", callId });
        var again = await tenant.Admin.PostAsJsonAsync(path, new { disposition = "no_answer", callId });
        var contradicting = await tenant.Admin.PostAsJsonAsync(path, new { disposition = "sale", callId });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal((await first.JsonAsync()).GetProperty("outcomeId").GetGuid(), (await again.JsonAsync()).GetProperty("outcomeId").GetGuid());
        Assert.Equal(HttpStatusCode.Conflict, contradicting.StatusCode);
        Assert.Equal(1, await CountAsync("call_outcomes", tenant.Id));
        Assert.Equal("potential", await StatusAsync(tenant, contactId));
    }
}
