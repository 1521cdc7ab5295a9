using System.Text.Json;
using NodaTime;
using Platform.Clients.Calendar;
using Platform.Clients.CustomFields;
using Platform.ServiceDefaults.Database;

namespace Platform.Clients.Projects;

/// <summary>What contacts need to know of their project: its zone and country, its calendar, its cooldown, its client company.</summary>
/// <param name="Country">Region of numbers written without a country code; "ZZ" (none) makes libphonenumber insist on one.</param>
public sealed record ProjectSettings(Guid Id, string TimeZone, string Country, int CooldownDays, BusinessCalendar Calendar,
    Guid? ClientCompanyId = null, CustomFieldDefinition[]? CustomFields = null)
{
    private sealed record Row(Guid Id, string TimeZone, string? Country, int CooldownDays, string Calendar, Guid? ClientCompanyId, string CustomFieldDefinitions);

    /// <summary>The project's typed custom fields (none: free JSON).</summary>
    public IReadOnlyList<CustomFieldDefinition> Fields => CustomFields ?? [];

    public DateTimeZone Zone => DateTimeZoneProviders.Tzdb[TimeZone];

    public static async Task<ProjectSettings?> LoadAsync(TenantSession session, Guid projectId, CancellationToken ct)
    {
        const string sql = """
            SELECT id, time_zone, country, cooldown_days, calendar::text AS calendar, client_company_id, custom_field_definitions::text AS custom_field_definitions
            FROM projects WHERE tenant_id = @TenantId AND id = @projectId
            """;
        var row = await session.QuerySingleOrDefaultAsync<Row>(sql, new { session.TenantId, projectId }, ct);
        return row is null ? null : new ProjectSettings(row.Id, row.TimeZone, row.Country ?? "ZZ", row.CooldownDays, ReadCalendar(row.Calendar), row.ClientCompanyId,
            CustomFieldsApi.Read(row.CustomFieldDefinitions));
    }

    /// <summary>A project created before calendars existed holds '{}': it has the default calendar.</summary>
    public static BusinessCalendar ReadCalendar(string json) =>
        JsonSerializer.Deserialize<CalendarDocument>(json, JsonSerializerOptions.Web) is { Weekdays: not null } document
            ? document.ToCalendar().Calendar ?? BusinessCalendar.Default
            : BusinessCalendar.Default;
}
