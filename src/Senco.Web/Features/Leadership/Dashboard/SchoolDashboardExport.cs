using System.Data;
using System.Globalization;
using CsvHelper;
using MiniExcelLibs;
using Senco.Core;
using Senco.Core.Ehc;
using Senco.Core.Leadership;
using Senco.Core.Provision;
using Senco.Core.Sen;
using Senco.Core.Trust;
using Senco.Web.Features.Provision;
using static Senco.Web.Features.Register.RegisterExport;

namespace Senco.Web.Features.Leadership.Dashboard;

/// One figure of the dashboard as the downloads give it: a number (pounds, pupils, places), a percentage, or neither
/// when it is withheld or unknown, with a note saying which.
public sealed record DashboardFigure(string Section, string Figure, decimal? Value, decimal? Percent, string Note);

/// <summary>
/// The dashboard's words and its downloads. Every figure the page shows, one row each, in the order of the page;
/// counts only, so no pupil is named (there is none in the figures). Text cells go through SafeCell against formula
/// injection (a school's name is typed by people); numbers stay numbers in the workbook so a governor can chart them.
/// </summary>
public static class SchoolDashboardExport
{
    public static string WithheldNote => $"Withheld: fewer than {AssessmentAnalysis.DefaultThreshold} pupils, or it would reveal such a group";

    /// The term's lines, in the page's order: key (the API's field), label.
    public static IReadOnlyList<(string Key, string Label, Func<TermChanges, int> Count)> ChangeLines { get; } =
    [
        ("addedToSenSupport", "Added to SEN support (N to K)", c => c.AddedToSenSupport),
        ("addedWithEhcPlan", "Added with an EHC plan (N to E)", c => c.AddedWithEhcPlan),
        ("movedToEhcPlan", "Moved from SEN support to an EHC plan (K to E)", c => c.MovedToEhcPlan),
        ("ehcPlanToSenSupport", "EHC plan ended, still on SEN support (E to K)", c => c.EhcPlanToSenSupport),
        ("removedFromRegister", "Removed from the register (K or E to N)", c => c.RemovedFromRegister),
        ("newEhcPlans", "EHC plans issued", c => c.NewEhcPlans),
        ("joinedOnRegister", "Joined the school and on the register", c => c.JoinedOnRegister),
        ("leftOnRegister", "Left the school while on the register", c => c.LeftOnRegister),
    ];

    public static string Period(SchoolDashboard d) => $"{d.TermLabel}, {Dates.Long(d.From)} to {Dates.Long(d.To)}";

    public static string NeedLabel(string code) => $"{NeedTypes.NameOf(code)} ({code})";

    public static string GainLabel(MeasureKind m) => m switch
    {
        MeasureKind.ReadingAgeMonths => "Mean gain: reading age (months)",
        MeasureKind.SpellingAgeMonths => "Mean gain: spelling age (months)",
        MeasureKind.StandardisedScore => "Mean gain: standardised score (points)",
        _ => "Mean gain",
    };

    public static IEnumerable<DashboardFigure> Figures(SchoolDashboard d)
    {
        var f = d.Figures;
        var c = d.Counts;
        var reg = $"Register, {Dates.Long(d.Today)}";
        yield return new(reg, "Pupils on roll", c.OnRoll, null, "");
        yield return new(reg, "No SEN (N)", c.NoSen, TrustComparison.Percent(c.NoSen, c.OnRoll), "Percent of the roll");
        yield return new(reg, "SEN support (K)", c.SenSupport, f.SenSupportPercent, "Percent of the roll");
        yield return new(reg, "EHC plans (E)", c.EhcPlans, f.EhcPlanPercent, "Percent of the roll");
        yield return new(reg, "On the register (K or E)", c.OnRegister, f.RegisterPercent, "Percent of the roll");

        var needs = $"Primary need, {Dates.Long(d.Today)}";
        foreach (var n in d.Needs)
            yield return n.Withheld
                ? new(needs, NeedLabel(n.Need), null, null, WithheldNote)
                : new(needs, NeedLabel(n.Need), n.Pupils, n.Percent, "Percent of pupils on the register with a primary need recorded");

        var period = "Changes, " + Period(d);
        foreach (var (_, label, count) in ChangeLines) yield return new(period, label, count(d.Changes), null, "");

        var statutory = $"Statutory dates, {Dates.Long(d.Today)}";
        yield return new(statutory, "Overdue", d.Overdue, null, "");
        yield return new(statutory, $"Due within {d.DueWithinDays} days", d.DueSoon, null, "");
        foreach (var s in d.Statutory)
        {
            if (s.Overdue > 0) yield return new(statutory, $"{EhcRules.Describe(s.Kind)}: overdue", s.Overdue, null, StatutoryDates.Source(s.Kind));
            if (s.DueSoon > 0) yield return new(statutory, $"{EhcRules.Describe(s.Kind)}: due within {d.DueWithinDays} days", s.DueSoon, null, StatutoryDates.Source(s.Kind));
        }

        var money = $"SEN funding and provision cost, {d.Year.Label}";
        yield return new(money, "Notional SEN budget (£)", Money.Pounds(c.NotionalBudget), null, c.NotionalBudget is null ? "Not recorded" : "");
        yield return new(money, "High-needs top-up in the year (£)", Money.Pounds(c.TopUpReceived), null, "");
        yield return new(money, "SEN funding (£)", Money.Pounds(f.Funding), null, f.Funding is null ? "Unknown until the notional SEN budget is recorded" : "");
        yield return new(money, "Cost of the year's provision (£)", Money.Pounds(c.ProvisionCost), f.SpendPercentOfFunding,
            f.Overspent ? "Percent of SEN funding: more than the funding" : "Percent of SEN funding");

        var impact = $"Intervention impact, groups started in {d.Year.Label}";
        yield return new(impact, "Places assessed (entry and exit score)", f.Assessed, null, "");
        yield return new(impact, "Places that improved", d.PlacesImproved, f.ImprovedPercent, "Percent of places assessed");
        foreach (var m in TrustComparison.GainMeasures) yield return new(impact, GainLabel(m), f.MeanGain[m], null, f.MeanGain[m] is null ? "No places assessed on this measure" : "");
        yield return new(impact, "Cost of the groups that measured progress (£)", Money.Pounds(d.MeasuredGroupsCost), null, "");
        yield return new(impact, "Cost per pupil improved (£)", d.CostPerPupilImproved, null, d.CostPerPupilImproved is null ? "No place improved" : "");
    }

    /// What the download is of, as its first rows: the school, the period and whether small groups are withheld.
    public static IEnumerable<DashboardFigure> About(SchoolDashboard d) =>
    [
        new("About", "School", null, null, $"{d.School.Name} (URN {d.School.Urn})"),
        new("About", "Leaders' and governors' dashboard", null, null, Period(d)),
        new("About", "Small groups withheld", null, null, d.Suppressing ? $"Yes: primary needs of fewer than {AssessmentAnalysis.DefaultThreshold} pupils" : "No"),
    ];

    private static readonly string[] Headers = ["Section", "Figure", "Value", "Percent", "Note"];

    private static string Number(decimal? v) => v?.ToString(CultureInfo.InvariantCulture) ?? "";

    public static byte[] Csv(SchoolDashboard d)
    {
        using var ms = new MemoryStream();
        var options = new CsvWriterOptions { WriteByteOrderMark = true, Injection = CsvInjection.None, NewLine = "\r\n" };
        using (var csv = CsvWriter.Create(ms, options, true))
        {
            foreach (var h in Headers) csv.WriteField(h);
            csv.EndRecord();
            foreach (var f in About(d).Concat(Figures(d)))
            {
                csv.WriteField(SafeCell(f.Section));
                csv.WriteField(SafeCell(f.Figure));
                csv.WriteField(Number(f.Value));
                csv.WriteField(Number(f.Percent));
                csv.WriteField(SafeCell(f.Note));
                csv.EndRecord();
            }
        }
        return ms.ToArray();
    }

    public static byte[] Xlsx(SchoolDashboard d)
    {
        var table = new DataTable("Dashboard");
        table.Columns.Add("Section", typeof(string));
        table.Columns.Add("Figure", typeof(string));
        table.Columns.Add("Value", typeof(decimal));
        table.Columns.Add("Percent", typeof(decimal));
        table.Columns.Add("Note", typeof(string));
        foreach (var f in About(d).Concat(Figures(d)))
            table.Rows.Add(SafeCell(f.Section), SafeCell(f.Figure), f.Value is { } v ? v : DBNull.Value, f.Percent is { } p ? p : DBNull.Value, SafeCell(f.Note));
        using var ms = new MemoryStream();
        ms.SaveAs(table, sheetName: "Dashboard");
        return ms.ToArray();
    }

    public static string FileName(SchoolDashboard d, string ext) =>
        $"dashboard-{d.School.Urn}-{d.Year.StartYear}-{(d.Year.StartYear + 1) % 100:00}-{d.Term.Name.ToString().ToLowerInvariant()}.{ext}";
}
