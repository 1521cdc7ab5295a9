using Platform.CallSimulator;

namespace Platform.Simulator.Tests;

public sealed class CommandLineTests
{
    private static string? NoEnvironment(string _) => null;

    [Fact]
    public void Options_override_the_defaults()
    {
        var options = CommandLine.Parse(
            ["--gateway", "http://localhost:18080", "--tenant", "acme", "--rate", "200", "--duration", "60", "--agents", "400",
             "--handle-seconds", "1.5", "--wrapup-seconds", "0", "--patience-seconds", "30", "--vip-share", "0.1", "--accept-ms", "0-20", "--verify", "open"],
            NoEnvironment);

        Assert.Equal(new Uri("http://localhost:18080"), options.Gateway);
        Assert.Equal("acme", options.Tenant);
        Assert.Equal(200, options.Rate);
        Assert.Equal(TimeSpan.FromSeconds(60), options.Duration);
        Assert.Equal(400, options.Agents);
        Assert.Equal(1.5, options.HandleSeconds);
        Assert.Equal(0, options.WrapUpSeconds);
        Assert.Equal(0.1, options.VipShare);
        Assert.Equal((0, 20), (options.AcceptMinMilliseconds, options.AcceptMaxMilliseconds));
        Assert.False(options.VerifyAll);
        Assert.False(options.Forever);
    }

    [Fact]
    public void The_environment_gives_the_sign_in_unless_an_option_says_otherwise()
    {
        var environment = new Dictionary<string, string?> { ["SIM_TENANT"] = "demo2", ["SIM_PASSWORD"] = "secret-from-env" };

        var options = CommandLine.Parse(["--tenant", "demo3"], name => environment.GetValueOrDefault(name));

        Assert.Equal("demo3", options.Tenant);
        Assert.Equal("secret-from-env", options.Password);
    }

    [Theory]
    [InlineData("--rate", "0")]
    [InlineData("--vip-share", "1.5")]
    [InlineData("--accept-ms", "300-100")]
    [InlineData("--verify", "some")]
    [InlineData("--no-such-option", "1")]
    public void Nonsense_is_refused(string name, string value) =>
        Assert.Throws<ArgumentException>(() => CommandLine.Parse([name, value], NoEnvironment));
}
