using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Senco.Core;
using Senco.Core.Access;
using Senco.Core.Model;
using Senco.Data;
using Senco.Web.Features.Pupils;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;
using Senco.Web.Features.Shared.Audit;

namespace Senco.Web.Features.Delivery;

/// A plan line without a dose yet, offered to whoever writes the plan.
public sealed record UndosedLine(DoseLineKind Kind, long LineId, string Label, string Plan);

/// Planned against delivered for one pupil: a chart with its data table, by term, by line, the reasons for shortfall,
/// and the Word and XLSX exports.
public sealed class PupilModel(UserContext user, PupilFinder finder, DeliveryReports reports, SencoDbContext db, AuditLog audit) : PageModel
{
    public PupilDeliveryReport Report { get; private set; } = null!;
    public SchoolGrant School { get; private set; } = null!;
    public IReadOnlyList<UndosedLine> Undosed { get; private set; } = [];
    [BindProperty(SupportsGet = true)] public string? Year { get; set; }

    public bool CanSetEhc => School.Can(Permission.ManageEhc);
    /// Those who log sessions may correct them (the edit page checks the line is theirs, or that they manage delivery).
    public bool CanCorrect => School.Can(Permission.ManageDelivery) || School.Can(Permission.LogDelivery);
    public bool CanSetPlans => School.Can(Permission.ManagePlans);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        audit.Read("delivery.read", $"Read planned against delivered for {Report.Pupil.Upn}", Report.Pupil.SchoolId, id);
        return Page();
    }

    public async Task<IActionResult> OnGetDocxAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        audit.Read("delivery.export", $"Exported planned against delivered (Word) for {Report.Pupil.Upn}", Report.Pupil.SchoolId, id);
        return File(DeliveryExport.Word(Report, School.Name), DeliveryExport.DocxType, DeliveryExport.FileName(Report, "docx"));
    }

    public async Task<IActionResult> OnGetXlsxAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        audit.Read("delivery.export", $"Exported planned against delivered (XLSX) for {Report.Pupil.Upn}", Report.Pupil.SchoolId, id);
        return File(DeliveryExport.Workbook(Report), DeliveryExport.XlsxType, DeliveryExport.FileName(Report, "xlsx"));
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var found = await finder.FindAsync(id, Permission.ViewDelivery, ct: ct);
        if (found.Kind == OutcomeKind.NotFound) return NotFound();
        if (found.Kind == OutcomeKind.Forbidden) return StatusCode(403);
        var pupil = found.Value!;
        School = user.School(pupil.SchoolId)!;
        ViewData["SchoolUrn"] = School.Urn;
        SchoolYear year = SchoolYear.Containing(reports.Today);
        if (Year is not null && !SchoolYear.TryParse(Year, out year)) year = SchoolYear.Containing(reports.Today);
        var (from, to) = reports.YearToDate(year);
        Report = await reports.PupilAsync(pupil, from, to, ct);

        var dosedEhc = await db.PlannedDoses.Where(d => d.PupilId == id && d.EhcProvisionId != null).Select(d => d.EhcProvisionId!.Value).ToListAsync(ct);
        var dosedStrategies = await db.PlannedDoses.Where(d => d.PupilId == id && d.PlanStrategyId != null).Select(d => d.PlanStrategyId!.Value).ToListAsync(ct);
        var ehc = await (from p in db.EhcProvision
                         join n in db.EhcNeeds on p.NeedId equals n.Id
                         join plan in db.EhcPlans on n.PlanId equals plan.Id
                         where plan.PupilId == id && plan.CeasedOn == null && !dosedEhc.Contains(p.Id)
                         select new UndosedLine(DoseLineKind.EhcProvision, p.Id, p.Description, "EHC plan Section F")).ToListAsync(ct);
        var sp = await (from s in db.PlanStrategies
                        join plan in db.SupportPlans on s.PlanId equals plan.Id
                        where plan.PupilId == id && plan.Status == SupportPlanStatus.Current && !dosedStrategies.Contains(s.Id)
                        select new UndosedLine(DoseLineKind.SupportPlanStrategy, s.Id, s.Description, "Support plan")).ToListAsync(ct);
        Undosed = [.. ehc, .. sp];
        return null;
    }

    public static string DoseUrl(DoseLineKind kind, long lineId) => $"/delivery/dose/{(kind == DoseLineKind.EhcProvision ? "ehc" : "support")}/{lineId}";
}
