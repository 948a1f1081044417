using Senco.Core.Access;
using Senco.Core.Leadership;
using Senco.Core.Model;

namespace Senco.Core.Tests.Leadership;

/// The accessibility plan (Equality Act 2010 Schedule 10) and the reasonable adjustments duty (s.20, Schedule 13).
public sealed class AccessibilityRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Theory]
    [InlineData(SchoolRole.Senco, true, true, true)]
    [InlineData(SchoolRole.AssistantSenco, true, true, true)]
    [InlineData(SchoolRole.SeniorLeader, true, true, true)]
    [InlineData(SchoolRole.Teacher, false, true, false)]
    [InlineData(SchoolRole.TeachingAssistant, false, true, false)]
    [InlineData(SchoolRole.TrustLead, false, true, false)]
    [InlineData(SchoolRole.SchoolAdmin, false, false, false)]
    [InlineData(SchoolRole.Governor, false, false, false)]
    public void Role_table_cells(SchoolRole role, bool managePlan, bool viewAdjustments, bool manageAdjustments)
    {
        Assert.Equal(managePlan, RolePermissions.Has(role, Permission.ManageAccessibilityPlan));
        Assert.Equal(viewAdjustments, RolePermissions.Has(role, Permission.ViewReasonableAdjustments));
        Assert.Equal(manageAdjustments, RolePermissions.Has(role, Permission.ManageReasonableAdjustments));
        Assert.True(RolePermissions.Has(role, Permission.ViewAggregates)); // everyone reads the plan
        if (viewAdjustments) Assert.True(RolePermissions.Has(role, Permission.ViewPupils)); // named adjustments only for those who see pupils
        if (manageAdjustments) Assert.True(viewAdjustments);
    }

    [Theory]
    [InlineData(null, null, "startYear")]
    [InlineData(2026, 2026, "endYear")]
    [InlineData(2026, 2031, "endYear")]
    [InlineData(2009, 2012, "startYear")]
    [InlineData(2028, 2031, "startYear")] // more than a year ahead
    public void A_plan_period_is_one_to_four_years_and_not_far_off(int? start, int? end, string field) =>
        Assert.True(AccessibilityRules.ValidatePeriod(start, end, Today).Has(field));

    [Theory]
    [InlineData(2026, 2029)]
    [InlineData(2027, 2028)]
    [InlineData(2023, 2027)]
    public void Valid_periods(int start, int end) => Assert.True(AccessibilityRules.ValidatePeriod(start, end, Today).IsValid);

    private static AccessibilityActionFacts Action(string? owner = "SENCO", DateOnly? target = null, string? status = null, DateOnly? completed = null, decimal? cost = null) =>
        new("Curriculum", "Trips open to all", null, owner, target ?? new DateOnly(2027, 6, 1), null, null, cost, status, null, completed);

    [Fact]
    public void An_action_needs_an_owner_and_a_target_date_inside_the_plan()
    {
        Assert.True(AccessibilityRules.ValidateAction(Action(), 2026, 2029, Today).IsValid);
        Assert.True(AccessibilityRules.ValidateAction(Action(owner: " "), 2026, 2029, Today).Has("owner"));
        Assert.True(AccessibilityRules.ValidateAction(Action() with { TargetDate = null }, 2026, 2029, Today).Has("targetDate"));
        Assert.True(AccessibilityRules.ValidateAction(Action(target: new DateOnly(2026, 8, 31)), 2026, 2029, Today).Has("targetDate")); // the day before it starts
        Assert.True(AccessibilityRules.ValidateAction(Action(target: new DateOnly(2026, 9, 1)), 2026, 2029, Today).IsValid);
        Assert.True(AccessibilityRules.ValidateAction(Action(target: new DateOnly(2029, 8, 31)), 2026, 2029, Today).IsValid);
        Assert.True(AccessibilityRules.ValidateAction(Action(target: new DateOnly(2029, 9, 1)), 2026, 2029, Today).Has("targetDate"));
        Assert.True(AccessibilityRules.ValidateAction(Action() with { Strand = "3" }, 2026, 2029, Today).Has("strand"));
        Assert.True(AccessibilityRules.ValidateAction(Action(cost: 10.005m), 2026, 2029, Today).Has("cost"));
        Assert.True(AccessibilityRules.ValidateAction(Action(cost: -1m), 2026, 2029, Today).Has("cost"));
    }

    [Fact]
    public void A_complete_action_has_its_date_and_only_a_complete_one()
    {
        Assert.True(AccessibilityRules.ValidateAction(Action(status: "Done"), 2026, 2029, Today).Has("completedOn"));
        Assert.True(AccessibilityRules.ValidateAction(Action(status: "Done", completed: Today.AddDays(1)), 2026, 2029, Today).Has("completedOn"));
        Assert.True(AccessibilityRules.ValidateAction(Action(status: "Done", completed: Today), 2026, 2029, Today).IsValid);
        Assert.True(AccessibilityRules.ValidateAction(Action(status: "InProgress", completed: Today), 2026, 2029, Today).Has("completedOn"));
        Assert.True(AccessibilityRules.ValidateAction(Action(status: "Finished"), 2026, 2029, Today).Has("status"));
    }

    [Fact]
    public void Approval_needs_a_past_date_who_and_a_later_review()
    {
        Assert.True(AccessibilityRules.ValidateApproval(Today, "Full governing body", Today.AddYears(1), 2026, Today).IsValid);
        var e = AccessibilityRules.ValidateApproval(Today.AddDays(1), "", Today, 2026, Today);
        Assert.True(e.Has("approvedOn") && e.Has("approvedBy") && e.Has("nextReviewOn"));
        Assert.True(AccessibilityRules.ValidateApproval(Today, "FGB", Today, 2026, Today).Has("nextReviewOn"));
        Assert.True(AccessibilityRules.ValidateApproval(new DateOnly(2025, 8, 31), "FGB", Today, 2026, Today).Has("approvedOn"));
    }

    [Theory]
    [InlineData(null, AccessReviewState.NotSet)]
    [InlineData(-1, AccessReviewState.Overdue)]
    [InlineData(0, AccessReviewState.DueSoon)]
    [InlineData(42, AccessReviewState.DueSoon)]
    [InlineData(43, AccessReviewState.Scheduled)]
    public void Where_a_review_stands(int? inDays, AccessReviewState expected) =>
        Assert.Equal(expected, AccessibilityRules.Review(inDays is { } d ? Today.AddDays(d) : null, Today));

    private static AdjustmentFacts Request(string? decision = null, string? ground = null, string? reason = null, int? decidedAgo = null,
        int? inPlaceAgo = null, int? reviewIn = null, int? reviewedAgo = null, string? outcome = null) =>
        new("TripsAndVisits", "Residential trip", "A parent stays overnight", "Parent", Today.AddDays(-10), decision, ground, reason,
            decidedAgo is { } d ? Today.AddDays(-d) : null, decision is null ? null : "SENCO", inPlaceAgo is { } p ? Today.AddDays(-p) : null,
            reviewIn is { } r ? Today.AddDays(r) : null, reviewedAgo is { } v ? Today.AddDays(-v) : null, outcome);

    public static TheoryData<AdjustmentFacts, string?> Adjustments => new()
    {
        { Request(), null },
        { Request("Agreed", decidedAgo: 5, inPlaceAgo: 2, reviewIn: 30), null },
        { Request("Refused", "HealthAndSafety", "The centre cannot house a parent", decidedAgo: 5), null },
        { Request("Refused", decidedAgo: 5), "decisionReason" },
        { Request("Refused", reason: "No room", decidedAgo: 5), "ground" },
        { Request("AgreedInPart", "Cost", decidedAgo: 5), "decisionReason" },
        { Request("Agreed", decidedAgo: 11), "decidedOn" },            // decided before it was requested
        { Request("Agreed", decidedAgo: -1), "decidedOn" },            // decided tomorrow
        { Request("Agreed"), "decidedOn" },                            // no date
        { Request("Agreed", decidedAgo: 5, reviewIn: -6), "reviewOn" }, // review before the decision
        { Request("Agreed", decidedAgo: 5, inPlaceAgo: 6), "inPlaceOn" },
        { Request("Refused", "Cost", "Too dear", decidedAgo: 5, inPlaceAgo: 1), "inPlaceOn" },
        { Request(reviewIn: 10), "reviewOn" },                          // a review date with no decision
        { Request("Agreed", decidedAgo: 5, reviewedAgo: 1), "outcome" },
        { Request("Agreed", decidedAgo: 5, reviewedAgo: 6, outcome: "Fine"), "lastReviewedOn" },
        { Request("Agreed", decidedAgo: 5, reviewIn: -2, reviewedAgo: 1, outcome: "Fine"), "reviewOn" },
        { Request("Agreed", decidedAgo: 5, reviewIn: 60, reviewedAgo: 1, outcome: "Working"), null },
        { Request("Maybe", decidedAgo: 5), "decision" },
    };

    [Theory, MemberData(nameof(Adjustments))]
    public void Adjustment_rules(AdjustmentFacts facts, string? field)
    {
        var e = ReasonableAdjustmentRules.Validate(facts, Today);
        if (field is null) Assert.True(e.IsValid, string.Join("; ", e.Select(x => $"{x.Key}: {string.Join(",", x.Value)}")));
        else Assert.True(e.Has(field), $"expected an error on {field}, got {string.Join("; ", e.Select(x => x.Key))}");
    }

    [Fact]
    public void A_request_needs_what_why_who_and_when()
    {
        var e = ReasonableAdjustmentRules.Validate(new AdjustmentFacts(null, " ", null, "Cousin", Today.AddDays(1), null, null, null, null, null, null, null, null, null), Today);
        Assert.Equal(["area", "barrier", "adjustment", "requestedBy", "requestedOn"], e.Select(x => x.Key).ToArray());
    }
}
