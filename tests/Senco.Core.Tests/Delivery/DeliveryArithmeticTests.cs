using Senco.Core;
using Senco.Core.Delivery;
using Senco.Core.Model;

namespace Senco.Core.Tests.Delivery;

public class DeliveryArithmeticTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
    private static readonly ShortfallPolicy Policy = ShortfallPolicy.Default;

    // 2026-11-02 is a Monday; 2026-11-09 the next.
    [Theory]
    [InlineData("2026-11-02", null, "2026-11-02", "2026-11-08", 5, "150")]       // a whole week: 150 of 150
    [InlineData("2026-11-04", null, "2026-11-02", "2026-11-08", 3, "90")]        // the line starts on a Wednesday: 3/5 of a week
    [InlineData("2026-10-01", "2026-11-03", "2026-11-02", "2026-11-08", 2, "60")] // the line ends on a Tuesday
    [InlineData("2026-10-01", null, "2026-11-05", "2026-11-08", 2, "60")]        // the period starts on a Thursday
    [InlineData("2026-11-07", null, "2026-11-02", "2026-11-08", 0, "0")]         // starts on a Saturday: nothing owed that week
    [InlineData("2026-11-04", "2026-11-04", "2026-11-02", "2026-11-08", 1, "30")] // a one-day line
    public void Planned_time_is_pro_rata_to_school_days_inside_the_line_and_the_period(string from, string? to, string start, string end, int days, string planned)
    {
        var weeks = DeliveryArithmetic.Weeks(new DoseSpan(150, D(from), to is null ? null : D(to)), [], D(start), D(end), Policy);
        if (days == 0) { Assert.Empty(weeks); return; }
        var w = Assert.Single(weeks);
        Assert.Equal(D("2026-11-02"), w.Monday);
        Assert.Equal(days, w.SchoolDays);
        Assert.Equal(decimal.Parse(planned, System.Globalization.CultureInfo.InvariantCulture), w.PlannedMinutes);
    }

    [Fact]
    public void A_period_across_a_month_end_splits_into_monday_weeks()
    {
        // Wed 28 Oct to Tue 10 Nov 2026: three weeks (3 days, 5 days, 2 days).
        var weeks = DeliveryArithmetic.Weeks(new DoseSpan(100, D("2026-09-01"), null), [], D("2026-10-28"), D("2026-11-10"), Policy);
        Assert.Equal([D("2026-10-26"), D("2026-11-02"), D("2026-11-09")], weeks.Select(w => w.Monday));
        Assert.Equal([3, 5, 2], weeks.Select(w => w.SchoolDays));
        Assert.Equal([60m, 100m, 40m], weeks.Select(w => w.PlannedMinutes));
    }

    [Fact]
    public void Missed_sessions_that_do_not_count_leave_the_expected_time_those_that_do_are_shortfall()
    {
        var sessions = new[]
        {
            new SessionFact(D("2026-11-02"), 30, true),
            new SessionFact(D("2026-11-03"), 30, false, MissedReason.PupilAbsent),   // not possible: leaves expected
            new SessionFact(D("2026-11-04"), 30, false, MissedReason.StaffAbsent),   // shortfall
            new SessionFact(D("2026-11-05"), 30, true),
            new SessionFact(D("2026-11-06"), 30, false, MissedReason.SchoolClosed),  // not possible
        };
        var w = Assert.Single(DeliveryArithmetic.Weeks(new DoseSpan(150, D("2026-09-01"), null), sessions, D("2026-11-02"), D("2026-11-08"), Policy));
        Assert.Equal(150m, w.PlannedMinutes);
        Assert.Equal(60, w.DeliveredMinutes);
        Assert.Equal(60, w.NotPossibleMinutes);
        Assert.Equal(90m, w.ExpectedMinutes);
        Assert.Equal(30m, w.ShortfallMinutes);
        Assert.Equal(66.7m, w.Percent);

        var total = DeliveryArithmetic.Total([w], Policy);
        Assert.Equal([(MissedReason.StaffAbsent, 30)], total.ShortfallReasons);
        Assert.Equal(0m, total.UnexplainedMinutes);
    }

    [Fact]
    public void A_school_that_counts_pupil_absence_as_shortfall_gets_a_lower_percentage()
    {
        var counting = new ShortfallPolicy(new HashSet<MissedReason>(ShortfallPolicy.Default.CountsAsShortfall) { MissedReason.PupilAbsent });
        var sessions = new[] { new SessionFact(D("2026-11-02"), 60, true), new SessionFact(D("2026-11-03"), 60, false, MissedReason.PupilAbsent) };
        var dose = new DoseSpan(120, D("2026-09-01"), null);
        Assert.Equal(100m, DeliveryArithmetic.Weeks(dose, sessions, D("2026-11-02"), D("2026-11-08"), ShortfallPolicy.Default)[0].Percent);
        Assert.Equal(50m, DeliveryArithmetic.Weeks(dose, sessions, D("2026-11-02"), D("2026-11-08"), counting)[0].Percent);
    }

    [Fact]
    public void Sessions_never_logged_are_unexplained_shortfall_and_extra_sessions_go_over_100()
    {
        var dose = new DoseSpan(90, D("2026-09-01"), null);
        var none = DeliveryArithmetic.Total(DeliveryArithmetic.Weeks(dose, [], D("2026-11-02"), D("2026-11-08"), Policy), Policy);
        Assert.Equal(0m, none.Percent);
        Assert.Equal(90m, none.UnexplainedMinutes);
        var extra = DeliveryArithmetic.Weeks(dose, [new SessionFact(D("2026-11-02"), 120, true)], D("2026-11-02"), D("2026-11-08"), Policy);
        Assert.Equal(133.3m, extra[0].Percent);
        Assert.Equal(0m, extra[0].ShortfallMinutes);
    }

    [Fact]
    public void A_week_whose_every_session_was_closure_owes_nothing_and_has_no_percentage()
    {
        var sessions = Enumerable.Range(0, 5).Select(i => new SessionFact(D("2026-10-26").AddDays(i), 30, false, MissedReason.SchoolClosed));
        var w = Assert.Single(DeliveryArithmetic.Weeks(new DoseSpan(150, D("2026-09-01"), null), sessions, D("2026-10-26"), D("2026-11-01"), Policy));
        Assert.Equal(0m, w.ExpectedMinutes);
        Assert.Null(w.Percent);
    }

    [Fact]
    public void A_session_on_a_weekend_counts_in_its_week_and_sessions_outside_the_period_are_ignored()
    {
        var sessions = new[] { new SessionFact(D("2026-11-07"), 30, true), new SessionFact(D("2026-11-09"), 30, true) };
        var w = Assert.Single(DeliveryArithmetic.Weeks(new DoseSpan(30, D("2026-09-01"), null), sessions, D("2026-11-02"), D("2026-11-08"), Policy));
        Assert.Equal(30, w.DeliveredMinutes);
    }

    [Fact]
    public void Lines_combine_week_by_week()
    {
        var a = DeliveryArithmetic.Weeks(new DoseSpan(60, D("2026-11-02"), null), [new SessionFact(D("2026-11-02"), 60, true)], D("2026-11-02"), D("2026-11-15"), Policy);
        var b = DeliveryArithmetic.Weeks(new DoseSpan(40, D("2026-11-09"), null), [new SessionFact(D("2026-11-10"), 20, false, MissedReason.Trip)], D("2026-11-02"), D("2026-11-15"), Policy);
        var all = DeliveryArithmetic.Combine([a, b]);
        Assert.Equal([60m, 100m], all.Select(w => w.PlannedMinutes));
        Assert.Equal([60, 0], all.Select(w => w.DeliveredMinutes));
        Assert.Equal(20, all[1].MissedByReason[MissedReason.Trip]);
    }

    [Theory]
    [InlineData("2026-09-01", TermName.Autumn, 2026)]
    [InlineData("2026-12-31", TermName.Autumn, 2026)]
    [InlineData("2027-01-01", TermName.Spring, 2026)]
    [InlineData("2027-03-31", TermName.Spring, 2026)]
    [InlineData("2027-04-01", TermName.Summer, 2026)]
    [InlineData("2027-08-31", TermName.Summer, 2026)]
    public void Terms_are_the_conventional_thirds_of_the_school_year(string day, TermName name, int startYear)
    {
        var t = Term.Containing(D(day));
        Assert.Equal(name, t.Name);
        Assert.Equal(startYear, t.Year.StartYear);
        Assert.InRange(D(day), t.Start, t.End);
    }

    [Fact]
    public void A_week_across_new_year_belongs_to_the_term_of_its_monday()
    {
        // Mon 28 Dec 2026 to Sun 3 Jan 2027.
        var weeks = DeliveryArithmetic.Weeks(new DoseSpan(100, D("2026-09-01"), null), [], D("2026-12-28"), D("2027-01-03"), Policy);
        var terms = DeliveryArithmetic.ByTerm(weeks, Policy);
        Assert.Equal(TermName.Autumn, Assert.Single(terms).Term.Name);
        Assert.Equal(100m, terms[0].Figures.PlannedMinutes);
    }

    private static WeekFigures Week(string monday, decimal planned, int delivered) =>
        new(D(monday), 5, planned, delivered, 0, new Dictionary<MissedReason, int>());

    [Theory]
    [InlineData(70, 70, true)]     // both below 80
    [InlineData(70, 80, false)]    // the last one reaches the threshold
    [InlineData(90, 70, false)]    // only one week below
    [InlineData(79, 79, true)]
    public void The_alert_is_two_completed_weeks_below_the_threshold(int first, int second, bool alert)
    {
        var weeks = new[] { Week("2026-11-02", 100, first), Week("2026-11-09", 100, second), Week("2026-11-16", 100, 0) };
        // Today is Friday 20 November: the week of the 16th has not finished, so it does not count.
        Assert.Equal(alert, DeliveryArithmetic.BelowThresholdTwoWeeks(weeks, 80, D("2026-11-20")) is not null);
    }

    [Fact]
    public void A_week_that_owed_nothing_is_skipped_rather_than_breaking_the_run()
    {
        var halfTerm = new WeekFigures(D("2026-10-26"), 5, 100, 0, 100, new Dictionary<MissedReason, int> { [MissedReason.SchoolClosed] = 100 });
        var weeks = new[] { Week("2026-10-19", 100, 50), halfTerm, Week("2026-11-02", 100, 60) };
        var alert = DeliveryArithmetic.BelowThresholdTwoWeeks(weeks, 80, D("2026-11-09"));
        Assert.NotNull(alert);
        Assert.Equal(D("2026-10-19"), alert.Value.Earlier.Monday);
        Assert.Null(DeliveryArithmetic.BelowThresholdTwoWeeks([Week("2026-11-02", 100, 10)], 80, D("2026-11-09")));
    }

    [Theory]
    [InlineData(DoseBasis.HoursPerWeek, "2.5", null, null, 150)]
    [InlineData(DoseBasis.HoursPerWeek, "0.25", null, null, 15)]
    [InlineData(DoseBasis.SessionsPerWeek, null, 3, 20, 60)]
    [InlineData(DoseBasis.SessionsPerWeek, null, 3, null, 0)]
    public void Minutes_a_week_from_either_basis(DoseBasis basis, string? hours, int? sessions, int? minutes, int expected) =>
        Assert.Equal(expected, DeliveryArithmetic.MinutesPerWeek(basis, hours is null ? null : decimal.Parse(hours, System.Globalization.CultureInfo.InvariantCulture), sessions, minutes));

    [Theory]
    [InlineData("Half term", MissedReason.SchoolClosed)]
    [InlineData("INSET day", MissedReason.SchoolClosed)]
    [InlineData("Class trip", MissedReason.Trip)]
    [InlineData("Year 6 SATs", MissedReason.Exam)]
    [InlineData("TA covering a class", MissedReason.StaffAbsent)]
    [InlineData("Fire drill", MissedReason.Other)]
    [InlineData(null, MissedReason.Other)]
    public void Register_notes_are_read_for_a_reason_and_anything_unknown_counts(string? note, MissedReason expected) =>
        Assert.Equal(expected, RegisterNotes.ReasonFor(note));

    [Theory]
    [InlineData(0, "0 min")]
    [InlineData(45, "45 min")]
    [InlineData(60, "1 h")]
    [InlineData(150, "2 h 30 min")]
    public void Minutes_read_as_hours_and_minutes(int minutes, string expected) => Assert.Equal(expected, DeliveryArithmetic.Show(minutes));

    [Fact]
    public void The_policy_round_trips_and_ignores_unknown_names() =>
        Assert.Equal(ShortfallPolicy.Default.CountsAsShortfall.Order(), ShortfallPolicy.FromStoredText(ShortfallPolicy.Default.ToStoredText() + ",Nonsense").CountsAsShortfall.Order());
}

public class DeliveryTermTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void The_week_of_monday_31_august_reported_from_1_september_is_autumn()
    {
        var weeks = DeliveryArithmetic.Weeks(new DoseSpan(100, D("2026-09-01"), null), [], D("2026-09-01"), D("2026-09-06"), ShortfallPolicy.Default);
        var terms = DeliveryArithmetic.ByTerm(weeks, ShortfallPolicy.Default, D("2026-09-01"));
        Assert.Equal(new Term(new SchoolYear(2026), TermName.Autumn), Assert.Single(terms).Term);
        Assert.Equal(80m, terms[0].Figures.PlannedMinutes);   // Tuesday to Friday
    }
}
