namespace Platform.Scripts.Authoring.Model;

/// <summary>
/// A script as its authors write it (and as it is imported and exported): a graph of steps walked from
/// <paramref name="Start"/>. <paramref name="Mode"/> is "strict" (read as written, step by step) or "guided" (the agent
/// may jump to any step). <paramref name="Fields"/> names the contact's custom fields the texts may use
/// (<c>{{contact.custom.segment}}</c>).
/// </summary>
public sealed record ScriptDocument(
    string Name, string Mode, string Start, IReadOnlyList<Step> Steps, IReadOnlyList<string>? Fields = null)
{
    public const string Strict = "strict";
    public const string Guided = "guided";
}
