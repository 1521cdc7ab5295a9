using Microsoft.AspNetCore.Http.HttpResults;

namespace Platform.Queue.Calls;

/// <summary>A command that does not fit the call's state: 409 with the state it is in, and nothing changed.</summary>
public static class CallConflict
{
    public static ProblemHttpResult Because(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: title, detail: detail);

    public static ProblemHttpResult State(string action, string status, string expected) =>
        Because($"The call cannot be {action}.", $"The call is {status.Replace('_', ' ')}; only a call that is {expected} can be {action}.");
}
