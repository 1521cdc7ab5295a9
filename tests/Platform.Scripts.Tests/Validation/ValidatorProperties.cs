using FsCheck;
using FsCheck.Xunit;
using Platform.Scripts.Tests.Support;

namespace Platform.Scripts.Tests.Validation;

public sealed class ValidatorProperties
{
    private static readonly HashSet<string> TopLevel = ["script", "name", "mode", "start", "steps", "fields"];

    /// <summary>Random damage to a valid script: steps removed, links pointed anywhere (or nowhere), options dropped.</summary>
    private static ScriptDocument Damaged(int seed, int size)
    {
        var script = RandomScripts.Valid(seed, size);
        var random = new Random(seed ^ 0x5eed);
        var ids = script.Steps.Select(s => s.Id).Append("nowhere").ToArray();
        string Anywhere() => ids[random.Next(ids.Length)];
        var steps = script.Steps
            .Where(_ => random.Next(8) != 0)
            .Select(step => random.Next(4) != 0 ? step : step switch
            {
                SayStep s => s with { Next = random.Next(3) == 0 ? null : random.Next(4) == 0 ? "objection" : Anywhere() },
                QuestionStep q => q with { Next = Anywhere(), Options = random.Next(2) == 0 ? [] : q.Options },
                BranchStep b => b with { Otherwise = random.Next(3) == 0 ? null : Anywhere() },
                ObjectionStep o => o with { Next = Anywhere() },
                _ => step,
            })
            .ToList();
        return script with { Steps = steps, Start = random.Next(10) == 0 ? "nowhere" : script.Start };
    }

    [Property(MaxTest = 300)]
    public bool Every_error_of_a_damaged_script_names_one_of_its_steps_or_a_top_level_field(int seed, PositiveInt size)
    {
        var script = Damaged(seed, size.Get % 120);
        var ids = script.Steps.Select(s => s.Id).ToHashSet();

        var errors = ScriptValidator.Validate(script);

        return errors.All(e => e.StepId is null ? TopLevel.Contains(e.Field) : ids.Contains(e.StepId))
            && errors.All(e => !string.IsNullOrWhiteSpace(e.Message));
    }

    /// <summary>A valid script never leaves the agent stuck: every move with a valid answer is accepted, until an end.</summary>
    [Property(MaxTest = 300)]
    public void A_damaged_script_that_still_validates_never_leaves_the_agent_stuck(int seed, PositiveInt size)
    {
        var script = Damaged(seed, size.Get % 120);
        if (ScriptValidator.Validate(script).Count > 0)
        {
            return;
        }
        var compiled = new CompiledScript(script);
        var random = new Random(seed);
        var state = ScriptWalker.Start(compiled, Samples.Variables, Samples.T0).State!;
        for (var moves = 0; moves < 1_000 && !compiled[state.Current].IsTerminal; moves++)
        {
            var answer = RandomScripts.AnswerFor(compiled[state.Current], random);
            var move = ScriptWalker.Answer(compiled, state, state.Current, answer is null ? null : Samples.Json(answer), Samples.Variables, Samples.T0);
            Assert.True(move.State is not null, $"stuck on {state.Current}: {move.Refusal?.Reason}");
            state = move.State!;
        }
    }
}
