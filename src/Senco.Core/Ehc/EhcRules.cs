using System.Globalization;
using Senco.Core.Pupils;

namespace Senco.Core.Ehc;

/// <summary>Who asked the LA for an EHC needs assessment (CoP 9.8; CAFA s36(1)).</summary>
public enum AssessmentRequester { School, Parent, YoungPerson, Other }

/// <summary>Where a needs assessment has got to. Derived from the recorded decisions, never typed.</summary>
public enum AssessmentStatus
{
    AwaitingDecision,
    NotAssessing,
    Assessing,
    DraftPlanIssued,
    NotIssuing,
    PlanIssued,
    Withdrawn,
}

/// <summary>The evidence a school gathers for a request (CoP 9.14): its own plans and reviews, assessments, and reports from other agencies.</summary>
public enum EvidenceKind { SupportPlan, Review, Assessment, AgencyReport, Other }

public enum ReviewRecommendation { Maintain, Amend, Cease }

/// <summary>How the meeting's participants saw progress towards one section E outcome.</summary>
public enum OutcomeProgress { NotStarted, SomeProgress, GoodProgress, Achieved }

/// <summary>The dates that make up one needs assessment, as recorded. Null = not happened (yet).</summary>
public sealed record AssessmentDecisions(
    DateOnly RequestReceivedOn,
    DateOnly? DecisionToAssessOn = null,
    bool? WillAssess = null,
    DateOnly? DraftPlanServedOn = null,
    DateOnly? DecisionNotToIssueOn = null,
    DateOnly? FinalPlanIssuedOn = null,
    DateOnly? WithdrawnOn = null);

/// <summary>The meeting and what followed it, for one annual review.</summary>
public sealed record ReviewRecord(
    DateOnly MeetingOn,
    DateOnly? HeldOn = null,
    DateOnly? InvitationsSentOn = null,
    DateOnly? AdviceCirculatedOn = null,
    DateOnly? ReportSentOn = null,
    DateOnly? LaDecisionOn = null,
    DateOnly? AmendmentsProposedOn = null,
    DateOnly? AmendedPlanIssuedOn = null);

/// <summary>
/// Validation and state for EHC needs assessments, plans and annual reviews. Field names are the API's
/// camelCase names, so a 400 and a re-shown form name the same field.
/// </summary>
public static class EhcRules
{
    public const int MaxTextLength = 20_000;
    public const int MaxShortTextLength = 200;
    public const decimal MaxHoursPerWeek = 60m;
    public const decimal MaxAnnualCost = 1_000_000m;

    public static bool TryParseRequester(string? s, out AssessmentRequester r) => TryParseEnum(s, out r);
    public static bool TryParseRecommendation(string? s, out ReviewRecommendation r) => TryParseEnum(s, out r);
    public static bool TryParseEvidenceKind(string? s, out EvidenceKind k) => TryParseEnum(s, out k);
    public static bool TryParseProgress(string? s, out OutcomeProgress p) => TryParseEnum(s, out p);
    public static bool TryParseExceptionKind(string? s, out ExceptionKind k) => TryParseEnum(s, out k);

    private static bool TryParseEnum<T>(string? s, out T value) where T : struct, Enum
    {
        value = default;
        // Names only: "1" would parse as a number in Enum.TryParse, which no client means.
        if (string.IsNullOrWhiteSpace(s) || char.IsDigit(s.Trim()[0]) || s.Trim()[0] == '-') return false;
        return Enum.TryParse(s.Trim(), ignoreCase: true, out value) && Enum.IsDefined(value);
    }

    /// <summary>A new request: when the LA received it (today or earlier) and who made it.</summary>
    public static ValidationErrors ValidateRequest(DateOnly? requestReceivedOn, string? requestedBy, DateOnly today)
    {
        var errors = new ValidationErrors();
        if (requestReceivedOn is not { } received) errors.Add("requestReceivedOn", "Enter the date the local authority received the request");
        else if (received > today) errors.Add("requestReceivedOn", "The date the local authority received the request must be today or in the past");
        if (!TryParseRequester(requestedBy, out _)) errors.Add("requestedBy", "Select who made the request: School, Parent, YoungPerson or Other");
        return errors;
    }

    /// <summary>
    /// The decisions recorded against a request. Every date is on or after the request was received (the clock
    /// runs from receipt: a decision cannot precede it) and today or earlier; the steps follow the order the
    /// regulations give them.
    /// </summary>
    public static ValidationErrors ValidateDecisions(AssessmentDecisions d, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(d);
        var errors = new ValidationErrors();
        var received = d.RequestReceivedOn;
        void Dated(string field, DateOnly? value, string what)
        {
            if (value is not { } v) return;
            if (v < received) errors.Add(field, $"The date of the {what} must be on or after {Dates.Long(received)}, when the local authority received the request");
            else if (v > today) errors.Add(field, $"The date of the {what} must be today or in the past");
        }
        Dated("decisionToAssessOn", d.DecisionToAssessOn, "decision whether to assess");
        Dated("draftPlanServedOn", d.DraftPlanServedOn, "draft plan");
        Dated("decisionNotToIssueOn", d.DecisionNotToIssueOn, "decision not to issue a plan");
        Dated("finalPlanIssuedOn", d.FinalPlanIssuedOn, "final plan");
        Dated("withdrawnOn", d.WithdrawnOn, "withdrawal");

        if (d.DecisionToAssessOn is null && d.WillAssess is not null)
            errors.Add("decisionToAssessOn", "Enter the date the local authority decided whether to assess");
        if (d.DecisionToAssessOn is not null && d.WillAssess is null)
            errors.Add("willAssess", "Select whether the local authority decided to assess");

        var assessing = d.WillAssess == true;
        if (!assessing)
        {
            if (d.DraftPlanServedOn is not null) errors.Add("draftPlanServedOn", "A draft plan can only follow a decision to assess");
            if (d.DecisionNotToIssueOn is not null) errors.Add("decisionNotToIssueOn", "A decision not to issue a plan can only follow a decision to assess");
            if (d.FinalPlanIssuedOn is not null) errors.Add("finalPlanIssuedOn", "A final plan can only follow a decision to assess");
        }
        else
        {
            After("draftPlanServedOn", d.DraftPlanServedOn, d.DecisionToAssessOn, "the decision to assess");
            After("decisionNotToIssueOn", d.DecisionNotToIssueOn, d.DecisionToAssessOn, "the decision to assess");
            if (d.DecisionNotToIssueOn is not null && (d.DraftPlanServedOn is not null || d.FinalPlanIssuedOn is not null))
                errors.Add("decisionNotToIssueOn", "A decision not to issue a plan cannot be recorded with a draft or final plan");
            if (d.FinalPlanIssuedOn is { } final)
            {
                if (d.DraftPlanServedOn is not { } draft)
                    errors.Add("draftPlanServedOn", "Enter the date the draft plan was sent: a final plan follows a draft (regulation 13)");
                else if (final < NeedsAssessmentClock.DraftCommentWindowEnds(draft))
                    errors.Add("finalPlanIssuedOn", $"The final plan must be on or after {Dates.Long(NeedsAssessmentClock.DraftCommentWindowEnds(draft))}: parents have at least 15 days to comment on the draft (regulation 13(1))");
            }
        }
        return errors;

        void After(string field, DateOnly? value, DateOnly? earlier, string what)
        {
            if (value is { } v && earlier is { } e && v < e && !errors.Has(field))
                errors.Add(field, $"The date must be on or after {Dates.Long(e)}, {what}");
        }
    }

    public static AssessmentStatus StatusOf(AssessmentDecisions d)
    {
        ArgumentNullException.ThrowIfNull(d);
        if (d.FinalPlanIssuedOn is not null) return AssessmentStatus.PlanIssued;
        if (d.WithdrawnOn is not null) return AssessmentStatus.Withdrawn;
        if (d.DecisionNotToIssueOn is not null) return AssessmentStatus.NotIssuing;
        if (d.DraftPlanServedOn is not null) return AssessmentStatus.DraftPlanIssued;
        return d.WillAssess switch
        {
            true => AssessmentStatus.Assessing,
            false => AssessmentStatus.NotAssessing,
            null => AssessmentStatus.AwaitingDecision,
        };
    }

    /// <summary>Still running: the clock has dates to watch.</summary>
    public static bool IsOpen(AssessmentStatus s) =>
        s is AssessmentStatus.AwaitingDecision or AssessmentStatus.Assessing or AssessmentStatus.DraftPlanIssued;

    public static string Describe(AssessmentStatus s) => s switch
    {
        AssessmentStatus.AwaitingDecision => "Awaiting decision to assess",
        AssessmentStatus.NotAssessing => "LA decided not to assess",
        AssessmentStatus.Assessing => "Being assessed",
        AssessmentStatus.DraftPlanIssued => "Draft plan issued",
        AssessmentStatus.NotIssuing => "LA decided not to issue a plan",
        AssessmentStatus.PlanIssued => "Final plan issued",
        AssessmentStatus.Withdrawn => "Withdrawn",
        _ => s.ToString(),
    };

    /// <summary>
    /// Issuing a plan: the date (today or earlier, not before the child was born) and the LA that maintains it,
    /// a current English authority's 3-digit code (an EHC plan is made under the Children and Families Act 2014,
    /// which applies in England).
    /// </summary>
    public static ValidationErrors ValidatePlan(DateOnly? issuedOn, string? localAuthority, DateOnly dateOfBirth, DateOnly today)
    {
        var errors = new ValidationErrors();
        if (issuedOn is not { } issued) errors.Add("issuedOn", "Enter the date the final plan was issued");
        else if (issued > today) errors.Add("issuedOn", "The date the plan was issued must be today or in the past");
        else if (issued < dateOfBirth) errors.Add("issuedOn", $"The date the plan was issued must be after the child's date of birth, {Dates.Long(dateOfBirth)}");
        ValidateLocalAuthority(localAuthority, errors);
        return errors;
    }

    public static void ValidateLocalAuthority(string? localAuthority, ValidationErrors errors)
    {
        var la = localAuthority?.Trim();
        if (string.IsNullOrEmpty(la)) errors.Add("localAuthority", "Enter the 3-digit code of the local authority that maintains the plan, for example 873");
        else if (la.Length != 3 || !la.All(char.IsAsciiDigit)) errors.Add("localAuthority", "The local authority code must be 3 digits, for example 873");
        else if (!LocalAuthorities.IsCurrentEnglish(la)) errors.Add("localAuthority", $"{la} is not the code of a local authority in England");
    }

    /// <summary>A review meeting is arranged: it cannot be before the plan it reviews was issued.</summary>
    public static ValidationErrors ValidateMeeting(DateOnly? meetingOn, DateOnly planIssuedOn)
    {
        var errors = new ValidationErrors();
        if (meetingOn is not { } m) errors.Add("meetingOn", "Enter the date of the review meeting");
        else if (m < planIssuedOn) errors.Add("meetingOn", $"The review meeting must be on or after {Dates.Long(planIssuedOn)}, when the plan was issued");
        return errors;
    }

    /// <summary>
    /// Recording what happened at and after a review meeting. Dates follow the order of reg 20: invitations
    /// and advice before the meeting, the report and the LA's decision after it, amendments after the decision.
    /// </summary>
    public static ValidationErrors ValidateReview(ReviewRecord r, string? recommendation, DateOnly planIssuedOn, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(r);
        var errors = new ValidationErrors();
        NotFuture("invitationsSentOn", r.InvitationsSentOn, "the invitations were sent");
        NotFuture("adviceCirculatedOn", r.AdviceCirculatedOn, "the advice was circulated");
        if (r.HeldOn is { } held)
        {
            if (held < planIssuedOn) errors.Add("heldOn", $"The meeting must be on or after {Dates.Long(planIssuedOn)}, when the plan was issued");
            else if (held > today) errors.Add("heldOn", "The date the meeting was held must be today or in the past");
            if (string.IsNullOrWhiteSpace(recommendation)) errors.Add("recommendation", "Select the meeting's recommendation: Maintain, Amend or Cease");
        }
        if (!string.IsNullOrWhiteSpace(recommendation) && !TryParseRecommendation(recommendation, out _))
            errors.Add("recommendation", "Select the meeting's recommendation: Maintain, Amend or Cease");
        else if (!string.IsNullOrWhiteSpace(recommendation) && r.HeldOn is null)
            errors.Add("heldOn", "Enter the date the meeting was held");

        void NeedsMeeting(string field, DateOnly? value, string what)
        {
            if (value is null) return;
            if (r.HeldOn is not { } h) errors.Add(field, $"Record the meeting before the date {what}");
            else if (value < h) errors.Add(field, $"The date {what} must be on or after the meeting, {Dates.Long(h)}");
            else NotFuture(field, value, what);
        }
        NeedsMeeting("reportSentOn", r.ReportSentOn, "the report was sent");
        NeedsMeeting("laDecisionOn", r.LaDecisionOn, "of the local authority's decision");
        NeedsMeeting("amendmentsProposedOn", r.AmendmentsProposedOn, "amendments were proposed");
        if (r.AmendedPlanIssuedOn is { } amended)
        {
            if (r.AmendmentsProposedOn is not { } proposed) errors.Add("amendedPlanIssuedOn", "Enter the date the amendments were proposed first");
            else if (amended < proposed) errors.Add("amendedPlanIssuedOn", $"The amended plan must be on or after the proposed amendments, {Dates.Long(proposed)}");
            else NotFuture("amendedPlanIssuedOn", amended, "the amended plan was issued");
        }
        return errors;

        void NotFuture(string field, DateOnly? value, string what)
        {
            if (value is { } v && v > today && !errors.Has(field)) errors.Add(field, $"The date {what} must be today or in the past");
        }
    }

    /// <summary>One section B need with its section F provision: hours a week and a yearly cost, both optional.</summary>
    public static ValidationErrors ValidateProvision(string? description, decimal? hoursPerWeek, decimal? annualCost, string prefix = "")
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(description)) errors.Add(prefix + "description", "Describe the provision");
        else if (description.Length > MaxTextLength) errors.Add(prefix + "description", TooLong(MaxTextLength));
        if (hoursPerWeek is { } h && (h < 0 || h > MaxHoursPerWeek)) errors.Add(prefix + "hoursPerWeek", $"Hours a week must be between 0 and {MaxHoursPerWeek}");
        if (hoursPerWeek is { } h2 && decimal.Round(h2, 2) != h2) errors.Add(prefix + "hoursPerWeek", "Hours a week can have at most 2 decimal places");
        if (annualCost is { } c && (c < 0 || c > MaxAnnualCost)) errors.Add(prefix + "annualCost", "The yearly cost must be between £0 and £1,000,000");
        if (annualCost is { } c2 && decimal.Round(c2, 2) != c2) errors.Add(prefix + "annualCost", "The yearly cost must be in pounds and pence, for example 4250.00");
        return errors;
    }

    public static string TooLong(int max) => $"Must be {max.ToString("N0", CultureInfo.InvariantCulture)} characters or fewer";

    /// <summary>EHC plan sections (reg 12; CoP 9.61-9.69). B, E and F are structured (the golden thread); the rest are text.</summary>
    public static readonly IReadOnlyList<(string Key, string Title)> Sections =
    [
        ("A", "Views, interests and aspirations of the child or young person and their parents"),
        ("B", "Special educational needs"),
        ("C", "Health needs related to the SEN"),
        ("D", "Social care needs related to the SEN or disability"),
        ("E", "Outcomes sought"),
        ("F", "Special educational provision"),
        ("G", "Health provision"),
        ("H1", "Social care provision under section 2 of the Chronically Sick and Disabled Persons Act 1970"),
        ("H2", "Other social care provision"),
        ("I", "Placement: name and type of school or institution"),
        ("J", "Personal budget, including direct payments"),
        ("K", "Advice and information gathered during the assessment"),
    ];

    public static string Describe(StatutoryDateKind kind) => kind switch
    {
        StatutoryDateKind.DecisionToAssess => "LA decision whether to assess",
        StatutoryDateKind.FinalPlan => "Final EHC plan",
        StatutoryDateKind.DecisionWhetherToIssue => "LA decision whether to issue a plan",
        StatutoryDateKind.DraftComments => "Draft plan comments close",
        StatutoryDateKind.ReviewInvitations => "Annual review invitations",
        StatutoryDateKind.ReviewAdvice => "Annual review advice circulated",
        StatutoryDateKind.AnnualReviewMeeting => "Annual review meeting",
        StatutoryDateKind.ReviewReport => "Annual review report to the LA",
        StatutoryDateKind.LaDecision => "LA decision after the review",
        StatutoryDateKind.PhaseTransferReview => "Phase transfer: plan reviewed and amended",
        StatutoryDateKind.AmendedPlan => "Final amended plan",
        _ => kind.ToString(),
    };
}
