using Platform.ServiceDefaults.Database;

namespace Platform.Clients.Suppression;

/// <summary>Which suppression lists block these numbers for a project of a client company (lists of the whole call center block every project).</summary>
public static class SuppressionMatches
{
    private sealed record Row(string Phone, string Name, int Version, string Source);

    /// <returns>Per blocked number, the reasons, each naming its list.</returns>
    public static async Task<IReadOnlyDictionary<string, string[]>> OfAsync(TenantSession session, IReadOnlyCollection<string> numbers,
        Guid? clientCompanyId, CancellationToken ct)
    {
        if (numbers.Count == 0)
        {
            return new Dictionary<string, string[]>();
        }
        var rows = await session.QueryAsync<Row>("""
            SELECT n.phone, l.name, l.version, l.source FROM suppression_numbers n
            JOIN suppression_lists l ON l.tenant_id = n.tenant_id AND l.id = n.list_id
            WHERE n.tenant_id = @TenantId AND n.phone = ANY(@Numbers) AND (l.client_company_id IS NULL OR l.client_company_id = @clientCompanyId)
            ORDER BY n.phone, l.name
            """, new { session.TenantId, Numbers = numbers.Distinct().ToArray(), clientCompanyId }, ct);
        return rows.GroupBy(r => r.Phone).ToDictionary(g => g.Key, g => g.Select(Reason).ToArray());
    }

    public static string Reason(string name, int version, string source) => $"on the suppression list '{name}' (version {version}, {source})";

    private static string Reason(Row row) => Reason(row.Name, row.Version, row.Source);

    /// <summary>The same test in SQL, for statements over contacts aliased <c>c</c> joined to their project <c>p</c>.</summary>
    public const string BlocksContactSql = """
        EXISTS (SELECT 1 FROM suppression_numbers n JOIN suppression_lists l ON l.tenant_id = n.tenant_id AND l.id = n.list_id
                WHERE n.tenant_id = c.tenant_id AND n.phone = c.phone AND (l.client_company_id IS NULL OR l.client_company_id = p.client_company_id))
        """;
}
