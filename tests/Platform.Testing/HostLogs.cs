using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Platform.Testing;

/// <summary>
/// Where the hosts under test log: not the console (tests stop brokers, park poison events and send bad files on purpose,
/// and every such failure logged a JSON line with a stack trace into <c>make test</c>'s output), but a buffer of the
/// latest entries (warnings and above, as the hosts' <c>Logging:LogLevel</c> settings let through). A test that fails
/// waiting for something (<see cref="Eventually"/>) shows the entries logged while it waited. Set
/// <c>TEST_HOST_LOGS=console</c> to get the hosts' JSON console back while investigating.
/// </summary>
public static class HostLogs
{
    private const int Kept = 2000;
    private static readonly ConcurrentQueue<Entry> Entries = new();
    private static long sequence;

    public sealed record Entry(long Sequence, DateTime At, LogLevel Level, string Category, string Message, Exception? Exception)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"{At:HH:mm:ss.fff} {Level} {Category}: {Message}{(Exception is null ? "" : Environment.NewLine + Exception)}");
    }

    /// <summary>True when a developer asked for the hosts' own console output.</summary>
    public static bool ToConsole =>
        string.Equals(Environment.GetEnvironmentVariable("TEST_HOST_LOGS"), "console", StringComparison.OrdinalIgnoreCase);

    /// <summary>Replaces a host's log providers by this buffer (and keeps them too when <see cref="ToConsole"/>).</summary>
    public static void Replace(ILoggingBuilder logging)
    {
        if (!ToConsole)
        {
            logging.ClearProviders();
        }
        logging.Services.AddSingleton<ILoggerProvider, Provider>();
    }

    /// <summary>A mark to read from: <see cref="Since"/> returns what was logged after it.</summary>
    public static long Mark() => Interlocked.Read(ref sequence);

    public static IReadOnlyList<Entry> Since(long mark) => Entries.Where(e => e.Sequence > mark).ToList();

    internal static void Add(LogLevel level, string category, string message, Exception? exception)
    {
        Entries.Enqueue(new Entry(Interlocked.Increment(ref sequence), DateTime.UtcNow, level, category, message, exception));
        while (Entries.Count > Kept && Entries.TryDequeue(out _))
        {
        }
    }

    private sealed class Provider : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(categoryName);

        public void Dispose()
        {
        }
    }

    private sealed class Logger(string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter) =>
            Add(logLevel, category, formatter(state, exception), exception);
    }
}
