using Platform.Reporting.Load;

// dotnet run -c Release --project bench/Platform.Reporting.Load -- lag [--rate 1000] [--seconds 60] [--tenants 3] [--warmup 0]
// dotnet run -c Release --project bench/Platform.Reporting.Load -- reports --url http://localhost:5714 [--agents 500] [--days 30] [--requests 200]
// PostgreSQL (the server reporting uses) and RabbitMQ from PG_CONNECTION_STRING and RABBITMQ_URL (scripts/infra.sh env).
var options = LoadOptions.Parse(args);
return options.Mode switch
{
    "lag" => await LagRun.RunAsync(options),
    "reports" => await ReportsRun.RunAsync(options),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Platform.Reporting.Load lag|reports [--rate N] [--seconds N] [--tenants N] [--url URL] [--agents N] [--days N] [--requests N]");
    return 2;
}
