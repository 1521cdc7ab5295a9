using System.Collections.Concurrent;
using Platform.Scripts.Authoring.Model;
using Platform.Scripts.Authoring.Walking;
using Platform.ServiceDefaults.Database;

namespace Platform.Scripts.Sessions;

/// <summary>
/// Published versions, parsed and indexed once per replica: a version never changes, so a cached one is never stale.
/// The cache is bounded by clearing it when full (versions in use come back on the next read).
/// </summary>
public sealed class CompiledScripts
{
    private const int Capacity = 2000;
    private readonly ConcurrentDictionary<(Guid Tenant, Guid Script, int Version), CompiledScript> cache = new();

    public async Task<CompiledScript> GetAsync(TenantSession session, Guid scriptId, int version, CancellationToken ct)
    {
        var key = (session.TenantId, scriptId, version);
        if (cache.TryGetValue(key, out var compiled))
        {
            return compiled;
        }
        var document = await session.QuerySingleOrDefaultAsync<string>(
            "SELECT document::text FROM script_versions WHERE tenant_id = @TenantId AND script_id = @scriptId AND version = @version",
            new { session.TenantId, scriptId, version }, ct)
            ?? throw new InvalidOperationException($"Script {scriptId} has no version {version}.");
        compiled = new CompiledScript(ScriptJson.Read(System.Text.Json.JsonDocument.Parse(document).RootElement).Script!);
        if (cache.Count >= Capacity)
        {
            cache.Clear();
        }
        cache[key] = compiled;
        return compiled;
    }
}
