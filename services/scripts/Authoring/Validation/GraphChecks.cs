using Platform.Scripts.Authoring.Model;

namespace Platform.Scripts.Authoring.Validation;

/// <summary>
/// The script as a graph: every step is reachable (from the start, or as an objection handler the agent jumps to),
/// and from every step the walk can reach an end. A step that cannot is reported where the trouble starts: a missing
/// or dangling link (reported with the step), or a loop with no way out (reported here, on each of its steps).
/// </summary>
internal static class GraphChecks
{
    public static void Check(ScriptDocument script, IReadOnlyDictionary<string, Step> byId, List<ScriptError> errors)
    {
        var graph = new StepGraph(script.Steps.Where(s => s?.Id is not null && byId.TryGetValue(s.Id, out var first) && ReferenceEquals(first, s)).ToList());
        var roots = new List<int>();
        if (script.Start is not null && graph.IndexOf(script.Start) is var start and >= 0)
        {
            roots.Add(start);
        }
        roots.AddRange(Enumerable.Range(0, graph.Count).Where(i => graph.Steps[i] is ObjectionStep));
        var reachable = graph.ReachableFrom(roots);
        for (var i = 0; i < graph.Count; i++)
        {
            if (!reachable[i])
            {
                errors.Add(new(graph.Steps[i].Id, "", ScriptErrorCodes.Unreachable, "No path from the start leads to this step."));
            }
        }
        // Exits: ends and transfers, and objection handlers without a next (they return to where the agent was).
        var exits = Enumerable.Range(0, graph.Count).Where(i => graph.Steps[i].IsTerminal || graph.Steps[i] is ObjectionStep { Next: null });
        var canExit = graph.ReachingAny(exits);
        foreach (var component in graph.StronglyConnectedComponents())
        {
            var looping = component.Count > 1 || graph.Successors(component[0]).Contains(component[0]);
            if (!looping)
            {
                continue;
            }
            var members = component.ToHashSet();
            var closed = component.All(i => graph.Successors(i).All(members.Contains));
            var branchesOnly = component.All(i => graph.Steps[i] is BranchStep);
            if ((closed && !canExit[component[0]]) || branchesOnly)
            {
                var names = string.Join(" → ", component.OrderBy(i => i).Select(i => graph.Steps[i].Id));
                var why = branchesOnly && !closed
                    ? $"A loop through branch steps only ({names}) would turn without the agent: put a question in it."
                    : $"The loop {names} has no way out to an end.";
                errors.AddRange(component.OrderBy(i => i).Select(i => new ScriptError(graph.Steps[i].Id, "", ScriptErrorCodes.CycleWithoutExit, why)));
            }
        }
    }
}
