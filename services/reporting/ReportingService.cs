namespace Platform.Reporting;

/// <summary>Marks the reporting service's assembly (for its consumers, migrations and test hosts).</summary>
public sealed class ReportingService;
