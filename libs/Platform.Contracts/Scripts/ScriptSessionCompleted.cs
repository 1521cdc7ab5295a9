namespace Platform.Contracts.Scripts;

/// <summary>
/// An agent walked a script to its end (or closed it early). The answers of a survey project are its product: the
/// clients service keeps them on the contact, reporting builds the step funnel from <paramref name="Path"/>.
/// <paramref name="CallId"/> is the queue's call when the session opened on an answered call; outbound work may start
/// a session without one. <paramref name="Outcome"/> is "completed" when an end step was reached, "abandoned" when the
/// session was closed before. <paramref name="SuggestedDisposition"/> is the end step's disposition code, if any.
/// </summary>
public sealed record ScriptSessionCompleted(
    Guid TenantId, Guid SessionId, Guid ScriptId, int Version, Guid ProjectId, Guid? CallId, Guid? ContactId, Guid? AgentUserId,
    IReadOnlyList<ScriptAnswer> Answers, IReadOnlyList<ScriptPathStep> Path, string? SuggestedDisposition, string Outcome,
    DateTimeOffset StartedAt, DateTimeOffset At) : ITenantEvent;

/// <summary>
/// One answer: the question step, its text as the agent saw it, and the answer as text (choices joined by "; ").
/// <paramref name="Kind"/> is the question's kind (single, multiple, text, number, date, rating); reporting reads a rating
/// (a whole number 1–5) as the caller's satisfaction. Null from a scripts service that did not send it yet.
/// </summary>
public sealed record ScriptAnswer(string StepId, string Question, string Answer, string? Kind = null);

/// <summary>One step on the walked path, in order, with the seconds spent on it.</summary>
public sealed record ScriptPathStep(string StepId, double Seconds);
