using System.Text.Json;

namespace Platform.Scripts.Tests.Support;

/// <summary>Scripts the tests walk: a branching sales call, and helpers to build others.</summary>
internal static class Samples
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// greet → interest (single: yes → age, no → bye-no) → age (number) → adult? (branch on the age) → offer/minor;
    /// an objection handler "price" that returns, one "not-now" that leads to the end.
    /// </summary>
    public static ScriptDocument SalesCall(string mode = ScriptDocument.Strict) => new("Sales call", mode, "greet",
    [
        new SayStep("greet", "Hello {{contact.name}}, this is {{agent.name}} calling for {{project.company}}.", "interest"),
        new QuestionStep("interest", "Would you like to hear about our offer?", AnswerKinds.Single,
            [new ChoiceOption("yes", "Yes", "age"), new ChoiceOption("no", "No", "bye-no")]),
        new QuestionStep("age", "How old are you?", AnswerKinds.Number, Next: "adult", Min: 0, Max: 130),
        new BranchStep("adult", [new BranchRule(new Condition("answers.age", "gte", "18"), "offer")], "minor"),
        new QuestionStep("offer", "Shall I send the contract?", AnswerKinds.Single,
            [new ChoiceOption("yes", "Yes, send it", "bye-sale"), new ChoiceOption("no", "Not now", "bye-no")]),
        new SayStep("minor", "I am sorry, the offer is for adults only.", "bye-no"),
        new ObjectionStep("price", "Too expensive", "Our price includes everything, {{contact.name}}."),
        new ObjectionStep("not-now", "Not now", "I understand, thank you for your time.", "bye-no"),
        new EndStep("bye-sale", "Thank you, {{contact.name}}!", "sale"),
        new EndStep("bye-no", "Goodbye.", "not_interested"),
    ]);

    public static CompiledScript Compiled(ScriptDocument? script = null)
    {
        var document = script ?? SalesCall();
        Assert.Empty(ScriptValidator.Validate(document));
        return new CompiledScript(document);
    }

    public static readonly VariableValues Variables = new(new Dictionary<string, string>
    {
        ["contact.name"] = "Jana Nováková",
        ["agent.name"] = "Alice",
        ["project.company"] = "Acme",
    });

    public static JsonElement Json(object? value) => JsonSerializer.SerializeToElement(value);

    public static SessionState Walk(CompiledScript script, params (string Step, object? Answer)[] moves)
    {
        var state = ScriptWalker.Start(script, Variables, T0).State!;
        var now = T0;
        foreach (var (step, answer) in moves)
        {
            now = now.AddSeconds(10);
            var move = ScriptWalker.Answer(script, state, step, answer is null ? null : Json(answer), Variables, now);
            Assert.True(move.State is not null, move.Refusal?.Reason);
            state = move.State!;
        }
        return state;
    }

    public static IReadOnlyList<string> Codes(IEnumerable<ScriptError> errors, string? stepId) =>
        errors.Where(e => e.StepId == stepId).Select(e => e.Code).ToList();
}
