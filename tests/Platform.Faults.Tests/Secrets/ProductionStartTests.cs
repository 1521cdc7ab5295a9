using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Faults.Tests.Support;
using Platform.Gateway;
using Platform.Gateway.Tenants;
using Platform.Testing;
using Xunit;

namespace Platform.Faults.Tests.Secrets;

public sealed class ProductionStartTests
{
    private sealed class ProductionGateway(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<GatewayService>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }

    [Theory]
    [InlineData("Jwt:SigningKey", "CHANGE-ME-with-64-random-characters-0123456789abcdef0123456789ab")]
    [InlineData("Database:AppPassword", "CHANGE-ME-gateway-database-password")]
    public async Task Production_refuses_to_start_on_a_placeholder_secret_from_k8s(string key, string placeholder)
    {
        var servers = await TestServers.GetAsync();
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:postgres"] = servers.Postgres.Replace("Password=postgres", "Password=an-owner-password"),
            ["Jwt:SigningKey"] = "q7VJ0k3n2Zx9mYbW4rT8pLs1dHf6gCe5aNuKoIiEwRtQyUzXcVbMnAsDfGhJkL",
            ["Database:AppPassword"] = "a-gateway-role-password",
            [key] = placeholder,
        };
        await using var gateway = new ProductionGateway(settings);

        var refused = Assert.ThrowsAny<Exception>(() => gateway.CreateClient());

        Assert.Contains("Refusing to start in Production", refused.GetBaseException().Message + refused.Message);
        Assert.Contains(key, refused.GetBaseException().Message + refused.Message);
    }

    [Fact]
    public async Task Seed_demo_creates_nothing_in_Production()
    {
        var services = new ServiceCollection()
            .AddSingleton<IHostEnvironment>(new HostingEnvironmentStub { EnvironmentName = Environments.Production })
            .BuildServiceProvider();

        Assert.Equal(2, await DemoTenants.SeedAsync(services, "demo")); // before any database is touched (none is registered)
    }

    [Fact]
    public async Task The_operator_creates_a_tenant_and_its_first_admin_once_who_can_then_sign_in()
    {
        await using var gateway = new GatewayAlone(new Dictionary<string, string?>());
        await gateway.StartAsync();
        var slug = $"op-{Guid.NewGuid():N}"[..20];
        string[] command = [TenantCommand.Name, "--slug", slug, "--name", "Operator Made Calls", "--admin", "boss"];

        Assert.Equal(2, await TenantCommand.RunAsync(gateway.Host.Services, command, "short"));
        Assert.Equal(2, await TenantCommand.RunAsync(gateway.Host.Services, command, "CHANGE-ME-first-admin"));
        Assert.Equal(0, await TenantCommand.RunAsync(gateway.Host.Services, command, "the-first-admins-password"));
        Assert.Equal(1, await TenantCommand.RunAsync(gateway.Host.Services, command, "another-password-entirely"));

        Assert.Equal(HttpStatusCode.OK, (await gateway.SignInAsync(slug, "boss", "the-first-admins-password")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await gateway.SignInAsync(slug, "boss", "another-password-entirely")).StatusCode);
    }

    private sealed class HostingEnvironmentStub : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "";
        public string ApplicationName { get; set; } = "gateway";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
