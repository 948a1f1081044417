using Senco.Core.Graduated;

namespace Senco.Core.Tests.Graduated;

public class SupportPlanRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static SupportPlanDraft Valid(Func<SupportPlanDraft, SupportPlanDraft>? change = null)
    {
        var d = new SupportPlanDraft(
            "Kind to others; loves building things; good at maths facts",
            "Reading age 18 months below chronological age",
            null, null, null,
            "Salford reading test (October 2026); class teacher observations",
            [new OutcomeDraft("Read 30 high-frequency words", Today.AddDays(60), "Checked with the word list in a 1:1 session")],
            [new StrategyDraft(null, "Daily precision teaching", "Teaching assistant (Mr Hughes)", "10 minutes a day")],
            "I like reading with Mr Hughes", "We want him to enjoy books", Today.AddDays(84));
        return change is null ? d : change(d);
    }

    [Fact]
    public void A_complete_plan_is_valid() => Assert.True(SupportPlanRules.Validate(Valid(), Today, Today).IsValid);

    [Fact]
    public void Views_are_optional_but_strengths_needs_and_evidence_are_not()
    {
        var e = SupportPlanRules.Validate(Valid(d => d with { Strengths = " ", NeedsCognitionAndLearning = null, Evidence = null, PupilViews = null, ParentViews = null }), Today, Today);
        Assert.Equal(["strengths", "needsCognitionAndLearning", "evidence"], e.Select(kv => kv.Key));
        Assert.Equal("Describe the pupil's needs in at least one of the four broad areas", e.For("needsCognitionAndLearning")[0]);
    }

    [Fact]
    public void Any_one_broad_area_is_enough() =>
        Assert.True(SupportPlanRules.Validate(Valid(d => d with { NeedsCognitionAndLearning = null, NeedsSensoryPhysical = "Wears hearing aids" }), Today, Today).IsValid);

    [Fact]
    public void A_plan_needs_at_least_one_outcome_and_one_strategy_and_blank_rows_do_not_count()
    {
        var e = SupportPlanRules.Validate(Valid(d => d with
        {
            Outcomes = [new OutcomeDraft(" ", null, ""), new OutcomeDraft(null, null, null)],
            Strategies = [new StrategyDraft(null, "", " ", null)],
        }), Today, Today);
        Assert.Equal(["Add at least one outcome: what the pupil will achieve, by when, and how you will know"], e.For("outcomes"));
        Assert.Equal(["Add at least one strategy or piece of provision, and who will do it"], e.For("strategies"));
        Assert.Equal(2, e.Count);
    }

    [Fact]
    public void A_part_filled_outcome_names_the_row_and_the_missing_parts()
    {
        var e = SupportPlanRules.Validate(Valid(d => d with
        {
            Outcomes = [d.Outcomes![0], new OutcomeDraft(null, null, null), new OutcomeDraft("Write a sentence with a capital letter and full stop", null, null)],
        }), Today, Today);
        Assert.Equal(["outcomes[2].byWhen", "outcomes[2].measure"], e.Select(kv => kv.Key));
        Assert.Equal("Enter the date outcome 3 should be achieved by", e.For("outcomes[2].byWhen")[0]);
        Assert.Equal("Enter how you will know outcome 3 is achieved", e.For("outcomes[2].measure")[0]);
    }

    [Theory]
    [InlineData(-1, "The date for outcome 1 must be on or after 23 November 2026, when the plan started")]
    [InlineData(732, "The date for outcome 1 must be within 2 years of the plan starting")]
    public void Outcome_dates_fall_within_the_plan(int days, string message)
    {
        var e = SupportPlanRules.Validate(Valid(d => d with { Outcomes = [new OutcomeDraft("x", Today.AddDays(days), "y")] }), Today, Today);
        Assert.Equal([message], e.For("outcomes[0].byWhen"));
    }

    [Fact]
    public void Over_long_text_is_refused_with_the_field_named()
    {
        var e = SupportPlanRules.Validate(Valid(d => d with
        {
            Strengths = new string('a', 4001),
            Outcomes = [new OutcomeDraft(new string('b', 1001), Today, "ok")],
            Strategies = [new StrategyDraft(null, "ok", new string('c', 201), null)],
            ParentViews = new string('d', 4001),
        }), Today, Today);
        Assert.Equal("The strengths must be 4,000 characters or fewer", e.For("strengths")[0]);
        Assert.Equal("Outcome 1 must be 1,000 characters or fewer", e.For("outcomes[0].description")[0]);
        Assert.Equal("Who does strategy 1 must be 200 characters or fewer", e.For("strategies[0].who")[0]);
        Assert.Equal("The parents' views must be 4,000 characters or fewer", e.For("parentViews")[0]);
    }

    [Fact]
    public void Text_is_measured_after_trimming() =>
        Assert.True(SupportPlanRules.Validate(Valid(d => d with { Strengths = "  " + new string('a', 4000) + "\n\n" }), Today, Today).IsValid);

    [Fact]
    public void A_strategy_needs_who_does_it()
    {
        var e = SupportPlanRules.Validate(Valid(d => d with { Strategies = [new StrategyDraft(3, "Visual timetable", null, null)] }), Today, Today);
        Assert.Equal(["Enter who will do strategy 1"], e.For("strategies[0].who"));
    }

    [Theory]
    // review due offset from today, start offset, saved review due offset (null = new), error or null
    [InlineData(null, 0, null, "Enter the date the plan will be reviewed")]
    [InlineData(-1, 0, null, "The review date must be today or in the future")]
    [InlineData(0, 0, null, null)]
    [InlineData(365, 0, null, null)]
    [InlineData(366, 0, null, "The review date must be within 12 months of the plan starting, by 23 November 2027")]
    [InlineData(-5, -60, -5, null)]           // an overdue plan, saved unchanged: still editable
    [InlineData(-4, -60, -5, "The review date must be today or in the future")]  // but a new date must not be in the past
    [InlineData(10, -60, -5, null)]           // moving an overdue review to a future date is fine
    public void Review_date_rules(int? dueOffset, int startOffset, int? savedOffset, string? error)
    {
        var start = Today.AddDays(startOffset);
        var draft = Valid(d => d with
        {
            ReviewDue = dueOffset is { } o ? Today.AddDays(o) : null,
            Outcomes = [new OutcomeDraft("x", start.AddDays(30), "y")],
        });
        var e = SupportPlanRules.Validate(draft, start, Today, savedOffset is { } s ? Today.AddDays(s) : null);
        if (error is null) Assert.False(e.Has("reviewDue"), e.ToString());
        else Assert.Equal([error], e.For("reviewDue"));
    }

    [Fact]
    public void Too_many_outcomes_are_refused()
    {
        var outcomes = Enumerable.Range(0, 11).Select(i => new OutcomeDraft($"Outcome {i}", Today.AddDays(30), "measure")).ToList();
        var e = SupportPlanRules.Validate(Valid(d => d with { Outcomes = outcomes }), Today, Today);
        Assert.Equal(["A plan can have at most 10 outcomes: keep the few that matter most"], e.For("outcomes"));
    }
}
