using Dapper;
using Platform.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Platform.EndToEnd.Tests.Security;

[Collection(PlatformCollection.Name)]
public sealed class BadInputCorpusTests(PlatformUnderTest platform, ITestOutputHelper output)
{
    [Fact]
    public async Task Every_operation_answers_every_bad_input_with_a_4xx_problem_and_writes_nothing()
    {
        var world = await TenantWorld.CreateAsync(platform);
        var operations = await ApiSurface.OperationsAsync(platform.Gateway.CreateClient());
        var before = await world.SnapshotAsync(operations);
        var outboxBefore = await OutboxRowsAsync(world);

        var wrong = new List<string>();
        var tried = 0;
        foreach (var operation in operations)
        {
            var cases = new List<(string Name, Func<HttpRequestMessage> Request)>();
            if (operation.HasBody)
            {
                foreach (var bad in BadInputCorpus.WholeBodies().Concat(BadInputCorpus.FieldValues(operation.OperationId, world.Ids)))
                {
                    cases.Add((bad.Name, () => operation.Request(world.Ids, bad.Body())));
                }
            }
            foreach (var parameter in operation.Parameters)
            {
                foreach (var value in BadInputCorpus.PathValues)
                {
                    var ids = world.Ids.ToDictionary();
                    ids[parameter] = value;
                    var body = operation.HasBody ? Samples.Content(operation.OperationId, world.Ids) : null;
                    cases.Add(($"{parameter} = {value[..Math.Min(value.Length, 40)]}", () => operation.Request(ids, body)));
                }
            }
            foreach (var (name, request) in cases)
            {
                var response = await world.Tenant.Admin.SweepAsync(request());
                tried++;
                var status = (int)response.StatusCode;
                var mediaType = response.Content.Headers.ContentType?.MediaType;
                if (status is < 400 or >= 500 || mediaType != "application/problem+json")
                {
                    wrong.Add($"{operation} with {name}: {status} {mediaType}");
                }
            }
        }

        output.WriteLine($"{tried} bad inputs tried over {operations.Count} operations");
        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
        Assert.Equal(before, await world.SnapshotAsync(operations));
        Assert.Equal(outboxBefore, await OutboxRowsAsync(world));
    }

    /// <summary>Every event any service wrote for the tenant: a refused request publishes nothing.</summary>
    private async Task<string> OutboxRowsAsync(TenantWorld world)
    {
        var counts = new List<string>();
        foreach (var service in new[] { "clients", "queue", "scripts", "reporting" })
        {
            await using var db = platform.Database(service);
            counts.Add($"{service}: {await db.ExecuteScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE tenant_id = @Id", new { world.Tenant.Id })}");
        }
        return string.Join(", ", counts);
    }
}
