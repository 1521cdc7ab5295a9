using Platform.Scripts.Tests.Support;

namespace Platform.Scripts.Tests.Walking;

public sealed class ScriptWalkerTests
{
    private static readonly CompiledScript Strict = Samples.Compiled();
    private static readonly CompiledScript Guided = Samples.Compiled(Samples.SalesCall(ScriptDocument.Guided));

    [Fact]
    public void An_adult_who_says_yes_walks_to_the_sale_passing_the_branch_by_itself()
    {
        var state = Samples.Walk(Strict, ("greet", null), ("interest", "yes"), ("age", 34), ("offer", "yes"));

        Assert.Equal("bye-sale", state.Current);
        Assert.Equal(["greet", "interest", "age", "adult", "offer", "bye-sale"], state.Path.Select(p => p.StepId));
        Assert.Equal([10, 10, 10, 0, 10], state.Path.Take(5).Select(p => p.Seconds!.Value));
        Assert.Equal("Yes, send it", state.Answers["offer"].Text);
        Assert.Equal(["34"], state.Answers["age"].Values);
    }

    [Fact]
    public void A_minor_is_branched_by_the_condition_on_the_earlier_answer()
    {
        var state = Samples.Walk(Strict, ("greet", null), ("interest", "yes"), ("age", 15));

        Assert.Equal("minor", state.Current);
    }

    [Fact]
    public void A_single_choice_branches_by_the_answer()
    {
        Assert.Equal("bye-no", Samples.Walk(Strict, ("greet", null), ("interest", "no")).Current);
    }

    [Theory]
    [InlineData("interest", "maybe")]
    [InlineData("interest", 1)]
    [InlineData("interest", null)]
    [InlineData("age", "thirty")]
    [InlineData("age", 131)]
    public void An_answer_of_the_wrong_type_is_refused_and_the_session_is_unchanged(string step, object? answer)
    {
        var state = step == "interest" ? Samples.Walk(Strict, ("greet", null)) : Samples.Walk(Strict, ("greet", null), ("interest", "yes"));

        var move = ScriptWalker.Answer(Strict, state, step, answer is null ? null : Samples.Json(answer), Samples.Variables, Samples.T0.AddHours(1));

        Assert.Null(move.State);
        Assert.Equal("answer", move.Refusal!.Field);
        Assert.False(move.Refusal.Conflict);
        Assert.Equal(step, state.Current);
    }

    [Fact]
    public void An_answer_to_a_step_that_is_not_current_is_a_conflict()
    {
        var state = Samples.Walk(Strict, ("greet", null));

        var move = ScriptWalker.Answer(Strict, state, "offer", Samples.Json("yes"), Samples.Variables, Samples.T0);

        Assert.True(move.Refusal!.Conflict);
        Assert.Equal("stepId", move.Refusal.Field);
    }

    [Fact]
    public void A_say_step_takes_no_answer()
    {
        var state = ScriptWalker.Start(Strict, Samples.Variables, Samples.T0).State!;

        Assert.Equal("answer", ScriptWalker.Answer(Strict, state, "greet", Samples.Json("hello"), Samples.Variables, Samples.T0).Refusal!.Field);
    }

    [Fact]
    public void Back_returns_to_the_previous_step_skipping_branches_and_forgets_the_answer_left_behind()
    {
        var state = Samples.Walk(Strict, ("greet", null), ("interest", "yes"), ("age", 40));
        Assert.Equal("offer", state.Current);

        var back = ScriptWalker.Back(Strict, state, "offer", Samples.T0.AddMinutes(1)).State!;

        Assert.Equal("age", back.Current);
        Assert.Equal(["40"], back.Answers["age"].Values);   // kept to show; overwritten when answered again
        var again = ScriptWalker.Answer(Strict, back, "age", Samples.Json(12), Samples.Variables, Samples.T0.AddMinutes(2)).State!;
        Assert.Equal("minor", again.Current);
        Assert.Equal(["12"], again.Answers["age"].Values);
    }

    [Fact]
    public void Back_from_the_first_step_is_refused()
    {
        var state = ScriptWalker.Start(Strict, Samples.Variables, Samples.T0).State!;

        Assert.True(ScriptWalker.Back(Strict, state, "greet", Samples.T0).Refusal!.Conflict);
    }

    [Fact]
    public void An_objection_handler_is_jumped_to_and_returns_to_where_the_agent_was()
    {
        var state = Samples.Walk(Strict, ("greet", null), ("interest", "yes"), ("age", 40));

        var inHandler = ScriptWalker.Jump(Strict, state, "price", Samples.Variables, Samples.T0.AddMinutes(1)).State!;
        var returned = ScriptWalker.Answer(Strict, inHandler, "price", null, Samples.Variables, Samples.T0.AddMinutes(2)).State!;

        Assert.Equal("price", inHandler.Current);
        Assert.Equal("offer", returned.Current);
        Assert.Empty(returned.Returns);
        Assert.Equal(state.History, returned.History);
        Assert.Equal(["offer", "price", "offer"], returned.Path.TakeLast(3).Select(p => p.StepId));
    }

    [Fact]
    public void An_objection_handler_with_a_next_leads_there_instead_of_returning()
    {
        var state = Samples.Walk(Strict, ("greet", null));
        var inHandler = ScriptWalker.Jump(Strict, state, "not-now", Samples.Variables, Samples.T0).State!;

        var moved = ScriptWalker.Answer(Strict, inHandler, "not-now", null, Samples.Variables, Samples.T0).State!;

        Assert.Equal("bye-no", moved.Current);
        Assert.Empty(moved.Returns);
    }

    [Fact]
    public void Going_back_from_an_objection_handler_forgets_the_return()
    {
        var state = Samples.Walk(Strict, ("greet", null));
        var inHandler = ScriptWalker.Jump(Strict, state, "price", Samples.Variables, Samples.T0).State!;

        var back = ScriptWalker.Back(Strict, inHandler, "price", Samples.T0).State!;

        Assert.Equal("interest", back.Current);
        Assert.Empty(back.Returns);
    }

    [Fact]
    public void A_strict_script_refuses_jumps_except_to_objection_handlers_a_guided_one_allows_them()
    {
        var strict = ScriptWalker.Start(Strict, Samples.Variables, Samples.T0).State!;
        var guided = ScriptWalker.Start(Guided, Samples.Variables, Samples.T0).State!;

        Assert.True(ScriptWalker.Jump(Strict, strict, "offer", Samples.Variables, Samples.T0).Refusal!.Conflict);
        Assert.Equal("offer", ScriptWalker.Jump(Guided, guided, "offer", Samples.Variables, Samples.T0).State!.Current);
        Assert.False(ScriptWalker.Jump(Guided, guided, "adult", Samples.Variables, Samples.T0).Refusal!.Conflict);
        Assert.False(ScriptWalker.Jump(Guided, guided, "nowhere", Samples.Variables, Samples.T0).Refusal!.Conflict);
    }

    [Fact]
    public void An_end_step_takes_no_more_answers()
    {
        var state = Samples.Walk(Strict, ("greet", null), ("interest", "no"));

        Assert.True(ScriptWalker.Answer(Strict, state, "bye-no", null, Samples.Variables, Samples.T0).Refusal!.Conflict);
    }

    [Fact]
    public void The_closed_path_times_the_last_step_up_to_completion()
    {
        var state = Samples.Walk(Strict, ("greet", null), ("interest", "no"));

        var path = ScriptWalker.ClosedPath(state, Samples.T0.AddSeconds(25));

        Assert.Equal(["greet", "interest", "bye-no"], path.Select(p => p.StepId));
        Assert.Equal([10, 10, 5], path.Select(p => p.Seconds!.Value));
    }
}
