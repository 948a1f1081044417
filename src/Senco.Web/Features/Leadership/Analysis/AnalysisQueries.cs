using System.Globalization;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Senco.Core.Access;
using Senco.Core.Leadership;
using Senco.Core.Model;
using Senco.Web.Features.Leadership.Assessment;
using Senco.Web.Features.Provision;
using Senco.Web.Features.Register;

namespace Senco.Web.Features.Leadership.Analysis;

/// One series of results that can be analysed: a measure, its subject or the school's scale.
public sealed record Series(string Key, AssessmentMeasure Measure, string Subject, Guid? ScaleId, string Label, bool Graded);

public sealed record AnalysisView(IReadOnlyList<Series> Available, Series? Series, IReadOnlyList<AssessmentTerm> Terms, AssessmentTerm? Term, AssessmentTerm? Baseline,
    AnalysisResult? Result, IReadOnlyList<TrendPoint> Trend)
{
    public bool Suppressing => Result?.Suppressing ?? false;
}

/// <summary>
/// Loads a school's results of one series and analyses them. Reads through <see cref="SchoolData"/>, which keeps to
/// the one school and lets a governor (who cannot read pupil records) reach the aggregates; what a governor sees is
/// suppressed (see AssessmentAnalysis) and never carries a name or a UPN.
/// </summary>
public static class AnalysisQueries
{
    public static async Task<AnalysisView> LoadAsync(SchoolData data, string? seriesKey, string? termKey, CancellationToken ct)
    {
        var suppress = !data.School.Can(Permission.ViewAssessments);
        var keys = await data.Q<AssessmentResult>().GroupBy(r => new { r.Measure, r.Subject, r.ScaleId }).Select(g => new { g.Key.Measure, g.Key.Subject, g.Key.ScaleId, Count = g.Count() }).ToListAsync(ct);
        var scales = await data.Q<AssessmentScale>().ToListAsync(ct);
        var available = keys.Select(k =>
        {
            var scale = scales.FirstOrDefault(s => s.Id == k.ScaleId);
            return new Series(KeyOf(k.Measure, k.Subject, k.ScaleId), k.Measure, k.Subject, k.ScaleId, AssessmentCommands.Describe(k.Measure, k.Subject, scale?.Name),
                AssessmentRules.IsGraded(k.Measure, scale));
        }).OrderBy(s => s.Measure).ThenBy(s => s.Label, StringComparer.Ordinal).ToList();
        // Without a choice, the series with the most results: the one a governor most likely asks about.
        var busiest = keys.OrderByDescending(k => k.Count).Select(k => KeyOf(k.Measure, k.Subject, k.ScaleId)).FirstOrDefault();
        var series = available.FirstOrDefault(s => s.Key == seriesKey) ?? available.FirstOrDefault(s => s.Key == busiest);
        if (series is null) return new AnalysisView(available, null, [], null, null, null, []);

        var results = await data.Q<AssessmentResult>().Include(r => r.Scale)
            .Where(r => r.Measure == series.Measure && r.Subject == series.Subject && r.ScaleId == series.ScaleId).ToListAsync(ct);
        var pupilIds = results.Select(r => r.PupilId).Distinct().ToList();
        // Only the facts grouped by: never a name.
        var profiles = await data.Q<Pupil>().Where(p => pupilIds.Contains(p.Id))
            .Select(p => new PupilProfile(p.Id, p.SenStatus, p.PrimaryNeed, p.YearGroup, p.Eal, p.PupilPremium, p.LookedAfter)).ToListAsync(ct);
        var terms = results.Select(r => r.When).Distinct().OrderByDescending(t => t.Ordinal).ToList();
        var term = AssessmentTerm.TryParse(termKey, out var t) && terms.Contains(t) ? t : terms[0];
        AssessmentTerm? baseline = terms.Where(x => x.Ordinal < term.Ordinal).Select(x => (AssessmentTerm?)x).FirstOrDefault();
        var analysis = AssessmentAnalysis.Analyse(profiles, AssessmentAnalysis.FiguresFor(results, term, baseline), suppress);
        var trend = AssessmentAnalysis.Trend(profiles, results, suppress);
        return new AnalysisView(available, series, terms, term, baseline, analysis, trend);
    }

    public static string KeyOf(AssessmentMeasure m, string subject, Guid? scaleId) =>
        scaleId is { } id ? $"{m}:{id:N}" : subject.Length == 0 ? m.ToString() : $"{m}:{subject}";

    /// What the mean means for this series, in words a governor reads.
    public static string MeanLabel(Series s) => s.Measure switch
    {
        AssessmentMeasure.StandardisedScore => "Average score",
        AssessmentMeasure.ReadingAge or AssessmentMeasure.SpellingAge => "Average gap to actual age (months)",
        _ => "Average",
    };

    public static string ProgressLabel(Series s) => s.Measure switch
    {
        AssessmentMeasure.StandardisedScore => "Average points gained",
        AssessmentMeasure.ReadingAge or AssessmentMeasure.SpellingAge => "Average months gained",
        _ when s.Graded => "Average grade steps moved",
        _ => "Average change",
    };

    public const string Withheld = "Withheld";

    public static string N(decimal? d, bool signed = false) => d is not { } v ? "–" : (signed && v > 0 ? "+" : "") + v.ToString("0.#", CultureInfo.InvariantCulture);

    public static string Pct(decimal? d) => d is { } v ? v.ToString("0.#", CultureInfo.InvariantCulture) + "%" : "–";

    public static string[] Headers(Series s) => ["Section", "Category", "Group", "Pupils", MeanLabel(s), "At or above expected", "Pupils with a baseline", ProgressLabel(s)];

    private static string[] Cells(string section, string category, string group, GroupFigure f, bool graded) => f.Suppressed
        ? [section, category, group, "Fewer than " + AssessmentAnalysis.DefaultThreshold, Withheld, Withheld, Withheld, Withheld]
        : [section, category, group, f.Pupils.ToString(CultureInfo.InvariantCulture), graded ? "–" : N(f.Mean), Pct(f.PercentAtExpected),
           f.ProgressSuppressed ? Withheld : f.ProgressPupils.ToString(CultureInfo.InvariantCulture), f.ProgressSuppressed ? Withheld : N(f.MeanProgress, true)];

    /// Every figure of the page, one row each, as the page shows it (withheld where it is withheld).
    public static IEnumerable<string[]> Rows(AnalysisView v)
    {
        if (v.Result is not { } r || v.Series is not { } s) yield break;
        yield return Cells("All", "All pupils", "SEN", r.Sen, s.Graded);
        yield return Cells("All", "All pupils", "Not SEN", r.NotSen, s.Graded);
        foreach (var b in r.Breakdowns)
            foreach (var row in b.Rows)
            {
                if (row.Sen is { Pupils: > 0 } sen) yield return Cells(b.Title, row.Category, "SEN", sen, s.Graded);
                if (row.NotSen is { Pupils: > 0 } not) yield return Cells(b.Title, row.Category, "Not SEN", not, s.Graded);
            }
        foreach (var p in v.Trend)
        {
            yield return Cells("Trend over terms", p.Term.Label, "SEN", p.Sen, s.Graded);
            yield return Cells("Trend over terms", p.Term.Label, "Not SEN", p.NotSen, s.Graded);
        }
    }

    public static byte[] Csv(AnalysisView v)
    {
        using var ms = new MemoryStream();
        var options = new CsvWriterOptions { WriteByteOrderMark = true, Injection = CsvInjection.None, NewLine = "\r\n" };
        using (var csv = CsvWriter.Create(ms, options, true))
        {
            foreach (var h in Headers(v.Series!)) csv.WriteField(RegisterExport.SafeCell(h));
            csv.EndRecord();
            foreach (var row in Rows(v))
            {
                foreach (var cell in row) csv.WriteField(RegisterExport.SafeCell(cell));
                csv.EndRecord();
            }
        }
        return ms.ToArray();
    }

    public static byte[] Xlsx(AnalysisView v)
    {
        var table = new System.Data.DataTable("Analysis");
        foreach (var h in Headers(v.Series!)) table.Columns.Add(h, typeof(string));
        foreach (var row in Rows(v)) table.Rows.Add(row.Select(RegisterExport.SafeCell).ToArray());
        using var ms = new MemoryStream();
        ms.SaveAs(table, sheetName: "Analysis");
        return ms.ToArray();
    }

    public static string FileName(string urn, AnalysisView v, string ext) =>
        $"assessment-analysis-{urn}-{System.Text.RegularExpressions.Regex.Replace(v.Series!.Label.ToLowerInvariant(), "[^a-z0-9]+", "-").Trim('-')}-{v.Term!.Value.Key}.{ext}";
}
