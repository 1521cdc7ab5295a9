namespace Platform.Scripts;

/// <summary>Marks the scripts service's assembly (for its consumers, migrations and test hosts).</summary>
public sealed class ScriptsService;
