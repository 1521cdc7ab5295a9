using System.Text.Json.Serialization;

namespace Platform.Scripts.Authoring.Model;

/// <summary>One step of a script; the JSON field <c>type</c> says which kind.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(SayStep), "say")]
[JsonDerivedType(typeof(QuestionStep), "question")]
[JsonDerivedType(typeof(BranchStep), "branch")]
[JsonDerivedType(typeof(ObjectionStep), "objection")]
[JsonDerivedType(typeof(TransferStep), "transfer")]
[JsonDerivedType(typeof(EndStep), "end")]
public abstract record Step(string Id)
{
    /// <summary>Where the walk may go from here, as written (targets may dangle in an unvalidated draft).</summary>
    [JsonIgnore]
    public abstract IEnumerable<StepLink> Links { get; }

    /// <summary>An end or a transfer: the conversation's way out.</summary>
    [JsonIgnore]
    public virtual bool IsTerminal => false;

    /// <summary>The texts the agent sees, with the field each comes from (for variable checks).</summary>
    [JsonIgnore]
    public virtual IEnumerable<(string Field, string Text)> Texts => [];
}

/// <summary>A link from a step to another, with the field of the step that holds it.</summary>
public readonly record struct StepLink(string Field, string Target);

/// <summary>Text the agent says, then on to <paramref name="Next"/>.</summary>
public sealed record SayStep(string Id, string Text, string? Next = null) : Step(Id)
{
    public override IEnumerable<StepLink> Links => Next is null ? [] : [new("next", Next)];
    public override IEnumerable<(string, string)> Texts => [("text", Text)];
}

/// <summary>The conversation ends here, with the disposition the agent is offered for the call.</summary>
public sealed record EndStep(string Id, string? Text = null, string? Disposition = null) : Step(Id)
{
    public override IEnumerable<StepLink> Links => [];
    public override bool IsTerminal => true;
    public override IEnumerable<(string, string)> Texts => Text is null ? [] : [("text", Text)];
}

/// <summary>The call goes to a specialist queue: the script ends here for this agent.</summary>
public sealed record TransferStep(string Id, string Text, string? Queue = null, string? Disposition = null) : Step(Id)
{
    public override IEnumerable<StepLink> Links => [];
    public override bool IsTerminal => true;
    public override IEnumerable<(string, string)> Texts => [("text", Text)];
}

/// <summary>
/// An objection handler ("too expensive", "call me later"): the agent jumps here from any step, says the answer, and
/// returns to the step they came from — or goes on to <paramref name="Next"/> when the handler leads elsewhere.
/// </summary>
public sealed record ObjectionStep(string Id, string Label, string Text, string? Next = null) : Step(Id)
{
    public override IEnumerable<StepLink> Links => Next is null ? [] : [new("next", Next)];
    public override IEnumerable<(string, string)> Texts => [("label", Label), ("text", Text)];
}
