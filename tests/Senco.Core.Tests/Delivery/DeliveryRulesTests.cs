using Senco.Core.Delivery;
using Senco.Core.Model;

namespace Senco.Core.Tests.Delivery;

public class DeliveryRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static SessionContext Ctx(IReadOnlyList<BusyTime>? busy = null, bool group = false, DateOnly? to = null) =>
        new(Today, new DateOnly(2026, 9, 7), to, group, 390, busy ?? []);
    private static SessionDraft Ok(DateOnly? on = null, string start = "10:00", int minutes = 30, string outcome = "Delivered", string? reason = null, string? note = null) =>
        new(on ?? Today, start, minutes, outcome, reason, note);

    [Fact]
    public void A_good_session_passes() => Assert.NotNull(DeliveryRules.ValidateSession(Ok(), Ctx()).Session);

    [Theory]
    [InlineData("2026-11-24", "on", "cannot be in the future")]
    [InlineData("2026-09-04", "on", "starts on 7 September 2026")]
    public void Dates_outside_today_and_the_line_are_refused(string on, string field, string message)
    {
        var (s, e) = DeliveryRules.ValidateSession(Ok(DateOnly.Parse(on)), Ctx());
        Assert.Null(s);
        Assert.Contains(message, e.For(field)[0]);
    }

    [Fact]
    public void A_session_after_the_line_ended_is_refused() =>
        Assert.Contains("ended on 1 November 2026", DeliveryRules.ValidateSession(Ok(new DateOnly(2026, 11, 2)), Ctx(to: new DateOnly(2026, 11, 1))).Errors.For("on")[0]);

    [Theory]
    [InlineData(391, "longer than the school day (6 h 30 min)")]
    [InlineData(0, "at least 1 minute")]
    public void Lengths_beyond_the_school_day_or_nothing_are_refused(int minutes, string message) =>
        Assert.Contains(message, DeliveryRules.ValidateSession(Ok(minutes: minutes), Ctx()).Errors.For("minutes")[0]);

    [Fact]
    public void A_session_past_midnight_is_refused() =>
        Assert.Contains("past midnight", DeliveryRules.ValidateSession(Ok(start: "23:30", minutes: 60), Ctx()).Errors.For("minutes")[0]);

    [Theory]
    [InlineData("10:15", 30, true)]   // inside another session
    [InlineData("09:45", 30, true)]   // runs into it
    [InlineData("10:30", 30, false)]  // starts as it ends
    [InlineData("09:30", 30, false)]  // ends as it starts
    public void One_person_cannot_deliver_two_sessions_at_once(string start, int minutes, bool overlaps)
    {
        var busy = new[] { new BusyTime(new TimeOnly(10, 0), 30, false, "Reading 1:1") };
        var (_, e) = DeliveryRules.ValidateSession(Ok(start: start, minutes: minutes), Ctx(busy));
        Assert.Equal(overlaps, e.Has("start"));
    }

    [Fact]
    public void The_same_group_session_logged_for_each_pupil_is_not_an_overlap_but_a_different_one_is()
    {
        var busy = new[] { new BusyTime(new TimeOnly(10, 0), 30, true, "Social skills group") };
        Assert.False(DeliveryRules.ValidateSession(Ok(), Ctx(busy, group: true)).Errors.Has("start"));
        Assert.True(DeliveryRules.ValidateSession(Ok(minutes: 45), Ctx(busy, group: true)).Errors.Has("start"));
    }

    [Fact]
    public void A_missed_session_needs_a_reason_and_other_needs_a_note()
    {
        Assert.True(DeliveryRules.ValidateSession(Ok(outcome: "Cancelled"), Ctx()).Errors.Has("reason"));
        Assert.True(DeliveryRules.ValidateSession(Ok(outcome: "Cancelled", reason: "Other"), Ctx()).Errors.Has("note"));
        var (s, _) = DeliveryRules.ValidateSession(Ok(outcome: "Cancelled", reason: "PupilAbsent"), Ctx([new BusyTime(new TimeOnly(10, 0), 30, false, "x")]));
        Assert.Equal(MissedReason.PupilAbsent, s!.Reason);   // a missed session takes no one's time: no overlap check
    }

    [Fact]
    public void A_missing_outcome_and_unreadable_time_are_named()
    {
        var e = DeliveryRules.ValidateSession(new SessionDraft(null, "ten", null, null, null, null), Ctx()).Errors;
        Assert.Equal(["on", "start", "minutes", "outcome"], e.Select(kv => kv.Key));
    }

    [Theory]
    [InlineData("HoursPerWeek", "2.5", null, null, "OneToOne", null)]
    [InlineData("HoursPerWeek", "0", null, null, "OneToOne", "hoursPerWeek")]
    [InlineData("HoursPerWeek", "40", null, null, "OneToOne", "hoursPerWeek")]
    [InlineData("SessionsPerWeek", null, 3, 30, "Group", null)]
    [InlineData("SessionsPerWeek", null, 3, null, "Group", "minutesPerSession")]
    [InlineData("SessionsPerWeek", null, 0, 30, "Group", "sessionsPerWeek")]
    [InlineData("SessionsPerWeek", null, 20, 120, "Group", "minutesPerSession")]   // 40 hours a week
    [InlineData("Fortnightly", null, null, null, "Group", "basis")]
    [InlineData("SessionsPerWeek", null, 2, 30, "Pairs", "mode")]
    public void Doses_are_checked(string basis, string? hours, int? sessions, int? minutes, string mode, string? errorField)
    {
        var e = DeliveryRules.ValidateDose(new DoseDraft(basis, hours is null ? null : decimal.Parse(hours, System.Globalization.CultureInfo.InvariantCulture), sessions, minutes, null, mode, new DateOnly(2026, 9, 1), null));
        if (errorField is null) Assert.True(e.IsValid, e.ToString());
        else Assert.True(e.Has(errorField), e.ToString());
    }

    [Fact]
    public void A_dose_ending_before_it_starts_is_refused() =>
        Assert.True(DeliveryRules.ValidateDose(new DoseDraft("SessionsPerWeek", null, 2, 30, "TeachingAssistant", "OneToOne", new DateOnly(2026, 9, 1), new DateOnly(2026, 8, 1))).Has("to"));

    [Fact]
    public void Concerns_need_what_was_seen_and_a_date_not_in_the_future()
    {
        var e = ConcernRules.Validate(new ConcernDraft(Today.AddDays(1), " ", null, null), Today);
        Assert.Equal(["observedOn", "whatSeen"], e.Select(kv => kv.Key));
        Assert.True(ConcernRules.Validate(new ConcernDraft(Today.AddDays(-3), "Loses place when reading", "English", null), Today).IsValid);
    }

    [Fact]
    public void The_evidence_carried_into_a_plan_lists_the_concern_then_observations_by_the_date_seen()
    {
        var c = new MonitoringConcern { RaisedBy = "Priya", ObservedOn = new DateOnly(2026, 10, 1), WhatSeen = "Loses place", Lessons = "English" };
        c.Observations.Add(new ConcernObservation { Id = 2, RecordedBy = "Dan", ObservedOn = new DateOnly(2026, 10, 20), Text = "Same in phonics" });
        c.Observations.Add(new ConcernObservation { Id = 3, RecordedBy = "Ruth", ObservedOn = new DateOnly(2026, 10, 5), Text = "Squints at the board" });
        var text = ConcernRules.EvidenceText(c);
        Assert.True(text.IndexOf("Loses place", StringComparison.Ordinal) < text.IndexOf("Squints", StringComparison.Ordinal));
        Assert.True(text.IndexOf("Squints", StringComparison.Ordinal) < text.IndexOf("Same in phonics", StringComparison.Ordinal));
        Assert.Contains("seen 1 October 2026 in English", text);
    }
}
