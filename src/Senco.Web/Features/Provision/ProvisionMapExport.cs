using System.Data;
using System.Globalization;
using MiniExcelLibs;
using Senco.Core;
using Senco.Core.Pupils;
using Senco.Core.Provision;
using Senco.Core.Sen;
using static Senco.Web.Features.Register.RegisterExport;

namespace Senco.Web.Features.Provision;

/// <summary>
/// The costed provision map as a workbook: one row per pupil per provision, each pupil's total against the £6,000,
/// the groups, and the summary by area, year group and wave. Text cells go through SafeCell (formula injection);
/// money is written as numbers so that the SENCO can add it up in Excel.
/// </summary>
public static class ProvisionMapExport
{
    public static byte[] Xlsx(YearProvision y)
    {
        var byPupil = new DataTable("Provision map");
        foreach (var h in new[] { "UPN", "Forename", "Surname", "Year group", "SEN status", "Primary need", "Group", "Provision", "Area of need", "Wave", "Joined", "Left" })
            byPupil.Columns.Add(h, typeof(string));
        byPupil.Columns.Add("Cost (£)", typeof(decimal));
        var groups = y.Groups.ToDictionary(g => g.Id);
        foreach (var m in y.Members.Where(m => y.Pupils.ContainsKey(m.PupilId))
                     .OrderBy(m => y.Pupils[m.PupilId].Surname, StringComparer.OrdinalIgnoreCase).ThenBy(m => y.Pupils[m.PupilId].Forename, StringComparer.OrdinalIgnoreCase)
                     .ThenBy(m => groups[m.GroupId].StartOn))
        {
            var p = y.Pupils[m.PupilId];
            var g = groups[m.GroupId];
            byPupil.Rows.Add(SafeCell(p.Upn), SafeCell(p.Forename), SafeCell(p.Surname), SafeCell(YearGroups.Label(p.YearGroup)), SafeCell(SenStatuses.Describe(p.Status)),
                SafeCell(p.PrimaryNeed is null ? "" : NeedTypes.NameOf(p.PrimaryNeed)), SafeCell(g.Name), SafeCell(g.Provision), SafeCell(ProvisionMap.Describe(g.Area)),
                g.Wave.ToString(CultureInfo.InvariantCulture), Iso(m.JoinedOn), m.LeftOn is { } l ? Iso(l) : "", Money.Pounds(m.Share));
        }

        var totals = new DataTable("Pupil totals");
        foreach (var h in new[] { "UPN", "Forename", "Surname", "Year group", "Provisions" }) totals.Columns.Add(h, typeof(string));
        foreach (var h in new[] { "Total cost (£)", "Met from notional SEN budget (£)", "Top-up required (£)", "Top-up received in year (£)" }) totals.Columns.Add(h, typeof(decimal));
        totals.Columns.Add("Over £6,000", typeof(string));
        var received = y.TopUps.GroupBy(t => t.PupilId).ToDictionary(g => g.Key, g => g.Sum(t => t.InYear));
        foreach (var t in y.Summary.Pupils.Where(t => y.Pupils.ContainsKey(t.PupilId)))
        {
            var p = y.Pupils[t.PupilId];
            totals.Rows.Add(SafeCell(p.Upn), SafeCell(p.Forename), SafeCell(p.Surname), SafeCell(YearGroups.Label(p.YearGroup)), t.Items.ToString(CultureInfo.InvariantCulture),
                Money.Pounds(t.Total), Money.Pounds(t.Total - t.TopUpRequired), Money.Pounds(t.TopUpRequired), Money.Pounds(received.GetValueOrDefault(t.PupilId)),
                t.ExceedsThreshold ? "Yes" : "No");
        }

        var groupTable = new DataTable("Groups");
        foreach (var h in new[] { "Group", "Provision", "Area of need", "Wave", "Staff", "Starts", "Ends", "Weeks", "Sessions a week", "Minutes a session", "Pupils" })
            groupTable.Columns.Add(h, typeof(string));
        foreach (var h in new[] { "Staff hours", "Staff hourly cost (£)", "Resources (£)", "Total cost (£)" }) groupTable.Columns.Add(h, typeof(decimal));
        foreach (var g in y.Groups)
        {
            groupTable.Rows.Add(SafeCell(g.Name), SafeCell(g.Provision), SafeCell(ProvisionMap.Describe(g.Area)), g.Wave.ToString(CultureInfo.InvariantCulture), SafeCell(g.Staff ?? ""),
                Iso(g.StartOn), Iso(g.EndOn), Num(g.Weeks), Num(g.SessionsPerWeek), Num(g.MinutesPerSession), Num(y.MembersOf(g.Id).Count()),
                g.StaffHours, Money.Pounds(g.StaffHourlyCost), Money.Pounds(g.ResourceCost), Money.Pounds(g.Total));
        }

        var summary = new DataTable("Summary");
        summary.Columns.Add("Breakdown", typeof(string));
        summary.Columns.Add("Of", typeof(string));
        summary.Columns.Add("Pupils", typeof(string));
        summary.Columns.Add("Groups", typeof(string));
        summary.Columns.Add("Cost (£)", typeof(decimal));
        var s = y.Summary;
        summary.Rows.Add("Whole school", y.Year.Label, Num(s.PupilsWithProvision), Num(s.Groups), Money.Pounds(s.Total));
        foreach (var a in s.ByArea) summary.Rows.Add("Area of need", ProvisionMap.Describe(a.Key), Num(a.Pupils), Num(a.Groups), Money.Pounds(a.Total));
        foreach (var w in s.ByWave) summary.Rows.Add("Wave", ProvisionMap.DescribeWave(w.Key), Num(w.Pupils), Num(w.Groups), Money.Pounds(w.Total));
        foreach (var yg in s.ByYearGroup) summary.Rows.Add("Year group", YearGroups.Label(yg.Key), Num(yg.Pupils), Num(yg.Groups), Money.Pounds(yg.Total));
        summary.Rows.Add("Pupils over £6,000", "", Num(s.PupilsOverThreshold), "", Money.Pounds(s.TopUpRequired));
        summary.Rows.Add("Groups with no pupils", "", "", "", Money.Pounds(s.CostOfGroupsWithoutPupils));

        var sheets = new Dictionary<string, object>
        {
            ["Provision map"] = byPupil, ["Pupil totals"] = totals, ["Groups"] = groupTable, ["Summary"] = summary,
        };
        using var ms = new MemoryStream();
        ms.SaveAs(sheets);
        return ms.ToArray();
    }

    public static string FileName(string urn, SchoolYear year) => $"provision-map-{urn}-{year.StartYear}-{(year.StartYear + 1) % 100:00}.xlsx";

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);
}
