using NodaTime;
using Platform.Clients.Calendar;
using Platform.Clients.Lifecycle;
using Platform.Clients.Plan;
using Xunit;

namespace Platform.Clients.Tests.Plan;

public sealed class DailyPlanTests
{
    private static readonly Guid Agent = Guid.NewGuid();
    private static readonly Guid Project = Guid.NewGuid();
    private static readonly LocalDate Monday = new(2026, 11, 23);
    private static readonly DateTimeZone Prague = DateTimeZoneProviders.Tzdb["Europe/Prague"];

    private static PlanCandidate Contact(string name, ContactStatus status = ContactStatus.Potential, Instant? next = null,
        Guid? callbackAgent = null, DateTimeZone? zone = null, bool vip = false) =>
        new(Guid.NewGuid(), Project, name, "+420777000000", status, vip, next, callbackAgent, zone ?? Prague);

    private static string[] Plan(BusinessCalendar calendar, LocalDate date, params PlanCandidate[] candidates) =>
        DailyPlan.Draw(candidates, _ => calendar, Agent, date, 100).Select(e => e.Contact.Name).ToArray();

    [Fact]
    public void A_contact_is_left_out_on_a_public_holiday_of_their_own_country()
    {
        var thanksgiving = new LocalDate(2026, 11, 26); // a Thursday
        var newYork = DateTimeZoneProviders.Tzdb["America/New_York"];
        var plan = Plan(BusinessCalendar.Default, thanksgiving,
            Contact("in Prague") with { Country = "CZ" },
            Contact("in New York", zone: newYork) with { Phone = "+12125550100", Country = "US" },
            Contact("country unknown"));

        Assert.Equal(["country unknown", "in Prague"], plan.Order());
    }

    [Fact]
    public void Hot_potential_clients_come_first_then_callbacks_due_today_then_the_rest_by_date_then_first_calls()
    {
        var plan = Plan(BusinessCalendar.Default, Monday,
            Contact("never called"),
            Contact("overdue since Friday", next: Instant.FromUtc(2026, 11, 20, 10, 0)),
            Contact("callback at 14:00", next: Instant.FromUtc(2026, 11, 23, 13, 0)),
            Contact("hot", ContactStatus.HotPotential, next: Instant.FromUtc(2026, 11, 23, 15, 0)),
            Contact("callback at 10:00", next: Instant.FromUtc(2026, 11, 23, 9, 0)));

        Assert.Equal(["hot", "callback at 10:00", "callback at 14:00", "overdue since Friday", "never called"], plan);
    }

    [Fact]
    public void Contacts_not_due_yet_or_due_after_the_last_window_wait()
    {
        var plan = Plan(BusinessCalendar.Default, Monday,
            Contact("tomorrow", next: Instant.FromUtc(2026, 11, 24, 9, 0)),
            Contact("tonight after closing", next: Instant.FromUtc(2026, 11, 23, 17, 30)));
        Assert.Empty(plan);
    }

    [Fact]
    public void A_personal_callback_is_only_in_its_agents_plan() =>
        Assert.Equal(["mine", "shared"], Plan(BusinessCalendar.Default, Monday,
            Contact("mine", next: Instant.FromUtc(2026, 11, 23, 9, 0), callbackAgent: Agent),
            Contact("someone else's", next: Instant.FromUtc(2026, 11, 23, 9, 0), callbackAgent: Guid.NewGuid()),
            Contact("shared", next: Instant.FromUtc(2026, 11, 23, 10, 0))));

    [Fact]
    public void Weekends_and_holidays_are_the_contacts_own()
    {
        var calendar = BusinessCalendar.Default with { Holidays = new HashSet<LocalDate> { Monday } };
        Assert.Empty(Plan(calendar, Monday, Contact("holiday")));
        Assert.Empty(Plan(BusinessCalendar.Default, new LocalDate(2026, 11, 28), Contact("saturday")));
    }

    [Fact]
    public void The_windows_are_the_contacts_local_hours_with_lunch_cut_out()
    {
        var newYork = DateTimeZoneProviders.Tzdb["America/New_York"];
        var entry = Assert.Single(DailyPlan.Draw([Contact("New York", zone: newYork)], _ => BusinessCalendar.Default, Agent, Monday, 10));

        Assert.Equal(
            [new Interval(Instant.FromUtc(2026, 11, 23, 14, 0), Instant.FromUtc(2026, 11, 23, 17, 0)),  // 9:00–12:00 EST
             new Interval(Instant.FromUtc(2026, 11, 23, 18, 0), Instant.FromUtc(2026, 11, 23, 22, 0))], // 13:00–17:00 EST
            entry.WindowsUtc);
    }

    [Fact]
    public void A_callback_due_in_the_afternoon_keeps_only_the_windows_still_ahead_of_it()
    {
        var entry = Assert.Single(DailyPlan.Draw([Contact("afternoon", next: Instant.FromUtc(2026, 11, 23, 13, 30))],
            _ => BusinessCalendar.Default, Agent, Monday, 10));
        Assert.Single(entry.WindowsUtc); // the morning window ends before 14:30 Prague time
    }

    [Fact]
    public void The_plan_holds_at_most_its_limit_vip_first_among_equals()
    {
        var candidates = Enumerable.Range(0, 5).Select(i => Contact($"cold {i}")).Append(Contact("vip", vip: true)).ToArray();
        var plan = DailyPlan.Draw(candidates, _ => BusinessCalendar.Default, Agent, Monday, 3);
        Assert.Equal(3, plan.Count);
        Assert.Equal("vip", plan[0].Contact.Name);
    }

    [Fact]
    public void An_open_complaint_comes_first_beside_hot_potential_clients()
    {
        var plan = Plan(BusinessCalendar.Default, Monday,
            Contact("callback", next: Instant.FromUtc(2026, 11, 23, 9, 0)),
            Contact("complaining", ContactStatus.Accompanied) with { OpenComplaint = true },
            Contact("hot", ContactStatus.HotPotential));

        Assert.Equal(["complaining", "hot"], plan.Take(2).Order());
        Assert.Equal("callback", plan[2]);
    }

    [Fact]
    public void A_number_of_several_zones_is_planned_only_while_the_calendar_is_open_in_all_of_them()
    {
        var (sydney, perth) = (DateTimeZoneProviders.Tzdb["Australia/Sydney"], DateTimeZoneProviders.Tzdb["Australia/Perth"]);
        var candidate = new PlanCandidate(Guid.NewGuid(), Project, "Bruce", "+61412345678", ContactStatus.Potential, false, null, null, sydney,
            OtherZones: [sydney, perth]);

        var windows = DailyPlan.Draw([candidate], _ => BusinessCalendar.Default, Agent, Monday, 100).Single().WindowsUtc;

        // Sydney (UTC+11 in November) 9-12 and 13-17 is 22:00-01:00 and 02:00-06:00 UTC; Perth (UTC+8) 9-12, 13-17 is 01:00-04:00 and 05:00-09:00.
        Assert.Equal([new Interval(Instant.FromUtc(2026, 11, 23, 2, 0), Instant.FromUtc(2026, 11, 23, 4, 0)),
            new Interval(Instant.FromUtc(2026, 11, 23, 5, 0), Instant.FromUtc(2026, 11, 23, 6, 0))], windows);
    }
}
