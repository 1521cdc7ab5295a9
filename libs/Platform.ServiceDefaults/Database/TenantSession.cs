using System.Data;
using Dapper;
using Npgsql;
using Platform.ServiceDefaults.Messaging.Outbox;

namespace Platform.ServiceDefaults.Database;

/// <summary>
/// One unit of work for one tenant: an open connection and transaction with <c>app.tenant_id</c> set
/// (<c>SET LOCAL</c>, for row-level security), and the outbox in the same transaction. Commit or it rolls back.
/// Events published in the session wait in <see cref="Outbox"/> and are written by <see cref="CommitAsync"/>, all in one
/// statement just before the commit.
/// </summary>
public sealed class TenantSession : IAsyncDisposable
{
    private TenantSession(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid tenantId)
    {
        Connection = connection;
        Transaction = transaction;
        TenantId = tenantId;
    }

    public NpgsqlConnection Connection { get; }
    public NpgsqlTransaction Transaction { get; }
    public Guid TenantId { get; }

    /// <summary>The events published in this unit of work, written to <c>outbox_messages</c> on commit.</summary>
    internal PendingOutbox Outbox { get; } = new();

    public static async Task<TenantSession> BeginAsync(NpgsqlDataSource dataSource, Guid tenantId, CancellationToken cancellationToken)
    {
        var connection = await DatabaseResilience.OpenAsync(dataSource, cancellationToken);
        try
        {
            var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(
                "SELECT set_config('app.tenant_id', @tenant, true)", new { tenant = tenantId.ToString() }, transaction,
                cancellationToken: cancellationToken));
            return new TenantSession(connection, transaction, tenantId);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public Task<int> ExecuteAsync(string sql, object? parameters, CancellationToken cancellationToken) =>
        Connection.ExecuteAsync(new CommandDefinition(sql, parameters, Transaction, cancellationToken: cancellationToken));

    public Task<IEnumerable<T>> QueryAsync<T>(string sql, object? parameters, CancellationToken cancellationToken) =>
        Connection.QueryAsync<T>(new CommandDefinition(sql, parameters, Transaction, cancellationToken: cancellationToken));

    public Task<T?> QuerySingleOrDefaultAsync<T>(string sql, object? parameters, CancellationToken cancellationToken) =>
        Connection.QuerySingleOrDefaultAsync<T>(new CommandDefinition(sql, parameters, Transaction, cancellationToken: cancellationToken));

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        await Outbox.WriteAsync(this, cancellationToken);
        await Transaction.CommitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await Transaction.DisposeAsync();
        await Connection.DisposeAsync();
    }
}

public static class TenantSessionExtensions
{
    public static Task<TenantSession> BeginTenantSessionAsync(this NpgsqlDataSource dataSource, Guid tenantId, CancellationToken cancellationToken) =>
        TenantSession.BeginAsync(dataSource, tenantId, cancellationToken);
}
