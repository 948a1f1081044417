using Senco.Core.Leadership;

namespace Senco.Core.Tests.Leadership;

public sealed class ExamAccessRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    // Born in the 2010/11 school year: Year 9 started on 1 September 2024.
    private static readonly DateOnly Dob = new(2011, 3, 14);

    private static ExamAccessCase Case(ExamArrangementKind kind = ExamArrangementKind.ExtraTime25, ExamEvidenceKind? evidence = ExamEvidenceKind.Form8,
        DateOnly? assessedOn = null, string? assessor = "Dr R. Bell (Form 8 assessor, APC holder)", StandardisedScore[]? scores = null,
        string? nww = "Uses extra time in class tests and mocks", int? edition = 2026, DateOnly? approvedOn = null) =>
        new(kind, evidence, assessedOn ?? new DateOnly(2026, 9, 20), assessor,
            scores ?? [new("Reading speed", 82), new("Writing speed", 84)], nww, edition, approvedOn ?? new DateOnly(2026, 10, 1), Dob);

    private static IEnumerable<ExamFlagKind> Flags(ExamAccessCase c, DateOnly? today = null) => ExamAccessRules.Check(c, today ?? Today).Select(f => f.Kind);

    [Fact]
    public void A_complete_recent_arrangement_has_no_flags() => Assert.Empty(ExamAccessRules.Check(Case(), Today));

    [Theory]
    [InlineData(82, 84, true)]   // two below average
    [InlineData(80, 88, true)]   // one below, one low average
    [InlineData(80, 90, false)]  // the second is average
    [InlineData(86, 88, false)]  // both low average only
    [InlineData(84, 89, true)]   // the boundaries themselves
    [InlineData(85, 85, false)]
    public void Form8_scores_for_25_percent_extra_time(int first, int second, bool supported)
    {
        Assert.Equal(supported, ExamAccessRules.ScoresSupportExtraTime([new("Reading speed", first), new("Writing speed", second)]));
        Assert.Equal(!supported, Flags(Case(scores: [new("Reading speed", first), new("Writing speed", second)])).Contains(ExamFlagKind.MissingEvidence));
    }

    [Fact]
    public void Two_low_scores_in_the_same_area_do_not_count_twice()
    {
        Assert.False(ExamAccessRules.ScoresSupportExtraTime([new("Reading speed", 70), new("reading speed ", 75)]));
    }

    [Theory]
    [InlineData(2026, 10, 1, null)]                         // expires 1 December 2028
    [InlineData(2024, 10, 1, ExamFlagKind.ExpiringSoon)]    // expires 1 December 2026, within 90 days
    [InlineData(2024, 6, 1, ExamFlagKind.Expired)]          // expired 1 August 2026
    public void Approvals_last_26_months(int y, int m, int d, ExamFlagKind? expected)
    {
        var approved = new DateOnly(y, m, d);
        Assert.Equal(approved.AddMonths(26), ExamAccessRules.ExpiresOn(ExamArrangementKind.ExtraTime25, approved));
        var flags = Flags(Case(approvedOn: approved, assessedOn: approved.AddDays(-10), edition: ExamAccessRules.EditionOn(approved)));
        Assert.Equal(expected, flags.Where(f => f is ExamFlagKind.Expired or ExamFlagKind.ExpiringSoon).Cast<ExamFlagKind?>().SingleOrDefault());
    }

    [Fact]
    public void Expiry_boundaries_on_exact_days()
    {
        var approved = new DateOnly(2024, 9, 23); // expires 23 November 2026, today
        Assert.Equal(new DateOnly(2026, 11, 23), ExamAccessRules.ExpiresOn(ExamArrangementKind.Reader, approved));
        Assert.Contains(ExamFlagKind.ExpiringSoon, Flags(Case(kind: ExamArrangementKind.Reader, approvedOn: approved, assessedOn: approved, edition: 2024)));
        Assert.Contains(ExamFlagKind.Expired, Flags(Case(kind: ExamArrangementKind.Reader, approvedOn: approved, assessedOn: approved, edition: 2024), Today.AddDays(1)));
        // 91 days ahead is not yet flagged; 90 is.
        var later = new DateOnly(2024, 12, 22); // expires 22 February 2027, 91 days on
        Assert.Equal(Today.AddDays(91), ExamAccessRules.ExpiresOn(ExamArrangementKind.ExtraTime25, later));
        Assert.DoesNotContain(ExamFlagKind.ExpiringSoon, Flags(Case(approvedOn: later, assessedOn: later, edition: 2024)));
        Assert.Contains(ExamFlagKind.ExpiringSoon, Flags(Case(approvedOn: later.AddDays(-1), assessedOn: later.AddDays(-1), edition: 2024)));
    }

    [Fact]
    public void An_approval_at_the_end_of_a_month_expires_on_the_last_day_of_the_shorter_month()
    {
        Assert.Equal(new DateOnly(2027, 2, 28), ExamAccessRules.ExpiresOn(ExamArrangementKind.ExtraTime25, new DateOnly(2024, 12, 31)));
    }

    [Theory]
    [InlineData(ExamArrangementKind.WordProcessor)]
    [InlineData(ExamArrangementKind.RestBreaks)]
    [InlineData(ExamArrangementKind.SeparateInvigilation)]
    public void Centre_delegated_arrangements_need_no_online_approval_and_never_expire(ExamArrangementKind kind)
    {
        Assert.Null(ExamAccessRules.ExpiresOn(kind, new DateOnly(2020, 1, 1)));
        Assert.Empty(ExamAccessRules.Check(Case(kind: kind, evidence: ExamEvidenceKind.HistoryOfNeed, approvedOn: new DateOnly(2026, 9, 10), assessedOn: new DateOnly(2026, 9, 10)), Today));
        Assert.DoesNotContain(ExamFlagKind.MissingEvidence, Flags(Case(kind: kind, evidence: ExamEvidenceKind.HistoryOfNeed, approvedOn: null) with { ApprovedOn = null }));
    }

    [Fact]
    public void Missing_evidence_is_flagged_with_the_reason()
    {
        var noNww = ExamAccessRules.Check(Case(nww: " "), Today);
        Assert.Contains(noNww, f => f.Kind == ExamFlagKind.MissingEvidence && f.Message.Contains("normal way of working"));
        Assert.Contains(ExamAccessRules.Check(Case(assessor: null), Today), f => f.Message.Contains("assessor"));
        Assert.Contains(ExamAccessRules.Check(Case(evidence: ExamEvidenceKind.HistoryOfNeed), Today), f => f.Message.Contains("not centre evidence alone"));
        Assert.Contains(ExamAccessRules.Check(Case(evidence: null), Today), f => f.Message.Contains("Record the evidence"));
        Assert.Contains(ExamAccessRules.Check(Case() with { ApprovedOn = null }, Today), f => f.Message.Contains("Access Arrangements Online"));
        Assert.Contains(ExamAccessRules.Check(Case(kind: ExamArrangementKind.ExtraTime50), Today), f => f.Message.Contains("exceptional"));
        Assert.Empty(ExamAccessRules.Check(Case(kind: ExamArrangementKind.ExtraTime50, evidence: ExamEvidenceKind.EhcPlan), Today));
        Assert.Contains(ExamAccessRules.Check(Case(kind: ExamArrangementKind.Scribe, scores: [new("Spelling", 92)]), Today), f => f.Message.Contains("below-average"));
        Assert.Empty(ExamAccessRules.Check(Case(kind: ExamArrangementKind.Scribe, scores: [new("Spelling", 81)]), Today));
    }

    [Fact]
    public void A_form8_before_year_9_does_not_count()
    {
        Assert.Equal(new DateOnly(2024, 9, 1), ExamAccessRules.Year9Starts(Dob));
        Assert.Equal(new DateOnly(2024, 9, 1), ExamAccessRules.Year9Starts(new DateOnly(2010, 9, 1)));
        Assert.Equal(new DateOnly(2025, 9, 1), ExamAccessRules.Year9Starts(new DateOnly(2011, 9, 1)));
        Assert.Contains(ExamAccessRules.Check(Case(assessedOn: new DateOnly(2024, 8, 31), approvedOn: new DateOnly(2024, 9, 10), edition: 2024), new DateOnly(2025, 1, 10)), f => f.Message.Contains("before the start of Year 9"));
        Assert.Empty(ExamAccessRules.Check(Case(assessedOn: new DateOnly(2024, 9, 1), approvedOn: new DateOnly(2024, 9, 10), edition: 2024), new DateOnly(2025, 1, 10)));
    }

    [Theory]
    [InlineData(2026, 8, 31, 2025)]
    [InlineData(2026, 9, 1, 2026)]
    public void The_edition_runs_with_the_academic_year(int y, int m, int d, int edition) => Assert.Equal(edition, ExamAccessRules.EditionOn(new DateOnly(y, m, d)));

    [Fact]
    public void An_approval_under_an_older_edition_is_flagged_for_checking()
    {
        var flags = ExamAccessRules.Check(Case(approvedOn: new DateOnly(2025, 10, 1), assessedOn: new DateOnly(2025, 9, 20), edition: 2025), Today);
        var older = Assert.Single(flags);
        Assert.Equal(ExamFlagKind.OlderEdition, older.Kind);
        Assert.Contains("2025/26", older.Message);
        Assert.Contains("2026/27", older.Message);
    }

    [Fact]
    public void Validation_names_the_fields()
    {
        var none = ExamAccessRules.Validate(null, "Form8", null, null, [("score1", null, null)], null, null, Today);
        Assert.Equal(["kind", "assessor", "assessedOn", "score1", "edition"], none.Select(e => e.Key));

        var bad = ExamAccessRules.Validate("ExtraTime25", "Form8", Today.AddDays(1), "Dr Bell", [("score1", "Reading speed", 200), ("score2", null, 80)], 2026, Today.AddDays(2), Today);
        Assert.Contains("today or in the past", bad.For("assessedOn").Single());
        Assert.Contains("between 40 and 160", bad.For("score1").Single());
        Assert.True(bad.Has("score2Area"));
        Assert.True(bad.Has("approvedOn"));

        var wrongEdition = ExamAccessRules.Validate("WordProcessor", "HistoryOfNeed", null, null, [], 2025, new DateOnly(2026, 10, 1), Today);
        Assert.Contains("2026/27", wrongEdition.For("edition").Single());
        Assert.True(ExamAccessRules.Validate("WordProcessor", "HistoryOfNeed", null, null, [], 2026, new DateOnly(2026, 10, 1), Today).IsValid);
        Assert.True(ExamAccessRules.Validate("7", null, null, null, [], 2026, null, Today).Has("kind"));
    }
}
