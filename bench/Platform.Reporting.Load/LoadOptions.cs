namespace Platform.Reporting.Load;

/// <summary>The command line: a mode and <c>--name value</c> pairs, connection settings from the environment.</summary>
internal sealed record LoadOptions(string Mode, IReadOnlyDictionary<string, string> Values)
{
    public static LoadOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>();
        for (var i = 1; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }
        return new LoadOptions(args.FirstOrDefault() ?? "", values);
    }

    public int Int(string name, int fallback) => Values.TryGetValue(name, out var v) ? int.Parse(v) : fallback;

    public string Text(string name, string fallback) => Values.GetValueOrDefault(name, fallback);

    public static string Env(string name) =>
        Environment.GetEnvironmentVariable(name) ?? throw new InvalidOperationException($"{name} is not set (eval \"$(scripts/infra.sh env)\").");

    /// <summary>Reporting's own database on the infra's server, as the owner (bypasses row-level security: a bench reads every tenant).</summary>
    public string ReportingDatabase() =>
        new Npgsql.NpgsqlConnectionStringBuilder(Env("PG_CONNECTION_STRING")) { Database = Text("database", "platform_reporting") }.ConnectionString;
}
