using System.Globalization;

namespace Senco.Core.Ehc;

/// <summary>
/// Reasons the 16- and 20-week limits need not be met (SEND Regulations 2014 reg 10(4), applied to the
/// final plan by reg 13(3)). send-facts.md marks the two closure kinds as verified and the last three as
/// recalled, not checked: confirm those before relying on them in a tribunal bundle.
/// </summary>
public enum ExceptionKind
{
    /// <summary>Reg 10(4)(a): advice asked of a school or post-16 institution around a closure of 4 weeks or more.</summary>
    SchoolClosureAdvice,
    /// <summary>Reg 10(4)(b): the same for an early years provider.</summary>
    EarlyYearsClosureAdvice,
    ExceptionalPersonalCircumstances,
    /// <summary>The child, parent or young person away from the LA's area for 4 weeks or more in a row.</summary>
    AbsentFromArea,
    /// <summary>The child, parent or young person did not keep an appointment for an examination or test.</summary>
    MissedAppointment,
}

/// <summary>
/// A recorded, date-bounded reason the 20-week limit does not apply. For the closure kinds, From and To are
/// the first and last days the school or provider was closed (it re-opens the day after To) and
/// <paramref name="AdviceRequestedOn"/> is the date the LA asked it for advice. It maps to SEN2 Week20.
/// </summary>
public sealed record TimescaleException(ExceptionKind Kind, DateOnly From, DateOnly To, string? Note, DateOnly? AdviceRequestedOn = null);

/// <summary>Whether a recorded exception can apply, and if not, why (user-facing).</summary>
public sealed record ExceptionApplicability(bool CanApply, string? Reason);

public sealed record NeedsAssessmentTimeline(
    DateOnly RequestReceivedOn,
    DateOnly DecisionToAssessDue,
    DateOnly DecisionNotToIssueDue,
    DateOnly FinalPlanDue,
    bool Week20ExceptionApplies,
    IReadOnlyList<TimescaleException> ApplicableExceptions)
{
    /// <summary>
    /// False when an exception applies: the 16- and 20-week dates are still shown, as targets, but the
    /// regulations do not require them (reg 10(4), 13(3)).
    /// </summary>
    public bool WeekLimitsApply => !Week20ExceptionApplies;
}

/// <summary>
/// The EHC needs assessment clock. Every limit runs from the day the LA receives the request and is a
/// whole number of weeks, so the due date is the same weekday N weeks later: "within 6 weeks of" a Monday
/// ends on the Monday 6 weeks on (the day of receipt is not counted, the usual reading of "within ... of").
/// </summary>
public static class NeedsAssessmentClock
{
    public const int DecisionToAssessWeeks = 6;    // regs 4-5: decide and notify within 6 weeks
    public const int AdviceWeeks = 6;              // reg 8(1): advice within 6 weeks of the LA's request
    public const int DecisionNotToIssueWeeks = 16; // reg 10(1)
    public const int FinalPlanWeeks = 20;          // reg 13(2)
    public const int DraftCommentDays = 15;        // reg 13(1): at least 15 days to comment on the draft

    public static NeedsAssessmentTimeline For(DateOnly requestReceivedOn, IEnumerable<TimescaleException>? exceptions = null)
    {
        var applicable = (exceptions ?? Array.Empty<TimescaleException>())
            .Where(e => TimescaleExceptions.CanApply(e, requestReceivedOn).CanApply)
            .ToList()
            .AsReadOnly();
        return new NeedsAssessmentTimeline(
            requestReceivedOn,
            requestReceivedOn.AddWeeks(DecisionToAssessWeeks),
            requestReceivedOn.AddWeeks(DecisionNotToIssueWeeks),
            requestReceivedOn.AddWeeks(FinalPlanWeeks),
            applicable.Count > 0,
            applicable);
    }

    /// <summary>Reg 8(1): anyone asked for advice must reply within 6 weeks of the LA's request.</summary>
    public static DateOnly AdviceDue(DateOnly adviceRequestedOn) => adviceRequestedOn.AddWeeks(AdviceWeeks);

    /// <summary>
    /// Reg 13(1): at least 15 days from service of the draft plan. This is the first day the LA may
    /// finalise; the parent's window includes it.
    /// </summary>
    public static DateOnly DraftCommentWindowEnds(DateOnly draftServedOn) => draftServedOn.AddDays(DraftCommentDays);
}

public static class TimescaleExceptions
{
    public const int MinimumClosureDays = 28;   // "a continuous period of not less than 4 weeks"
    public const int MinimumAbsenceDays = 28;
    public const int MaxNoteLength = 2000;

    /// <summary>
    /// Reg 10(4)(a)/(b): the LA asked for the advice "during a period beginning one week before any date on
    /// which that school ... was closed for a continuous period of not less than 4 weeks from that date and
    /// ending one week before the date on which it re-opens". So the window is [closedFrom - 7 days,
    /// reopensOn - 7 days], inclusive, and the closure itself must be at least 28 days.
    /// </summary>
    /// <remarks>
    /// send-facts.md paraphrases this as "one week before to one week after a closure". The wording quoted
    /// above is the regulation as we recall it (it carries over from the 2001 SEN Regulations) and ends the
    /// window a week before re-opening. Not re-checked against legislation.gov.uk: check before release.
    /// </remarks>
    public static bool ClosureAdviceExceptionApplies(DateOnly adviceRequestedOn, DateOnly closedFrom, DateOnly reopensOn)
    {
        if (reopensOn.DayNumber - closedFrom.DayNumber < MinimumClosureDays) return false;
        return adviceRequestedOn >= closedFrom.AddDays(-7) && adviceRequestedOn <= reopensOn.AddDays(-7);
    }

    /// <summary>
    /// Whether a recorded exception can apply to an assessment whose request was received on
    /// <paramref name="requestReceivedOn"/>. It must touch the assessment period (receipt to the 20-week
    /// date): a circumstance wholly outside it cannot have made the limit impractical.
    /// </summary>
    public static ExceptionApplicability CanApply(TimescaleException e, DateOnly requestReceivedOn)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.To < e.From) return No("The end date must be the same as or after the start date");

        var finalPlanDue = requestReceivedOn.AddWeeks(NeedsAssessmentClock.FinalPlanWeeks);
        if (e.To < requestReceivedOn || e.From > finalPlanDue)
            return No($"The dates must overlap the assessment, {Dates.Long(requestReceivedOn)} to {Dates.Long(finalPlanDue)}");

        var days = e.To.DayNumber - e.From.DayNumber + 1;
        switch (e.Kind)
        {
            case ExceptionKind.SchoolClosureAdvice:
            case ExceptionKind.EarlyYearsClosureAdvice:
                var setting = e.Kind == ExceptionKind.SchoolClosureAdvice ? "school" : "early years provider";
                if (days < MinimumClosureDays)
                    return No($"The {setting} must be closed for at least 4 weeks in a row");
                if (e.AdviceRequestedOn is not { } asked)
                    return No($"Enter the date the local authority asked the {setting} for advice");
                if (asked < requestReceivedOn)
                    return No("The advice must have been asked for after the request for assessment was received");
                if (!ClosureAdviceExceptionApplies(asked, e.From, e.To.AddDays(1)))
                    return No($"The advice must have been asked for between {Dates.Long(e.From.AddDays(-7))} and {Dates.Long(e.To.AddDays(-6))}: one week before the closure to one week before it re-opens");
                return Yes;
            case ExceptionKind.AbsentFromArea:
                return days < MinimumAbsenceDays ? No("The absence from the area must be at least 4 weeks in a row") : Yes;
            case ExceptionKind.ExceptionalPersonalCircumstances:
            case ExceptionKind.MissedAppointment:
                return Yes;
            default:
                throw new ArgumentOutOfRangeException(nameof(e), e.Kind, null);
        }
    }

    /// <summary>Field errors for recording an exception: "from", "to", "adviceRequestedOn", "note".</summary>
    public static ValidationErrors Validate(TimescaleException e, DateOnly requestReceivedOn, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(e);
        var errors = new ValidationErrors();
        if (e.From > today) errors.Add("from", "The start date must be today or in the past");
        if (e.To < e.From) errors.Add("to", "The end date must be the same as or after the start date");
        if (e.Note is { Length: > MaxNoteLength })
            errors.Add("note", $"The note must be {MaxNoteLength.ToString("N0", CultureInfo.InvariantCulture)} characters or fewer");
        if (errors.IsValid)
        {
            var check = CanApply(e, requestReceivedOn);
            if (!check.CanApply)
            {
                var field = e.Kind is ExceptionKind.SchoolClosureAdvice or ExceptionKind.EarlyYearsClosureAdvice
                            && check.Reason!.Contains("advice", StringComparison.Ordinal)
                    ? "adviceRequestedOn"
                    : "from";
                errors.Add(field, check.Reason!);
            }
        }
        return errors;
    }

    private static readonly ExceptionApplicability Yes = new(true, null);
    private static ExceptionApplicability No(string reason) => new(false, reason);
}
