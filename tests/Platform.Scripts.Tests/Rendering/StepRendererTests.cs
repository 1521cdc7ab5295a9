using Platform.Scripts.Authoring.Rendering;
using Platform.Scripts.Tests.Support;

namespace Platform.Scripts.Tests.Rendering;

public sealed class StepRendererTests
{
    [Fact]
    public void The_first_step_names_the_contact_the_agent_and_the_company()
    {
        var script = Samples.Compiled();
        var state = ScriptWalker.Start(script, Samples.Variables, Samples.T0).State!;

        var step = StepRenderer.Render(script, state, Samples.Variables);

        Assert.Equal("Hello Jana Nováková, this is Alice calling for Acme.", step.Text);
        Assert.Equal("say", step.Type);
        Assert.False(step.CanGoBack);
        Assert.Equal(["price", "not-now"], step.Objections.Select(o => o.StepId));
    }

    [Fact]
    public void Values_and_the_authors_text_are_html_escaped_in_the_html_rendering()
    {
        var script = Samples.Compiled(new ScriptDocument("Escape", ScriptDocument.Strict, "s",
            [new SayStep("s", "<b>Hi</b> {{contact.name}}\nbye", "end"), new EndStep("end")]));
        var values = new VariableValues(new Dictionary<string, string> { ["contact.name"] = "<script>alert('x')</script> & \"co\"" });
        var state = ScriptWalker.Start(script, values, Samples.T0).State!;

        var step = StepRenderer.Render(script, state, values);

        Assert.Equal("&lt;b&gt;Hi&lt;/b&gt; &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;co&quot;<br>bye", step.Html);
        Assert.Equal("<b>Hi</b> <script>alert('x')</script> & \"co\"\nbye", step.Text);
    }

    [Fact]
    public void A_question_shows_its_options_and_the_answer_given_before_when_the_agent_came_back()
    {
        var script = Samples.Compiled();
        var state = Samples.Walk(script, ("greet", null), ("interest", "yes"), ("age", 40));
        var back = ScriptWalker.Back(script, state, "offer", Samples.T0.AddHours(1)).State!;

        var step = StepRenderer.Render(script, back, Samples.Variables);

        Assert.Equal("number", step.Kind);
        Assert.Equal(["40"], step.Answer);
        Assert.True(step.CanGoBack);
        Assert.Equal(["yes", "no"], StepRenderer.Render(script, state, Samples.Variables).Options!.Select(o => o.Value));
    }

    [Fact]
    public void An_end_step_suggests_its_disposition_and_an_unanswered_variable_renders_empty()
    {
        var script = Samples.Compiled(new ScriptDocument("End", ScriptDocument.Strict, "q",
        [
            new QuestionStep("q", "Anything else?", AnswerKinds.Text, Next: "end", Required: false),
            new EndStep("end", "You said: '{{answers.q}}' ({{contact.phone}})", "callback"),
        ]));
        var state = Samples.Walk(script, ("q", null));

        var step = StepRenderer.Render(script, state, VariableValues.None);

        Assert.True(step.IsEnd);
        Assert.Equal("callback", step.SuggestedDisposition);
        Assert.Equal("You said: '' ()", step.Text);
    }
}
