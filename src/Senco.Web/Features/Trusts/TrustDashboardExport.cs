using System.Data;
using System.Globalization;
using CsvHelper;
using MiniExcelLibs;
using Senco.Core.Provision;
using Senco.Core.Sen;
using Senco.Core.Trust;
using Senco.Web.Features.Provision;
using static Senco.Web.Features.Register.RegisterExport;

namespace Senco.Web.Features.Trusts;

/// <summary>
/// The trust dashboard as a download: one row per school and one for the trust, every figure the page shows. No pupil
/// is named (there is none in the figures). Text goes through SafeCell against formula injection — school names are
/// typed by people; numbers are written as numbers in the workbook so that a trust can chart them.
/// </summary>
public static class TrustDashboardExport
{
    public static readonly string[] TextColumns = ["School", "URN"];
    public static readonly string[] NumberColumns =
    [
        "On roll", "No SEN (N)", "SEN support (K)", "EHC plans (E)", "SEN support %", "EHC plans %", "On the register %",
        "Overdue statutory dates", "Notional SEN budget (£)", "Top-up in year (£)", "SEN funding (£)", "Provision cost (£)",
        "Provision cost % of funding", "Intervention places assessed", "Places improved %",
        "Mean gain: reading age (months)", "Mean gain: spelling age (months)", "Mean gain: standardised score (points)",
    ];
    public static readonly string[] TrailingColumns = ["Primary needs (share of the register)", "Far from the trust"];

    private static IEnumerable<SchoolComparison> Rows(TrustDashboard d) => d.Comparison.Schools.Append(d.Comparison.Trust);

    private static string NameOf(TrustDashboard d, SchoolComparison s) => s == d.Comparison.Trust ? $"{d.Trust.Name} (all schools)" : s.Counts.Name;

    private static decimal?[] Numbers(SchoolComparison s) =>
    [
        s.Counts.OnRoll, s.Counts.NoSen, s.Counts.SenSupport, s.Counts.EhcPlans, s.SenSupportPercent, s.EhcPlanPercent, s.RegisterPercent,
        s.Counts.OverdueStatutoryDates, Money.Pounds(s.Counts.NotionalBudget), Money.Pounds(s.Counts.TopUpReceived), Money.Pounds(s.Funding),
        Money.Pounds(s.Counts.ProvisionCost), s.SpendPercentOfFunding, s.Assessed, s.ImprovedPercent,
        s.MeanGain[MeasureKind.ReadingAgeMonths], s.MeanGain[MeasureKind.SpellingAgeMonths], s.MeanGain[MeasureKind.StandardisedScore],
    ];

    public static string Needs(SchoolComparison s) => string.Join("; ", s.Needs.Select(n => $"{n.Need} {TrustComparison.Show(n.Percent)}"));

    public static string Outliers(SchoolComparison s) => string.Join("; ", s.Outliers.Select(o => o.Describe()).Concat(s.Overspent ? ["Provision cost is more than SEN funding"] : []));

    public static byte[] Csv(TrustDashboard d)
    {
        using var ms = new MemoryStream();
        var options = new CsvWriterOptions { WriteByteOrderMark = true, Injection = CsvInjection.None, NewLine = "\r\n" };
        using (var csv = CsvWriter.Create(ms, options, true))
        {
            foreach (var h in TextColumns.Concat(NumberColumns).Concat(TrailingColumns)) csv.WriteField(h);
            csv.EndRecord();
            foreach (var s in Rows(d))
            {
                csv.WriteField(SafeCell(NameOf(d, s)));
                csv.WriteField(SafeCell(s.Counts.Urn));
                foreach (var n in Numbers(s)) csv.WriteField(n?.ToString(CultureInfo.InvariantCulture) ?? "");
                csv.WriteField(SafeCell(Needs(s)));
                csv.WriteField(SafeCell(Outliers(s)));
                csv.EndRecord();
            }
        }
        return ms.ToArray();
    }

    public static byte[] Xlsx(TrustDashboard d)
    {
        var schools = new DataTable("Schools");
        foreach (var h in TextColumns) schools.Columns.Add(h, typeof(string));
        foreach (var h in NumberColumns) schools.Columns.Add(h, typeof(decimal));
        foreach (var h in TrailingColumns) schools.Columns.Add(h, typeof(string));
        foreach (var s in Rows(d))
        {
            var row = schools.NewRow();
            row[0] = SafeCell(NameOf(d, s));
            row[1] = SafeCell(s.Counts.Urn);
            var numbers = Numbers(s);
            for (var i = 0; i < numbers.Length; i++) row[2 + i] = numbers[i] is { } v ? v : DBNull.Value;
            row[2 + numbers.Length] = SafeCell(Needs(s));
            row[3 + numbers.Length] = SafeCell(Outliers(s));
            schools.Rows.Add(row);
        }

        // Primary needs: one row per school and need, for a pivot table.
        var needs = new DataTable("Primary needs");
        needs.Columns.Add("School", typeof(string));
        needs.Columns.Add("Need", typeof(string));
        needs.Columns.Add("Need meaning", typeof(string));
        needs.Columns.Add("Pupils on the register", typeof(int));
        needs.Columns.Add("Share of the register %", typeof(decimal));
        foreach (var s in Rows(d))
            foreach (var n in s.Needs)
                needs.Rows.Add(SafeCell(NameOf(d, s)), SafeCell(n.Need), SafeCell(NeedTypes.NameOf(n.Need)), n.Pupils, n.Percent);

        using var ms = new MemoryStream();
        ms.SaveAs(new Dictionary<string, object> { ["Schools"] = schools, ["Primary needs"] = needs });
        return ms.ToArray();
    }

    public static string FileName(TrustDashboard d, string ext) => $"trust-dashboard-{d.Trust.Id}-{d.Year.StartYear}-{(d.Year.StartYear + 1) % 100:00}.{ext}";
}
