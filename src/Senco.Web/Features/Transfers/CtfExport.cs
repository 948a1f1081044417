using Microsoft.EntityFrameworkCore;
using Senco.Core;
using Senco.Core.Access;
using Senco.Core.Exchange;
using Senco.Core.Model;
using Senco.Data;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;
using Senco.Web.Features.Shared.Audit;

namespace Senco.Web.Features.Transfers;

public sealed record CtfExportFile(string FileName, byte[] Content, int Pupils);

/// <summary>
/// Builds a CTF of the current version for named pupils of a school, with their SEN history and ranked needs, to a
/// destination LA and establishment (or XXX/XXXX, MMM/MMMM). Every pupil in it is audited as a read of their record.
/// </summary>
public sealed class CtfExporter(SencoDbContext db, UserContext user, TimeProvider clock, AuditLog audit)
{
    public const string ContentType = "application/xml";

    public async Task<Outcome<CtfExportFile>> ExportAsync(string urn, IReadOnlyList<string> upns, string? destLa, string? destEstab, string? destName = null,
        Permission permission = Permission.ExchangeData, CancellationToken ct = default)
    {
        var grant = user.School(urn);
        if (grant is null) return Outcome<CtfExportFile>.NotFound();
        if (!grant.Can(permission)) return Outcome<CtfExportFile>.Forbidden();

        var errors = new ValidationErrors();
        var wanted = upns.Select(u => u.Trim().ToUpperInvariant()).Where(u => u.Length > 0).Distinct().ToList();
        if (wanted.Count == 0) errors.Add("upn", "Name at least one pupil by UPN");
        errors.Merge(CtfVersions.ValidateDestination(destLa, destEstab));
        if (!errors.IsValid) return Outcome<CtfExportFile>.Invalid(errors);

        var pupils = await db.Pupils.IgnoreQueryFilters().AsNoTracking().Where(p => p.SchoolId == grant.SchoolId && wanted.Contains(p.Upn)).ToListAsync(ct);
        foreach (var missing in wanted.Where(u => pupils.All(p => p.Upn != u)))
            errors.Add("upn", $"No pupil with UPN {missing} in this school");
        if (!errors.IsValid) return Outcome<CtfExportFile>.Invalid(errors);

        var school = await db.Schools.AsNoTracking().FirstAsync(s => s.Id == grant.SchoolId, ct);
        var ids = pupils.Select(p => p.Id).ToList();
        var history = (await db.SenStatusChanges.IgnoreQueryFilters().AsNoTracking().Where(c => ids.Contains(c.PupilId)).ToListAsync(ct))
            .ToLookup(c => c.PupilId);

        var now = clock.GetUtcNow().UtcDateTime;
        var file = Build(school, pupils, history, destLa!.Trim().ToUpperInvariant(), destEstab!.Trim().ToUpperInvariant(), destName, now);
        var bytes = CtfWriter.Write(file);
        foreach (var p in pupils)
            audit.Read("pupil.ctf.export", $"Exported {p.Upn} in a CTF to {CtfVersions.DescribeDestination(file.Header.Destination.Lea, file.Header.Destination.Estab)}", grant.SchoolId, p.Id);
        var name = $"{school.LaCode}{school.Estab}_CTF_{file.Header.Destination.Lea}{file.Header.Destination.Estab}_{now:yyyyMMdd-HHmmss}.xml";
        return Outcome<CtfExportFile>.Ok(new CtfExportFile(name, bytes, pupils.Count));
    }

    /// A CTF of the current version. Pure given its inputs, so the transfer pack and the bench share it.
    public static CtfFile Build(School school, IReadOnlyList<Pupil> pupils, ILookup<Guid, SenStatusChange> history, string destLa, string destEstab, string? destName, DateTime now)
    {
        var header = new CtfHeader(CtfVersions.Current, now, "partial", CtfWriter.SupplierId,
            new CtfSchool(school.LaCode, school.Estab, school.Urn, school.Name, CtfVersions.AcademicYearFor(DateOnly.FromDateTime(now))),
            new CtfSchool(destLa, destEstab, null, string.IsNullOrWhiteSpace(destName) ? null : destName.Trim()));
        var items = pupils.OrderBy(p => p.Surname, StringComparer.OrdinalIgnoreCase).ThenBy(p => p.Forename, StringComparer.OrdinalIgnoreCase).Select(p =>
        {
            var sen = history[p.Id].OrderBy(c => c.EffectiveFrom).ThenBy(c => c.Id).Select(c => new CtfSenEntry(c.EffectiveFrom, c.Status.ToString())).ToList();
            // Two changes on one day (a correction): the CTF keeps the later, as one entry per start date.
            sen = sen.GroupBy(s => s.StartDate).Select(g => g.Last()).ToList();
            var needs = p.NeedList.Select((n, i) => new CtfNeed(i + 1, n)).ToList();
            // Senco records whether a pupil has EAL, not the language: OTB is DfE's "other than English (believed)".
            var languages = new List<CtfLanguage> { new("F", p.Eal ? "OTB" : "ENG") };
            return new CtfPupil(p.Upn, p.Surname, p.Forename, p.DateOfBirth, p.Gender, p.FormerUpn, p.YearGroup, languages, p.LookedAfter, [], sen, needs);
        }).ToList();
        return new CtfFile(header, items);
    }
}
