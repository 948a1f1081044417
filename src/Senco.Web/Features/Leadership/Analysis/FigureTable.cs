using Senco.Core.Leadership;

namespace Senco.Web.Features.Leadership.Analysis;

/// One chart and its data table: lines of (category, SEN or not, figure).
public sealed record FigureLine(string Category, string Group, GroupFigure Figure);

public sealed record FigureTable(string Id, string Title, Series Series, IReadOnlyList<FigureLine> Lines)
{
    public static FigureTable Of(Breakdown b, Series s) => new("breakdown-" + b.Key, b.Title, s,
        b.Rows.SelectMany(r => new[] { r.Sen is { Pupils: > 0 } x ? new FigureLine(r.Category, "SEN", x) : null, r.NotSen is { Pupils: > 0 } y ? new FigureLine(r.Category, "Not SEN", y) : null })
            .Where(l => l is not null).Select(l => l!).ToList());

    /// A bar's width class: senco-w-0 … senco-w-100 (no inline style under the CSP).
    public static string Width(decimal? pct) => "senco-w-" + (pct is { } p ? (int)Math.Round(Math.Clamp(p, 0, 100)) : 0);
}
