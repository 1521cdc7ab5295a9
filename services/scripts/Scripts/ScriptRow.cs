using Platform.Scripts.Authoring.Model;
using Platform.ServiceDefaults.Database;

namespace Platform.Scripts.Scripts;

/// <summary>A script as stored: its draft (the document being written) and the number of its latest published version.</summary>
public sealed record ScriptRow(
    Guid Id, Guid ProjectId, string Name, string Mode, string Draft, int LatestVersion, DateTime CreatedAt, DateTime UpdatedAt, int DraftRevision)
{
    public const string Columns = "id, project_id, name, mode, draft::text AS draft, latest_version, created_at, updated_at, draft_revision";

    /// <summary>The draft's revision as an entity tag (RFC 9110, strong).</summary>
    public string ETag => $"\"{DraftRevision}\"";

    /// <summary>Whether an edit with this If-Match header may go ahead on this draft; no header, no condition; "*" matches any.</summary>
    public bool Allows(string? ifMatch) =>
        string.IsNullOrWhiteSpace(ifMatch)
        || ifMatch.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Any(tag => tag == "*" || tag == ETag);

    public ScriptDocument Document => ScriptJson.Read(System.Text.Json.JsonDocument.Parse(Draft).RootElement).Script!;

    public static Task<ScriptRow?> FindAsync(TenantSession session, Guid scriptId, CancellationToken ct, bool forUpdate = false) =>
        session.QuerySingleOrDefaultAsync<ScriptRow>(
            $"SELECT {Columns} FROM scripts WHERE tenant_id = @TenantId AND id = @scriptId{(forUpdate ? " FOR UPDATE" : "")}",
            new { session.TenantId, scriptId }, ct);

    public static Task<bool> ProjectExistsAsync(TenantSession session, Guid projectId, CancellationToken ct) =>
        session.QuerySingleOrDefaultAsync<bool>(
            "SELECT EXISTS (SELECT 1 FROM projects WHERE tenant_id = @TenantId AND id = @projectId)", new { session.TenantId, projectId }, ct);

    /// <summary>Stores a new script with <paramref name="script"/> as its draft.</summary>
    public static async Task<Guid> InsertAsync(TenantSession session, Guid projectId, ScriptDocument script, DateTimeOffset now, CancellationToken ct)
    {
        var id = Guid.CreateVersion7();
        const string sql = """
            INSERT INTO scripts (tenant_id, id, project_id, name, mode, draft, created_at, updated_at)
            VALUES (@TenantId, @id, @projectId, @Name, @Mode, CAST(@draft AS jsonb), @now, @now)
            """;
        await session.ExecuteAsync(sql, new { session.TenantId, id, projectId, script.Name, script.Mode, draft = ScriptJson.Write(script), now }, ct);
        return id;
    }
}
