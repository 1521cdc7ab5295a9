using System.Text.Json;
using Platform.Scripts.Authoring.Model;
using Platform.Scripts.Authoring.Validation;
using Platform.Scripts.Authoring.Walking;

namespace Platform.Scripts.Benchmarks;

/// <summary>
/// A script of exactly 500 steps from a fixed recipe: 470 steps of every kind in a line whose links point one to three
/// steps ahead (with a loop back every 25 steps that keeps a way out), 20 objection handlers, 10 ends; texts with
/// variables. And one walk through it with valid answers: the states before each move and the answer given.
/// </summary>
public sealed class ScriptWorld
{
    public const int Steps = 500;
    private const int Line = 470;

    public static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    public static readonly VariableValues Values = new(new Dictionary<string, string>
    {
        ["contact.name"] = "Jana <Nováková>",
        ["contact.phone"] = "+420777123456",
        ["agent.name"] = "Alice",
        ["project.name"] = "Acme sales",
        ["project.company"] = "Acme & Co.",
    });

    public ScriptDocument Document { get; }
    public JsonElement Json { get; }
    public CompiledScript Compiled { get; }
    public IReadOnlyList<(SessionState State, JsonElement? Answer)> Walk { get; }

    private ScriptWorld(ScriptDocument document)
    {
        Document = document;
        Json = ScriptJson.ToElement(document);
        Compiled = new CompiledScript(document);
        Walk = WalkThrough(Compiled);
    }

    public static ScriptWorld Build()
    {
        var steps = new List<Step>(Steps);
        string Id(int i) => i >= Line ? $"end{(i - Line) % 10}" : $"s{i}";
        for (var i = 0; i < Line; i++)
        {
            var text = $"Step {i}: {{{{contact.name}}}}, {{{{agent.name}}}} from {{{{project.company}}}} asks about {{{{project.name}}}}.";
            var number = i - 1 - (i + 4) % 7; // the nearest number question before this step
            var earlier = number >= 2 ? $" You said {{{{answers.s{number}}}}} before." : "";
            steps.Add((i % 7) switch
            {
                0 => new SayStep(Id(i), text + earlier, Id(i + 1)),
                1 => new QuestionStep(Id(i), text, AnswerKinds.Single,
                    [new ChoiceOption("yes", "Yes", Id(i + 1)), new ChoiceOption("no", "No", Id(i + 2)),
                     new ChoiceOption("again", "Say it again", i % 25 == 1 && i > 10 ? Id(i - 10) : Id(i + 3))]),
                2 => new QuestionStep(Id(i), text, AnswerKinds.Number, Next: Id(i + 1), Min: 0, Max: 1000),
                3 => new BranchStep(Id(i), [new BranchRule(new Condition($"answers.{Id(i - 1)}", "gte", "500"), Id(i + 2))], Id(i + 1)),
                4 => new QuestionStep(Id(i), text, AnswerKinds.Multiple,
                    [new ChoiceOption("a", "A"), new ChoiceOption("b", "B"), new ChoiceOption("c", "C")], Id(i + 1)),
                5 => new QuestionStep(Id(i), text, AnswerKinds.Rating, Next: Id(i + 1)),
                _ => new QuestionStep(Id(i), text, AnswerKinds.Text, Next: Id(i + 1), Required: false),
            });
        }
        for (var o = 0; o < 20; o++)
        {
            steps.Add(new ObjectionStep($"objection{o}", $"Objection {o}", $"I hear you, {{{{contact.name}}}}: objection {o}.", o % 2 == 0 ? $"end{o / 2}" : null));
        }
        for (var e = 0; e < 10; e++)
        {
            steps.Add(new EndStep($"end{e}", $"Thank you, {{{{contact.name}}}}.", $"disposition{e}"));
        }
        var document = new ScriptDocument("Benchmark script", ScriptDocument.Strict, "s0", steps);
        var errors = ScriptValidator.Validate(document);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"The benchmark script is not valid: {string.Join("; ", errors.Take(5).Select(e => $"{e.Key} {e.Code}"))}");
        }
        return new ScriptWorld(document);
    }

    private static List<(SessionState, JsonElement?)> WalkThrough(CompiledScript script)
    {
        var random = new Random(7);
        var moves = new List<(SessionState, JsonElement?)>();
        var state = ScriptWalker.Start(script, Values, Now).State!;
        while (!script[state.Current].IsTerminal)
        {
            object? answer = script[state.Current] switch
            {
                QuestionStep { Kind: AnswerKinds.Single } => random.Next(10) == 0 ? "again" : random.Next(2) == 0 ? "yes" : "no",
                QuestionStep { Kind: AnswerKinds.Number } => random.Next(0, 1001),
                QuestionStep { Kind: AnswerKinds.Multiple } => new[] { "a", "c" },
                QuestionStep { Kind: AnswerKinds.Rating } => random.Next(1, 6),
                QuestionStep { Kind: AnswerKinds.Text } => "Calls back after six.",
                _ => null,
            };
            var json = answer is null ? (JsonElement?)null : JsonSerializer.SerializeToElement(answer);
            moves.Add((state, json));
            state = ScriptWalker.Answer(script, state, state.Current, json, Values, Now.AddSeconds(moves.Count * 7)).State!;
        }
        return moves;
    }
}
