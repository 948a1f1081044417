using System.Globalization;
using Senco.Core.Provision;

namespace Senco.Web.Features.Provision;

/// How progress reads on the impact pages: ratio gain for age measures (with Brooks's bands), points otherwise.
public static class ImpactText
{
    public static string Progress(MeasureScale? scale, GroupImpact? summary)
    {
        if (scale is null || summary is null) return "—";
        if (summary.Included == 0) return "not yet assessed";
        if (scale.IsAge)
            return summary.MeanRatioGain is { } r ? $"ratio gain {Num(r)}" : $"{Num(summary.MeanGain ?? 0)} months";
        return $"{Signed(summary.MeanGain ?? 0)} points";
    }

    /// Brooks's reading of a ratio gain: below 1 is less than ordinary progress; 2 and above is substantial; 4 and above remarkable.
    public static string? RatioBand(decimal? ratio) => ratio switch
    {
        null => null,
        >= 4m => "remarkable",
        >= 2m => "substantial",
        >= 1.4m => "useful",
        >= 1m => "modest",
        _ => "less than ordinary progress",
    };

    public static string Percent(decimal? p) => p is { } v ? v.ToString("0.#", CultureInfo.InvariantCulture) + "%" : "—";

    public static string Num(decimal d) => d.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Signed(decimal d) => (d > 0 ? "+" : d < 0 ? "−" : "") + Math.Abs(d).ToString("0.##", CultureInfo.InvariantCulture);
}

public sealed record RollupTable(string Caption, string KeyHeading, IReadOnlyList<ImpactRollup> Rows);
