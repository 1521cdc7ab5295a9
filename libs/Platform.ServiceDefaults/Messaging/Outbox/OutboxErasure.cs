using Platform.ServiceDefaults.Database;

namespace Platform.ServiceDefaults.Messaging.Outbox;

/// <summary>
/// Erasure reaches the outbox: sent rows keep their bodies for the relay's retention (7 days), so the personal data of an
/// erased contact in them is blanked too. A row is the contact's when its event names the contact (<c>contactId</c>) or
/// lists it (<c>contacts[].contactId</c>, an import's batch: only the contact's entry is blanked). Rows not sent yet are
/// left as they are: their consumers get them and then the erasure.
/// </summary>
public static class OutboxErasure
{
    /// <summary>The fields of the contracts that hold a person's data (set to null in the sent rows of the contact's events).</summary>
    public static readonly string[] PersonalFields = ["phone", "name", "customFields", "callerNumber", "callbackNumber", "answers", "source"];

    /// <summary>Blanks the contact's personal data in the sent rows of this service's outbox, inside the erasure's transaction.</summary>
    public static Task EraseContactAsync(this TenantSession session, Guid contactId, CancellationToken cancellationToken)
    {
        // Erasure is rare: the scan of the tenant's sent rows (a week of them at most) is its price.
        const string sql = """
            UPDATE outbox_messages m
            SET body = CASE WHEN m.body->>'contactId' = @Id
                THEN m.body - @Fields || (SELECT coalesce(jsonb_object_agg(f, 'null'::jsonb), '{}'::jsonb) FROM unnest(@Fields) AS f WHERE m.body ? f)
                ELSE jsonb_set(m.body, '{contacts}', (
                    SELECT jsonb_agg(CASE WHEN c->>'contactId' = @Id
                        THEN c - @Fields || (SELECT coalesce(jsonb_object_agg(f, 'null'::jsonb), '{}'::jsonb) FROM unnest(@Fields) AS f WHERE c ? f)
                        ELSE c END ORDER BY i)
                    FROM jsonb_array_elements(m.body->'contacts') WITH ORDINALITY AS a(c, i)))
                END
            WHERE m.tenant_id = @TenantId AND m.sent_at IS NOT NULL
              AND (m.body->>'contactId' = @Id OR m.body->'contacts' @> jsonb_build_array(jsonb_build_object('contactId', @Id)))
            """;
        return session.ExecuteAsync(sql, new { session.TenantId, Id = contactId.ToString(), Fields = PersonalFields }, cancellationToken);
    }
}
