using Senco.Core.Access;
using Senco.Core.Calendar;
using Senco.Core.Leadership;
using Senco.Core.Sen;
using DeliveryTerm = Senco.Core.Delivery.Term;
using TermName = Senco.Core.Delivery.TermName;

namespace Senco.Core.Tests.Leadership;

/// The leaders' and governors' dashboard's own rules, each fixture worked out by hand in its comments.
public sealed class SchoolDashboardRulesTests
{
    private static readonly SchoolYear Year = new(2026);
    private static Guid G(int n) => new($"00000000-0000-0000-0000-{n:000000000000}");
    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);
    private static long _order;
    private static SenHistoryPoint H(int pupil, string on, SenStatus s) => new(G(pupil), D(on), s, Interlocked.Increment(ref _order));

    [Fact]
    public void The_terms_changes_are_worked_out_pupil_by_pupil_from_the_history()
    {
        // The period: 1 September to 23 November 2026.
        var history = new[]
        {
            H(1, "2026-10-01", SenStatus.K),                                                         // N → K: added to SEN support
            H(2, "2026-09-10", SenStatus.E),                                                         // N → E: added with a plan
            H(3, "2025-05-01", SenStatus.K), H(3, "2026-11-01", SenStatus.E),                        // K → E
            H(4, "2024-01-01", SenStatus.E), H(4, "2026-10-15", SenStatus.K),                        // E → K
            H(5, "2025-01-01", SenStatus.K), H(5, "2026-09-30", SenStatus.N),                        // K → N: removed
            H(6, "2023-06-01", SenStatus.E), H(6, "2026-11-20", SenStatus.N),                        // E → N: removed
            H(7, "2026-09-05", SenStatus.K), H(7, "2026-10-05", SenStatus.E),                        // N → K → E: added with a plan, once
            H(8, "2025-02-01", SenStatus.K), H(8, "2026-09-10", SenStatus.N), H(8, "2026-10-10", SenStatus.K), // K → N → K: no change
            H(9, "2026-11-24", SenStatus.K),                                                         // after the period: no change
            H(10, "2026-09-01", SenStatus.K),                                                        // on the first day: added to SEN support
            H(11, "2026-08-31", SenStatus.K),                                                        // the day before: no change
            H(12, "2026-10-01", SenStatus.K), H(12, "2026-10-01", SenStatus.N),                      // same day, N recorded last: no change
            H(13, "2025-03-01", SenStatus.K),                                                        // a joiner already on SEN support
            H(15, "2024-04-01", SenStatus.K),                                                        // a leaver on SEN support
            H(16, "2024-04-01", SenStatus.K),                                                        // left before the period
            H(17, "2022-04-01", SenStatus.E),                                                        // a leaver with a plan
        };
        var moves = new[]
        {
            new RollMove(G(13), D("2026-09-15"), true), new RollMove(G(13), D("2026-10-30"), true),   // joined, and back again: once
            new RollMove(G(1), D("2026-09-20"), true),                                                // joined, then put on SEN support
            new RollMove(G(14), D("2026-10-01"), true),                                               // joined, no SEN: not on the register
            new RollMove(G(15), D("2026-10-20"), false),
            new RollMove(G(5), D("2026-11-01"), false),                                               // left after coming off the register
            new RollMove(G(16), D("2026-08-20"), false),
            new RollMove(G(17), D("2026-11-10"), false),
        };
        var c = SchoolDashboardRules.Changes(D("2026-09-01"), D("2026-11-23"), history, moves, newEhcPlans: 3);
        Assert.Equal(new TermChanges(AddedToSenSupport: 2, AddedWithEhcPlan: 2, MovedToEhcPlan: 1, EhcPlanToSenSupport: 1, RemovedFromRegister: 2,
            NewEhcPlans: 3, JoinedOnRegister: 2, LeftOnRegister: 2), c);
        Assert.Equal(4, c.AddedToRegister);
    }

    [Fact]
    public void Nothing_in_the_history_is_no_change()
    {
        var c = SchoolDashboardRules.Changes(D("2026-09-01"), D("2026-11-23"), [], [new RollMove(G(1), D("2026-09-02"), true)], 0);
        Assert.Equal(new TermChanges(0, 0, 0, 0, 0, 0, 0, 0), c);
    }

    [Fact]
    public void Status_on_a_day_is_the_latest_entry_in_force_and_N_before_any()
    {
        var h = new[] { H(1, "2026-01-10", SenStatus.K), H(1, "2026-03-01", SenStatus.E) };
        Assert.Equal(SenStatus.N, SchoolDashboardRules.StatusOn(h, D("2026-01-09")));
        Assert.Equal(SenStatus.K, SchoolDashboardRules.StatusOn(h, D("2026-01-10")));
        Assert.Equal(SenStatus.K, SchoolDashboardRules.StatusOn(h, D("2026-02-28")));
        Assert.Equal(SenStatus.E, SchoolDashboardRules.StatusOn(h, D("2026-03-01")));
    }

    [Theory]
    // Conventional terms (none entered): autumn from 1 September, to today.
    [InlineData(false, TermName.Autumn, "2026-11-23", "2026-09-01", "2026-11-23")]
    [InlineData(false, TermName.Spring, "2027-05-10", "2027-01-01", "2027-03-31")]
    [InlineData(false, TermName.Summer, "2027-08-31", "2027-04-01", "2027-08-31")]
    // Entered terms: autumn 3 Sep – 18 Dec, spring 5 Jan – 26 Mar, summer 12 Apr – 21 Jul. The holidays belong to the term before.
    [InlineData(true, TermName.Autumn, "2027-01-02", "2026-09-01", "2027-01-02")]
    [InlineData(true, TermName.Autumn, "2027-06-01", "2026-09-01", "2027-01-04")]
    [InlineData(true, TermName.Spring, "2027-06-01", "2027-01-05", "2027-04-11")]
    [InlineData(true, TermName.Summer, "2027-09-15", "2027-04-12", "2027-08-31")]
    public void A_terms_window_runs_to_the_day_before_the_next_term_and_never_past_today(bool entered, TermName name, string today, string from, string to)
    {
        var w = SchoolDashboardRules.TermWindow(Calendar(entered), new DeliveryTerm(Year, name), D(today));
        Assert.Equal((D(from), D(to)), w);
    }

    [Fact]
    public void A_term_that_has_not_started_has_no_window()
    {
        Assert.Null(SchoolDashboardRules.TermWindow(Calendar(true), new DeliveryTerm(Year, TermName.Spring), D("2027-01-04")));
        Assert.Null(SchoolDashboardRules.TermWindow(SchoolCalendar.Conventional, new DeliveryTerm(Year, TermName.Summer), D("2027-03-31")));
        Assert.NotNull(SchoolDashboardRules.TermWindow(SchoolCalendar.Conventional, new DeliveryTerm(Year, TermName.Summer), D("2027-04-01")));
    }

    private static SchoolCalendar Calendar(bool entered) => entered
        ? new SchoolCalendar(
        [
            new TermDates(Year, TermName.Autumn, D("2026-09-03"), D("2026-12-18")),
            new TermDates(Year, TermName.Spring, D("2027-01-05"), D("2027-03-26")),
            new TermDates(Year, TermName.Summer, D("2027-04-12"), D("2027-07-21")),
        ], [])
        : SchoolCalendar.Conventional;

    private static string Show(IEnumerable<NeedLine> lines) =>
        string.Join(", ", lines.Select(l => l.Withheld ? $"{l.Need} withheld" : $"{l.Need} {l.Pupils} {l.Percent:0.0}"));

    [Fact]
    public void Leaders_see_every_need_with_its_share_of_the_register()
    {
        // 20 with a primary need: 10 (50.0%), 6 (30.0%), 3 (15.0%), 1 (5.0%).
        var needs = new Dictionary<string, int> { ["MLD"] = 1, ["SEMH"] = 6, ["SLCN"] = 10, ["ASD"] = 3 };
        Assert.Equal("SLCN 10 50.0, SEMH 6 30.0, ASD 3 15.0, MLD 1 5.0", Show(SchoolDashboardRules.Needs(needs, suppress: false)));
    }

    [Fact]
    public void Governors_see_needs_of_fewer_than_five_withheld()
    {
        // ASD 3 and MLD 1 are under 5; two withheld cannot be told apart from the total, so nothing else is withheld.
        var needs = new Dictionary<string, int> { ["MLD"] = 1, ["SEMH"] = 6, ["SLCN"] = 10, ["ASD"] = 3 };
        Assert.Equal("SLCN 10 50.0, SEMH 6 30.0, ASD withheld, MLD withheld", Show(SchoolDashboardRules.Needs(needs, suppress: true)));
    }

    [Fact]
    public void A_single_withheld_need_takes_the_next_smallest_with_it()
    {
        // Total 25: MLD 2 alone would be 25 − 10 − 7 − 6; so SEMH (6, the smallest shown) is withheld too.
        var needs = new Dictionary<string, int> { ["MLD"] = 2, ["SEMH"] = 6, ["SLCN"] = 10, ["ASD"] = 7 };
        Assert.Equal("SLCN 10 40.0, ASD 7 28.0, SEMH withheld, MLD withheld", Show(SchoolDashboardRules.Needs(needs, suppress: true)));
    }

    [Fact]
    public void Five_is_shown_and_a_register_of_small_needs_is_all_withheld()
    {
        Assert.Equal("ASD 5 50.0, SLCN 5 50.0", Show(SchoolDashboardRules.Needs(new Dictionary<string, int> { ["SLCN"] = 5, ["ASD"] = 5 }, suppress: true)));
        Assert.Equal("HI withheld", Show(SchoolDashboardRules.Needs(new Dictionary<string, int> { ["HI"] = 2 }, suppress: true)));
        Assert.Empty(SchoolDashboardRules.Needs(new Dictionary<string, int>(), suppress: true));
    }

    [Theory]
    [InlineData(500, 1, "500.00")]
    [InlineData(1000, 3, "333.33")]
    [InlineData(200, 3, "66.67")]
    [InlineData(0, 2, "0.00")]
    public void Cost_per_pupil_improved_is_to_the_penny(decimal cost, int improved, string expected) =>
        Assert.Equal(expected, SchoolDashboardRules.CostPerPupilImproved(cost, improved)!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void No_pupil_improved_has_no_cost_per_pupil_improved() =>
        Assert.Null(SchoolDashboardRules.CostPerPupilImproved(1500m, 0));

    [Theory]
    [InlineData(SchoolRole.Senco, true)]
    [InlineData(SchoolRole.AssistantSenco, true)]
    [InlineData(SchoolRole.SeniorLeader, true)]
    [InlineData(SchoolRole.Governor, true)]
    [InlineData(SchoolRole.TrustLead, true)]
    [InlineData(SchoolRole.Teacher, false)]
    [InlineData(SchoolRole.TeachingAssistant, false)]
    [InlineData(SchoolRole.SchoolAdmin, false)]
    public void Who_opens_the_dashboard(SchoolRole role, bool opens) =>
        Assert.Equal(opens, RolePermissions.Has(role, Permission.ViewSchoolDashboard));
}
