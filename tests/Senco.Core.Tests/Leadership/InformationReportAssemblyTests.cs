using Senco.Core.Leadership;

namespace Senco.Core.Tests.Leadership;

public sealed class InformationReportAssemblyTests
{
    private static InformationReportFacts Facts(int onRoll = 420, int k = 48, int e = 6, KeyValuePair<string, int>[]? needs = null,
        InterventionLine[]? interventions = null) => new(
        new SchoolYear(2026), onRoll, k, e,
        needs ?? [new("Speech, language and communication needs", 20), new("Specific learning difficulty", 18), new("Autistic spectrum disorder", 12), new("Visual impairment", 2), new("Hearing impairment", 2)],
        JoinedRegisterThisYear: 9, SupportPlanReviewsThisYear: 90, AnnualReviewsThisYear: 3,
        Catalogue: [new("Precision teaching", "Cognition and learning", 2, false), new("Visual timetables", "Communication and interaction", 1, false), new("Lego therapy", "Social, emotional and mental health", 2, true)],
        Interventions: interventions ?? [new("Precision teaching", 3, 14, 12, 7.5m, "months", 1.8m)],
        TrainingCourses: 4, TrainingHours: 13.5m, TrainingTitles: ["Autism awareness"], InsetTitles: ["Adaptive teaching"],
        Agencies: [new("Northfield Speech and Language Therapy", "Speech and language therapy")], ReferralsThisYear: 7,
        Sencos: [new("Ms Priya Shah", "senco@example.org")], PupilViewsThisYear: 30, LocalAuthority: "Fictionshire");

    [Fact]
    public void Every_schedule_item_gets_a_section_even_when_there_are_no_facts()
    {
        var sections = InformationReportAssembly.Assemble(Facts());
        Assert.Equal(InformationReportSchedule.Items.Select(i => i.Key), sections.Keys.OrderBy(k => InformationReportSchedule.Items.ToList().FindIndex(i => i.Key == k)));
        Assert.Empty(sections["complaints"]);
    }

    [Fact]
    public void Schedule_1_has_thirteen_items_with_item_3_in_seven_limbs_and_unique_keys()
    {
        var items = InformationReportSchedule.Items;
        Assert.Equal(19, items.Count);
        Assert.Equal(items.Count, items.Select(i => i.Key).Distinct().Count());
        Assert.Equal(["3(a)", "3(b)", "3(c)", "3(d)", "3(e)", "3(f)", "3(g)"], items.Where(i => i.Number.StartsWith('3')).Select(i => i.Number));
        Assert.Equal(Enumerable.Range(1, 13).Select(n => n.ToString()), items.Select(i => i.Number.Split('(')[0]).Distinct());
    }

    [Fact]
    public void Register_numbers_are_shown_with_small_needs_suppressed()
    {
        var lines = InformationReportAssembly.Assemble(Facts())["kinds-of-sen"];
        Assert.Contains("Pupils on the SEN register: 54 (12.9% of pupils on roll).", lines);
        Assert.Contains("Receiving SEN support: 48.", lines);
        Assert.Contains("With an education, health and care (EHC) plan: 6.", lines);
        Assert.Contains("Primary need Visual impairment: fewer than 5.", lines);
        Assert.Contains("Primary need Speech, language and communication needs: 20.", lines);
        Assert.DoesNotContain(lines, l => l.Contains(": 2."));
    }

    [Fact]
    public void A_single_small_cell_takes_the_next_smallest_with_it_so_it_cannot_be_worked_out_from_the_total()
    {
        var lines = InformationReportAssembly.Assemble(Facts(k: 50, e: 3, needs: [new("Autistic spectrum disorder", 40), new("Moderate learning difficulty", 10), new("Physical disability", 3)]))["kinds-of-sen"];
        Assert.Contains("With an education, health and care (EHC) plan: fewer than 5.", lines);
        Assert.Contains("Receiving SEN support: not published (small numbers).", lines);
        Assert.Contains("Primary need Physical disability: fewer than 5.", lines);
        Assert.Contains("Primary need Moderate learning difficulty: not published (small numbers).", lines);
        Assert.Contains("Primary need Autistic spectrum disorder: 40.", lines);
        Assert.DoesNotContain(lines, l => l.Contains("% of pupils") && l.Contains("fewer"));
    }

    [Theory]
    [InlineData(0, "0", false)]
    [InlineData(1, "fewer than 5", true)]
    [InlineData(4, "fewer than 5", true)]
    [InlineData(5, "5", false)]
    [InlineData(120, "120", false)]
    public void Counts_from_one_to_four_are_suppressed(int n, string shown, bool suppressed)
    {
        Assert.Equal(shown, Suppression.Count(n));
        Assert.Equal(suppressed, Suppression.Suppressed(n));
    }

    [Theory]
    [InlineData(new[] { 10, 20, 30 }, new int[0])]
    [InlineData(new[] { 10, 2, 30 }, new[] { 0, 1 })]
    [InlineData(new[] { 2, 3, 30 }, new[] { 0, 1 })]
    [InlineData(new[] { 0, 2, 30 }, new[] { 1, 2 })]
    [InlineData(new[] { 2 }, new[] { 0 })]
    public void Secondary_suppression_hides_one_more_cell_when_only_one_is_small(int[] counts, int[] hidden)
    {
        Assert.Equal(hidden.Order(), Suppression.Cells(counts).Order());
    }

    [Fact]
    public void An_average_over_fewer_than_five_pupils_is_not_published()
    {
        var small = InformationReportAssembly.Assemble(Facts(interventions: [new("Lego therapy", 1, 4, 4, 6m, "points", null)]))["evaluating-provision"];
        Assert.Equal("Lego therapy: 1 group run in 2026/27 for fewer than 5 pupils; too few pupils with entry and exit scores to publish an average.", Assert.Single(small));
        var large = InformationReportAssembly.Assemble(Facts())["evaluating-provision"];
        Assert.Equal("Precision teaching: 3 groups run in 2026/27 for 14 pupils; average gain 7.5 months (ratio gain 1.8).", Assert.Single(large));
    }

    [Fact]
    public void Provision_goes_to_teaching_additional_support_and_emotional_sections_by_wave_and_area()
    {
        var s = InformationReportAssembly.Assemble(Facts());
        Assert.Equal("Visual timetables (quality-first teaching, Communication and interaction).", Assert.Single(s["approach-to-teaching"]));
        Assert.Equal(2, s["additional-support"].Count);
        Assert.Equal("Lego therapy.", Assert.Single(s["emotional-social"]));
        Assert.Equal("Ms Priya Shah, senco@example.org.", Assert.Single(s["senco"]));
        Assert.Contains("Northfield Speech and Language Therapy (Speech and language therapy).", s["other-bodies"]);
        Assert.Contains(s["local-offer"], l => l.Contains("Fictionshire"));
        Assert.Contains("SEND training completed by staff in 2026/27: 4 courses, 13.5 hours in all.", s["staff-expertise"]);
    }

    [Fact]
    public void An_empty_register_says_so_rather_than_showing_zeros()
    {
        var lines = InformationReportAssembly.Assemble(Facts(k: 0, e: 0, needs: []))["kinds-of-sen"];
        Assert.Contains("No pupils are on the SEN register at present.", lines);
    }
}
