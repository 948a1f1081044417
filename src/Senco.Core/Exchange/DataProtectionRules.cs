using Senco.Core.Calendar;

namespace Senco.Core.Exchange;

/// Subject access requests (UK GDPR Art. 12(3), ICO guidance "Time limits for responding"): answer within one month of
/// receipt, extendable by two further months for complex or numerous requests, if the requester is told within the
/// first month. The ICO counts the day of receipt as day 1 and the limit ends on the corresponding calendar date of the
/// next month; where that date does not exist (31 January → February) it is the last day of that month. When that
/// date is a weekend or a bank holiday the ICO gives until the next working day: Senco shows that working day as the
/// due date (England and Wales bank holidays, <see cref="BankHolidays"/>). School holidays do not stop the clock
/// (send-facts.md §9). Due dates are computed when read, never stored, so a request logged before this rule changed
/// shows the same date as a new one.
public static class SubjectAccessRules
{
    public const int ExtensionMonths = 2;

    /// The corresponding calendar date one month after receipt (clamped to the month's last day), before any move
    /// past a weekend or bank holiday.
    public static DateOnly CalendarDueOn(DateOnly receivedOn, bool extended = false) => receivedOn.AddMonths(extended ? 1 + ExtensionMonths : 1);

    /// The date the answer is due: one calendar month after receipt, moved to the next working day when that date is a
    /// weekend or an England and Wales bank holiday.
    public static DateOnly DueOn(DateOnly receivedOn) => BankHolidays.OnOrNextWorkingDay(CalendarDueOn(receivedOn));

    /// The date with the two-month extension: three months after receipt, clamped and moved the same way.
    public static DateOnly ExtendedDueOn(DateOnly receivedOn) => BankHolidays.OnOrNextWorkingDay(CalendarDueOn(receivedOn, extended: true));

    public static DateOnly DueOn(DateOnly receivedOn, bool extended) => extended ? ExtendedDueOn(receivedOn) : DueOn(receivedOn);

    /// Why the due date is later than the calendar date ("1 January 2028 … is a Saturday"), or null when it is not.
    public static string? WhyMoved(DateOnly receivedOn, bool extended = false)
    {
        var calendar = CalendarDueOn(receivedOn, extended);
        if (BankHolidays.IsWorkingDay(calendar)) return null;
        var why = BankHolidays.NameOf(calendar) is { } name ? $"is a bank holiday ({name})" : $"is a {calendar.DayOfWeek}";
        return $"{Dates.Long(calendar)}, {(extended ? "three calendar months" : "one calendar month")} after receipt, {why}, so the answer is due the next working day";
    }

    public static ValidationErrors Validate(DateOnly? receivedOn, string? requester, DateOnly today)
    {
        var errors = new ValidationErrors();
        if (receivedOn is not { } r) errors.Add("receivedOn", "Enter the date the request was received");
        else if (r > today) errors.Add("receivedOn", "The date the request was received must be today or in the past");
        else if (r < today.AddYears(-6)) errors.Add("receivedOn", "The date the request was received must be within the last 6 years");
        var who = requester?.Trim();
        if (string.IsNullOrEmpty(who)) errors.Add("requester", "Enter who made the request (for example the parent's name)");
        else if (who.Length > 200) errors.Add("requester", "The requester must be 200 characters or fewer");
        return errors;
    }

    /// The extension must be decided, and the requester told, within the first month (ICO).
    public static string? ExtensionError(DateOnly receivedOn, DateOnly decidedOn) =>
        decidedOn > DueOn(receivedOn)
            ? $"The extension had to be decided by {Dates.Long(DueOn(receivedOn))}, within the first month: the requester must be told within one month"
            : null;

    /// Days until due (negative when overdue).
    public static int DaysLeft(DateOnly dueOn, DateOnly today) => dueOn.DayNumber - today.DayNumber;
}

/// What a school's retention period counts from.
public enum RetentionBasis { DateOfBirth, LeavingDate }

/// How long a school keeps the SEN records of pupils who have left. The IRMS toolkit for schools is widely reported as
/// keeping SEN files, reviews and EHC plans until the pupil's date of birth + 31 years (a plan can run to 25, plus 6
/// years' limitation); the older toolkit said DOB + 25. Schools set their own (send-facts.md §9).
public static class RetentionRules
{
    public const int DefaultYears = 31;
    public const RetentionBasis DefaultBasis = RetentionBasis.DateOfBirth;
    public const int MinYears = 1;
    public const int MaxYears = 100;

    /// The first day the records may be destroyed is the day after this date. A 29 February birthday counts to 28 February
    /// in a year that is not a leap year. With the leaving-date basis and no leaving date recorded, the default rule
    /// (date of birth + 31 years) applies rather than none, so a record is never kept for ever by accident.
    public static DateOnly KeepUntil(DateOnly dateOfBirth, DateOnly? leftOn, RetentionBasis basis, int years) => basis switch
    {
        RetentionBasis.LeavingDate when leftOn is { } left => left.AddYears(years),
        RetentionBasis.LeavingDate => dateOfBirth.AddYears(DefaultYears),
        _ => dateOfBirth.AddYears(years),
    };

    /// Past retention: off roll and the keep-until date has passed. A pupil on roll is never past retention.
    public static bool IsPastRetention(bool onRoll, DateOnly keepUntil, DateOnly today) => !onRoll && keepUntil < today;

    public static ValidationErrors Validate(int? years, string? basis)
    {
        var errors = new ValidationErrors();
        if (years is not { } y || y < MinYears || y > MaxYears) errors.Add("years", $"Enter a number of years from {MinYears} to {MaxYears}");
        if (!Enum.TryParse<RetentionBasis>(basis, ignoreCase: true, out _) || int.TryParse(basis, out _))
            errors.Add("basis", "Choose what the period counts from: the date of birth or the leaving date");
        return errors;
    }

    public static string Describe(RetentionBasis basis, int years) => basis switch
    {
        RetentionBasis.LeavingDate => $"{years} years after the pupil left",
        _ => $"date of birth + {years} years",
    };
}
