using System.Diagnostics;

namespace Platform.ServiceDefaults.Telemetry;

/// <summary>The platform's own activity source (outbox relay, inbox), traced beside ASP.NET Core, Npgsql and MassTransit.</summary>
public static class PlatformTelemetry
{
    public const string SourceName = "Platform";
    public static readonly ActivitySource Source = new(SourceName);
}
