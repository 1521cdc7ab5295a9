using NodaTime;
using Platform.Clients.Calendar;
using Platform.Clients.Lifecycle;

namespace Platform.Clients.Consent;

/// <summary>
/// The one question every part of the platform asks before a call: may this contact be called now, and if not, why?
/// A call needs no do-not-call (of the contact, or of its number in its client company or the call center), no
/// suppression list holding the number, consent to data processing and to calls that holds now, and the client company's
/// calendar open at the contact's own local time (their zone, their date for holidays, DST included).
/// </summary>
public static class CallingPermission
{
    public sealed record Verdict(bool MayCall, IReadOnlyList<string> Reasons, LocalDateTime ContactLocalTime);

    /// <param name="otherZones">The zones a number of several zones may be in (no zone given): the window is the narrowest across them.</param>
    /// <param name="numberBlocks">What binds the contact's number rather than the contact: the do-not-call list, suppression lists (each named).</param>
    public static Verdict Check(ContactStatus status, IReadOnlyCollection<ConsentState> consents, BusinessCalendar calendar,
        DateTimeZone contactZone, Instant now, IReadOnlyCollection<string>? numberBlocks = null, IReadOnlyCollection<DateTimeZone>? otherZones = null)
    {
        var reasons = new List<string>();
        if (status == ContactStatus.DoNotCall)
        {
            reasons.Add("do not call: the contact asked not to be called");
        }
        reasons.AddRange(numberBlocks ?? []);
        foreach (var purpose in new[] { ConsentPurpose.DataProcessing, ConsentPurpose.Calls })
        {
            var latest = consents.Where(c => c.Purpose == purpose).MaxBy(c => c.At);
            if (latest is null)
            {
                reasons.Add($"no consent to {Describe(purpose)} recorded");
            }
            else if (!latest.Granted)
            {
                reasons.Add($"consent to {Describe(purpose)} withdrawn");
            }
            else if (!latest.HoldsAt(now))
            {
                reasons.Add($"consent to {Describe(purpose)} expired");
            }
        }
        var local = now.InZone(contactZone).LocalDateTime;
        if (calendar.ClosedBecause(local) is { } closed)
        {
            reasons.Add($"outside the calling window: {closed} ({local:yyyy-MM-dd HH:mm} in {contactZone.Id})");
        }
        // A number that may be in any of several zones: open in every one of them, or no call.
        foreach (var zone in (otherZones ?? []).Where(z => z.Id != contactZone.Id))
        {
            var there = now.InZone(zone).LocalDateTime;
            if (calendar.ClosedBecause(there) is { } closedThere)
            {
                reasons.Add($"outside the calling window in one of the number's zones: {closedThere} ({there:yyyy-MM-dd HH:mm} in {zone.Id})");
            }
        }
        return new Verdict(reasons.Count == 0, reasons, local);
    }

    private static string Describe(ConsentPurpose purpose) => purpose switch
    {
        ConsentPurpose.DataProcessing => "data processing",
        ConsentPurpose.Calls => "calls",
        _ => "recording",
    };
}
