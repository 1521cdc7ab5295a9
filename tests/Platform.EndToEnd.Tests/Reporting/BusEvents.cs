using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts;
using Platform.Testing;

namespace Platform.EndToEnd.Tests.Reporting;

/// <summary>Publishes events on the bus as the queue, clients and scripts services do, each under its own message id, in order.</summary>
internal sealed class BusEvents(PlatformUnderTest platform)
{
    private IBus Bus => platform.Reporting.Services.GetRequiredService<IBus>();

    public async Task PublishAsync(params ITenantEvent[] events)
    {
        foreach (var message in events)
        {
            await Bus.Publish((object)message, message.GetType(), context => context.MessageId = NewId.NextGuid());
        }
    }

    /// <summary>A quarter-hour boundary <paramref name="hoursAgo"/> hours or more back: events after it fall in known 15-minute rows.</summary>
    public static DateTimeOffset QuarterHoursAgo(double hoursAgo)
    {
        var at = DateTimeOffset.UtcNow.AddHours(-hoursAgo);
        return new DateTimeOffset(at.Ticks - at.Ticks % TimeSpan.FromMinutes(15).Ticks, TimeSpan.Zero);
    }
}
