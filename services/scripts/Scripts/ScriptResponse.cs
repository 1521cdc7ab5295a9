using System.Text.Json;
using Platform.Scripts.Authoring.Validation;

namespace Platform.Scripts.Scripts;

/// <summary>
/// A script: its draft document, the latest published version, whether the draft has changed since, and the errors the
/// draft still has (it cannot be published until there are none).
/// </summary>
public sealed record ScriptResponse(
    Guid Id, Guid ProjectId, string Name, string Mode, int LatestVersion, int? ActiveVersion, int Revision, JsonElement Draft,
    ScriptErrorView[] Problems, DateTime CreatedAt, DateTime UpdatedAt)
{
    public static ScriptResponse From(ScriptRow row, int? activeVersion)
    {
        var draft = JsonDocument.Parse(row.Draft).RootElement.Clone();
        var problems = ScriptValidator.Validate(row.Document).Select(ScriptErrorView.From).ToArray();
        return new(row.Id, row.ProjectId, row.Name, row.Mode, row.LatestVersion, activeVersion, row.DraftRevision, draft, problems, row.CreatedAt, row.UpdatedAt);
    }
}

public sealed record ScriptErrorView(string? StepId, string Field, string Code, string Message)
{
    public static ScriptErrorView From(ScriptError e) => new(e.StepId, e.Field, e.Code, e.Message);
}
