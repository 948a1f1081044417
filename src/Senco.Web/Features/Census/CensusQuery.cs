using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Senco.Core.Access;
using Senco.Core.Exchange;
using Senco.Data;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;
using Senco.Web.Features.Shared.Audit;

namespace Senco.Web.Features.Census;

public sealed record CensusRow(Guid PupilId, string Upn, string Name, string YearGroup, CensusSenItems Items, IReadOnlyList<CensusProblem> Problems);

public sealed record CensusReport(CensusDay Day, IReadOnlyList<CensusRow> Rows)
{
    public IEnumerable<CensusRow> Failing => Rows.Where(r => r.Problems.Count > 0);
}

/// The SEN items of the school census for every pupil on roll (provision; ranked needs for K and E only; unit and
/// resourced-provision indicators), each checked against the census rules (Core CensusCheck).
public sealed class CensusQuery(SencoDbContext db, UserContext user, TimeProvider clock, AuditLog audit)
{
    public async Task<Outcome<CensusReport>> RunAsync(string urn, CancellationToken ct = default)
    {
        var grant = user.School(urn);
        if (grant is null) return Outcome<CensusReport>.NotFound();
        if (!grant.Can(Permission.ExchangeData)) return Outcome<CensusReport>.Forbidden();
        var pupils = await db.Pupils.AsNoTracking().Where(p => p.SchoolId == grant.SchoolId && p.OnRoll)
            .OrderBy(p => p.Surname).ThenBy(p => p.Forename)
            .Select(p => new { p.Id, p.Upn, p.Forename, p.Surname, p.YearGroup, p.SenStatus, p.Needs, p.SenUnitIndicator, p.ResourcedProvisionIndicator })
            .ToListAsync(ct);
        var rows = pupils.Select(p =>
        {
            var needs = p.Needs.Length == 0 ? [] : p.Needs.Split(',').Select((n, i) => new CtfNeed(i + 1, n)).ToList();
            var items = new CensusSenItems(p.Upn, p.SenStatus.ToString(), needs, p.SenUnitIndicator, p.ResourcedProvisionIndicator);
            return new CensusRow(p.Id, p.Upn, $"{p.Forename} {p.Surname}", p.YearGroup, items, CensusCheck.Check(items));
        }).ToList();
        audit.Read("census.sen", $"Read the census SEN items of {rows.Count} pupils", grant.SchoolId);
        return Outcome<CensusReport>.Ok(new CensusReport(CensusDays.Next(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)), rows));
    }

    /// The items as CSV. A cell that a spreadsheet would run as a formula (=, +, -, @, tab, carriage return) is prefixed
    /// with an apostrophe (OWASP CSV injection advice), so a name like "=HYPERLINK(...)" stays text.
    public static byte[] ToCsv(CensusReport report)
    {
        var sb = new StringBuilder();
        sb.Append("UPN,Name,Year group,SENprovision,SENtype rank 1,SENtype rank 2,Other needs,SENunitIndicator,ResourcedProvisionIndicator,Problems\r\n");
        foreach (var r in report.Rows)
        {
            var needs = r.Items.Needs;
            string[] cells =
            [
                r.Upn, r.Name, r.YearGroup, r.Items.Provision,
                needs.FirstOrDefault(n => n.Rank == 1)?.Type ?? "", needs.FirstOrDefault(n => n.Rank == 2)?.Type ?? "",
                string.Join(" ", needs.Where(n => n.Rank > 2).Select(n => $"{n.Rank}:{n.Type}")),
                r.Items.SenUnitIndicator ? "true" : "false", r.Items.ResourcedProvisionIndicator ? "true" : "false",
                string.Join("; ", r.Problems.Select(p => p.Message)),
            ];
            sb.Append(string.Join(',', cells.Select(Cell))).Append("\r\n");
        }
        return new UTF8Encoding(true).GetPreamble().Concat(Encoding.UTF8.GetBytes(sb.ToString())).ToArray();
    }

    public static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    public static string FileName(string urn, CensusDay day) => $"census-sen-{urn}-{day.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.csv";
}
