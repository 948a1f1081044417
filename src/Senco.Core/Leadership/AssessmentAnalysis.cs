using Senco.Core.Model;
using Senco.Core.Sen;

namespace Senco.Core.Leadership;

/// The facts about a pupil an analysis groups by. Status, need and flags are as they stand today.
public sealed record PupilProfile(Guid PupilId, SenStatus Status, string? PrimaryNeed, string YearGroup, bool Eal, bool PupilPremium, bool LookedAfter)
{
    public bool Sen => Status != SenStatus.N;
}

/// One pupil's figures in the analysed term: attainment (see AssessmentRules.Attainment), at or above expected (null
/// when the measure has no expected standard), and progress since the baseline term (null without a baseline result).
public sealed record PupilFigures(Guid PupilId, decimal Attainment, bool? AtExpected, decimal? Progress);

/// <summary>A group's figures. <see cref="Suppressed"/>: too few pupils to show anything without risking that a
/// pupil is identified, so every figure (the count too) is withheld; <see cref="ProgressSuppressed"/>: the group is
/// shown but too few of it have a baseline result to show progress.</summary>
public sealed record GroupFigure(int Pupils, decimal? Mean, decimal? PercentAtExpected, int ProgressPupils, decimal? MeanProgress, bool Suppressed, bool ProgressSuppressed)
{
    public static readonly GroupFigure Empty = new(0, null, null, 0, null, false, false);
}

/// One line of a breakdown: a category (a year group, "EAL") with the SEN and the non-SEN figure (either may be null
/// when the line is for one side only, as needs are for pupils with SEN).
public sealed record BreakdownRow(string Category, GroupFigure? Sen, GroupFigure? NotSen);

public sealed record Breakdown(string Key, string Title, IReadOnlyList<BreakdownRow> Rows);

public sealed record TrendPoint(AssessmentTerm Term, GroupFigure Sen, GroupFigure NotSen);

public sealed record AnalysisResult(GroupFigure Sen, GroupFigure NotSen, IReadOnlyList<Breakdown> Breakdowns, bool Suppressing, int Threshold);

/// <summary>
/// SEN against non-SEN attainment and progress, broken down the ways governors and leaders ask about. Figures for a
/// group smaller than the threshold are withheld when suppressing (for governors): with a handful of pupils a mean is
/// close to one child's result. Within a breakdown the lines of one side add up to that side's total, so when a
/// single line is withheld the next smallest is withheld too; otherwise the hidden one could be worked out by
/// subtraction from the total (secondary suppression, as in the DfE's statistics).
/// </summary>
public static class AssessmentAnalysis
{
    /// Fewer pupils than this in a group and, for governors, nothing is shown for it.
    public const int DefaultThreshold = 5;

    public static GroupFigure Figure(IReadOnlyCollection<PupilFigures> pupils, bool suppress, int threshold)
    {
        if (pupils.Count == 0) return GroupFigure.Empty;
        var small = suppress && pupils.Count < threshold;
        if (small) return new GroupFigure(pupils.Count, null, null, 0, null, true, true);
        var mean = Math.Round(pupils.Average(p => p.Attainment), 1, MidpointRounding.AwayFromZero);
        var judged = pupils.Where(p => p.AtExpected is not null).ToList();
        decimal? pct = judged.Count == 0 ? null : Math.Round(100m * judged.Count(p => p.AtExpected == true) / judged.Count, 1, MidpointRounding.AwayFromZero);
        var progress = pupils.Where(p => p.Progress is not null).ToList();
        var progressSmall = progress.Count == 0 || (suppress && progress.Count < threshold);
        decimal? meanProgress = progressSmall ? null : Math.Round(progress.Average(p => p.Progress!.Value), 1, MidpointRounding.AwayFromZero);
        return new GroupFigure(pupils.Count, mean, pct, progressSmall && suppress ? 0 : progress.Count, meanProgress, false, suppress && progress.Count is > 0 && progress.Count < threshold);
    }

    private static GroupFigure Withhold(GroupFigure f) => f with { Mean = null, PercentAtExpected = null, ProgressPupils = 0, MeanProgress = null, Suppressed = true, ProgressSuppressed = true };

    /// <summary>Analyses one term. <paramref name="figures"/> are the pupils with a result in the term; profiles give
    /// their groups (a figure without a profile is ignored).</summary>
    public static AnalysisResult Analyse(IReadOnlyCollection<PupilProfile> profiles, IReadOnlyCollection<PupilFigures> figures, bool suppress, int threshold = DefaultThreshold)
    {
        var byId = profiles.ToDictionary(p => p.PupilId);
        var rows = figures.Where(f => byId.ContainsKey(f.PupilId)).Select(f => (P: byId[f.PupilId], F: f)).ToList();
        GroupFigure Of(IEnumerable<(PupilProfile P, PupilFigures F)> xs) => Figure(xs.Select(x => x.F).ToList(), suppress, threshold);
        var sen = rows.Where(r => r.P.Sen).ToList();
        var notSen = rows.Where(r => !r.P.Sen).ToList();

        var breakdowns = new List<Breakdown>
        {
            new("status", "By SEN status",
            [
                new("SEN support (K)", Of(sen.Where(r => r.P.Status == SenStatus.K)), null),
                new("EHC plan (E)", Of(sen.Where(r => r.P.Status == SenStatus.E)), null),
                new("No SEN (N)", null, Of(notSen)),
            ]),
            new("need", "By primary need (pupils with SEN)",
                sen.GroupBy(r => r.P.PrimaryNeed ?? "").OrderBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => new BreakdownRow(g.Key.Length == 0 ? "Not recorded" : NeedTypes.NameOf(g.Key), Of(g), null)).ToList()),
            Split("year", "By year group", rows, r => r.P.YearGroup, Pupils.YearGroups.Order, Pupils.YearGroups.Label, Of),
            Flag("eal", "By English as an additional language", rows, r => r.P.Eal, "EAL", "Not EAL", Of),
            Flag("pp", "By pupil premium", rows, r => r.P.PupilPremium, "Pupil premium", "Not pupil premium", Of),
            Flag("lac", "By looked-after status", rows, r => r.P.LookedAfter, "Looked after", "Not looked after", Of),
        };
        var senTotal = Of(sen);
        var notSenTotal = Of(notSen);
        if (suppress) breakdowns = breakdowns.Select(b => SecondarySuppression(b, senTotal, notSenTotal)).ToList();
        return new AnalysisResult(senTotal, notSenTotal, breakdowns, suppress, threshold);
    }

    private static Breakdown Split(string key, string title, List<(PupilProfile P, PupilFigures F)> rows, Func<(PupilProfile P, PupilFigures F), string> by,
        Func<string, int> order, Func<string, string> label, Func<IEnumerable<(PupilProfile P, PupilFigures F)>, GroupFigure> of) =>
        new(key, title, rows.GroupBy(by).OrderBy(g => order(g.Key))
            .Select(g => new BreakdownRow(label(g.Key), of(g.Where(r => r.P.Sen)), of(g.Where(r => !r.P.Sen)))).ToList());

    private static Breakdown Flag(string key, string title, List<(PupilProfile P, PupilFigures F)> rows, Func<(PupilProfile P, PupilFigures F), bool> flag,
        string yes, string no, Func<IEnumerable<(PupilProfile P, PupilFigures F)>, GroupFigure> of) =>
        new(key, title,
        [
            new(yes, of(rows.Where(r => flag(r) && r.P.Sen)), of(rows.Where(r => flag(r) && !r.P.Sen))),
            new(no, of(rows.Where(r => !flag(r) && r.P.Sen)), of(rows.Where(r => !flag(r) && !r.P.Sen))),
        ]);

    /// <summary>Within one side (SEN, not SEN) of a breakdown whose total is shown, a single withheld line could be
    /// worked out from the total and the others; withhold the smallest other line with pupils as well.</summary>
    public static Breakdown SecondarySuppression(Breakdown b, GroupFigure senTotal, GroupFigure notSenTotal)
    {
        var rows = b.Rows.ToList();
        foreach (var side in new[] { true, false })
        {
            var total = side ? senTotal : notSenTotal;
            if (total.Suppressed || total.Pupils == 0) continue;
            GroupFigure? Get(BreakdownRow r) => side ? r.Sen : r.NotSen;
            var cells = rows.Select((r, i) => (i, f: Get(r))).Where(x => x.f is { Pupils: > 0 }).ToList();
            if (cells.Count(c => c.f!.Suppressed) != 1) continue;
            var next = cells.Where(c => !c.f!.Suppressed).OrderBy(c => c.f!.Pupils).ThenBy(c => c.i).FirstOrDefault();
            if (next.f is null) continue;
            var row = rows[next.i];
            rows[next.i] = side ? row with { Sen = Withhold(row.Sen!) } : row with { NotSen = Withhold(row.NotSen!) };
        }
        return b with { Rows = rows };
    }

    /// <summary>Figures of each pupil with a result in <paramref name="term"/> for one measure (the results given are
    /// all of one measure, subject and scale); progress from the same pupil's result in <paramref name="baseline"/>.
    /// A pupil with two results in a term (entered twice) counts once, with the latest recorded.</summary>
    public static IReadOnlyList<PupilFigures> FiguresFor(IEnumerable<AssessmentResult> results, AssessmentTerm term, AssessmentTerm? baseline)
    {
        var list = results.ToList();
        var now = Latest(list.Where(r => r.When == term));
        var before = baseline is { } b ? Latest(list.Where(r => r.When == b)) : [];
        return now.Values.Select(r =>
        {
            var attainment = AssessmentRules.Attainment(r);
            if (attainment is null) return null;
            decimal? progress = before.TryGetValue(r.PupilId, out var p) && AssessmentRules.ProgressValue(r) is { } v1 && AssessmentRules.ProgressValue(p) is { } v0 ? v1 - v0 : null;
            return new PupilFigures(r.PupilId, attainment.Value, AssessmentRules.AtOrAboveExpected(r), progress);
        }).Where(f => f is not null).Select(f => f!).OrderBy(f => f.PupilId).ToList();
    }

    private static Dictionary<Guid, AssessmentResult> Latest(IEnumerable<AssessmentResult> rs) =>
        rs.GroupBy(r => r.PupilId).ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.RecordedAt).First());

    /// <summary>SEN and non-SEN over every term with results, oldest first; each term's progress from the term before.</summary>
    public static IReadOnlyList<TrendPoint> Trend(IReadOnlyCollection<PupilProfile> profiles, IReadOnlyCollection<AssessmentResult> results, bool suppress, int threshold = DefaultThreshold)
    {
        var terms = results.Select(r => r.When).Distinct().OrderBy(t => t.Ordinal).ToList();
        var points = new List<TrendPoint>();
        for (var i = 0; i < terms.Count; i++)
        {
            var a = Analyse(profiles, FiguresFor(results, terms[i], i == 0 ? null : terms[i - 1]), suppress, threshold);
            points.Add(new TrendPoint(terms[i], a.Sen, a.NotSen));
        }
        return points;
    }
}
