using Senco.Core.Leadership;
using Senco.Core.Model;
using Senco.Core.Sen;

namespace Senco.Core.Tests.Leadership;

public class AssessmentAnalysisTests
{
    private static readonly AssessmentTerm Autumn = new(new SchoolYear(2025), Term.Autumn);
    private static readonly AssessmentTerm Spring = new(new SchoolYear(2025), Term.Spring);

    private static PupilProfile P(int n, SenStatus s, string year = "4", string? need = null, bool eal = false) =>
        new(G(n), s, need ?? (s == SenStatus.N ? null : "SLCN"), year, eal, false, false);

    private static Guid G(int n) => new($"00000000-0000-0000-0000-{n:000000000000}");

    private static AssessmentResult Score(int pupil, AssessmentTerm t, decimal v) =>
        new() { PupilId = G(pupil), YearStart = t.Year.StartYear, Term = t.Term, Measure = AssessmentMeasure.StandardisedScore, Subject = "Reading", Value = v };

    [Fact]
    public void Means_percent_at_expected_and_progress_are_worked_out_by_hand()
    {
        // SEN: 5 pupils scoring 90, 95, 100, 85, 110 in spring (mean 96, 2 of 5 at 100+ = 40%);
        // autumn baseline 88, 90, 97, 85 for the first four (gains 2, 5, 3, 0: mean 2.5).
        var profiles = Enumerable.Range(1, 5).Select(i => P(i, SenStatus.K)).ToList();
        var spring = new[] { 90m, 95m, 100m, 85m, 110m };
        var autumn = new[] { 88m, 90m, 97m, 85m };
        var results = spring.Select((v, i) => Score(i + 1, Spring, v)).Concat(autumn.Select((v, i) => Score(i + 1, Autumn, v))).ToList();
        var a = AssessmentAnalysis.Analyse(profiles, AssessmentAnalysis.FiguresFor(results, Spring, Autumn), suppress: false);
        Assert.Equal(5, a.Sen.Pupils);
        Assert.Equal(96m, a.Sen.Mean);
        Assert.Equal(40m, a.Sen.PercentAtExpected);
        Assert.Equal(4, a.Sen.ProgressPupils);
        Assert.Equal(2.5m, a.Sen.MeanProgress);
        Assert.Equal(0, a.NotSen.Pupils);
    }

    [Fact]
    public void Reading_age_attainment_is_the_gap_to_chronological_age_and_at_expected_means_not_behind()
    {
        var r1 = new AssessmentResult { PupilId = G(1), YearStart = 2025, Term = Term.Spring, Measure = AssessmentMeasure.ReadingAge, Value = 90, ChronologicalAgeMonths = 100 };
        var r2 = new AssessmentResult { PupilId = G(2), YearStart = 2025, Term = Term.Spring, Measure = AssessmentMeasure.ReadingAge, Value = 104, ChronologicalAgeMonths = 101 };
        var figures = AssessmentAnalysis.FiguresFor([r1, r2], Spring, null);
        Assert.Equal(-10m, figures.Single(f => f.PupilId == G(1)).Attainment);
        Assert.False(figures.Single(f => f.PupilId == G(1)).AtExpected);
        Assert.True(figures.Single(f => f.PupilId == G(2)).AtExpected);
        Assert.Equal("8 years 8 months (3 months ahead)", AssessmentRules.Show(r2));
    }

    [Fact]
    public void Teacher_assessment_at_expected_is_expected_or_greater_depth_and_progress_is_grade_steps()
    {
        AssessmentResult Ta(int p, AssessmentTerm t, string g) => new() { PupilId = G(p), YearStart = t.Year.StartYear, Term = t.Term, Measure = AssessmentMeasure.TeacherAssessment, Subject = "Writing", Grade = g };
        var results = new[] { Ta(1, Autumn, "Working towards"), Ta(1, Spring, "Expected"), Ta(2, Autumn, "Pre-key stage"), Ta(2, Spring, "Pre-key stage") };
        var f = AssessmentAnalysis.FiguresFor(results, Spring, Autumn);
        var a = AssessmentAnalysis.Figure(f, suppress: false, threshold: 5);
        Assert.Equal(50m, a.PercentAtExpected);
        Assert.Equal(0.5m, a.MeanProgress); // one step and none
    }

    [Fact]
    public void A_group_below_the_threshold_is_withheld_for_governors_but_shown_to_leaders()
    {
        var profiles = Enumerable.Range(1, 4).Select(i => P(i, SenStatus.K)).ToList();
        var results = Enumerable.Range(1, 4).Select(i => Score(i, Spring, 100 + i)).ToList();
        var governor = AssessmentAnalysis.Analyse(profiles, AssessmentAnalysis.FiguresFor(results, Spring, null), suppress: true);
        Assert.True(governor.Sen.Suppressed);
        Assert.Null(governor.Sen.Mean);
        Assert.Null(governor.Sen.PercentAtExpected);
        var leader = AssessmentAnalysis.Analyse(profiles, AssessmentAnalysis.FiguresFor(results, Spring, null), suppress: false);
        Assert.False(leader.Sen.Suppressed);
        Assert.Equal(102.5m, leader.Sen.Mean);
    }

    [Fact]
    public void Exactly_five_is_shown_and_four_is_not()
    {
        var five = Enumerable.Range(1, 5).Select(i => new PupilFigures(G(i), 100, true, null)).ToList();
        Assert.False(AssessmentAnalysis.Figure(five, true, 5).Suppressed);
        Assert.True(AssessmentAnalysis.Figure(five.Take(4).ToList(), true, 5).Suppressed);
    }

    [Fact]
    public void When_one_line_of_a_breakdown_is_withheld_the_next_smallest_is_too_so_it_cannot_be_worked_out_from_the_total()
    {
        // SEN: 6 in year 3, 7 in year 4, 2 in year 5. Year 5 (2) is withheld; year 3 (6), the next smallest, must be too.
        var profiles = Enumerable.Range(1, 6).Select(i => P(i, SenStatus.K, "3"))
            .Concat(Enumerable.Range(7, 7).Select(i => P(i, SenStatus.K, "4")))
            .Concat(Enumerable.Range(14, 2).Select(i => P(i, SenStatus.K, "5"))).ToList();
        var results = profiles.Select((p, i) => Score(i + 1, Spring, 90 + i)).ToList();
        var a = AssessmentAnalysis.Analyse(profiles, AssessmentAnalysis.FiguresFor(results, Spring, null), suppress: true);
        Assert.False(a.Sen.Suppressed);
        var years = a.Breakdowns.Single(b => b.Key == "year").Rows;
        Assert.True(years.Single(r => r.Category == "Year 5").Sen!.Suppressed);
        Assert.True(years.Single(r => r.Category == "Year 3").Sen!.Suppressed);
        Assert.False(years.Single(r => r.Category == "Year 4").Sen!.Suppressed);
        // Leaders see everything.
        var leader = AssessmentAnalysis.Analyse(profiles, AssessmentAnalysis.FiguresFor(results, Spring, null), suppress: false);
        Assert.All(leader.Breakdowns.Single(b => b.Key == "year").Rows, r => Assert.False(r.Sen!.Suppressed));
    }

    [Fact]
    public void Breakdowns_split_by_status_need_and_eal()
    {
        var profiles = Enumerable.Range(1, 5).Select(i => P(i, SenStatus.E, need: "ASD", eal: true))
            .Concat(Enumerable.Range(6, 5).Select(i => P(i, SenStatus.N))).ToList();
        var results = profiles.Select((p, i) => Score(i + 1, Spring, i < 5 ? 80 : 104)).ToList();
        var a = AssessmentAnalysis.Analyse(profiles, AssessmentAnalysis.FiguresFor(results, Spring, null), suppress: true);
        var status = a.Breakdowns.Single(b => b.Key == "status").Rows;
        Assert.Equal(80m, status.Single(r => r.Category == "EHC plan (E)").Sen!.Mean);
        Assert.Equal(104m, status.Single(r => r.Category == "No SEN (N)").NotSen!.Mean);
        Assert.Equal(Senco.Core.Sen.NeedTypes.NameOf("ASD"), a.Breakdowns.Single(b => b.Key == "need").Rows.Single().Category);
        Assert.Equal(0m, a.Sen.PercentAtExpected);
        Assert.Equal(100m, a.NotSen.PercentAtExpected);
        Assert.Equal(5, a.Breakdowns.Single(b => b.Key == "eal").Rows.Single(r => r.Category == "EAL").Sen!.Pupils);
    }

    [Fact]
    public void The_trend_has_a_point_per_term_with_progress_from_the_term_before()
    {
        var profiles = Enumerable.Range(1, 5).Select(i => P(i, SenStatus.K)).ToList();
        var results = Enumerable.Range(1, 5).SelectMany(i => new[] { Score(i, Autumn, 90), Score(i, Spring, 93) }).ToList();
        var trend = AssessmentAnalysis.Trend(profiles, results, suppress: true);
        Assert.Equal([Autumn, Spring], trend.Select(t => t.Term));
        Assert.Null(trend[0].Sen.MeanProgress);
        Assert.Equal(3m, trend[1].Sen.MeanProgress);
    }
}
