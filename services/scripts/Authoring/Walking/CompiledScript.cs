using Platform.Scripts.Authoring.Model;
using Platform.Scripts.Authoring.Rendering;

namespace Platform.Scripts.Authoring.Walking;

/// <summary>A validated script ready to walk: its steps by id, its objection handlers, and each text's template parsed once.</summary>
public sealed class CompiledScript
{
    private readonly Dictionary<string, Step> steps;
    private readonly Dictionary<string, Template> templates = new(StringComparer.Ordinal);

    public CompiledScript(ScriptDocument document)
    {
        Document = document;
        steps = document.Steps.ToDictionary(s => s.Id, StringComparer.Ordinal);
        Objections = document.Steps.OfType<ObjectionStep>().ToList();
        foreach (var step in document.Steps)
        {
            foreach (var (field, text) in step.Texts)
            {
                templates[$"{step.Id}/{field}"] = Template.Parse(text);
            }
        }
    }

    public ScriptDocument Document { get; }

    public bool IsGuided => Document.Mode == ScriptDocument.Guided;

    public IReadOnlyList<ObjectionStep> Objections { get; }

    public Step? Find(string id) => steps.GetValueOrDefault(id);

    public Step this[string id] => steps[id];

    public Template TemplateOf(string stepId, string field) => templates.GetValueOrDefault($"{stepId}/{field}") ?? Template.Parse("");
}
