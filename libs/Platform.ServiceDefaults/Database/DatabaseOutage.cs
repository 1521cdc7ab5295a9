using System.Net.Sockets;
using Npgsql;

namespace Platform.ServiceDefaults.Database;

/// <summary>Whether an exception says the database is away (restarting, failing over, unreachable, its pool exhausted), not that the work was wrong.</summary>
public static class DatabaseOutage
{
    public static bool Is(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            switch (exception)
            {
                case PostgresException postgres:
                    // 08: connection exception; 57P01-57P03: the server shuts down or cannot take connections yet.
                    return postgres.SqlState.StartsWith("08", StringComparison.Ordinal) || postgres.SqlState is "57P01" or "57P02" or "57P03";
                case NpgsqlException { IsTransient: true }:
                case SocketException:
                case EndOfStreamException:
                case TimeoutException:
                    return true;
            }
        }
        return false;
    }
}
