using Platform.Scripts.Authoring.Model;
using Platform.Scripts.Authoring.Walking;

namespace Platform.Scripts.Authoring.Rendering;

/// <summary>The current step as the agent's script window shows it, with its variables put in safely.</summary>
public static class StepRenderer
{
    public static RenderedStep Render(CompiledScript script, SessionState state, VariableValues values)
    {
        var step = script[state.Current];
        string? Text(string field) => step.Texts.Any(t => t.Field == field)
            ? script.TemplateOf(step.Id, field).Text(values, state)
            : null;
        string? Html(string field) => step.Texts.Any(t => t.Field == field)
            ? script.TemplateOf(step.Id, field).Html(values, state)
            : null;
        var question = step as QuestionStep;
        var type = step switch
        {
            SayStep => "say",
            QuestionStep => "question",
            ObjectionStep => "objection",
            TransferStep => "transfer",
            EndStep => "end",
            _ => "branch",
        };
        return new RenderedStep(
            step.Id, type, Text("text"), Html("text"), question?.Kind,
            question?.Options?.Select(o => new RenderedOption(o.Value, o.Label)).ToList(),
            question?.Min, question?.Max, question?.Required,
            state.Answers.GetValueOrDefault(step.Id)?.Values,
            SessionOutcome.Of(script, state).SuggestedDisposition,
            (step as TransferStep)?.Queue,
            step.IsTerminal,
            state.History.Count > 0,
            script.Objections.Where(o => o.Id != step.Id).Select(o => new RenderedObjection(o.Id, o.Label)).ToList());
    }
}

/// <summary>
/// A step on the agent's screen. <paramref name="Text"/> is plain text (set it as text); <paramref name="Html"/> is the
/// same, HTML-escaped. <paramref name="Answer"/> is the answer given earlier, when the agent came back to it.
/// </summary>
public sealed record RenderedStep(
    string StepId, string Type, string? Text, string? Html, string? Kind, IReadOnlyList<RenderedOption>? Options,
    double? Min, double? Max, bool? Required, IReadOnlyList<string>? Answer, string? SuggestedDisposition, string? Queue,
    bool IsEnd, bool CanGoBack, IReadOnlyList<RenderedObjection> Objections);

public sealed record RenderedOption(string Value, string Label);

public sealed record RenderedObjection(string StepId, string Label);
