using Senco.Core.Model;
using Senco.Core.Provision;
using static Senco.Core.Tests.Provision.Money;

namespace Senco.Core.Tests.Provision;

public class ProvisionMapTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s);
    private static readonly DateOnly Start = D("2026-09-07");
    private static readonly DateOnly End = D("2026-11-15");   // 10 weeks: 70 days

    public static TheoryData<string, string, string[], string[]> ShareCases => new()
    {
        // total, description, pupils "name:joined:left", expected "name:share"
        { "300", "everyone throughout: equal shares (the contract)", ["a:2026-09-07:", "b:2026-09-07:", "c:2026-09-07:"], ["a:100", "b:100", "c:100"] },
        { "100", "a third each, rounded to the penny", ["a:2026-09-07:", "b:2026-09-07:", "c:2026-09-07:"], ["a:33.33", "b:33.33", "c:33.33"] },
        { "210", "b left halfway (35 of 70 days)", ["a:2026-09-07:", "b:2026-09-07:2026-10-11"], ["a:140", "b:70"] },
        { "210", "b joined halfway", ["a:2026-09-07:", "b:2026-10-12:"], ["a:140", "b:70"] },
        { "100", "joined before the run: counts from the start", ["a:2026-09-01:", "b:2026-09-07:"], ["a:50", "b:50"] },
        { "100", "left after the run: counts to the end", ["a:2026-09-07:2027-01-01", "b:2026-09-07:"], ["a:50", "b:50"] },
        { "100", "left before it started: no share", ["a:2026-09-07:", "b:2026-08-01:2026-09-01"], ["a:100", "b:0"] },
        { "100", "left on the first day: one day's share", ["a:2026-09-07:", "b:2026-09-07:2026-09-07"], ["a:98.59", "b:1.41"] },
        { "100", "nobody there during the run: nothing shared", ["a:2026-08-01:2026-08-31"], ["a:0"] },
        { "0", "a free group", ["a:2026-09-07:", "b:2026-09-07:"], ["a:0", "b:0"] },
    };

    [Theory]
    [MemberData(nameof(ShareCases))]
    public void Shares_by_days_in_the_group(string total, string because, string[] pupils, string[] expected)
    {
        _ = because;
        var spans = pupils.Select(p => p.Split(':')).Select(p => new PupilSpan<string>(p[0], D(p[1]), p[2].Length == 0 ? null : D(p[2])));
        var shares = ProvisionMap.Shares(M(total), Start, End, spans);
        Assert.Equal(expected, shares.Select(kv => $"{kv.Key}:{kv.Value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)}"));
    }

    [Fact]
    public void A_group_with_no_pupils_shares_nothing() =>
        Assert.Empty(ProvisionMap.Shares(M("500"), Start, End, Array.Empty<PupilSpan<string>>()));

    [Fact]
    public void A_pupil_who_left_and_rejoined_pays_for_both_spells()
    {
        var shares = ProvisionMap.Shares(M("140"), Start, End,
        [
            new PupilSpan<string>("a", Start, null),
            new PupilSpan<string>("b", Start, D("2026-09-20")),           // 14 days
            new PupilSpan<string>("b", D("2026-11-02"), null),            // 14 days
        ]);
        Assert.Equal(M("100"), shares["a"]);   // 70 of 98 pupil-days
        Assert.Equal(M("40"), shares["b"]);
    }

    [Fact]
    public void Shares_refuse_impossible_input()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ProvisionMap.Shares(-1m, Start, End, Array.Empty<PupilSpan<string>>()));
        Assert.Throws<ArgumentException>(() => ProvisionMap.Shares(1m, End, Start, Array.Empty<PupilSpan<string>>()));
        Assert.Throws<ArgumentException>(() => ProvisionMap.Shares(1m, Start, End, [new PupilSpan<string>("a", End, Start)]));
    }

    [Theory]
    [InlineData("300", 3, "100")]
    [InlineData("100", 3, "33.33")]
    [InlineData("100", 0, "0")]
    public void Equal_share(string total, int pupils, string share) => Assert.Equal(M(share), ProvisionMap.EqualShare(M(total), pupils));

    private static readonly Guid Ava = new("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid Ben = new("00000000-0000-0000-0000-00000000000b");
    private static readonly Guid Cal = new("00000000-0000-0000-0000-00000000000c");
    private static readonly Guid G1 = new("10000000-0000-0000-0000-000000000001");
    private static readonly Guid G2 = new("10000000-0000-0000-0000-000000000002");
    private static readonly Guid G3 = new("10000000-0000-0000-0000-000000000003");
    private static readonly Guid G4 = new("10000000-0000-0000-0000-000000000004");

    private static ProvisionMapSummary Example() => ProvisionMap.Summarise(
        [
            new GroupCost(G1, "Phonics catch-up", AreaOfNeed.CognitionAndLearning, 2, M("600"), true),
            new GroupCost(G2, "1:1 TA support", AreaOfNeed.CommunicationAndInteraction, 3, M("14625"), true),
            new GroupCost(G3, "ELSA", AreaOfNeed.SocialEmotionalMentalHealth, 2, M("450"), true),
            new GroupCost(G4, "Lego therapy", AreaOfNeed.CommunicationAndInteraction, 2, M("300"), false),   // nobody in it
        ],
        [
            new ProvisionLine(Ava, "3", G1, "Phonics catch-up", AreaOfNeed.CognitionAndLearning, 2, M("300")),
            new ProvisionLine(Ben, "3", G1, "Phonics catch-up", AreaOfNeed.CognitionAndLearning, 2, M("300")),
            new ProvisionLine(Ben, "3", G2, "1:1 TA support", AreaOfNeed.CommunicationAndInteraction, 3, M("14625")),
            new ProvisionLine(Cal, "R", G3, "ELSA", AreaOfNeed.SocialEmotionalMentalHealth, 2, M("450")),
        ]);

    [Fact]
    public void Whole_school_total_is_what_the_groups_cost_including_empty_ones()
    {
        var map = Example();
        Assert.Equal(M("15975"), map.Total);
        Assert.Equal(M("300"), map.CostOfGroupsWithoutPupils);
        Assert.Equal(4, map.Groups);
        Assert.Equal(3, map.PupilsWithProvision);
    }

    [Fact]
    public void Per_pupil_totals_against_the_threshold()
    {
        var map = Example();
        Assert.Equal([Ben, Cal, Ava], map.Pupils.Select(p => p.PupilId));   // dearest first
        var ben = map.Pupils[0];
        Assert.Equal((2, M("14925"), true, M("8925")), (ben.Items, ben.Total, ben.ExceedsThreshold, ben.TopUpRequired));
        Assert.False(map.Pupils[1].ExceedsThreshold);
        Assert.Equal(0m, map.Pupils[1].TopUpRequired);
        Assert.Equal(1, map.PupilsOverThreshold);
        Assert.Equal(M("8925"), map.TopUpRequired);
    }

    [Fact]
    public void Exactly_6000_is_met_by_the_notional_budget()
    {
        var t = new PupilProvisionTotal(Ava, "1", 1, 6000m);
        Assert.False(t.ExceedsThreshold);
        Assert.Equal(0m, t.TopUpRequired);
        Assert.Equal(0.01m, new PupilProvisionTotal(Ava, "1", 1, 6000.01m).TopUpRequired);
    }

    [Fact]
    public void Breakdowns_by_year_area_and_wave()
    {
        var map = Example();
        Assert.Equal(["R:1:1:450", "3:2:2:15225"], map.ByYearGroup.Select(y => $"{y.Key}:{y.Pupils}:{y.Groups}:{y.Total:0}"));
        Assert.Equal(
            ["CognitionAndLearning:2:1:600", "CommunicationAndInteraction:1:2:14925", "SocialEmotionalMentalHealth:1:1:450", "SensoryPhysical:0:0:0"],
            map.ByArea.Select(a => $"{a.Key}:{a.Pupils}:{a.Groups}:{a.Total:0}"));
        Assert.Equal(["1:0:0:0", "2:3:3:1350", "3:1:1:14625"], map.ByWave.Select(w => $"{w.Key}:{w.Pupils}:{w.Groups}:{w.Total:0}"));
        Assert.Equal(map.Total, map.ByArea.Sum(a => a.Total));
        Assert.Equal(map.Total, map.ByWave.Sum(a => a.Total));
    }

    [Fact]
    public void An_empty_map()
    {
        var map = ProvisionMap.Summarise([], []);
        Assert.Equal((0m, 0, 0, 0m), (map.Total, map.Groups, map.PupilsWithProvision, map.TopUpRequired));
        Assert.Empty(map.ByYearGroup);
        Assert.All(map.ByArea, a => Assert.Equal(0m, a.Total));
    }

    [Theory]
    [InlineData("2026-09-01", 2026)]
    [InlineData("2027-08-31", 2026)]
    [InlineData("2027-09-01", 2027)]
    public void A_group_belongs_to_the_year_it_starts_in(string start, int year) =>
        Assert.Equal(new SchoolYear(year), ProvisionMap.YearOf(D(start)));
}
