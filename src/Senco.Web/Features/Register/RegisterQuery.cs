using System.Globalization;
using System.Text;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Senco.Core.Model;
using Senco.Core.Pupils;
using Senco.Core.Sen;
using Senco.Data;

namespace Senco.Web.Features.Register;

/// The register's filters, shared by the page, the API and the exports so that an export holds exactly what
/// was on screen.
public sealed record RegisterFilter(
    string? Status = null, string? Need = null, string? YearGroup = null,
    bool? Eal = null, bool? LookedAfter = null, bool? PupilPremium = null, string? Q = null,
    string? Sort = null, string? Dir = null)
{
    public static readonly string[] SortKeys = ["name", "upn", "year", "status", "primary", "secondary", "added"];

    public bool IsFiltered => Status != null || Need != null || YearGroup != null || Eal != null || LookedAfter != null || PupilPremium != null || !string.IsNullOrWhiteSpace(Q);

    public string Describe()
    {
        var parts = new List<string>();
        if (Status != null) parts.Add($"status {Status}");
        if (Need != null) parts.Add($"need {Need}");
        if (YearGroup != null) parts.Add($"year group {YearGroup}");
        if (Eal != null) parts.Add($"EAL {(Eal.Value ? "yes" : "no")}");
        if (LookedAfter != null) parts.Add($"looked after {(LookedAfter.Value ? "yes" : "no")}");
        if (PupilPremium != null) parts.Add($"pupil premium {(PupilPremium.Value ? "yes" : "no")}");
        if (!string.IsNullOrWhiteSpace(Q)) parts.Add($"search \"{Q}\"");
        return parts.Count == 0 ? "no filters" : string.Join(", ", parts);
    }
}

public sealed record RegisterRow(Guid Id, string Upn, bool UpnIsTemporary, string Forename, string Surname, string YearGroup, SenStatus Status,
    string? PrimaryNeed, string? SecondaryNeed, bool Eal, bool LookedAfter, bool PupilPremium, DateOnly? OnRegisterSince);

public sealed record RegisterResult(IReadOnlyList<RegisterRow> Rows, IReadOnlyDictionary<SenStatus, int> ByStatus, IReadOnlyList<(string Need, int Count)> ByPrimaryNeed);

public static class RegisterQuery
{
    /// Pupils on roll at status K or E in one school, filtered. The caller has already checked the user may view
    /// the register of this school; the tenancy filter applies as well.
    public static async Task<RegisterResult> RunAsync(SencoDbContext db, int schoolId, RegisterFilter f, CancellationToken ct)
    {
        // IN ('K','E') rather than <> 'N': both databases can seek the (SchoolId, SenStatus) index on IN, not on <>.
        var q = db.Pupils.AsNoTracking().Where(p => p.SchoolId == schoolId && p.OnRoll && (p.SenStatus == SenStatus.K || p.SenStatus == SenStatus.E));
        if (SenStatuses.TryParse(f.Status, out var status) && status != SenStatus.N) q = q.Where(p => p.SenStatus == status);
        if (!string.IsNullOrWhiteSpace(f.Need))
        {
            var need = f.Need.Trim().ToUpperInvariant();
            q = q.Where(p => p.PrimaryNeed == need || p.SecondaryNeed == need);
        }
        if (!string.IsNullOrWhiteSpace(f.YearGroup)) q = q.Where(p => p.YearGroup == f.YearGroup);
        if (f.Eal is { } eal) q = q.Where(p => p.Eal == eal);
        if (f.LookedAfter is { } la) q = q.Where(p => p.LookedAfter == la);
        if (f.PupilPremium is { } pp) q = q.Where(p => p.PupilPremium == pp);
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            foreach (var word in Pupil.SearchWords(f.Q)) q = q.Where(p => p.SearchText.Contains(word));
        }

        var rows = await q
            .Select(p => new RegisterRow(p.Id, p.Upn, p.UpnIsTemporary, p.Forename, p.Surname, p.YearGroup, p.SenStatus, p.PrimaryNeed, p.SecondaryNeed,
                p.Eal, p.LookedAfter, p.PupilPremium, p.OnRegisterSince))
            .ToListAsync(ct);

        // Sorting in memory: a register is at most a few hundred rows, and year groups and needs sort by meaning
        // (Reception before Year 1), which SQL cannot know.
        var sorted = Sort(rows, f.Sort, f.Dir);
        var byStatus = new Dictionary<SenStatus, int> { [SenStatus.K] = rows.Count(r => r.Status == SenStatus.K), [SenStatus.E] = rows.Count(r => r.Status == SenStatus.E) };
        var byNeed = rows.Where(r => r.PrimaryNeed != null).GroupBy(r => r.PrimaryNeed!)
            .Select(g => (g.Key, g.Count())).OrderByDescending(x => x.Item2).ThenBy(x => x.Key).ToList();
        return new RegisterResult(sorted, byStatus, byNeed);
    }

    public static IReadOnlyList<RegisterRow> Sort(IEnumerable<RegisterRow> rows, string? sort, string? dir)
    {
        var desc = string.Equals(dir, "desc", StringComparison.OrdinalIgnoreCase);
        var cmp = StringComparer.OrdinalIgnoreCase;
        IOrderedEnumerable<RegisterRow> ordered = (sort ?? "name") switch
        {
            "upn" => desc ? rows.OrderByDescending(r => r.Upn, cmp) : rows.OrderBy(r => r.Upn, cmp),
            "year" => desc ? rows.OrderByDescending(r => YearGroups.Order(r.YearGroup)) : rows.OrderBy(r => YearGroups.Order(r.YearGroup)),
            "status" => desc ? rows.OrderByDescending(r => r.Status) : rows.OrderBy(r => r.Status),
            "primary" => desc ? rows.OrderByDescending(r => r.PrimaryNeed ?? "", cmp) : rows.OrderBy(r => r.PrimaryNeed ?? "", cmp),
            "secondary" => desc ? rows.OrderByDescending(r => r.SecondaryNeed ?? "", cmp) : rows.OrderBy(r => r.SecondaryNeed ?? "", cmp),
            "added" => desc ? rows.OrderByDescending(r => r.OnRegisterSince) : rows.OrderBy(r => r.OnRegisterSince),
            _ => desc ? rows.OrderByDescending(r => r.Surname, cmp) : rows.OrderBy(r => r.Surname, cmp),
        };
        return ordered.ThenBy(r => r.Surname, cmp).ThenBy(r => r.Forename, cmp).ThenBy(r => r.Upn, cmp).ToList();
    }
}

/// CSV and XLSX downloads of the register. Every text cell is neutralised against formula injection: a value a
/// person typed that starts with = + - @ or a control character would otherwise run as a formula in Excel.
public static class RegisterExport
{
    public static readonly string[] Headers =
    [
        "UPN", "Temporary UPN", "Forename", "Surname", "Year group", "SEN status", "SEN status meaning", "Primary need",
        "Primary need meaning", "Secondary need", "Secondary need meaning", "EAL", "Looked after", "Pupil premium", "On register since",
    ];

    public static IEnumerable<string[]> Cells(IEnumerable<RegisterRow> rows) => rows.Select(r => new[]
    {
        r.Upn, r.UpnIsTemporary ? "Yes" : "No", r.Forename, r.Surname, r.YearGroup, r.Status.ToString(), SenStatuses.Describe(r.Status),
        r.PrimaryNeed ?? "", r.PrimaryNeed is null ? "" : NeedTypes.NameOf(r.PrimaryNeed), r.SecondaryNeed ?? "",
        r.SecondaryNeed is null ? "" : NeedTypes.NameOf(r.SecondaryNeed), r.Eal ? "Yes" : "No", r.LookedAfter ? "Yes" : "No",
        r.PupilPremium ? "Yes" : "No", r.OnRegisterSince?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
    }.Select(SafeCell).ToArray());

    public static string SafeCell(string value) =>
        value.Length > 0 && (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\n' or '|') ? "'" + value : value;

    public static byte[] Csv(IEnumerable<RegisterRow> rows)
    {
        using var ms = new MemoryStream();
        // Excel opens a UTF-8 CSV correctly only with a byte-order mark. Injection is neutralised by SafeCell,
        // identically for CSV and XLSX, so the library's own escaping is off to avoid escaping twice.
        var options = new CsvWriterOptions { WriteByteOrderMark = true, Injection = CsvInjection.None, NewLine = "\r\n" };
        using (var csv = CsvWriter.Create(ms, options, true))
        {
            foreach (var h in Headers) csv.WriteField(h);
            csv.EndRecord();
            foreach (var row in Cells(rows))
            {
                foreach (var cell in row) csv.WriteField(cell);
                csv.EndRecord();
            }
        }
        return ms.ToArray();
    }

    public static byte[] Xlsx(IEnumerable<RegisterRow> rows)
    {
        // A DataTable keeps the header row even when the filter matches nobody.
        var table = new System.Data.DataTable("SEND register");
        foreach (var h in Headers) table.Columns.Add(h, typeof(string));
        foreach (var cells in Cells(rows)) table.Rows.Add(cells);
        using var ms = new MemoryStream();
        ms.SaveAs(table, sheetName: "SEND register");
        return ms.ToArray();
    }

    public static string FileName(string urn, string ext) => $"send-register-{urn}-{DateTime.UtcNow:yyyy-MM-dd}.{ext}";
}
