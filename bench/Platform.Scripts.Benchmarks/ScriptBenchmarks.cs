using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Platform.Scripts.Authoring.Model;
using Platform.Scripts.Authoring.Rendering;
using Platform.Scripts.Authoring.Validation;
using Platform.Scripts.Authoring.Walking;

namespace Platform.Scripts.Benchmarks;

/// <summary>
/// Validation of the 500-step script (as publishing does: from JSON, and the checks alone), compiling it (a cache miss
/// in the service), and moving on one step: answer the current step and render the next one — alone, and as the
/// service does it (the stored state read from JSON, the new state and the view written as JSON).
/// </summary>
[MemoryDiagnoser]
public class ScriptBenchmarks
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    private ScriptWorld world = null!;
    private string[] storedStates = null!;
    private int move;

    [GlobalSetup]
    public void Setup()
    {
        world = ScriptWorld.Build();
        storedStates = world.Walk.Select(m => JsonSerializer.Serialize(m.State, Web)).ToArray();
    }

    [Benchmark]
    public int Validate500Steps() => ScriptValidator.Validate(world.Document).Count;

    [Benchmark]
    public int ReadAndValidate500Steps() => ScriptValidator.Validate(ScriptJson.Read(world.Json).Script!).Count;

    [Benchmark]
    public CompiledScript Compile500Steps() => new(world.Document);

    [Benchmark]
    public RenderedStep AnswerAndRenderNextStep()
    {
        var (state, answer) = world.Walk[move++ % world.Walk.Count];
        var next = ScriptWalker.Answer(world.Compiled, state, state.Current, answer, ScriptWorld.Values, ScriptWorld.Now).State!;
        return StepRenderer.Render(world.Compiled, next, ScriptWorld.Values);
    }

    [Benchmark]
    public int MoveAsTheServiceDoes()
    {
        var i = move++ % world.Walk.Count;
        var state = JsonSerializer.Deserialize<SessionState>(storedStates[i], Web)!;
        var next = ScriptWalker.Answer(world.Compiled, state, state.Current, world.Walk[i].Answer, ScriptWorld.Values, ScriptWorld.Now).State!;
        var view = StepRenderer.Render(world.Compiled, next, ScriptWorld.Values);
        return JsonSerializer.Serialize(next, Web).Length + JsonSerializer.Serialize(view, Web).Length;
    }
}
