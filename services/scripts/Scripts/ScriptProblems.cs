using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Scripts.Authoring.Validation;

namespace Platform.Scripts.Scripts;

/// <summary>422 ProblemDetails listing every error of a script: by key (<c>steps.greet.next</c>) and, for tools, as a list with codes.</summary>
public static class ScriptProblems
{
    public static ProblemHttpResult Invalid(IEnumerable<ScriptError> errors, string title)
    {
        var list = errors.ToList();
        var details = new HttpValidationProblemDetails(list.GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()))
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = title,
            Detail = $"{list.Count} error{(list.Count == 1 ? "" : "s")} in the script.",
        };
        details.Extensions["scriptErrors"] = list.Select(e => new { e.StepId, e.Field, e.Code, e.Message }).ToArray();
        return TypedResults.Problem(details);
    }

    /// <summary>A well-formed request that does not fit the state of things (409), naming the field.</summary>
    public static ProblemHttpResult Conflict(string field, string reason, string title) =>
        TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [reason] })
        {
            Status = StatusCodes.Status409Conflict,
            Title = title,
            Detail = reason,
        });

    /// <summary>A request whose value is wrong for what it names (422), naming the field.</summary>
    public static ProblemHttpResult Unprocessable(string field, string reason, string title) =>
        TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [reason] })
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = title,
            Detail = reason,
        });
}
