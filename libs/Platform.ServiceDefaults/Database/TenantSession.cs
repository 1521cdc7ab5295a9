using System.Data;
using Dapper;
using Npgsql;

namespace Platform.ServiceDefaults.Database;

/// <summary>
/// One unit of work for one tenant: an open connection and transaction with <c>app.tenant_id</c> set
/// (<c>SET LOCAL</c>, for row-level security), and the outbox in the same transaction. Commit or it rolls back.
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

    public Task CommitAsync(CancellationToken cancellationToken) => Transaction.CommitAsync(cancellationToken);

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
