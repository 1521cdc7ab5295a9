using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Clients;
using Platform.Testing;
using Xunit;

namespace Platform.Faults.Tests.Jobs;

/// <summary>
/// A background job whose failure escapes it (as the call-list importer's error handler once did during a database
/// restart) never stops its host: the service keeps serving, whatever job failed.
/// </summary>
public sealed class BackgroundJobFailureTests
{
    private sealed class FailingJob : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            await Task.Yield();
            throw new InvalidOperationException("A job's failure, provoked by the test.");
        }
    }

    /// <summary>Records the host's own words about failed background services (the console stays quiet).</summary>
    private sealed class HostEvents : ILoggerProvider, ILogger
    {
        public ConcurrentQueue<string> Events { get; } = new();
        public TaskCompletionSource Faulted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (exception?.Message == "A job's failure, provoked by the test.")
            {
                Events.Enqueue(eventId.Name ?? eventId.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
                Faulted.TrySetResult();
            }
        }

        public void Dispose()
        {
        }
    }

    [Fact]
    public async Task A_job_that_throws_leaves_its_service_running_and_serving()
    {
        var servers = await TestServers.GetAsync();
        var events = new HostEvents();
        await using var host = new ServiceHost<ClientsService>(new Dictionary<string, string?>
        {
            ["ConnectionStrings:postgres"] = servers.Postgres,
            ["ConnectionStrings:rabbitmq"] = servers.RabbitMq,
            ["Database:Name"] = "platform_clients_faults_test",
            ["Messaging:EndpointPrefix"] = $"j{Guid.NewGuid():N}"[..9] + "-clients",
            ["Messaging:TemporaryEndpoints"] = "true",
            ["Logging:LogLevel:Default"] = "None",
        }, services =>
        {
            services.AddHostedService<FailingJob>();
            services.AddLogging(logging => logging.AddProvider(events).AddFilter<HostEvents>(null, LogLevel.Trace));
        });
        var client = host.CreateClient();

        await events.Faulted.Task.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);

        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        Assert.False(lifetime.ApplicationStopping.IsCancellationRequested, "the job's failure began stopping the service");
        Assert.Equal(BackgroundServiceExceptionBehavior.Ignore, host.Services.GetRequiredService<IOptions<HostOptions>>().Value.BackgroundServiceExceptionBehavior);
        Assert.DoesNotContain("BackgroundServiceStoppingHost", events.Events);
    }
}
