using System.Net;
using System.Text;
using Dapper;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEnd.Tests;

[Collection(PlatformCollection.Name)]
public sealed class BadInputTests(PlatformUnderTest platform)
{
    public static TheoryData<string, string> BadProjects => new()
    {
        { """{"name":"","direction":"inbound","timeZone":"UTC"}""", "name" },
        { """{"direction":"inbound","timeZone":"UTC"}""", "name" },
        { $$"""{"name":"{{new string('x', 201)}}","direction":"inbound","timeZone":"UTC"}""", "name" },
        { """{"name":"Bad\u0007bell","direction":"inbound","timeZone":"UTC"}""", "name" },
        { """{"name":"Hotline","direction":"sideways","timeZone":"UTC"}""", "direction" },
        { """{"name":"Hotline","direction":"7","timeZone":"UTC"}""", "direction" },
        { """{"name":"Hotline","direction":"inbound","timeZone":"Mars/Olympus_Mons"}""", "timeZone" },
        { """{"name":"Hotline","direction":"inbound","timeZone":"+02:00"}""", "timeZone" },
    };

    [Theory]
    [MemberData(nameof(BadProjects))]
    public async Task An_invalid_project_gets_400_naming_the_field_and_creates_nothing(string body, string field)
    {
        var tenant = await platform.CreateTenantAsync();

        var response = await tenant.Admin.PostAsync("/api/clients/projects", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _), $"errors name {field}");
        await AssertNothingWrittenAsync(tenant);
    }

    [Theory]
    [InlineData("""{"name": 12""", "application/json")]
    [InlineData("""{"name": 12, "direction": "inbound", "timeZone": "UTC"}""", "application/json")]
    [InlineData("""[1,2,3]""", "application/json")]
    [InlineData("name=x", "application/x-www-form-urlencoded")]
    [InlineData("hello", "text/plain")]
    public async Task An_unreadable_body_gets_a_4xx_problem_and_creates_nothing(string body, string contentType)
    {
        var tenant = await platform.CreateTenantAsync();

        var response = await tenant.Admin.PostAsync("/api/clients/projects", new StringContent(body, Encoding.UTF8, contentType));

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnsupportedMediaType, $"got {response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await AssertNothingWrittenAsync(tenant);
    }

    [Fact]
    public async Task A_malformed_id_in_the_path_gets_404_problem_details()
    {
        var tenant = await platform.CreateTenantAsync();
        var response = await tenant.Admin.GetAsync("/api/queue/projects/not-a-guid/queues");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task AssertNothingWrittenAsync(TestTenant tenant)
    {
        var projects = await (await tenant.Admin.GetAsync("/api/clients/projects")).JsonAsync();
        Assert.Empty(projects.EnumerateArray());
        await using var clients = platform.Database("clients");
        Assert.Equal(0, await clients.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM outbox_messages WHERE tenant_id = @Id", new { tenant.Id }));
    }
}
