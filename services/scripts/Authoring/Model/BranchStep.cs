namespace Platform.Scripts.Authoring.Model;

/// <summary>
/// A fork the agent never sees: the first rule whose condition holds on the variables (earlier answers, the contact,
/// the agent, the project) picks the next step, else <paramref name="Otherwise"/>.
/// </summary>
public sealed record BranchStep(string Id, IReadOnlyList<BranchRule> Rules, string? Otherwise = null) : Step(Id)
{
    public override IEnumerable<StepLink> Links
    {
        get
        {
            for (var i = 0; i < Rules.Count; i++)
            {
                if (Rules[i]?.Next is { } target)
                {
                    yield return new($"rules[{i}].next", target);
                }
            }
            if (Otherwise is not null)
            {
                yield return new("otherwise", Otherwise);
            }
        }
    }
}

/// <summary>When <paramref name="When"/> holds, go to <paramref name="Next"/>.</summary>
public sealed record BranchRule(Condition When, string Next);

/// <summary>
/// A test on one variable: equals, not_equals, contains (a choice among several, or text), gt, gte, lt, lte (numbers),
/// answered, not_answered (no value needed).
/// </summary>
public sealed record Condition(string Variable, string Op, string? Value = null)
{
    public static readonly IReadOnlySet<string> Ops =
        new HashSet<string> { "equals", "not_equals", "contains", "gt", "gte", "lt", "lte", "answered", "not_answered" };

    public bool NeedsValue => Op is not ("answered" or "not_answered");
}
