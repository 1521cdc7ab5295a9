using Platform.Scripts.Tests.Support;

namespace Platform.Scripts.Tests.Validation;

public sealed class ScriptValidatorTests
{
    [Fact]
    public void A_branching_script_where_every_path_reaches_an_end_is_valid()
    {
        Assert.Empty(ScriptValidator.Validate(Samples.SalesCall()));
        Assert.Empty(ScriptValidator.Validate(Samples.SalesCall(ScriptDocument.Guided)));
    }

    [Fact]
    public void Every_error_is_reported_at_once_with_its_step()
    {
        var script = new ScriptDocument("Broken", ScriptDocument.Strict, "a",
        [
            new SayStep("a", "Hi {{contact.shoe_size}}", "b"),
            new SayStep("b", "No way on", null),
            new QuestionStep("c", "Orphan?", AnswerKinds.Single, [], "nowhere"),
            new EndStep("end"),
        ]);

        var errors = ScriptValidator.Validate(script);

        Assert.Equal([ScriptErrorCodes.UndefinedVariable], Samples.Codes(errors, "a"));
        Assert.Equal([ScriptErrorCodes.DeadEnd], Samples.Codes(errors, "b"));
        Assert.Contains(ScriptErrorCodes.DanglingTarget, Samples.Codes(errors, "c"));
        Assert.Contains(ScriptErrorCodes.NoOptions, Samples.Codes(errors, "c"));
        Assert.Contains(ScriptErrorCodes.Unreachable, Samples.Codes(errors, "c"));
        Assert.Contains(ScriptErrorCodes.Unreachable, Samples.Codes(errors, "end"));
        Assert.Equal("steps.c.next", errors.Single(e => e.Code == ScriptErrorCodes.DanglingTarget).Key);
    }

    [Fact]
    public void A_loop_with_a_way_out_is_allowed_but_a_closed_loop_is_not()
    {
        ScriptDocument Loop(string exitNext) => new("Loop", ScriptDocument.Strict, "ask",
        [
            new QuestionStep("ask", "Did you understand?", AnswerKinds.Single,
                [new ChoiceOption("yes", "Yes", exitNext), new ChoiceOption("no", "No", "explain")]),
            new SayStep("explain", "Let me explain again.", "ask"),
            new EndStep("end"),
            new SayStep("stuck", "Again", "ask"),
        ]);

        var open = ScriptValidator.Validate(Loop("end") with { Steps = Loop("end").Steps.Take(3).ToList() });
        var closed = ScriptValidator.Validate(Loop("explain"));

        Assert.Empty(open);
        Assert.Equal([ScriptErrorCodes.CycleWithoutExit], Samples.Codes(closed, "ask"));
        Assert.Equal([ScriptErrorCodes.CycleWithoutExit], Samples.Codes(closed, "explain"));
        Assert.Contains(ScriptErrorCodes.Unreachable, Samples.Codes(closed, "end"));
        Assert.Contains(ScriptErrorCodes.Unreachable, Samples.Codes(closed, "stuck"));
    }

    [Fact]
    public void A_loop_of_branch_steps_alone_is_refused_even_with_exits()
    {
        var script = new ScriptDocument("Spin", ScriptDocument.Strict, "q",
        [
            new QuestionStep("q", "Age?", AnswerKinds.Number, Next: "b1"),
            new BranchStep("b1", [new BranchRule(new Condition("answers.q", "gt", "50"), "end")], "b2"),
            new BranchStep("b2", [new BranchRule(new Condition("answers.q", "lt", "10"), "end")], "b1"),
            new EndStep("end"),
        ]);

        var errors = ScriptValidator.Validate(script);

        Assert.Equal([ScriptErrorCodes.CycleWithoutExit], Samples.Codes(errors, "b1"));
        Assert.Equal([ScriptErrorCodes.CycleWithoutExit], Samples.Codes(errors, "b2"));
    }

    [Fact]
    public void An_objection_handler_is_reachable_by_jumping_and_returning_is_its_way_out()
    {
        var script = Samples.SalesCall();

        Assert.DoesNotContain(ScriptValidator.Validate(script), e => e.StepId is "price" or "not-now");
    }

    [Fact]
    public void More_than_500_steps_are_refused_before_anything_else_is_read()
    {
        var steps = Enumerable.Range(0, 501).Select(i => (Step)new SayStep($"s{i}", "x", $"s{i + 1}")).ToList();

        var errors = ScriptValidator.Validate(new ScriptDocument("Huge", ScriptDocument.Strict, "s0", steps));

        Assert.Equal(ScriptErrorCodes.TooLarge, Assert.Single(errors).Code);
        Assert.Equal("steps", errors[0].Key);
    }

    [Fact]
    public void Exactly_500_steps_are_fine()
    {
        var steps = Enumerable.Range(0, 499).Select(i => (Step)new SayStep($"s{i}", "x", i == 498 ? "end" : $"s{i + 1}")).Append(new EndStep("end")).ToList();

        Assert.Empty(ScriptValidator.Validate(new ScriptDocument("Long", ScriptDocument.Strict, "s0", steps)));
    }

    [Fact]
    public void Variables_are_the_contact_the_agent_the_project_declared_fields_and_earlier_questions()
    {
        var script = new ScriptDocument("Vars", ScriptDocument.Guided, "q",
        [
            new QuestionStep("q", "{{contact.name}} {{contact.phone}} {{agent.name}} {{project.name}} {{project.company}} {{contact.custom.segment}}",
                AnswerKinds.Text, Next: "end"),
            new EndStep("end", "You said {{ answers.q }}; {{answers.end}} {{contact.custom.other}}"),
        ], ["segment"]);

        var errors = ScriptValidator.Validate(script);

        Assert.Empty(Samples.Codes(errors, "q"));
        Assert.Equal([ScriptErrorCodes.UndefinedVariable, ScriptErrorCodes.UndefinedVariable], Samples.Codes(errors, "end"));
    }

    [Fact]
    public void Choices_need_distinct_options_and_only_single_choices_branch_by_option()
    {
        var script = new ScriptDocument("Choices", ScriptDocument.Strict, "multi",
        [
            new QuestionStep("multi", "Which?", AnswerKinds.Multiple,
                [new ChoiceOption("a", "A", "end"), new ChoiceOption("a", "Also A")], "end"),
            new QuestionStep("rate", "Rate us", AnswerKinds.Rating, [new ChoiceOption("x", "X")], "end", Min: 1),
            new EndStep("end"),
        ]);

        var errors = ScriptValidator.Validate(script);

        Assert.Contains(errors, e => e.Key == "steps.multi.options[0].next");
        Assert.Contains(errors, e => e.Key == "steps.multi.options[1].value");
        Assert.Contains(errors, e => e.Key == "steps.rate.options");
        Assert.Contains(errors, e => e.Key == "steps.rate.min");
    }
}
