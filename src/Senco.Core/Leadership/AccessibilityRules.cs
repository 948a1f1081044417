using Senco.Core.Model;

namespace Senco.Core.Leadership;

/// An action of the plan as a form or the API sends it (enum fields as text, so a wrong value is a field error).
public sealed record AccessibilityActionFacts(string? Strand, string? Objective, string? Actions, string? Owner, DateOnly? TargetDate,
    string? SuccessCriteria, string? Resources, decimal? Cost, string? Status, string? Progress, DateOnly? CompletedOn);

/// Where the next review of a plan or an adjustment stands today.
public enum AccessReviewState { NotSet, Scheduled, DueSoon, Overdue }

/// <summary>
/// The accessibility plan (Equality Act 2010 Schedule 10 paragraphs 3–4): a written plan for a prescribed period
/// (three years in England, the School Admissions and Accessibility Plans regulations), with the three strands, kept
/// under review and revised, and implemented. The rules here: the period, an action's fields, the governors'
/// approval and where a review date stands.
/// </summary>
public static class AccessibilityRules
{
    public const int MaxText = 2000;
    public const int MaxShort = 200;
    /// "Due soon" is the half term before: about six weeks.
    public const int DueSoonDays = 42;

    public static string PeriodLabel(int startYear, int endYear) => $"{startYear} to {endYear}";
    public static DateOnly PeriodStart(int startYear) => new(startYear, 9, 1);
    public static DateOnly PeriodEnd(int endYear) => new(endYear, 8, 31);

    public static string Label(AccessibilityStrand s) => s switch
    {
        AccessibilityStrand.Curriculum => "Increasing access to the curriculum",
        AccessibilityStrand.PhysicalEnvironment => "Improving the physical environment",
        AccessibilityStrand.Information => "Improving the delivery of information",
        _ => s.ToString(),
    };

    public static string Description(AccessibilityStrand s) => s switch
    {
        AccessibilityStrand.Curriculum => "Increasing the extent to which disabled pupils can participate in the school's curriculum, including trips, clubs and activities.",
        AccessibilityStrand.PhysicalEnvironment => "Improving the physical environment of the school so that disabled pupils can take better advantage of education, and of the benefits, facilities and services the school provides.",
        AccessibilityStrand.Information => "Improving the delivery to disabled pupils of information that is readily given to other pupils, in formats that take account of their disabilities and of the views of pupils and parents.",
        _ => "",
    };

    public static string Label(AccessibilityActionStatus s) => s switch
    {
        AccessibilityActionStatus.NotStarted => "Not started",
        AccessibilityActionStatus.InProgress => "In progress",
        AccessibilityActionStatus.Done => "Complete",
        _ => s.ToString(),
    };

    public static AccessReviewState Review(DateOnly? due, DateOnly today) => due switch
    {
        null => AccessReviewState.NotSet,
        { } d when d < today => AccessReviewState.Overdue,
        { } d when d <= today.AddDays(DueSoonDays) => AccessReviewState.DueSoon,
        _ => AccessReviewState.Scheduled,
    };

    /// Whether an open action has passed its target date.
    public static bool Late(AccessibilityAction a, DateOnly today) => a.Status != AccessibilityActionStatus.Done && a.TargetDate < today;

    /// A new plan's period: one to four school years (three is the statutory period), starting no earlier than
    /// 2010 (the Equality Act) and no later than next school year.
    public static ValidationErrors ValidatePeriod(int? startYear, int? endYear, DateOnly today)
    {
        var e = new ValidationErrors();
        var current = SchoolYear.Containing(today).StartYear;
        if (startYear is null) e.Add("startYear", "Enter the year the plan starts, for example 2025");
        else if (startYear < 2010 || startYear > current + 1) e.Add("startYear", $"The plan must start between 2010 and {current + 1}");
        if (endYear is null) e.Add("endYear", "Enter the year the plan ends, for example 2028");
        else if (startYear is { } s && (endYear <= s || endYear > s + 4)) e.Add("endYear", $"The plan must end 1 to 4 years after it starts (usually 3 years: {s + 3})");
        return e;
    }

    public static ValidationErrors ValidateAction(AccessibilityActionFacts a, int planStart, int planEnd, DateOnly today)
    {
        var e = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(a.Strand) || !Enum.TryParse<AccessibilityStrand>(a.Strand, out _) || int.TryParse(a.Strand, out _))
            e.Add("strand", "Select the strand of the plan");
        if (string.IsNullOrWhiteSpace(a.Objective)) e.Add("objective", "Enter the objective");
        else if (a.Objective.Trim().Length > 500) e.Add("objective", "The objective must be 500 characters or fewer");
        if (a.Actions is { Length: > MaxText }) e.Add("actions", $"The actions must be {MaxText:N0} characters or fewer");
        if (string.IsNullOrWhiteSpace(a.Owner)) e.Add("owner", "Enter who is responsible, for example SENCO or site manager");
        else if (a.Owner.Trim().Length > MaxShort) e.Add("owner", $"Who is responsible must be {MaxShort} characters or fewer");
        var from = PeriodStart(planStart);
        var to = PeriodEnd(planEnd);
        if (a.TargetDate is null) e.Add("targetDate", "Enter the target date");
        else if (a.TargetDate < from || a.TargetDate > to) e.Add("targetDate", $"The target date must be within the plan, from {Dates.Long(from)} to {Dates.Long(to)}");
        if (a.SuccessCriteria is { Length: > MaxText }) e.Add("successCriteria", $"The success criteria must be {MaxText:N0} characters or fewer");
        if (a.Resources is { Length: > 500 }) e.Add("resources", "The resources must be 500 characters or fewer");
        if (a.Cost is < 0 or > 10_000_000) e.Add("cost", "Enter a cost from £0 to £10,000,000");
        else if (a.Cost is { } c && decimal.Round(c, 2) != c) e.Add("cost", "Enter the cost in pounds and pence, for example 1250.50");
        AccessibilityActionStatus? status = null;
        if (string.IsNullOrWhiteSpace(a.Status)) status = AccessibilityActionStatus.NotStarted;
        else if (Enum.TryParse<AccessibilityActionStatus>(a.Status, out var st) && !int.TryParse(a.Status, out _)) status = st;
        else e.Add("status", "Select the progress: not started, in progress or complete");
        if (a.Progress is { Length: > MaxText }) e.Add("progress", $"The progress notes must be {MaxText:N0} characters or fewer");
        if (status == AccessibilityActionStatus.Done)
        {
            if (a.CompletedOn is null) e.Add("completedOn", "Enter the date it was completed");
            else if (a.CompletedOn > today) e.Add("completedOn", "The date it was completed must be today or in the past");
            else if (a.CompletedOn < from) e.Add("completedOn", $"The date it was completed must be on or after the start of the plan, {Dates.Long(from)}");
        }
        else if (a.CompletedOn is not null && status is not null) e.Add("completedOn", "Leave the completion date blank until the action is complete, or mark it complete");
        return e;
    }

    public static ValidationErrors ValidateApproval(DateOnly? approvedOn, string? approvedBy, DateOnly? nextReviewOn, int planStart, DateOnly today)
    {
        var e = new ValidationErrors();
        var earliest = PeriodStart(planStart).AddYears(-1);
        if (approvedOn is null) e.Add("approvedOn", "Enter the date the governors approved the plan");
        else if (approvedOn > today) e.Add("approvedOn", "The date of approval must be today or in the past");
        else if (approvedOn < earliest) e.Add("approvedOn", $"The date of approval must be on or after {Dates.Long(earliest)}, within a year before the plan starts");
        if (string.IsNullOrWhiteSpace(approvedBy)) e.Add("approvedBy", "Enter who approved it, for example the full governing body");
        else if (approvedBy.Trim().Length > MaxShort) e.Add("approvedBy", $"Who approved it must be {MaxShort} characters or fewer");
        if (nextReviewOn is null) e.Add("nextReviewOn", "Enter the date of the next review");
        else if (approvedOn is { } on && nextReviewOn <= on) e.Add("nextReviewOn", "The next review must be after the date of approval");
        else if (approvedOn is { } on2 && nextReviewOn > on2.AddYears(3)) e.Add("nextReviewOn", "The next review must be within 3 years of approval");
        return e;
    }
}
