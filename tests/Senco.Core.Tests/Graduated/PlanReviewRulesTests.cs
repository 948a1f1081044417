using Senco.Core.Graduated;

namespace Senco.Core.Tests.Graduated;

public class PlanReviewRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly DateOnly Started = new(2026, 9, 7);

    private static readonly PlanOutcomeFacts[] Outcomes =
    [
        new(11, "Read 30 high-frequency words", new DateOnly(2026, 11, 20), "Word list check"),
        new(12, "Ask for help using the help card", new DateOnly(2026, 12, 18), "TA observation log"),
        new(13, "Join in a group game for 10 minutes", new DateOnly(2026, 11, 1), "Lunchtime supervisor notes"),
    ];

    private static PlanReviewInput Valid(Func<PlanReviewInput, PlanReviewInput>? change = null)
    {
        var r = new PlanReviewInput(Today,
            [new(11, "Achieved", "Reads 32 of 30 words"), new(12, "PartlyAchieved", "Uses the card with prompting"), new(13, "NotYetAchieved", "Joined twice in 6 weeks")],
            "Precision teaching works; the help card needs modelling", "I like the word games", "Happy with reading progress", true, Today.AddDays(84));
        return change is null ? r : change(r);
    }

    [Fact]
    public void A_complete_review_is_valid() => Assert.True(PlanReviewRules.Validate(Valid(), Outcomes, Started, Today).IsValid);

    [Fact]
    public void Every_outcome_must_be_rated_with_evidence()
    {
        var e = PlanReviewRules.Validate(Valid(r => r with { Outcomes = [new(11, null, ""), new(12, "Achieved", "  ")] }), Outcomes, Started, Today);
        Assert.Equal("Select whether \"Read 30 high-frequency words\" was achieved, partly achieved or not yet achieved", e.For("outcomes[0].rating")[0]);
        Assert.Equal("Enter the evidence for the rating of \"Read 30 high-frequency words\"", e.For("outcomes[0].evidence")[0]);
        Assert.Equal("Enter the evidence for the rating of \"Ask for help using the help card\"", e.For("outcomes[1].evidence")[0]);
        Assert.Equal("Rate every outcome of the plan: \"Join in a group game for 10 minutes\" has no rating", e.For("outcomes")[0]);
    }

    [Fact]
    public void Names_how_many_outcomes_are_unrated()
    {
        var e = PlanReviewRules.Validate(Valid(r => r with { Outcomes = [] }), Outcomes, Started, Today);
        Assert.Equal("Rate every outcome of the plan: \"Read 30 high-frequency words\" and 2 more have no rating", e.For("outcomes")[0]);
    }

    [Fact]
    public void An_outcome_of_another_plan_or_rated_twice_is_refused()
    {
        var e = PlanReviewRules.Validate(Valid(r => r with { Outcomes = [.. r.Outcomes!, new(99, "Achieved", "x"), new(11, "Achieved", "again")] }), Outcomes, Started, Today);
        Assert.Equal("This outcome is not part of the plan being reviewed", e.For("outcomes[3].outcomeId")[0]);
        Assert.Equal("\"Read 30 high-frequency words\" is rated more than once", e.For("outcomes[4].outcomeId")[0]);
    }

    [Theory]
    [InlineData(null, "Enter the date the review was held")]
    [InlineData(1, "The review date must be today or in the past: record a review once it has been held")]
    [InlineData(-78, "The review must be on or after 7 September 2026, when this cycle started")]
    public void Held_on_rules(int? offset, string message)
    {
        var e = PlanReviewRules.Validate(Valid(r => r with { HeldOn = offset is { } o ? Today.AddDays(o) : null }), Outcomes, Started, Today);
        Assert.Equal([message], e.For("heldOn"));
    }

    [Theory]
    [InlineData(null, "Enter the date the next cycle will be reviewed")]
    [InlineData(0, "The next review date must be in the future")]
    [InlineData(-10, "The next review date must be in the future")]
    [InlineData(366, "The next review date must be within 12 months, by 23 November 2027")]
    public void Next_review_date_rules_when_starting_the_next_cycle(int? offset, string message)
    {
        var e = PlanReviewRules.Validate(Valid(r => r with { NextReviewDue = offset is { } o ? Today.AddDays(o) : null }), Outcomes, Started, Today);
        Assert.Equal([message], e.For("nextReviewDue"));
    }

    [Fact]
    public void No_next_review_date_is_needed_when_support_ends() =>
        Assert.True(PlanReviewRules.Validate(Valid(r => r with { StartNextCycle = false, NextReviewDue = null }), Outcomes, Started, Today).IsValid);

    [Fact]
    public void What_was_learned_is_required_and_bounded()
    {
        Assert.Equal(["Enter what was learned from this cycle"], PlanReviewRules.Validate(Valid(r => r with { WhatWeLearned = "" }), Outcomes, Started, Today).For("whatWeLearned"));
        Assert.Equal(["What was learned must be 4,000 characters or fewer"], PlanReviewRules.Validate(Valid(r => r with { WhatWeLearned = new string('x', 4001) }), Outcomes, Started, Today).For("whatWeLearned"));
        Assert.Equal(["The evidence must be 2,000 characters or fewer"],
            PlanReviewRules.Validate(Valid(r => r with { Outcomes = [new(11, "Achieved", new string('e', 2001)), .. r.Outcomes!.Skip(1)] }), Outcomes, Started, Today).For("outcomes[0].evidence"));
    }

    [Theory]
    [InlineData("2026-11-20", "2026-11-23", "2026-11-23")]   // written up after the meeting: the next cycle starts today
    [InlineData("2026-11-23", "2026-11-23", "2026-11-23")]
    public void The_next_cycle_starts_the_day_the_review_is_recorded(string held, string today, string starts) =>
        Assert.Equal(DateOnly.Parse(starts), PlanReviewRules.NextCycleStart(DateOnly.Parse(held), DateOnly.Parse(today)));

    [Fact]
    public void Roll_over_carries_outcomes_not_achieved_and_strategies_kept()
    {
        var rated = new[]
        {
            new RatedOutcome(11, "Read 30 words", new DateOnly(2026, 11, 20), "Word list", OutcomeState.Achieved),
            new RatedOutcome(12, "Ask for help", new DateOnly(2027, 1, 15), "TA log", OutcomeState.PartlyAchieved),
            new RatedOutcome(13, "Join a group game", new DateOnly(2026, 11, 1), "Supervisor notes", OutcomeState.NotYetAchieved),
        };
        var strategies = new[]
        {
            new CycleStrategy(1, 7, "Precision teaching", "TA", "Daily", Continue: true),
            new CycleStrategy(2, null, "Help card on desk", "Class teacher", null, Continue: true),
            new CycleStrategy(3, null, "Lunchtime buddy", "Midday supervisor", "Daily", Continue: false),
        };
        var next = PlanReviewRules.RollOver(rated, strategies, Today, Today.AddDays(84));

        Assert.Equal(Today, next.StartsOn);
        Assert.Equal(Today.AddDays(84), next.ReviewDue);
        Assert.Equal([12, 13], next.Outcomes.Select(o => o.FromOutcomeId));
        // A date still ahead is kept; a date that has passed moves to the new review date.
        Assert.Equal(new DateOnly(2027, 1, 15), next.Outcomes[0].ByWhen);
        Assert.Equal(Today.AddDays(84), next.Outcomes[1].ByWhen);
        Assert.Equal("Join a group game", next.Outcomes[1].Description);
        Assert.Equal("Supervisor notes", next.Outcomes[1].Measure);
        Assert.Equal(["Precision teaching", "Help card on desk"], next.Strategies.Select(s => s.Description));
        Assert.Equal(7, next.Strategies[0].StrategyId);
        Assert.Equal("Daily", next.Strategies[0].HowOften);
    }

    [Fact]
    public void Roll_over_when_everything_was_achieved_starts_with_no_outcomes()
    {
        var next = PlanReviewRules.RollOver([new RatedOutcome(1, "x", Today, "y", OutcomeState.Achieved)], [], Today, Today.AddDays(30));
        Assert.Empty(next.Outcomes);
        Assert.Empty(next.Strategies);
    }

    [Fact]
    public void Roll_over_refuses_an_unrated_outcome_or_a_review_date_before_the_start()
    {
        Assert.Throws<InvalidOperationException>(() => PlanReviewRules.RollOver([new RatedOutcome(1, "x", Today, "y", OutcomeState.Open)], [], Today, Today));
        Assert.Throws<ArgumentException>(() => PlanReviewRules.RollOver([], [], Today, Today.AddDays(-1)));
    }
}
