using FsCheck;
using FsCheck.Xunit;
using Platform.Scripts.Authoring.Rendering;
using Platform.Scripts.Tests.Support;

namespace Platform.Scripts.Tests.Walking;

public sealed class WalkerProperties
{
    [Property(MaxTest = 200)]
    public bool Random_scripts_whose_links_point_forward_are_valid(int seed, PositiveInt size) =>
        ScriptValidator.Validate(RandomScripts.Valid(seed, size.Get % 200)).Count == 0;

    [Property(MaxTest = 200)]
    public void Walking_a_valid_script_with_valid_answers_always_reaches_an_end(int seed, PositiveInt size)
    {
        var script = new CompiledScript(RandomScripts.Valid(seed, size.Get % 200));
        var random = new Random(seed);
        var now = Samples.T0;
        var state = ScriptWalker.Start(script, Samples.Variables, now).State!;
        for (var moves = 0; !script[state.Current].IsTerminal; moves++)
        {
            Assert.True(moves < 10_000, "the walk never ended");
            now = now.AddSeconds(random.Next(1, 30));
            var step = script[state.Current];
            var answer = RandomScripts.AnswerFor(step, random);
            var move = ScriptWalker.Answer(script, state, state.Current, answer is null ? null : Samples.Json(answer), Samples.Variables, now);
            Assert.True(move.State is not null, move.Refusal?.Reason);
            Assert.All(move.State!.Path.SkipLast(1), p => Assert.NotNull(p.Seconds));
            Assert.Null(move.State.Path[^1].Seconds);
            state = move.State;
        }
        Assert.All(ScriptWalker.ClosedPath(state, now), p => Assert.True(p.Seconds >= 0));
        Assert.Equal("s0", state.Path[0].StepId);
    }

    [Property(MaxTest = 200)]
    public bool Redirecting_any_link_to_a_missing_step_is_reported_on_that_step(int seed, PositiveInt size, PositiveInt pick)
    {
        var script = RandomScripts.Valid(seed, size.Get % 100);
        var linked = script.Steps.Where(s => s.Links.Any()).ToList();
        if (linked.Count == 0)
        {
            return true;
        }
        var victim = linked[pick.Get % linked.Count];
        Step broken = victim switch
        {
            SayStep s => s with { Next = "missing" },
            QuestionStep q => q with { Next = "missing" },
            BranchStep b => b with { Otherwise = "missing" },
            ObjectionStep o => o with { Next = "missing" },
            _ => victim,
        };
        var errors = ScriptValidator.Validate(script with { Steps = script.Steps.Select(s => s == victim ? broken : s).ToList() });
        return errors.Any(e => e.StepId == victim.Id && e.Code == ScriptErrorCodes.DanglingTarget);
    }

    [Property(MaxTest = 200)]
    public bool Answering_any_step_but_the_current_one_is_a_conflict(int seed, PositiveInt size, NonEmptyString stepId)
    {
        var script = new CompiledScript(RandomScripts.Valid(seed, size.Get % 100));
        var state = ScriptWalker.Start(script, Samples.Variables, Samples.T0).State!;
        var target = stepId.Get == state.Current ? stepId.Get + "x" : stepId.Get;
        return ScriptWalker.Answer(script, state, target, Samples.Json("a"), Samples.Variables, Samples.T0).Refusal is { Conflict: true, Field: "stepId" };
    }

    [Property(MaxTest = 300)]
    public bool No_value_can_bring_markup_into_the_html_rendering(NonNull<string> name)
    {
        var script = Samples.Compiled(new ScriptDocument("X", ScriptDocument.Strict, "s", [new SayStep("s", "Hi {{contact.name}}!", "e"), new EndStep("e")]));
        var values = new VariableValues(new Dictionary<string, string> { ["contact.name"] = name.Get });
        var state = ScriptWalker.Start(script, values, Samples.T0).State!;

        var step = StepRenderer.Render(script, state, values);

        var wellFormed = System.Text.Encoding.UTF8.GetString(System.Text.Encoding.UTF8.GetBytes(name.Get)) == name.Get;
        return step.Text == $"Hi {name.Get}!"
            && !step.Html!.Replace("<br>", "").Any(c => c is '<' or '>' or '"' or '\'')
            && (!wellFormed || System.Net.WebUtility.HtmlDecode(step.Html.Replace("<br>", "\n")) == step.Text.Replace("\r\n", "\n"));
    }
}
