using Senco.Core.Leadership;

namespace Senco.Core.Tests.Leadership;

public class AssessmentRulesTests
{
    private static readonly AssessmentTerm Spring = new(new SchoolYear(2025), Term.Spring);
    private static readonly DateOnly Today = new(2026, 3, 20);

    [Theory]
    [InlineData("2025-03-14", "2026-03-14", 12)]
    [InlineData("2018-03-15", "2026-03-14", 95)]
    [InlineData("2018-03-15", "2026-03-15", 96)]
    [InlineData("2018-01-31", "2018-02-28", 0)]
    public void Age_in_completed_months(string dob, string on, int months) =>
        Assert.Equal(months, AssessmentRules.AgeInMonths(DateOnly.Parse(dob), DateOnly.Parse(on)));

    [Theory]
    [InlineData("2025-autumn", 2025, Term.Autumn)]
    [InlineData("Summer 2025/26", 2025, Term.Summer)]
    [InlineData("spring 2024/25", 2024, Term.Spring)]
    public void Terms_parse(string s, int year, Term term)
    {
        Assert.True(AssessmentTerm.TryParse(s, out var t));
        Assert.Equal(new AssessmentTerm(new SchoolYear(year), term), t);
    }

    [Theory]
    [InlineData("2025-winter")]
    [InlineData("2025-1")]
    [InlineData("Autumn 2025/27")]
    [InlineData("")]
    public void Bad_terms_do_not_parse(string s) => Assert.False(AssessmentTerm.TryParse(s, out _));

    [Fact]
    public void Terms_order_and_step_across_years()
    {
        var summer = new AssessmentTerm(new SchoolYear(2025), Term.Summer);
        Assert.Equal(new AssessmentTerm(new SchoolYear(2026), Term.Autumn), summer.Next);
        Assert.Equal(summer, summer.Next.Previous);
        Assert.Equal(Term.Spring, AssessmentTerm.Containing(new DateOnly(2026, 4, 30)).Term);
        Assert.Equal(Term.Summer, AssessmentTerm.Containing(new DateOnly(2026, 5, 1)).Term);
    }

    [Theory]
    [InlineData(AssessmentMeasure.StandardisedScore, "Reading", 39.0, null, "value")]
    [InlineData(AssessmentMeasure.StandardisedScore, "Reading", 100.5, null, "value")]
    [InlineData(AssessmentMeasure.StandardisedScore, "", 100.0, null, "subject")]
    [InlineData(AssessmentMeasure.ReadingAge, "", 300.0, null, "value")]
    [InlineData(AssessmentMeasure.TeacherAssessment, "Writing", null, "Brilliant", "grade")]
    public void Results_out_of_range_name_the_field(AssessmentMeasure m, string subject, double? value, string? grade, string field)
    {
        var e = AssessmentRules.ValidateResult(m, null, subject, value is null ? null : (decimal)value, grade, null, Spring, Today, out _);
        Assert.True(e.Has(field), e.ToString());
    }

    [Fact]
    public void A_grade_is_stored_as_the_list_spells_it_and_a_future_date_is_refused()
    {
        var ok = AssessmentRules.ValidateResult(AssessmentMeasure.TeacherAssessment, null, "Writing", null, "greater depth", null, Spring, Today, out var g);
        Assert.True(ok.IsValid);
        Assert.Equal("Greater depth", g);
        Assert.True(AssessmentRules.ValidateResult(AssessmentMeasure.StandardisedScore, null, "Maths", 100, null, Today.AddDays(1), Spring, Today, out _).Has("assessedOn"));
    }

    [Fact]
    public void A_school_scale_is_graded_with_an_expected_grade()
    {
        Assert.True(AssessmentRules.ValidateScale("Phonics", ScaleKind.Grades, "Phase 1\nPhase 2\nPhase 3", "Phase 2").IsValid);
        Assert.True(AssessmentRules.ValidateScale("Phonics", ScaleKind.Grades, "Phase 1", null).Has("grades"));
        Assert.True(AssessmentRules.ValidateScale("Phonics", ScaleKind.Grades, "Phase 1\nPhase 2", "Phase 9").Has("expectedFrom"));
        var scale = new Senco.Core.Model.AssessmentScale { Kind = ScaleKind.Grades, Grades = "Phase 1\nPhase 2\nPhase 3", ExpectedFrom = "Phase 2" };
        var r = new Senco.Core.Model.AssessmentResult { Measure = AssessmentMeasure.SchoolScale, Scale = scale, Grade = "Phase 3" };
        Assert.True(AssessmentRules.AtOrAboveExpected(r));
        Assert.Equal(2m, AssessmentRules.Attainment(r));
    }
}
