using System.Text.Json;
using Platform.Scripts.Authoring.Model;

namespace Platform.Scripts.Authoring.Walking;

/// <summary>
/// Walks a session through a validated script. Answers are accepted on the current step only and checked against the
/// question's kind; branch steps are passed by themselves. Back returns to the previous step the agent stood on. Jumps:
/// to an objection handler from anywhere (it returns to where the agent was), and in a guided script to any step.
/// </summary>
public static class ScriptWalker
{
    /// <summary>How many branch steps one move may pass before the walk is taken to be turning in a loop.</summary>
    private const int MaxPassedBranches = 1000;

    public static Move Start(CompiledScript script, VariableValues variables, DateTimeOffset now)
    {
        var state = new SessionState(script.Document.Start, [], [], new Dictionary<string, RecordedAnswer>(), [new PathEntry(script.Document.Start, now)]);
        return PassBranches(script, state, variables, now);
    }

    public static Move Answer(CompiledScript script, SessionState state, string? stepId, JsonElement? answer, VariableValues variables, DateTimeOffset now)
    {
        if (NotCurrent(state, stepId) is { } refused)
        {
            return refused;
        }
        var step = script[state.Current];
        var hasAnswer = answer is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) };
        switch (step)
        {
            case SayStep say:
                return hasAnswer ? Move.Refused("answer", "This step is said, not asked: it takes no answer.") : Enter(script, state, say.Next!, variables, now);
            case ObjectionStep objection:
                if (hasAnswer)
                {
                    return Move.Refused("answer", "An objection handler takes no answer.");
                }
                return objection.Next is { } next ? Enter(script, state with { Returns = Drop(state.Returns) }, next, variables, now) : Return(script, state, variables, now);
            case QuestionStep question:
                var (recorded, error) = AnswerReader.Read(question, answer);
                if (recorded is null)
                {
                    return Move.Refused("answer", error!);
                }
                var answered = state with { Answers = new Dictionary<string, RecordedAnswer>(state.Answers) { [question.Id] = recorded } };
                var target = question.Kind == AnswerKinds.Single
                    ? question.Options!.First(o => o.Value == recorded.Values[0]).Next ?? question.Next!
                    : question.Next!;
                return Enter(script, answered, target, variables, now);
            default:
                return Move.Refused("stepId", "The script has ended here: complete the session.", conflict: true);
        }
    }

    public static Move Back(CompiledScript script, SessionState state, string? stepId, DateTimeOffset now)
    {
        if (NotCurrent(state, stepId) is { } refused)
        {
            return refused;
        }
        if (state.History.Count == 0)
        {
            return Move.Refused("stepId", "This is the first step: there is nothing to go back to.", conflict: true);
        }
        var previous = state.History[^1];
        var returns = script[state.Current] is ObjectionStep && state.Returns.Count > 0 && state.Returns[^1] == previous ? Drop(state.Returns) : state.Returns;
        var answers = new Dictionary<string, RecordedAnswer>(state.Answers);
        answers.Remove(state.Current); // the step left behind is no longer answered
        return Move.To(Arrive(state with { History = Drop(state.History), Returns = returns, Answers = answers }, previous, now));
    }

    public static Move Jump(CompiledScript script, SessionState state, string? target, VariableValues variables, DateTimeOffset now)
    {
        var step = target is null ? null : script.Find(target);
        if (step is null)
        {
            return Move.Refused("stepId", $"The script has no step '{target}'.");
        }
        if (step.Id == state.Current)
        {
            return Move.Refused("stepId", "The session is on this step already.", conflict: true);
        }
        if (step is BranchStep)
        {
            return Move.Refused("stepId", "A branch step is passed by itself; jump to a step the agent can stand on.");
        }
        if (step is ObjectionStep)
        {
            var jumped = state with { History = [.. state.History, state.Current], Returns = [.. state.Returns, state.Current] };
            return Move.To(Arrive(jumped, step.Id, now));
        }
        if (!script.IsGuided)
        {
            return Move.Refused("stepId", "A strict script is walked step by step as written: only objection handlers can be jumped to.", conflict: true);
        }
        _ = variables;
        return Move.To(Arrive(state with { History = [.. state.History, state.Current] }, step.Id, now));
    }

    /// <summary>The path with the current step's time closed at <paramref name="now"/> (for completing the session).</summary>
    public static IReadOnlyList<PathEntry> ClosedPath(SessionState state, DateTimeOffset now) =>
        [.. state.Path.Take(state.Path.Count - 1), Close(state.Path[^1], now)];

    private static Move? NotCurrent(SessionState state, string? stepId) =>
        stepId == state.Current
            ? null
            : Move.Refused("stepId", $"The step '{stepId}' is not the current step; the session is on '{state.Current}'.", conflict: true);

    private static Move Enter(CompiledScript script, SessionState state, string target, VariableValues variables, DateTimeOffset now) =>
        PassBranches(script, Arrive(state with { History = [.. state.History, state.Current] }, target, now), variables, now);

    private static Move Return(CompiledScript script, SessionState state, VariableValues variables, DateTimeOffset now)
    {
        if (state.Returns.Count == 0)
        {
            return Move.Refused("stepId", "Nothing to return to from this objection handler.", conflict: true);
        }
        var origin = state.Returns[^1];
        var history = state.History.Count > 0 && state.History[^1] == origin ? Drop(state.History) : state.History;
        return PassBranches(script, Arrive(state with { History = history, Returns = Drop(state.Returns) }, origin, now), variables, now);
    }

    private static SessionState Arrive(SessionState state, string target, DateTimeOffset now) =>
        state with { Current = target, Path = [.. state.Path.Take(state.Path.Count - 1), Close(state.Path[^1], now), new PathEntry(target, now)] };

    private static Move PassBranches(CompiledScript script, SessionState state, VariableValues variables, DateTimeOffset now)
    {
        for (var passed = 0; script[state.Current] is BranchStep branch; passed++)
        {
            if (passed == MaxPassedBranches)
            {
                return Move.Refused("stepId", "The script's branch steps turn in a loop.", conflict: true);
            }
            var rule = branch.Rules.FirstOrDefault(r => Conditions.Holds(r.When, variables, state));
            state = Arrive(state, rule?.Next ?? branch.Otherwise!, now);
        }
        return Move.To(state);
    }

    private static PathEntry Close(PathEntry entry, DateTimeOffset now) =>
        entry.Seconds is not null ? entry : entry with { Seconds = Math.Max(0, (now - entry.EnteredAt).TotalSeconds) };

    private static IReadOnlyList<string> Drop(IReadOnlyList<string> list) => list.Count == 0 ? list : [.. list.Take(list.Count - 1)];
}
