namespace Senco.Core.Delivery;

/// Why a planned session did not happen.
public enum MissedReason
{
    PupilAbsent,
    StaffAbsent,
    Trip,
    Exam,
    SchoolClosed,
    Other,
}

/// <summary>
/// Which reasons for a missed session count as shortfall (the provision was owed and not delivered) and which do not
/// (delivery was not possible, so the session leaves the week's expected time altogether). A school setting.
/// </summary>
/// <remarks>
/// The default, and why: the duty to deliver Section F is the LA's and the school's, not the child's, so anything the
/// school controls counts as shortfall: staff absence, a trip or an exam the school timetabled over the session, and
/// "other". When the pupil is absent the school offered the session and could not deliver it ("delivered-not-possible"):
/// by default it does not count as shortfall, but it is still shown, with its minutes, beside the figures, so a pattern
/// of absence is visible; a school that wants absence to count (for example to press for catch-up sessions) turns it
/// on. A school closure (snow day, strike, a staff training day the plan's schedule ignored) never counts by default.
/// </remarks>
public sealed record ShortfallPolicy(IReadOnlySet<MissedReason> CountsAsShortfall)
{
    public const int DefaultThresholdPercent = 80;
    /// 6½ hours: a long primary day is 8:45 to 15:15.
    public const int DefaultSchoolDayMinutes = 390;

    public static readonly ShortfallPolicy Default = new(new HashSet<MissedReason> { MissedReason.StaffAbsent, MissedReason.Trip, MissedReason.Exam, MissedReason.Other });

    public bool Counts(MissedReason reason) => CountsAsShortfall.Contains(reason);

    public string ToStoredText() => string.Join(',', CountsAsShortfall.Order().Select(r => r.ToString()));

    public static ShortfallPolicy FromStoredText(string? text)
    {
        var set = new HashSet<MissedReason>();
        foreach (var part in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            if (Enum.TryParse<MissedReason>(part, ignoreCase: false, out var r) && Enum.IsDefined(r)) set.Add(r);
        return new ShortfallPolicy(set);
    }

    public static string Describe(MissedReason r) => r switch
    {
        MissedReason.PupilAbsent => "Pupil absent",
        MissedReason.StaffAbsent => "Staff absent",
        MissedReason.Trip => "Trip or visit",
        MissedReason.Exam => "Exam or assessment",
        MissedReason.SchoolClosed => "School closed",
        _ => "Other",
    };
}

/// <summary>
/// Intervention-group registers record a cancelled session with a free-text note, not a reason. So that the register
/// is read rather than typed again, the note is read for the usual words: a closure (half term, holiday, training
/// day, snow) is "school closed"; a trip or visit; an exam or assessment; staff absence or cover. Anything else is
/// "other" (which counts as shortfall), so a note this does not understand never hides a missed session.
/// </summary>
public static class RegisterNotes
{
    private static readonly (MissedReason Reason, string[] Words)[] Table =
    [
        (MissedReason.SchoolClosed, ["half term", "half-term", "holiday", "school closed", "closure", "inset", "training day", "bank holiday", "snow", "strike"]),
        (MissedReason.Trip, ["trip", "visit", "residential"]),
        (MissedReason.Exam, ["exam", "assessment", "sats", "mock", "test"]),
        (MissedReason.StaffAbsent, ["staff absent", "staff absence", "staff sick", "off sick", "covering", "cover", "no staff", "training"]),
    ];

    public static MissedReason ReasonFor(string? note)
    {
        var text = (note ?? "").ToLowerInvariant();
        foreach (var (reason, words) in Table)
            if (words.Any(w => text.Contains(w, StringComparison.Ordinal))) return reason;
        return MissedReason.Other;
    }
}
