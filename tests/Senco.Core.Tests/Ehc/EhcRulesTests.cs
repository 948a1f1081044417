using Senco.Core.Ehc;

namespace Senco.Core.Tests.Ehc;

public class EhcRulesTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s);
    private static DateOnly? N(string? s) => s is null ? null : DateOnly.Parse(s);
    private static readonly DateOnly Today = new(2026, 3, 2);

    [Theory]
    [InlineData("2026-01-12", "School", null)]
    [InlineData("2026-03-02", "parent", null)]                       // today, any case
    [InlineData("2026-03-03", "School", "requestReceivedOn")]        // tomorrow
    [InlineData(null, "School", "requestReceivedOn")]
    [InlineData("2026-01-12", "Teacher", "requestedBy")]
    [InlineData("2026-01-12", "1", "requestedBy")]                   // numbers are not names
    [InlineData("2026-01-12", null, "requestedBy")]
    public void Request(string? received, string? by, string? errorField)
    {
        var errors = EhcRules.ValidateRequest(N(received), by, Today);
        if (errorField is null) Assert.True(errors.IsValid, errors.ToString());
        else Assert.True(errors.Has(errorField), errors.ToString());
    }

    [Theory]
    // decision,     willAssess, draft,        notToIssue,   final,        withdrawn,    field in error
    [InlineData("2026-02-20", true, null, null, null, null, null)]
    [InlineData("2026-01-11", true, null, null, null, null, "decisionToAssessOn")]   // the day before the request
    [InlineData("2026-01-12", false, null, null, null, null, null)]                  // same day as the request
    [InlineData("2026-03-03", true, null, null, null, null, "decisionToAssessOn")]   // future
    [InlineData(null, true, null, null, null, null, "decisionToAssessOn")]           // a decision without a date
    [InlineData("2026-02-20", null, null, null, null, null, "willAssess")]           // a date without a decision
    [InlineData("2026-02-20", false, "2026-02-25", null, null, null, "draftPlanServedOn")]  // draft without assessing
    [InlineData("2026-02-20", true, "2026-02-19", null, null, null, "draftPlanServedOn")]   // draft before the decision
    [InlineData("2026-02-01", true, "2026-02-10", null, "2026-02-25", null, null)]         // final exactly 15 days after the draft
    [InlineData("2026-02-01", true, "2026-02-10", null, "2026-02-24", null, "finalPlanIssuedOn")] // 14 days
    [InlineData("2026-02-01", true, null, null, "2026-02-24", null, "draftPlanServedOn")]  // final without a draft
    [InlineData("2026-02-01", true, "2026-02-10", "2026-02-20", null, null, "decisionNotToIssueOn")] // both outcomes
    [InlineData(null, null, null, null, null, "2026-01-10", "withdrawnOn")]               // withdrawn before the request
    [InlineData(null, null, null, null, null, "2026-01-20", null)]
    public void Decisions(string? decision, bool? willAssess, string? draft, string? notToIssue, string? final, string? withdrawn, string? errorField)
    {
        var d = new AssessmentDecisions(D("2026-01-12"), N(decision), willAssess, N(draft), N(notToIssue), N(final), N(withdrawn));
        var errors = EhcRules.ValidateDecisions(d, Today);
        if (errorField is null) Assert.True(errors.IsValid, errors.ToString());
        else Assert.True(errors.Has(errorField), errors.ToString());
    }

    [Theory]
    [InlineData(null, null, null, null, null, AssessmentStatus.AwaitingDecision)]
    [InlineData("2026-02-20", false, null, null, null, AssessmentStatus.NotAssessing)]
    [InlineData("2026-02-20", true, null, null, null, AssessmentStatus.Assessing)]
    [InlineData("2026-02-20", true, "2026-03-01", null, null, AssessmentStatus.DraftPlanIssued)]
    [InlineData("2026-02-20", true, null, "2026-03-01", null, AssessmentStatus.NotIssuing)]
    [InlineData("2026-02-20", true, "2026-03-01", null, "2026-03-20", AssessmentStatus.PlanIssued)]
    public void Status(string? decision, bool? willAssess, string? draft, string? notToIssue, string? final, AssessmentStatus expected) =>
        Assert.Equal(expected, EhcRules.StatusOf(new AssessmentDecisions(D("2026-01-12"), N(decision), willAssess, N(draft), N(notToIssue), N(final))));

    [Fact]
    public void Withdrawn_unless_a_plan_was_issued() =>
        Assert.Equal(AssessmentStatus.Withdrawn, EhcRules.StatusOf(new AssessmentDecisions(D("2026-01-12"), WithdrawnOn: D("2026-01-20"))));

    [Theory]
    [InlineData("2025-03-10", "873", null)]
    [InlineData("2026-03-02", "201", null)]
    [InlineData("2026-03-03", "873", "issuedOn")]       // future
    [InlineData("2014-12-31", "873", "issuedOn")]       // before the child was born
    [InlineData(null, "873", "issuedOn")]
    [InlineData("2025-03-10", "87", "localAuthority")]
    [InlineData("2025-03-10", "ABC", "localAuthority")]
    [InlineData("2025-03-10", "999", "localAuthority")]  // not an English LA
    [InlineData("2025-03-10", "660", "localAuthority")]  // Welsh: not under the 2014 Act
    [InlineData("2025-03-10", "", "localAuthority")]
    public void Plan(string? issued, string? la, string? errorField)
    {
        var errors = EhcRules.ValidatePlan(N(issued), la, D("2015-01-01"), Today);
        if (errorField is null) Assert.True(errors.IsValid, errors.ToString());
        else Assert.True(errors.Has(errorField), errors.ToString());
    }

    [Theory]
    [InlineData("2026-03-10", null)]
    [InlineData("2025-03-10", null)]            // the day the plan was issued
    [InlineData("2025-03-09", "meetingOn")]     // before the plan
    [InlineData(null, "meetingOn")]
    public void Meeting(string? meeting, string? errorField)
    {
        var errors = EhcRules.ValidateMeeting(N(meeting), D("2025-03-10"));
        if (errorField is null) Assert.True(errors.IsValid, errors.ToString());
        else Assert.True(errors.Has(errorField), errors.ToString());
    }

    [Theory]
    // held,         recommendation, report,       LA decision,  proposed,     amended,      field in error
    [InlineData("2026-02-24", "Maintain", null, null, null, null, null)]
    [InlineData("2026-02-24", "amend", "2026-02-27", "2026-03-01", "2026-03-01", null, null)]
    [InlineData("2025-03-09", "Maintain", null, null, null, null, "heldOn")]          // before the plan was issued
    [InlineData("2026-03-03", "Maintain", null, null, null, null, "heldOn")]          // future
    [InlineData("2026-02-24", null, null, null, null, null, "recommendation")]
    [InlineData("2026-02-24", "Continue", null, null, null, null, "recommendation")]
    [InlineData(null, "Maintain", null, null, null, null, "heldOn")]
    [InlineData(null, null, "2026-02-27", null, null, null, "reportSentOn")]          // a report before the meeting is recorded
    [InlineData("2026-02-24", "Maintain", "2026-02-23", null, null, null, "reportSentOn")]
    [InlineData("2026-02-24", "Amend", null, null, null, "2026-03-01", "amendedPlanIssuedOn")]
    [InlineData("2026-02-24", "Amend", null, null, "2026-02-26", "2026-02-25", "amendedPlanIssuedOn")]
    public void Review(string? held, string? recommendation, string? report, string? decision, string? proposed, string? amended, string? errorField)
    {
        var r = new ReviewRecord(D("2026-02-24"), N(held), null, null, N(report), N(decision), N(proposed), N(amended));
        var errors = EhcRules.ValidateReview(r, recommendation, D("2025-03-10"), Today);
        if (errorField is null) Assert.True(errors.IsValid, errors.ToString());
        else Assert.True(errors.Has(errorField), errors.ToString());
    }

    [Theory]
    [InlineData("Speech and language therapy", "1.5", "2400.00", null)]
    [InlineData("1:1 support", null, null, null)]
    [InlineData("", "1", "1", "description")]
    [InlineData("x", "-1", "1", "hoursPerWeek")]
    [InlineData("x", "61", "1", "hoursPerWeek")]
    [InlineData("x", "1.255", "1", "hoursPerWeek")]
    [InlineData("x", "1", "-0.01", "annualCost")]
    [InlineData("x", "1", "100.001", "annualCost")]
    public void Provision(string description, string? hours, string? cost, string? errorField)
    {
        static decimal? M(string? s) => s is null ? null : decimal.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
        var errors = EhcRules.ValidateProvision(description, M(hours), M(cost));
        if (errorField is null) Assert.True(errors.IsValid, errors.ToString());
        else Assert.True(errors.Has(errorField), errors.ToString());
    }

    [Fact]
    public void Sections_run_A_to_K_with_H1_and_H2()
    {
        Assert.Equal(["A", "B", "C", "D", "E", "F", "G", "H1", "H2", "I", "J", "K"], EhcRules.Sections.Select(s => s.Key));
    }

    [Fact]
    public void Every_statutory_kind_has_a_description_and_a_source()
    {
        foreach (var k in Enum.GetValues<StatutoryDateKind>())
        {
            Assert.NotEqual(k.ToString(), EhcRules.Describe(k));
            Assert.False(string.IsNullOrEmpty(StatutoryDates.Source(k)));
        }
    }
}
