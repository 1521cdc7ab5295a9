using Platform.Scripts.Tests.Support;

namespace Platform.Scripts.Tests.Walking;

public sealed class SessionOutcomeTests
{
    private static readonly CompiledScript Transfer = Samples.Compiled(new ScriptDocument("Support", ScriptDocument.Guided, "problem",
    [
        new QuestionStep("problem", "Can I solve it?", AnswerKinds.Single,
            [new ChoiceOption("yes", "Yes", "solved"), new ChoiceOption("no", "No", "specialist"), new ChoiceOption("legal", "Legal", "lawyer")]),
        new TransferStep("specialist", "I will pass you to a specialist.", "Second line"),
        new TransferStep("lawyer", "Our legal team will take it.", "Legal", "legal_referral"),
        new EndStep("solved", "Glad to help.", "resolved"),
    ]));

    [Theory]
    [InlineData("yes", "completed", "resolved")]
    [InlineData("no", "completed", "transferred")]
    [InlineData("legal", "completed", "legal_referral")]
    public void A_session_on_an_end_or_a_transfer_is_completed_with_its_disposition(string answer, string outcome, string disposition)
    {
        var state = Samples.Walk(Transfer, ("problem", answer));

        Assert.Equal(new SessionOutcome(outcome, disposition), SessionOutcome.Of(Transfer, state));
    }

    [Fact]
    public void A_session_closed_before_an_end_is_abandoned_without_a_disposition()
    {
        var state = ScriptWalker.Start(Transfer, Samples.Variables, Samples.T0).State!;

        Assert.Equal(new SessionOutcome("abandoned", null), SessionOutcome.Of(Transfer, state));
    }

    [Fact]
    public void A_transfer_shows_its_queue_and_ends_the_walk_for_this_agent()
    {
        var state = Samples.Walk(Transfer, ("problem", "no"));

        var step = Platform.Scripts.Authoring.Rendering.StepRenderer.Render(Transfer, state, Samples.Variables);

        Assert.Equal("transfer", step.Type);
        Assert.Equal("Second line", step.Queue);
        Assert.True(step.IsEnd);
        Assert.True(ScriptWalker.Answer(Transfer, state, "specialist", null, Samples.Variables, Samples.T0).Refusal!.Conflict);
    }

    [Fact]
    public void In_a_guided_script_the_agent_may_jump_straight_to_an_end_and_from_one_objection_to_another()
    {
        var guided = Samples.Compiled(Samples.SalesCall(ScriptDocument.Guided));
        var state = ScriptWalker.Start(guided, Samples.Variables, Samples.T0).State!;

        var atEnd = ScriptWalker.Jump(guided, state, "bye-no", Samples.Variables, Samples.T0).State!;
        var price = ScriptWalker.Jump(guided, state, "price", Samples.Variables, Samples.T0).State!;
        var notNow = ScriptWalker.Jump(guided, price, "not-now", Samples.Variables, Samples.T0).State!;
        var back = ScriptWalker.Answer(guided, ScriptWalker.Answer(guided, ScriptWalker.Jump(guided, state, "price", Samples.Variables, Samples.T0).State!,
            "price", null, Samples.Variables, Samples.T0).State!, "greet", null, Samples.Variables, Samples.T0).State!;

        Assert.Equal(new SessionOutcome("completed", "not_interested"), SessionOutcome.Of(guided, atEnd));
        Assert.Equal(["greet", "price"], notNow.Returns);
        Assert.Equal("interest", back.Current);
    }
}
