using Senco.Core;
using Senco.Core.Access;
using Senco.Core.Calendar;
using Senco.Core.Delivery;
using Senco.Core.Exchange;

namespace Senco.Core.Tests.Calendar;

public class SchoolCalendarTests
{
    private static readonly SchoolYear Y = new(2026);
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    /// A plausible 2026/27: autumn 2 Sep – 18 Dec with half term 26–30 Oct and an INSET day on Fri 20 Nov; spring
    /// 5 Jan – 26 Mar; summer 13 Apr – 21 Jul with the May bank holiday.
    private static SchoolCalendar Calendar() => new(
        [
            new TermDates(Y, TermName.Autumn, D(2026, 9, 2), D(2026, 12, 18)),
            new TermDates(Y, TermName.Spring, D(2027, 1, 5), D(2027, 3, 26)),
            new TermDates(Y, TermName.Summer, D(2027, 4, 13), D(2027, 7, 21)),
        ],
        [
            new Closure(D(2026, 10, 26), D(2026, 10, 30), "October half term"),
            new Closure(D(2026, 11, 20), D(2026, 11, 20), "INSET day"),
            new Closure(D(2027, 5, 3), D(2027, 5, 3), "May bank holiday"),
        ]);

    [Theory]
    [InlineData(2026, 9, 1, false)]   // before the autumn term starts
    [InlineData(2026, 9, 2, true)]
    [InlineData(2026, 9, 5, false)]   // Saturday
    [InlineData(2026, 10, 28, false)] // half term
    [InlineData(2026, 11, 20, false)] // INSET
    [InlineData(2026, 11, 19, true)]
    [InlineData(2026, 12, 21, false)] // Christmas holiday
    [InlineData(2027, 4, 12, false)]  // Easter holiday
    [InlineData(2027, 5, 3, false)]   // bank holiday
    [InlineData(2027, 7, 21, true)]
    [InlineData(2027, 7, 22, false)]  // summer holiday
    public void School_days_are_weekdays_in_term_and_not_closed(int y, int m, int d, bool expected) =>
        Assert.Equal(expected, Calendar().IsSchoolDay(D(y, m, d)));

    [Fact]
    public void A_year_not_entered_counts_every_weekday_less_the_closures()
    {
        var c = new SchoolCalendar([], [new Closure(D(2025, 12, 22), D(2025, 12, 31), "Christmas")]);
        Assert.False(c.Knows(new SchoolYear(2025)));
        Assert.True(c.IsSchoolDay(D(2025, 8, 29)));
        Assert.False(c.IsSchoolDay(D(2025, 12, 23)));
        Assert.Equal(5, c.SchoolDays(D(2025, 9, 1), D(2025, 9, 7)));
    }

    [Fact]
    public void School_days_in_the_autumn_term_by_hand()
    {
        // 2 Sep – 18 Dec 2026: 78 weekdays, less 5 half term and 1 INSET = 72.
        Assert.Equal(72, Calendar().SchoolDays(D(2026, 9, 2), D(2026, 12, 18)));
    }

    [Fact]
    public void Fifteen_school_days_skip_half_term_and_the_inset_day()
    {
        // Left Fri 16 Oct 2026: school days 19–23 Oct (5), half term 26–30 Oct, 2–6 Nov (10), 9–13 Nov (15).
        Assert.Equal(D(2026, 11, 13), TransferRules.DueOn(D(2026, 10, 16), Calendar()));
        // Counted in weekdays it would be Fri 6 Nov: the calendar gives the school a week more, as the law does.
        Assert.Equal(D(2026, 11, 6), TransferRules.DueOn(D(2026, 10, 16)));
        // The pages say whether the date was counted in the school's own days.
        Assert.True(TransferRules.CountedInSchoolDays(D(2026, 10, 16), Calendar()));
        Assert.False(TransferRules.CountedInSchoolDays(D(2027, 9, 16), Calendar()));
    }

    [Theory]
    [InlineData(2026, 10, 28, TermName.Autumn)] // half term is in the autumn term
    [InlineData(2026, 12, 28, TermName.Autumn)] // Christmas holiday belongs to the term just ended
    [InlineData(2027, 1, 5, TermName.Spring)]
    [InlineData(2027, 4, 5, TermName.Spring)]   // Easter holiday
    [InlineData(2027, 4, 13, TermName.Summer)]
    [InlineData(2027, 8, 20, TermName.Summer)]
    [InlineData(2026, 9, 1, TermName.Autumn)]   // before the first day
    public void A_date_belongs_to_its_term_or_the_term_just_ended(int y, int m, int d, TermName expected) =>
        Assert.Equal(expected, Calendar().TermContaining(D(y, m, d)).Name);

    [Fact]
    public void A_week_with_an_inset_day_owes_four_fifths_and_half_term_owes_nothing()
    {
        var dose = new DoseSpan(100, D(2026, 9, 2), null);
        var weeks = DeliveryArithmetic.Weeks(dose, [], D(2026, 10, 19), D(2026, 11, 22), ShortfallPolicy.Default, Calendar());
        Assert.Equal([D(2026, 10, 19), D(2026, 11, 2), D(2026, 11, 9), D(2026, 11, 16)], weeks.Select(w => w.Monday));
        Assert.Equal([100m, 100m, 100m, 80m], weeks.Select(w => w.PlannedMinutes));
        Assert.Equal(4, weeks[^1].SchoolDays);
        // Without the calendar, half term owed a full week.
        var naive = DeliveryArithmetic.Weeks(dose, [], D(2026, 10, 19), D(2026, 11, 22), ShortfallPolicy.Default);
        Assert.Equal(500m, naive.Sum(w => w.PlannedMinutes));
    }

    [Fact]
    public void Weeks_group_into_the_schools_own_terms()
    {
        var dose = new DoseSpan(60, D(2026, 9, 2), null);
        var c = Calendar();
        var weeks = DeliveryArithmetic.Weeks(dose, [new SessionFact(D(2027, 1, 6), 60, true)], D(2026, 12, 14), D(2027, 1, 10), ShortfallPolicy.Default, c);
        var byTerm = DeliveryArithmetic.ByTerm(weeks, ShortfallPolicy.Default, D(2026, 12, 14), c);
        Assert.Equal([TermName.Autumn, TermName.Spring], byTerm.Select(t => t.Term.Name));
        Assert.Equal(60m, byTerm[0].Figures.PlannedMinutes); // 14–18 Dec
        Assert.Equal(48m, byTerm[1].Figures.PlannedMinutes); // 5–8 Jan: four school days
        Assert.Equal(125m, byTerm[1].Figures.Percent); // 60 delivered of 48 owed
    }

    [Fact]
    public void Term_dates_are_checked_field_by_field()
    {
        var ok = SchoolCalendarRules.CheckTerms(Y, [(TermName.Autumn, D(2026, 9, 2), D(2026, 12, 18)), (TermName.Spring, D(2027, 1, 5), D(2027, 3, 26)), (TermName.Summer, D(2027, 4, 13), D(2027, 7, 21))]);
        Assert.Empty(ok);
        var bad = SchoolCalendarRules.CheckTerms(Y, [(TermName.Autumn, D(2026, 9, 2), D(2026, 12, 18)), (TermName.Spring, D(2026, 12, 1), D(2027, 3, 26)), (TermName.Summer, null, D(2026, 7, 21))]);
        Assert.Contains(bad, p => p.Field == "SpringStart" && p.Message.Contains("after the autumn term ends"));
        Assert.Contains(bad, p => p.Field == "SummerStart" && p.Message.Contains("Enter the date the summer term starts"));
        Assert.Contains(bad, p => p.Field == "SummerEnd" && p.Message.Contains("within the school year 2026/27"));
        var backwards = SchoolCalendarRules.CheckTerms(Y, [(TermName.Autumn, D(2026, 12, 18), D(2026, 9, 2))]);
        Assert.Contains(backwards, p => p.Field == "AutumnEnd" && p.Message.Contains("on or after"));
    }

    [Fact]
    public void Closures_are_checked()
    {
        Assert.Empty(SchoolCalendarRules.CheckClosure(D(2026, 11, 20), D(2026, 11, 20), "INSET day"));
        var p = SchoolCalendarRules.CheckClosure(D(2026, 11, 20), D(2026, 11, 19), " ");
        Assert.Contains(p, x => x.Field == "To" && x.Message.Contains("on or after"));
        Assert.Contains(p, x => x.Field == "Reason");
        Assert.Contains(SchoolCalendarRules.CheckClosure(D(2026, 7, 1), D(2026, 9, 30), "Summer"), x => x.Field == "To" && x.Message.Contains("9 weeks"));
        Assert.Contains(SchoolCalendarRules.CheckClosure(null, null, "x"), x => x.Field == "From");
    }

    [Theory]
    [InlineData(SchoolRole.Senco, true)]
    [InlineData(SchoolRole.AssistantSenco, true)]
    [InlineData(SchoolRole.SchoolAdmin, true)]
    [InlineData(SchoolRole.SeniorLeader, false)]
    [InlineData(SchoolRole.Teacher, false)]
    [InlineData(SchoolRole.TeachingAssistant, false)]
    [InlineData(SchoolRole.Governor, false)]
    [InlineData(SchoolRole.TrustLead, false)]
    public void Who_keeps_the_calendar(SchoolRole role, bool expected) => Assert.Equal(expected, RolePermissions.Has(role, Permission.ManageSchoolCalendar));
}
