namespace Platform.Clients;

/// <summary>Marks the clients service's assembly (for its consumers, migrations and test hosts).</summary>
public sealed class ClientsService;
