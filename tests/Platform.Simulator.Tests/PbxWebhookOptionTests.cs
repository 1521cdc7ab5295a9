using Platform.CallSimulator;

namespace Platform.Simulator.Tests;

public sealed class PbxWebhookOptionTests
{
    private static string? NoEnvironment(string _) => null;

    [Fact]
    public void The_pbx_webhook_switch_takes_a_listener_url()
    {
        var options = CommandLine.Parse(["--pbx-webhook", "http://127.0.0.1:8099/pbx/"], NoEnvironment);

        Assert.Equal(new Uri("http://127.0.0.1:8099/pbx/"), options.PbxWebhook);
        Assert.Null(CommandLine.Parse([], NoEnvironment).PbxWebhook); // the stream is read by default
    }

    [Theory]
    [InlineData("http://127.0.0.1:8099/pbx")]      // an HttpListener prefix ends in /
    [InlineData("https://127.0.0.1:8099/pbx/")]    // the listener is plain HTTP
    [InlineData("127.0.0.1:8099/pbx/")]
    public void A_url_the_listener_cannot_take_is_refused(string url) =>
        Assert.Throws<ArgumentException>(() => CommandLine.Parse(["--pbx-webhook", url], NoEnvironment));

    [Theory]
    [InlineData("--no-signing")]
    [InlineData("--no-pbx")]
    public void A_webhook_needs_the_pbx_played_and_signing_on(string conflicting) =>
        Assert.Throws<ArgumentException>(() => CommandLine.Parse(["--pbx-webhook", "http://127.0.0.1:8099/pbx/", conflicting], NoEnvironment));
}
