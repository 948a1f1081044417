using System.Globalization;
using Senco.Core.Model;

namespace Senco.Core.Delivery;

/// A planned dose as typed or sent.
public sealed record DoseDraft(string? Basis, decimal? HoursPerWeek, int? SessionsPerWeek, int? MinutesPerSession, string? StaffType, string? Mode,
    DateOnly? From, DateOnly? To);

/// A session as typed or sent.
public sealed record SessionDraft(DateOnly? On, string? Start, int? Minutes, string? Outcome, string? Reason, string? Note);

/// Another session of the same member of staff on the same day, for the overlap check.
public sealed record BusyTime(TimeOnly Start, int Minutes, bool Group, string What)
{
    public TimeOnly End => Start.AddMinutes(Minutes);
}

/// The facts a session is checked against.
public sealed record SessionContext(DateOnly Today, DateOnly LineFrom, DateOnly? LineTo, bool LineIsGroup, int SchoolDayMinutes, IReadOnlyList<BusyTime> StaffBusy);

public sealed record CheckedSession(DateOnly On, TimeOnly Start, int Minutes, DeliveryOutcome Outcome, MissedReason? Reason, string? Note);

public static class DeliveryRules
{
    public const decimal MaxHoursPerWeek = 32.5m;
    public const int MaxSessionsPerWeek = 25;
    public const int MaxNote = 1000;

    public static ValidationErrors ValidateDose(DoseDraft d)
    {
        var e = new ValidationErrors();
        if (!Enum.TryParse<DoseBasis>(d.Basis, true, out var basis) || !Enum.IsDefined(basis))
            e.Add("basis", "Choose whether the dose is hours a week or sessions a week");
        else if (basis == DoseBasis.HoursPerWeek)
        {
            if (d.HoursPerWeek is not { } h) e.Add("hoursPerWeek", "Enter the hours a week, for example 2.5");
            else if (h <= 0 || h > MaxHoursPerWeek) e.Add("hoursPerWeek", $"Hours a week must be more than 0 and at most {MaxHoursPerWeek.ToString("0.#", CultureInfo.InvariantCulture)} (a school week)");
            if (d.MinutesPerSession is { } m && (m < 5 || m > ShortfallPolicy.DefaultSchoolDayMinutes))
                e.Add("minutesPerSession", $"Minutes a session must be between 5 and {ShortfallPolicy.DefaultSchoolDayMinutes}");
        }
        else
        {
            if (d.SessionsPerWeek is not { } s) e.Add("sessionsPerWeek", "Enter the sessions a week, for example 3");
            else if (s < 1 || s > MaxSessionsPerWeek) e.Add("sessionsPerWeek", $"Sessions a week must be between 1 and {MaxSessionsPerWeek}");
            if (d.MinutesPerSession is not { } m) e.Add("minutesPerSession", "Enter the minutes a session, for example 30");
            else if (m < 5 || m > ShortfallPolicy.DefaultSchoolDayMinutes) e.Add("minutesPerSession", $"Minutes a session must be between 5 and {ShortfallPolicy.DefaultSchoolDayMinutes}");
            else if (d.SessionsPerWeek is { } s2 && s2 * m > MaxHoursPerWeek * 60) e.Add("minutesPerSession", "Sessions a week × minutes a session is more than a school week");
        }
        if (!string.IsNullOrWhiteSpace(d.StaffType) && (!Enum.TryParse<StaffRole>(d.StaffType, true, out var role) || !Enum.IsDefined(role)))
            e.Add("staffType", $"Staff type must be one of: {string.Join(", ", Enum.GetNames<StaffRole>())}");
        if (!Enum.TryParse<DeliveryMode>(d.Mode, true, out var mode) || !Enum.IsDefined(mode))
            e.Add("mode", "Choose 1:1 or group");
        if (d.From is not { } from) e.Add("from", "Enter the date the provision starts");
        else if (d.To is { } to && to < from) e.Add("to", $"The end date must be on or after the start date, {Dates.Long(from)}");
        return e;
    }

    public static bool TryTime(string? s, out TimeOnly t) =>
        TimeOnly.TryParseExact((s ?? "").Trim(), ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out t);

    /// <summary>
    /// Checks a session: not in the future, inside the line's dates, no longer than the school day, a reason for a
    /// missed session, and no overlap with another session the same member of staff delivered that day (the same group
    /// session logged for each of its pupils is not an overlap).
    /// </summary>
    public static (CheckedSession? Session, ValidationErrors Errors) ValidateSession(SessionDraft d, SessionContext c)
    {
        var e = new ValidationErrors();
        if (d.On is not { } on) e.Add("on", "Enter the date of the session");
        else if (on > c.Today) e.Add("on", $"The session cannot be in the future: enter today ({Dates.Long(c.Today)}) or an earlier date");
        else if (on < c.LineFrom) e.Add("on", $"This provision starts on {Dates.Long(c.LineFrom)}: the session must be on or after that date");
        else if (c.LineTo is { } to && on > to) e.Add("on", $"This provision ended on {Dates.Long(to)}: the session must be on or before that date");

        TimeOnly start = default;
        if (string.IsNullOrWhiteSpace(d.Start)) e.Add("start", "Enter the time the session started, for example 10:15");
        else if (!TryTime(d.Start, out start)) e.Add("start", "Enter the start time as hours and minutes, for example 10:15");

        var dayText = DeliveryArithmetic.Show(c.SchoolDayMinutes);
        if (d.Minutes is not { } minutes) e.Add("minutes", "Enter how many minutes the session lasted");
        else if (minutes < 1) e.Add("minutes", "The session must last at least 1 minute");
        else if (minutes > c.SchoolDayMinutes) e.Add("minutes", $"A session cannot be longer than the school day ({dayText})");
        else if (!e.Has("start") && start.Add(TimeSpan.FromMinutes(minutes)) < start)
            e.Add("minutes", "The session would run past midnight: check the start time and the minutes");

        DeliveryOutcome outcome = default;
        if (!Enum.TryParse(d.Outcome, true, out outcome) || !Enum.IsDefined(outcome))
            e.Add("outcome", "Choose whether the session was delivered or missed");
        MissedReason? reason = null;
        var note = string.IsNullOrWhiteSpace(d.Note) ? null : d.Note.Trim();
        if (outcome == DeliveryOutcome.Cancelled && !e.Has("outcome"))
        {
            if (!Enum.TryParse<MissedReason>(d.Reason, true, out var r) || !Enum.IsDefined(r))
                e.Add("reason", "Choose why the session was missed");
            else
            {
                reason = r;
                if (r == MissedReason.Other && note is null) e.Add("note", "Say why the session was missed");
            }
        }
        if (note is { Length: > MaxNote }) e.Add("note", $"The note must be {MaxNote} characters or fewer");

        if (e.IsValid && outcome == DeliveryOutcome.Delivered)
        {
            var end = start.AddMinutes(d.Minutes!.Value);
            foreach (var b in c.StaffBusy)
            {
                var same = c.LineIsGroup && b.Group && b.Start == start && b.Minutes == d.Minutes;
                if (same || !(start < b.End && b.Start < end)) continue;
                e.Add("start", $"This overlaps another session the same member of staff delivered that day: {b.What}, {b.Start:HH\\:mm} to {b.End:HH\\:mm}. One person cannot deliver two sessions at once");
                break;
            }
        }
        return e.IsValid ? (new CheckedSession(d.On!.Value, start, d.Minutes!.Value, outcome, reason, note), e) : (null, e);
    }

    /// A school's settings: threshold 1–100 and the school day 60–600 minutes.
    public static ValidationErrors ValidateSettings(int? thresholdPercent, int? schoolDayMinutes, IEnumerable<string>? shortfallReasons)
    {
        var e = new ValidationErrors();
        if (thresholdPercent is not { } t) e.Add("thresholdPercent", "Enter the alert threshold as a percentage, for example 80");
        else if (t < 1 || t > 100) e.Add("thresholdPercent", "The alert threshold must be between 1 and 100 per cent");
        if (schoolDayMinutes is not { } m) e.Add("schoolDayMinutes", "Enter the length of the school day in minutes, for example 390");
        else if (m < 60 || m > 600) e.Add("schoolDayMinutes", "The school day must be between 60 and 600 minutes");
        foreach (var r in shortfallReasons ?? [])
            if (!Enum.TryParse<MissedReason>(r, true, out var reason) || !Enum.IsDefined(reason))
            {
                e.Add("shortfallReasons", $"Reasons must be among: {string.Join(", ", Enum.GetNames<MissedReason>())}");
                break;
            }
        return e;
    }
}

/// A concern for the monitoring list, or a further observation, as typed.
public sealed record ConcernDraft(DateOnly? ObservedOn, string? WhatSeen, string? Lessons, string? Tried);

public static class ConcernRules
{
    public const int MaxText = 2000;
    public const int MaxLessons = 300;

    public static ValidationErrors Validate(ConcernDraft d, DateOnly today, bool observation = false)
    {
        var e = new ValidationErrors();
        if (d.ObservedOn is not { } on) e.Add("observedOn", "Enter the date you saw this");
        else if (on > today) e.Add("observedOn", "The date you saw this cannot be in the future");
        else if (on < today.AddYears(-1)) e.Add("observedOn", "The date you saw this must be within the last year");
        var field = observation ? "text" : "whatSeen";
        if (string.IsNullOrWhiteSpace(d.WhatSeen)) e.Add(field, observation ? "Enter what you saw" : "Enter what you see that concerns you");
        else if (d.WhatSeen.Trim().Length > MaxText) e.Add(field, $"What you saw must be {MaxText:N0} characters or fewer");
        if (d.Lessons is { } l && l.Trim().Length > MaxLessons) e.Add("lessons", $"The lessons must be {MaxLessons} characters or fewer");
        if (!observation && d.Tried is { } t && t.Trim().Length > MaxText) e.Add("tried", $"What you have tried must be {MaxText:N0} characters or fewer");
        return e;
    }

    public static ValidationErrors ValidateClose(string? reason, DateOnly? decidedOn, DateOnly observedOn, DateOnly today)
    {
        var e = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(reason)) e.Add("reason", "Say why the concern is closed");
        else if (reason.Trim().Length > 1000) e.Add("reason", "The reason must be 1,000 characters or fewer");
        if (decidedOn is { } d && (d > today || d < observedOn)) e.Add("closedOn", $"The date must be between {Dates.Long(observedOn)} and today");
        return e;
    }

    /// The concern and its observations as one text, oldest first, dated by when each was seen: what the SENCO carries
    /// into the assess step of the pupil's first support plan.
    public static string EvidenceText(MonitoringConcern c)
    {
        var sb = new System.Text.StringBuilder();
        sb.Append($"Concern raised by {c.RaisedBy}, seen {Dates.Long(c.ObservedOn)}");
        if (!string.IsNullOrWhiteSpace(c.Lessons)) sb.Append($" in {c.Lessons.Trim()}");
        sb.Append($": {c.WhatSeen.Trim()}");
        if (!string.IsNullOrWhiteSpace(c.Tried)) sb.Append($"\nAlready tried: {c.Tried.Trim()}");
        foreach (var o in c.Observations.OrderBy(o => o.ObservedOn).ThenBy(o => o.Id))
        {
            sb.Append($"\nObservation by {o.RecordedBy}, seen {Dates.Long(o.ObservedOn)}");
            if (!string.IsNullOrWhiteSpace(o.Lessons)) sb.Append($" in {o.Lessons.Trim()}");
            sb.Append($": {o.Text.Trim()}");
        }
        return sb.ToString();
    }
}
