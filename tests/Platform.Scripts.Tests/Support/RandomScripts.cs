namespace Platform.Scripts.Tests.Support;

/// <summary>
/// Valid scripts drawn at random from a seed: steps in a line where every link points forward (so every path reaches
/// one of the ends), of every kind, with objection handlers and loops back that always keep a way out.
/// </summary>
internal static class RandomScripts
{
    public static ScriptDocument Valid(int seed, int size)
    {
        var random = new Random(seed);
        var count = Math.Clamp(size, 1, 480);
        string Id(int i) => i >= count ? $"end{i - count}" : $"s{i}";
        string Forward(int i) => Id(random.Next(i + 1, count + 3));
        var steps = new List<Step>();
        for (var i = 0; i < count; i++)
        {
            steps.Add(random.Next(7) switch
            {
                0 => new SayStep(Id(i), $"Say {i} to {{{{contact.name}}}}", Forward(i)),
                1 => new QuestionStep(Id(i), $"Choose {i}", AnswerKinds.Single,
                    [new ChoiceOption("a", "A", Forward(i)), new ChoiceOption("b", "B", Forward(i)),
                     // a way back that keeps the loop open: option c repeats an earlier step
                     new ChoiceOption("c", "C", i > 0 && random.Next(3) == 0 ? Id(random.Next(i)) : Forward(i))]),
                2 => new QuestionStep(Id(i), $"Which {i}", AnswerKinds.Multiple, [new ChoiceOption("x", "X"), new ChoiceOption("y", "Y")], Forward(i)),
                3 => new QuestionStep(Id(i), $"How many {i}", AnswerKinds.Number, Next: Forward(i), Min: 0, Max: 100),
                4 => new QuestionStep(Id(i), $"Rate {i}", AnswerKinds.Rating, Next: Forward(i)),
                5 => new QuestionStep(Id(i), $"Notes {i}", AnswerKinds.Text, Next: Forward(i), Required: false),
                _ => new BranchStep(Id(i), [new BranchRule(new Condition(Variables.ContactName, "equals", "X"), Forward(i))], Forward(i)),
            });
        }
        steps.AddRange(Enumerable.Range(0, 3).Select(e => new EndStep($"end{e}", null, $"d{e}")));
        steps.Add(new ObjectionStep("objection", "Too expensive", "It pays for itself."));
        // Only steps the start leads to stay: a random line may leave some unreached.
        var document = new ScriptDocument($"Random {seed}", random.Next(2) == 0 ? ScriptDocument.Strict : ScriptDocument.Guided, "s0", steps);
        var unreachable = ScriptValidator.Validate(document).Where(e => e.Code == ScriptErrorCodes.Unreachable).Select(e => e.StepId!).ToHashSet();
        return document with { Steps = steps.Where(s => !unreachable.Contains(s.Id)).ToList() };
    }

    /// <summary>A valid answer for the question, drawn from the seed's random.</summary>
    public static object? AnswerFor(Step step, Random random) => step switch
    {
        QuestionStep { Kind: AnswerKinds.Single } q => q.Options![random.Next(q.Options.Count)].Value,
        QuestionStep { Kind: AnswerKinds.Multiple } q => q.Options!.Take(random.Next(1, q.Options!.Count + 1)).Select(o => o.Value).ToArray(),
        QuestionStep { Kind: AnswerKinds.Number } => random.Next(0, 101),
        QuestionStep { Kind: AnswerKinds.Rating } => random.Next(1, 6),
        QuestionStep { Kind: AnswerKinds.Text } => random.Next(2) == 0 ? null : "some notes",
        QuestionStep { Kind: AnswerKinds.Date } => "2026-11-23",
        _ => null,
    };
}
