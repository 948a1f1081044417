namespace Senco.Core.Graduated;

/// <summary>Whether a review is due: not yet, due soon (within the warning window, today included), or overdue.</summary>
public enum DueState { NotDue, DueSoon, Overdue }

public static class ReviewSchedule
{
    /// <summary>
    /// The default length of one assess-plan-do-review cycle: 12 weeks, about a school term. The Code of Practice
    /// leaves the length to the school but expects parents to be met at least three times a year (6.65), which
    /// termly reviews give.
    /// </summary>
    public const int DefaultCycleWeeks = 12;

    /// <summary>The furthest a review date may be set from the start of a cycle.</summary>
    public const int MaxCycleMonths = 12;

    /// <summary>How many days ahead a review counts as "due soon".</summary>
    public const int DueSoonDays = 14;

    public const int DefaultPassportReviewMonths = 6;
    public const int MinPassportReviewMonths = 1;
    public const int MaxPassportReviewMonths = 12;

    /// <summary>Overdue the day after the review date; due soon from <paramref name="soonDays"/> before it to the day itself.</summary>
    public static DueState StateOf(DateOnly dueOn, DateOnly today, int soonDays = DueSoonDays)
    {
        if (soonDays < 0) throw new ArgumentOutOfRangeException(nameof(soonDays));
        if (dueOn < today) return DueState.Overdue;
        return dueOn <= today.AddDays(soonDays) ? DueState.DueSoon : DueState.NotDue;
    }

    /// <summary>The review date offered for a new cycle that starts on <paramref name="start"/>.</summary>
    public static DateOnly DefaultReviewDate(DateOnly start) => start.AddDays(7 * DefaultCycleWeeks);

    /// <summary>The latest review date a cycle that starts on <paramref name="start"/> may have.</summary>
    public static DateOnly LatestReviewDate(DateOnly start) => start.AddMonths(MaxCycleMonths);

    /// <summary>
    /// When a passport is next due for review: the school's chosen interval after it was last reviewed (or
    /// approved, which is a review). Month arithmetic clamps to the end of a shorter month (31 August + 6 months is
    /// 28 or 29 February), so a reminder is never later than the interval.
    /// </summary>
    public static DateOnly PassportReviewDue(DateOnly lastReviewedOn, int intervalMonths)
    {
        if (intervalMonths is < MinPassportReviewMonths or > MaxPassportReviewMonths)
            throw new ArgumentOutOfRangeException(nameof(intervalMonths), intervalMonths, "Between 1 and 12 months");
        return lastReviewedOn.AddMonths(intervalMonths);
    }

    /// <summary>"Overdue by 3 days", "Due today", "Due in 5 days", "Due 12 March 2027".</summary>
    public static string Describe(DateOnly dueOn, DateOnly today)
    {
        var days = dueOn.DayNumber - today.DayNumber;
        return days switch
        {
            < -1 => $"Overdue by {-days} days",
            -1 => "Overdue by 1 day",
            0 => "Due today",
            1 => "Due tomorrow",
            <= DueSoonDays => $"Due in {days} days",
            _ => $"Due {Dates.Long(dueOn)}",
        };
    }

    public static ValidationErrors ValidatePassportInterval(int? months)
    {
        var errors = new ValidationErrors();
        if (months is null) errors.Add("passportReviewMonths", "Enter how many months between passport reviews");
        else if (months is < MinPassportReviewMonths or > MaxPassportReviewMonths)
            errors.Add("passportReviewMonths", $"Passport reviews must be between {MinPassportReviewMonths} and {MaxPassportReviewMonths} months apart");
        return errors;
    }
}
