using Microsoft.AspNetCore.Mvc;
using Senco.Core;
using Senco.Core.Access;
using Senco.Core.Model;
using Senco.Core.Provision;
using Senco.Data;
using Senco.Web.Features.Register;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;
using Senco.Web.Features.Shared.Audit;

namespace Senco.Web.Features.Provision;

/// The costed provision map for an academic year: whole school, by area, wave and year group, and per pupil.
public sealed class MapModel(UserContext user, SencoDbContext db, AuditLog audit, TimeProvider clock) : SchoolPageModel(user)
{
    [BindProperty(SupportsGet = true)] public string? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? YearGroup { get; set; }
    [BindProperty(SupportsGet = true)] public string? Area { get; set; }
    [BindProperty(SupportsGet = true)] public bool OverOnly { get; set; }

    public SchoolYear SchoolYear { get; private set; }
    public YearProvision Map { get; private set; } = null!;
    public bool Named => School.Can(Permission.ViewProvision);
    public List<(PupilProvisionTotal Total, MapPupil Pupil, List<MapMember> Items)> Rows { get; private set; } = [];
    public SchoolYear Current => SchoolYear.Containing(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));

    public async Task<IActionResult> OnGetAsync(string urn, CancellationToken ct)
    {
        if (Authorise(urn, Permission.ViewAggregates) is { } denied) return denied;
        SchoolYear = Current;
        if (!string.IsNullOrWhiteSpace(Year))
        {
            if (SchoolYear.TryParse(Year, out var y)) SchoolYear = y;
            else ModelState.AddModelError(nameof(Year), "Choose an academic year from the list");
        }
        Map = await ProvisionQueries.LoadYearAsync(new SchoolData(db, School), SchoolYear, ct);
        if (Named)
        {
            var area = ProvisionRules.ParseArea(Area);
            var byPupil = Map.Members.GroupBy(m => m.PupilId).ToDictionary(g => g.Key, g => g.ToList());
            Rows = Map.Summary.Pupils
                .Where(t => Map.Pupils.ContainsKey(t.PupilId))
                .Where(t => string.IsNullOrEmpty(YearGroup) || t.YearGroup == YearGroup)
                .Where(t => !OverOnly || t.ExceedsThreshold)
                .Select(t => (t, Map.Pupils[t.PupilId], byPupil[t.PupilId]))
                .Where(r => area is null || r.Item3.Any(m => Map.Group(m.GroupId).Area == area))
                .ToList();
            audit.Read("provision.map.read", $"Viewed the provision map for {SchoolYear.Label} ({Rows.Count} pupils shown)", School.SchoolId);
        }
        return Page();
    }

    public async Task<IActionResult> OnGetXlsxAsync(string urn, CancellationToken ct)
    {
        if (Authorise(urn, Permission.ViewProvision) is { } denied) return denied;
        SchoolYear = SchoolYear.TryParse(Year, out var y) ? y : Current;
        var map = await ProvisionQueries.LoadYearAsync(new SchoolData(db, School), SchoolYear, ct);
        audit.Read("provision.map.export", $"Exported the provision map for {SchoolYear.Label} as XLSX ({map.Summary.PupilsWithProvision} pupils)", School.SchoolId);
        return File(ProvisionMapExport.Xlsx(map), RegisterApi.XlsxType, ProvisionMapExport.FileName(urn, SchoolYear));
    }

    public IEnumerable<SchoolYear> Years => Enumerable.Range(0, 4).Select(i => new SchoolYear(Current.StartYear - i));
}
