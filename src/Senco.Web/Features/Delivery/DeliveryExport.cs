using System.Data;
using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using MiniExcelLibs;
using Senco.Core;
using Senco.Core.Delivery;
using Senco.Core.Pupils;
using static Senco.Web.Features.Register.RegisterExport;

namespace Senco.Web.Features.Delivery;

/// <summary>
/// Planned against delivered, ready for an annual review, a parent meeting or a tribunal bundle: a Word document that
/// reads as a statement of what was planned and what happened, and a workbook with every week, line and session.
/// Text cells go through SafeCell (formula injection); minutes are written as numbers.
/// </summary>
public static class DeliveryExport
{
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static string FileName(PupilDeliveryReport r, string ext) => $"provision-delivered-{r.Pupil.Upn}-{r.From:yyyy-MM-dd}-to-{r.To:yyyy-MM-dd}.{ext}";

    public static string Pct(decimal? p) => p is { } v ? v.ToString("0.#", CultureInfo.InvariantCulture) + "%" : "no time owed";

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static byte[] Workbook(PupilDeliveryReport r)
    {
        var weeks = new DataTable("Weeks");
        weeks.Columns.Add("Week of", typeof(string));
        foreach (var h in new[] { "School days", "Planned (min)", "Delivered (min)", "Not possible (min)", "Expected (min)", "Shortfall (min)" }) weeks.Columns.Add(h, typeof(decimal));
        weeks.Columns.Add("Delivered %", typeof(string));
        foreach (var w in r.Weeks)
            weeks.Rows.Add(Iso(w.Monday), w.SchoolDays, Math.Round(w.PlannedMinutes, 1), w.DeliveredMinutes, w.NotPossibleMinutes, Math.Round(w.ExpectedMinutes, 1), Math.Round(w.ShortfallMinutes, 1), Pct(w.Percent));

        var lines = new DataTable("Lines");
        foreach (var h in new[] { "Source", "Provision", "Dose", "1:1 or group", "Staff", "From", "To", "Delivered through" }) lines.Columns.Add(h, typeof(string));
        foreach (var h in new[] { "Planned (min)", "Delivered (min)", "Expected (min)", "Shortfall (min)" }) lines.Columns.Add(h, typeof(decimal));
        lines.Columns.Add("Delivered %", typeof(string));
        foreach (var l in r.Lines)
            lines.Rows.Add(SafeCell(l.Source), SafeCell(l.Label), $"{l.MinutesPerWeek} minutes a week", l.Mode, SafeCell(l.StaffName ?? l.StaffType ?? ""), Iso(l.From),
                l.To is { } t ? Iso(t) : "", SafeCell(l.DeliveredThrough ?? ""), Math.Round(l.Total.PlannedMinutes, 1), l.Total.DeliveredMinutes,
                Math.Round(l.Total.ExpectedMinutes, 1), Math.Round(l.Total.ShortfallMinutes, 1), Pct(l.Total.Percent));

        var sessions = new DataTable("Sessions");
        foreach (var h in new[] { "Date", "Start", "Provision", "Delivered or missed", "Reason", "Counts as shortfall", "Note", "Source", "Recorded by", "Recorded at (UTC)" })
            sessions.Columns.Add(h, typeof(string));
        sessions.Columns.Add("Minutes", typeof(int));
        foreach (var l in r.Lines)
            foreach (var s in l.Sessions.OrderBy(s => s.On))
                sessions.Rows.Add(Iso(s.On), s.Start ?? "", SafeCell(l.Label), s.Delivered ? "Delivered" : "Missed", s.Reason is { } re ? ShortfallPolicy.Describe(re) : "",
                    s.Delivered ? "" : r.Policy.Counts(s.Reason ?? MissedReason.Other) ? "Yes" : "No", SafeCell(s.Note ?? ""), SafeCell(s.Source), SafeCell(s.RecordedBy),
                    s.RecordedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), s.Minutes);

        var terms = new DataTable("Terms");
        terms.Columns.Add("Term", typeof(string));
        foreach (var h in new[] { "Planned (min)", "Delivered (min)", "Expected (min)", "Shortfall (min)" }) terms.Columns.Add(h, typeof(decimal));
        terms.Columns.Add("Delivered %", typeof(string));
        terms.Columns.Add("Reasons for shortfall", typeof(string));
        foreach (var (term, f) in r.Terms)
            terms.Rows.Add(term.Label, Math.Round(f.PlannedMinutes, 1), f.DeliveredMinutes, Math.Round(f.ExpectedMinutes, 1), Math.Round(f.ShortfallMinutes, 1), Pct(f.Percent), Reasons(f));

        using var ms = new MemoryStream();
        ms.SaveAs(new Dictionary<string, object> { ["Terms"] = terms, ["Weeks"] = weeks, ["Lines"] = lines, ["Sessions"] = sessions });
        return ms.ToArray();
    }

    public static string Reasons(PeriodFigures f)
    {
        var parts = f.ShortfallReasons.Select(x => $"{ShortfallPolicy.Describe(x.Reason)} {DeliveryArithmetic.Show(x.Minutes)}").ToList();
        if (f.UnexplainedMinutes > 0) parts.Add($"not logged {DeliveryArithmetic.Show(f.UnexplainedMinutes)}");
        return parts.Count == 0 ? "None" : string.Join("; ", parts);
    }

    public static byte[] Word(PupilDeliveryReport r, string schoolName)
    {
        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);
            void Para(string text, bool bold = false, int size = 22)
            {
                var run = new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
                run.RunProperties = new RunProperties(new FontSize { Val = (size).ToString(CultureInfo.InvariantCulture) });
                if (bold) run.RunProperties.Append(new Bold());
                body.Append(new Paragraph(run));
            }
            void Table(string[] headers, IEnumerable<string[]> rows)
            {
                var table = new Table(new TableProperties(new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 },
                    new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 })));
                TableRow Row(string[] cells, bool header) => new(cells.Select(c =>
                {
                    var run = new Run(new Text(c) { Space = SpaceProcessingModeValues.Preserve });
                    if (header) run.RunProperties = new RunProperties(new Bold());
                    return new TableCell(new Paragraph(run));
                }));
                var head = Row(headers, true);
                head.TableRowProperties = new TableRowProperties(new TableHeader());
                table.Append(head);
                foreach (var row in rows) table.Append(Row(row, false));
                body.Append(table);
                body.Append(new Paragraph());
            }

            Para(schoolName, bold: true);
            Para($"Provision planned and delivered: {r.Pupil.FullName}", bold: true, size: 32);
            Para($"UPN {r.Pupil.Upn}, date of birth {Dates.Long(r.Pupil.DateOfBirth)}, {YearGroups.Label(r.Pupil.YearGroup)}. Period {Dates.Long(r.From)} to {Dates.Long(r.To)}. Prepared {Dates.Long(r.Today)}.");
            Para($"Over the period {DeliveryArithmetic.Show(r.Total.DeliveredMinutes)} was delivered of {DeliveryArithmetic.Show(r.Total.ExpectedMinutes)} expected " +
                 $"({Pct(r.Total.Percent)}); {DeliveryArithmetic.Show(r.Total.PlannedMinutes)} was planned, and {DeliveryArithmetic.Show(r.Total.NotPossibleMinutes)} could not be delivered for reasons that do not count as shortfall " +
                 $"({string.Join(", ", Enum.GetValues<MissedReason>().Where(x => !r.Policy.Counts(x)).Select(ShortfallPolicy.Describe))}). Reasons for shortfall: {Reasons(r.Total)}.");
            Para("How this is worked out: each line's planned time is its minutes a week, pro rata for part weeks (Monday to Friday) within the line's dates. " +
                 "Terms are autumn (September to December), spring (January to March) and summer (April to August). Sessions come from the delivery log and from intervention-group registers.");
            Para("By term", bold: true, size: 26);
            Table(["Term", "Planned", "Delivered", "Expected", "Delivered %", "Reasons for shortfall"],
                r.Terms.Select(t => new[] { t.Term.Label, DeliveryArithmetic.Show(t.Figures.PlannedMinutes), DeliveryArithmetic.Show(t.Figures.DeliveredMinutes),
                    DeliveryArithmetic.Show(t.Figures.ExpectedMinutes), Pct(t.Figures.Percent), Reasons(t.Figures) }));
            Para("By provision line", bold: true, size: 26);
            Table(["Provision", "Planned dose", "Staff", "Planned", "Delivered", "Delivered %"],
                r.Lines.Select(l => new[] { $"{l.Label} ({l.Source})", $"{DeliveryArithmetic.Show(l.MinutesPerWeek)} a week, {l.Mode}, {Dates.Long(l.From)}" + (l.To is { } t ? $" to {Dates.Long(t)}" : ""),
                    l.StaffName ?? l.StaffType ?? "", DeliveryArithmetic.Show(l.Total.PlannedMinutes), DeliveryArithmetic.Show(l.Total.DeliveredMinutes), Pct(l.Total.Percent) }));
            Para("By week", bold: true, size: 26);
            Table(["Week of", "Planned", "Delivered", "Not possible", "Delivered %"],
                r.Weeks.Select(w => new[] { Dates.Long(w.Monday), DeliveryArithmetic.Show(w.PlannedMinutes), DeliveryArithmetic.Show(w.DeliveredMinutes), DeliveryArithmetic.Show(w.NotPossibleMinutes), Pct(w.Percent) }));
            Para("Missed sessions", bold: true, size: 26);
            var missed = r.Lines.SelectMany(l => l.Sessions.Where(s => !s.Delivered).Select(s => (l, s))).OrderBy(x => x.s.On).ToList();
            if (missed.Count == 0) Para("None recorded.");
            else Table(["Date", "Provision", "Minutes", "Reason", "Counts as shortfall", "Recorded by"],
                missed.Select(x => new[] { Dates.Long(x.s.On), x.l.Label, x.s.Minutes.ToString(CultureInfo.InvariantCulture),
                    ShortfallPolicy.Describe(x.s.Reason ?? MissedReason.Other) + (x.s.Note is null ? "" : ": " + x.s.Note), r.Policy.Counts(x.s.Reason ?? MissedReason.Other) ? "Yes" : "No", x.s.RecordedBy }));
            main.Document.Save();
        }
        return ms.ToArray();
    }
}
