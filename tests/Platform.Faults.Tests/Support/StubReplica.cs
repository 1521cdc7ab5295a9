using System.Diagnostics;

namespace Platform.Faults.Tests.Support;

/// <summary>
/// One replica of a service as the gateway sees it: a separate process (<c>stub_service.py</c>) that answers with its name.
/// </summary>
public sealed class StubReplica(string name) : ReplicaProcess
{
    protected override string Name => $"The stub replica {name}";

    protected override TimeSpan StartTimeout => TimeSpan.FromSeconds(20);

    protected override ProcessStartInfo StartInfo()
    {
        var start = new ProcessStartInfo("python3");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Support", "stub_service.py"));
        start.ArgumentList.Add(name);
        start.ArgumentList.Add(Port.ToString());
        return start;
    }
}
