#:property PublishAot=false
#:project ../tools/CallSimulator/CallSimulator.csproj
// demo-desk.cs - a desk for people beside the call simulator (`dotnet run scripts/demo-desk.cs -- <gateway> <tenant> <admin password>`,
// run by `make simulate`): once the simulator's project "Simulated hotline" exists, the demo users agent1 … agent5 work it and join
// its queue beside the simulator's own agents, and the project gets a published script if it has none, so that a person signed in as
// agent1 in the browser is offered simulated calls, most of them from the simulator's regular callers (contacts of the project), with
// a script to walk and an outcome to record. The work is tools/CallSimulator/Setup/DemoDesk.cs (tested by the browser tests).
using Platform.CallSimulator.Gateway;
using Platform.CallSimulator.Measuring;
using Platform.CallSimulator.Setup;

var (gateway, tenant, password) = (args[0], args[1], args[2]);
const string projectName = "Simulated hotline";
using var http = new HttpClient { BaseAddress = new Uri(gateway) };
var admin = new GatewayUser(http, tenant, "admin", password, new CallLedger());
await admin.SignInAsync(CancellationToken.None);
var members = await DemoDesk.SeatAsync(admin, projectName, TimeSpan.FromMinutes(2), CancellationToken.None);
if (members is null)
{
    Console.Error.WriteLine($"demo desk: no project \"{projectName}\" after 2 minutes");
    return 1;
}
Console.WriteLine($"demo desk: agent1 … agent5 take calls of \"{projectName}\" beside the simulator's agents ({members} members)");
return 0;
