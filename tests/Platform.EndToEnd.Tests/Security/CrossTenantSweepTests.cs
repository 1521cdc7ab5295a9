using System.Net;
using Platform.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Platform.EndToEnd.Tests.Security;

[Collection(PlatformCollection.Name)]
public sealed class CrossTenantSweepTests(PlatformUnderTest platform, ITestOutputHelper output)
{
    [Fact]
    public async Task Every_operation_with_tenant_A_token_against_tenant_B_ids_finds_nothing_and_changes_nothing()
    {
        var a = await TenantWorld.CreateAsync(platform);
        var b = await TenantWorld.CreateAsync(platform);
        var operations = (await ApiSurface.OperationsAsync(platform.Gateway.CreateClient()))
            .Where(o => !Access.Anonymous.Contains(o.OperationId)).ToList();
        var before = await b.SnapshotAsync(operations);
        string[] traces = [b.ProjectId.ToString(), b.UserId.ToString(), b.Tenant.Id.ToString(), b.Tenant.Slug];

        var wrong = new List<string>();
        foreach (var operation in operations)
        {
            var body = operation.HasBody ? Samples.Content(operation.OperationId, b.Ids) : null;
            var request = operation.Request(b.Ids, body);
            var response = await a.Tenant.Admin.SweepAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            var echoed = request.RequestUri!.OriginalString; // a 404 may name the id it was asked for: that is no leak
            if (operation.Parameters.Count > 0 && response.StatusCode is not (HttpStatusCode.NotFound or HttpStatusCode.Forbidden))
            {
                wrong.Add($"{operation} with B's ids: {(int)response.StatusCode}, expected 404 or 403");
            }
            if (traces.FirstOrDefault(trace => text.Contains(trace) && !echoed.Contains(trace)) is { } trace)
            {
                wrong.Add($"{operation} answered with B's {trace}");
            }
        }

        output.WriteLine($"{operations.Count} operations swept with tenant A's admin token against tenant B's ids");
        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
        Assert.Equal(before, await b.SnapshotAsync(operations));
    }
}
