using Platform.Scripts.Authoring.Model;

namespace Platform.Scripts.Authoring.Validation;

/// <summary>The steps as a directed graph over their indexes (links to missing steps left out).</summary>
internal sealed class StepGraph
{
    private readonly Dictionary<string, int> index;
    private readonly int[][] successors;
    private readonly List<int>[] predecessors;

    public StepGraph(IReadOnlyList<Step> steps)
    {
        Steps = steps;
        index = new Dictionary<string, int>(steps.Count, StringComparer.Ordinal);
        for (var i = 0; i < steps.Count; i++)
        {
            index[steps[i].Id] = i;
        }
        successors = new int[steps.Count][];
        predecessors = new List<int>[steps.Count];
        for (var i = 0; i < steps.Count; i++)
        {
            predecessors[i] = [];
        }
        for (var i = 0; i < steps.Count; i++)
        {
            successors[i] = steps[i].Links.Select(l => IndexOf(l.Target)).Where(t => t >= 0).Distinct().ToArray();
            foreach (var target in successors[i])
            {
                predecessors[target].Add(i);
            }
        }
    }

    public IReadOnlyList<Step> Steps { get; }

    public int Count => Steps.Count;

    public int IndexOf(string id) => index.TryGetValue(id, out var i) ? i : -1;

    public IReadOnlyList<int> Successors(int i) => successors[i];

    public bool[] ReachableFrom(IEnumerable<int> roots) => Search(roots, i => successors[i]);

    public bool[] ReachingAny(IEnumerable<int> targets) => Search(targets, i => predecessors[i]);

    private bool[] Search(IEnumerable<int> from, Func<int, IEnumerable<int>> next)
    {
        var seen = new bool[Count];
        var stack = new Stack<int>();
        foreach (var root in from)
        {
            if (!seen[root])
            {
                seen[root] = true;
                stack.Push(root);
            }
        }
        while (stack.TryPop(out var i))
        {
            foreach (var j in next(i))
            {
                if (!seen[j])
                {
                    seen[j] = true;
                    stack.Push(j);
                }
            }
        }
        return seen;
    }

    /// <summary>Tarjan's strongly connected components, iteratively (no recursion depth to fear).</summary>
    public List<List<int>> StronglyConnectedComponents()
    {
        var order = new int[Count];
        var low = new int[Count];
        var onStack = new bool[Count];
        Array.Fill(order, -1);
        var stack = new Stack<int>();
        var components = new List<List<int>>();
        var counter = 0;
        var work = new Stack<(int Node, int Edge)>();
        for (var root = 0; root < Count; root++)
        {
            if (order[root] >= 0)
            {
                continue;
            }
            work.Push((root, 0));
            while (work.TryPop(out var frame))
            {
                var (v, edge) = frame;
                if (edge == 0)
                {
                    order[v] = low[v] = counter++;
                    stack.Push(v);
                    onStack[v] = true;
                }
                var descended = false;
                while (edge < successors[v].Length)
                {
                    var w = successors[v][edge++];
                    if (order[w] < 0)
                    {
                        work.Push((v, edge));
                        work.Push((w, 0));
                        descended = true;
                        break;
                    }
                    if (onStack[w])
                    {
                        low[v] = Math.Min(low[v], order[w]);
                    }
                }
                if (descended)
                {
                    continue;
                }
                if (low[v] == order[v])
                {
                    var component = new List<int>();
                    int w;
                    do
                    {
                        w = stack.Pop();
                        onStack[w] = false;
                        component.Add(w);
                    }
                    while (w != v);
                    components.Add(component);
                }
                if (work.TryPeek(out var parent))
                {
                    low[parent.Node] = Math.Min(low[parent.Node], low[v]);
                }
            }
        }
        return components;
    }
}
