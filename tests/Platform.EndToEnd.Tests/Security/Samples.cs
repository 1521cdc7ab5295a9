using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.EndToEnd.Tests.Security;

/// <summary>
/// A valid body for each operation that takes one, and what each field is: free text (any printable string is a
/// legitimate value, stored verbatim) or strict (an id, a code, a name from a fixed set).
/// </summary>
internal static class Samples
{
    public sealed record Field(string Name, bool FreeText, bool Required);

    public static JsonObject Body(string operationId) => operationId switch
    {
        "CreateProject" => new() { ["name"] = "Sample project", ["direction"] = "inbound", ["timeZone"] = "Europe/Prague" },
        "CreateUser" => new()
        {
            ["username"] = $"s{Guid.NewGuid():N}"[..16], ["displayName"] = "Sample user", ["password"] = "sample-password-1",
            ["roles"] = new JsonArray("agent"),
        },
        "UpdateUser" => new() { ["displayName"] = "Changed", ["roles"] = new JsonArray("agent"), ["disabled"] = false },
        "SetUserPassword" => new() { ["password"] = "changed-password-1" },
        "IssueToken" => new() { ["tenant"] = "demo", ["username"] = "nobody-at-all", ["password"] = "whatever" },
        _ => throw new InvalidOperationException($"No sample body for {operationId}: add one to {nameof(Samples)}."),
    };

    public static Field[] Fields(string operationId) => operationId switch
    {
        "CreateProject" => [new("name", true, true), new("direction", false, true), new("timeZone", false, true)],
        "CreateUser" => [new("username", false, true), new("displayName", true, true), new("password", true, true), new("roles", false, true), new("projectIds", false, false)],
        "UpdateUser" => [new("displayName", true, true), new("roles", false, true), new("projectIds", false, false), new("disabled", false, true)],
        "SetUserPassword" => [new("password", true, true)],
        // Sign-in as a user that does not exist: every variant fails without writing anything.
        "IssueToken" => [new("tenant", false, true), new("username", false, true), new("password", false, true)],
        _ => throw new InvalidOperationException($"No field list for {operationId}: add one to {nameof(Samples)}."),
    };

    public static StringContent Json(JsonNode body) => new(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");

    public static StringContent Json(object body) => new(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");
}
