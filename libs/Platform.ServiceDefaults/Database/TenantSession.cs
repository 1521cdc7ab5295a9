using System.Data;
using Dapper;
using Npgsql;
using Platform.ServiceDefaults.Messaging.Outbox;

namespace Platform.ServiceDefaults.Database;

/// <summary>
/// One unit of work for one tenant: an open connection and transaction with <c>app.tenant_id</c> set for the transaction
/// (for row-level security), and the outbox in the same transaction. Commit or it rolls back.
/// Events published in the session wait in <see cref="Outbox"/> and are written by <see cref="CommitAsync"/>, all in one
/// statement just before the commit.
/// </summary>
public sealed class TenantSession : IAsyncDisposable
{
    private readonly NpgsqlConnection connection;
    private bool tenantSet;

    private TenantSession(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid tenantId)
    {
        this.connection = connection;
        Transaction = transaction;
        TenantId = tenantId;
    }

    public NpgsqlTransaction Transaction { get; }
    public Guid TenantId { get; }

    /// <summary>The events published in this unit of work, written to <c>outbox_messages</c> on commit.</summary>
    internal PendingOutbox Outbox { get; } = new();

    /// <summary>
    /// Opens a connection and a transaction for <paramref name="tenantId"/>. Nothing is sent yet: Npgsql sends BEGIN with the
    /// first statement, and the tenant's <c>CALL set_tenant</c> goes in front of it too, so a unit of work costs no round trip of
    /// its own before its first statement (it was one for BEGIN and the setting).
    /// </summary>
    public static async Task<TenantSession> BeginAsync(NpgsqlDataSource dataSource, Guid tenantId, CancellationToken cancellationToken)
    {
        var connection = await DatabaseResilience.OpenAsync(dataSource, cancellationToken);
        try
        {
            var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
            return new TenantSession(connection, transaction, tenantId);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>The session's connection, for what Dapper does not do (a streamed bytea parameter), with the tenant set.</summary>
    public async Task<NpgsqlConnection> ConnectionAsync(CancellationToken cancellationToken)
    {
        if (!tenantSet)
        {
            await ExecuteAsync("", null, cancellationToken);
        }
        return connection;
    }

    public Task<int> ExecuteAsync(string sql, object? parameters, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(Command(sql, parameters, cancellationToken));

    public Task<IEnumerable<T>> QueryAsync<T>(string sql, object? parameters, CancellationToken cancellationToken) =>
        connection.QueryAsync<T>(Command(sql, parameters, cancellationToken));

    public Task<T?> QuerySingleOrDefaultAsync<T>(string sql, object? parameters, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<T>(Command(sql, parameters, cancellationToken));

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        await Outbox.WriteAsync(this, cancellationToken);
        await Transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The session's first statement carries the tenant (<see cref="TenantStatement"/>), BEGIN too: one round trip.</summary>
    private CommandDefinition Command(string sql, object? parameters, CancellationToken cancellationToken)
    {
        if (tenantSet)
        {
            return new CommandDefinition(sql, parameters, Transaction, cancellationToken: cancellationToken);
        }
        tenantSet = true;
        return TenantStatement.For(TenantId, sql, parameters, Transaction, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await Transaction.DisposeAsync();
        await connection.DisposeAsync();
    }
}

public static class TenantSessionExtensions
{
    public static Task<TenantSession> BeginTenantSessionAsync(this NpgsqlDataSource dataSource, Guid tenantId, CancellationToken cancellationToken) =>
        TenantSession.BeginAsync(dataSource, tenantId, cancellationToken);
}
