using Senco.Core.Provision;

namespace Senco.Core.Trust;

/// <summary>
/// What the database gives for one school of a trust: counts and sums, never a pupil. <see cref="PrimaryNeeds"/> counts
/// the pupils on the register (K or E) by their primary need code; <see cref="Impact"/> the intervention places with
/// both an entry and an exit score, by measure.
/// </summary>
public sealed record SchoolCounts(
    int SchoolId,
    string Urn,
    string Name,
    int OnRoll,
    int SenSupport,
    int EhcPlans,
    IReadOnlyDictionary<string, int> PrimaryNeeds,
    int OverdueStatutoryDates,
    decimal? NotionalBudget,
    decimal TopUpReceived,
    decimal ProvisionCost,
    IReadOnlyList<ImpactTotals> Impact)
{
    public int NoSen => OnRoll - SenSupport - EhcPlans;
    public int OnRegister => SenSupport + EhcPlans;
}

/// <summary>Intervention places assessed on one measure: how many, how many rose, and the sum of exit − entry.</summary>
public sealed record ImpactTotals(MeasureKind Measure, int Assessed, int Improved, long TotalGain);

/// <summary>Which figure a school is compared on.</summary>
public enum TrustMeasure { SenSupportPercent, EhcPlanPercent, SpendPercentOfFunding, ImprovedPercent }

public enum Direction { Above, Below }

/// <summary>A school whose figure is far from the trust's: shown in words beside the figure, not only by colour.</summary>
public sealed record Outlier(TrustMeasure Measure, Direction Direction, decimal SchoolValue, decimal TrustValue)
{
    public string Describe() =>
        $"{TrustComparison.Label(Measure)}: {TrustComparison.Show(SchoolValue)}, well {(Direction == Direction.Above ? "above" : "below")} the trust's {TrustComparison.Show(TrustValue)}";
}

/// <summary>
/// Far from the trust: at least <paramref name="MinimumPoints"/> percentage points away from the trust's figure, and at
/// least <paramref name="Relative"/> of the trust's figure away. Both parts matter: 2 points is a lot when 4% of pupils
/// have a plan and nothing when 70% of places improved; a quarter is a lot at 14% and noise at 1%.
/// </summary>
public sealed record OutlierRule(TrustMeasure Measure, decimal MinimumPoints, decimal Relative)
{
    public decimal Threshold(decimal trustValue) => Math.Max(MinimumPoints, Relative * Math.Abs(trustValue));

    public Outlier? Check(decimal? school, decimal? trust)
    {
        if (school is not { } s || trust is not { } t) return null;
        var difference = s - t;
        if (Math.Abs(difference) < Threshold(t)) return null;
        return new Outlier(Measure, difference > 0 ? Direction.Above : Direction.Below, s, t);
    }
}

/// <summary>One primary need's share of a register: pupils with it as their first need ÷ pupils on the register.</summary>
public sealed record NeedShare(string Need, int Pupils, decimal Percent);

/// <summary>A school's figures beside the trust's, and what is far from them.</summary>
public sealed record SchoolComparison(
    SchoolCounts Counts,
    decimal? SenSupportPercent,
    decimal? EhcPlanPercent,
    decimal? RegisterPercent,
    IReadOnlyList<NeedShare> Needs,
    decimal? Funding,
    decimal? SpendPercentOfFunding,
    bool Overspent,
    int Assessed,
    decimal? ImprovedPercent,
    IReadOnlyDictionary<MeasureKind, decimal?> MeanGain,
    IReadOnlyList<Outlier> Outliers);

/// <summary>The trust's schools side by side, with the trust's own figures (every pupil of the trust together).</summary>
public sealed record TrustComparisonResult(IReadOnlyList<SchoolComparison> Schools, SchoolComparison Trust);

/// <summary>
/// The pure rules of the trust view (issue 8, point 7): percentages, the trust's figures and which schools are far
/// from them. The trust's figure is pooled — all the trust's pupils (or places, or pounds) together — not the mean of
/// the schools' percentages, so that a small school does not count as much as a large one; it is what the trust
/// would report for itself.
/// </summary>
public static class TrustComparison
{
    /// <summary>The rules, one per compared figure; reviewed as a table.</summary>
    public static readonly IReadOnlyList<OutlierRule> Rules =
    [
        new(TrustMeasure.SenSupportPercent, MinimumPoints: 3m, Relative: 0.25m),
        new(TrustMeasure.EhcPlanPercent, MinimumPoints: 1.5m, Relative: 0.25m),
        new(TrustMeasure.SpendPercentOfFunding, MinimumPoints: 10m, Relative: 0.15m),
        new(TrustMeasure.ImprovedPercent, MinimumPoints: 10m, Relative: 0.2m),
    ];

    /// <summary>Measures whose mean gain is shown: a school's own measures have their own scales and are not averaged together.</summary>
    public static readonly IReadOnlyList<MeasureKind> GainMeasures = [MeasureKind.ReadingAgeMonths, MeasureKind.SpellingAgeMonths, MeasureKind.StandardisedScore];

    /// <summary>part ÷ whole as a percentage to 1 decimal place (midpoints away from zero), always carrying that place
    /// (40.0, not 40, in JSON and downloads); null when whole is 0.</summary>
    public static decimal? Percent(decimal part, decimal whole) =>
        whole == 0m ? null : Math.Round(100m * part / whole, 1, MidpointRounding.AwayFromZero) + 0.0m;

    /// <summary>total ÷ count to 2 decimal places, always carrying both; null when count is 0.</summary>
    public static decimal? Mean(decimal total, int count) =>
        count == 0 ? null : Math.Round(total / count, 2, MidpointRounding.AwayFromZero) + 0.00m;

    public static TrustComparisonResult Compare(IEnumerable<SchoolCounts> schools)
    {
        ArgumentNullException.ThrowIfNull(schools);
        var list = schools.ToList();
        var trustCounts = Total(list);
        var trust = Figures(trustCounts, null);
        return new TrustComparisonResult(list.Select(s => Figures(s, trust)).ToList(), trust);
    }

    /// <summary>Every school added together: the trust as if it were one school. A school with no budget recorded
    /// leaves the trust's budget unknown too, rather than understating it.</summary>
    public static SchoolCounts Total(IReadOnlyCollection<SchoolCounts> schools)
    {
        var needs = schools.SelectMany(s => s.PrimaryNeeds).GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.Sum(kv => kv.Value));
        var impact = schools.SelectMany(s => s.Impact).GroupBy(i => i.Measure)
            .Select(g => new ImpactTotals(g.Key, g.Sum(i => i.Assessed), g.Sum(i => i.Improved), g.Sum(i => i.TotalGain))).OrderBy(i => i.Measure).ToList();
        decimal? budget = schools.Count > 0 && schools.All(s => s.NotionalBudget is not null) ? schools.Sum(s => s.NotionalBudget!.Value) : null;
        return new SchoolCounts(0, "", "Trust", schools.Sum(s => s.OnRoll), schools.Sum(s => s.SenSupport), schools.Sum(s => s.EhcPlans), needs,
            schools.Sum(s => s.OverdueStatutoryDates), budget, schools.Sum(s => s.TopUpReceived), schools.Sum(s => s.ProvisionCost), impact);
    }

    /// <summary>Shares of the register by primary need, largest first, then by code.</summary>
    public static IReadOnlyList<NeedShare> NeedShares(IReadOnlyDictionary<string, int> primaryNeeds)
    {
        var total = primaryNeeds.Values.Sum();
        return primaryNeeds.Where(kv => kv.Value > 0)
            .Select(kv => new NeedShare(kv.Key, kv.Value, Percent(kv.Value, total) ?? 0m))
            .OrderByDescending(n => n.Pupils).ThenBy(n => n.Need, StringComparer.Ordinal).ToList();
    }

    private static SchoolComparison Figures(SchoolCounts c, SchoolComparison? trust)
    {
        decimal? funding = c.NotionalBudget is { } b ? b + c.TopUpReceived : null;
        var spend = funding is { } f ? Percent(c.ProvisionCost, f) : null;
        var assessed = c.Impact.Sum(i => i.Assessed);
        var improved = Percent(c.Impact.Sum(i => i.Improved), assessed);
        var gains = GainMeasures.ToDictionary(m => m, m => c.Impact.FirstOrDefault(i => i.Measure == m) is { } i ? Mean(i.TotalGain, i.Assessed) : null);
        var k = Percent(c.SenSupport, c.OnRoll);
        var e = Percent(c.EhcPlans, c.OnRoll);
        var outliers = new List<Outlier>();
        if (trust is not null)
        {
            foreach (var rule in Rules)
            {
                var found = rule.Measure switch
                {
                    TrustMeasure.SenSupportPercent => rule.Check(k, trust.SenSupportPercent),
                    TrustMeasure.EhcPlanPercent => rule.Check(e, trust.EhcPlanPercent),
                    TrustMeasure.SpendPercentOfFunding => rule.Check(spend, trust.SpendPercentOfFunding),
                    TrustMeasure.ImprovedPercent => rule.Check(improved, trust.ImprovedPercent),
                    _ => null,
                };
                if (found is not null) outliers.Add(found);
            }
        }
        return new SchoolComparison(c, k, e, Percent(c.OnRegister, c.OnRoll), NeedShares(c.PrimaryNeeds), funding, spend,
            funding is { } fu && c.ProvisionCost > fu, assessed, improved, gains, outliers);
    }

    public static string Label(TrustMeasure m) => m switch
    {
        TrustMeasure.SenSupportPercent => "SEN support (K)",
        TrustMeasure.EhcPlanPercent => "EHC plans (E)",
        TrustMeasure.SpendPercentOfFunding => "Provision cost as a share of SEN funding",
        TrustMeasure.ImprovedPercent => "Intervention places that improved",
        _ => m.ToString(),
    };

    /// <summary>A percentage as shown: one decimal place and a % sign.</summary>
    public static string Show(decimal? percent) =>
        percent is { } p ? p.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%" : "–";
}
