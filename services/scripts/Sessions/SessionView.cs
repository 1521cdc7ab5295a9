using Platform.Scripts.Authoring.Rendering;
using Platform.Scripts.Authoring.Walking;

namespace Platform.Scripts.Sessions;

/// <summary>A session as the agent's script window shows it: the current step rendered, the answers so far and the path walked.</summary>
public sealed record SessionView(
    Guid Id, Guid ProjectId, Guid ScriptId, int Version, string Mode, Guid? CallId, Guid? ContactId, Guid? AgentUserId, string Status,
    DateTime StartedAt, DateTime? CompletedAt, RenderedStep Step, IReadOnlyDictionary<string, RecordedAnswer> Answers,
    IReadOnlyList<PathEntry> Path)
{
    public static SessionView From(SessionRow row, CompiledScript script, SessionState state, string? status = null, DateTime? completedAt = null) =>
        new(row.Id, row.ProjectId, row.ScriptId, row.Version, script.Document.Mode, row.CallId, row.ContactId, row.AgentUserId,
            status ?? row.Status, row.StartedAt, completedAt ?? row.CompletedAt, StepRenderer.Render(script, state, row.Variables),
            state.Answers, state.Path);
}

/// <summary>A session in a list.</summary>
public sealed record SessionSummary(
    Guid Id, Guid ProjectId, Guid ScriptId, int Version, Guid? CallId, Guid? ContactId, Guid? AgentUserId, string Status, DateTime StartedAt, DateTime? CompletedAt);
