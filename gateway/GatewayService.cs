namespace Platform.Gateway;

/// <summary>Marks the gateway's assembly (for its migrations and test hosts).</summary>
public sealed class GatewayService;
