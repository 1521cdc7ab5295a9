using Platform.Contracts.Scripts;
using Platform.Scripts.Authoring.Walking;

namespace Platform.Scripts.Sessions;

/// <summary>What completing a session records and announces: the closed path, the answers in the order given, the outcome.</summary>
public sealed record SessionCompletion(SessionState State, ScriptSessionCompleted Event)
{
    public static SessionCompletion Of(Guid tenantId, CompiledScript script, SessionRow row, DateTimeOffset now)
    {
        var walk = row.Walk;
        var state = walk with { Path = ScriptWalker.ClosedPath(walk, now) };
        var (outcome, disposition) = SessionOutcome.Of(script, state);
        var variables = row.Variables;
        var answered = state.Path.Select(p => p.StepId).Distinct().Where(state.Answers.ContainsKey);
        var answers = answered
            .Select(id => new ScriptAnswer(id, script.TemplateOf(id, "text").Text(variables, state), state.Answers[id].Text, state.Answers[id].Kind))
            .ToList();
        var path = state.Path.Select(p => new ScriptPathStep(p.StepId, Math.Round(p.Seconds ?? 0, 3))).ToList();
        var startedAt = new DateTimeOffset(DateTime.SpecifyKind(row.StartedAt, DateTimeKind.Utc));
        var completed = new ScriptSessionCompleted(
            tenantId, row.Id, row.ScriptId, row.Version, row.ProjectId, row.CallId, row.ContactId,
            row.AgentUserId, answers, path, disposition, outcome, startedAt, now);
        return new SessionCompletion(state, completed);
    }
}
