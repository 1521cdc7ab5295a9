using Platform.Scripts.Authoring.Model;

namespace Platform.Scripts.Authoring.Validation;

/// <summary>
/// Everything wrong with a script, all at once, each with the step it concerns: fields (texts, kinds, options, limits),
/// links (dangling targets, dead ends), variables, and the graph (unreachable steps, loops with no way out).
/// An empty list means the script may be published.
/// </summary>
public static class ScriptValidator
{
    public static IReadOnlyList<ScriptError> Validate(ScriptDocument script)
    {
        var errors = new List<ScriptError>();
        var steps = script.Steps ?? [];
        if (steps.Count > Limits.MaxSteps)
        {
            // The limit protects everything after it: nothing more is read.
            errors.Add(new(null, "steps", ScriptErrorCodes.TooLarge, $"A script has at most {Limits.MaxSteps} steps; this one has {steps.Count}."));
            return errors;
        }
        DocumentChecks.Check(script, errors);
        var byId = new Dictionary<string, Step>(StringComparer.Ordinal);
        foreach (var step in steps)
        {
            if (step?.Id is { } id && !byId.TryAdd(id, step))
            {
                errors.Add(new(id, "id", ScriptErrorCodes.DuplicateStep, $"Two steps have the id '{id}'; step ids are unique."));
            }
        }
        var variables = new Variables(
            steps.OfType<QuestionStep>().Select(q => q.Id), (script.Fields ?? []).Where(f => f is not null));
        foreach (var step in steps)
        {
            StepChecks.Check(step, byId, variables, errors);
        }
        if (script.Start is not null && byId.Count > 0 && !byId.ContainsKey(script.Start))
        {
            errors.Add(new(null, "start", ScriptErrorCodes.DanglingTarget, $"The start step '{script.Start}' does not exist."));
        }
        if (errors.Count == 0 || errors.All(e => e.Code is not ScriptErrorCodes.Malformed and not ScriptErrorCodes.DuplicateStep))
        {
            GraphChecks.Check(script, byId, errors);
        }
        return errors;
    }
}
