using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Senco.Core.Access;
using Senco.Core.Model;
using Senco.Data;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.Transfers;

/// Export a CTF for leavers: tick the pupils (those who have left, most recent first) or type UPNs, choose the destination.
public sealed class ExportModel(UserContext user, SencoDbContext db, CtfExporter exporter) : SchoolPageModel(user)
{
    [BindProperty] public List<string> Selected { get; set; } = [];
    [BindProperty, Display(Name = "Other pupils by UPN")] public string? OtherUpns { get; set; }
    [BindProperty] public DestinationForm Destination { get; set; } = new();
    public IReadOnlyList<Pupil> Leavers { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string urn, string? upn, CancellationToken ct)
    {
        if (Authorise(urn, Permission.ExchangeData) is { } denied) return denied;
        await LoadAsync(ct);
        if (upn is not null && Leavers.FirstOrDefault(p => p.Upn == upn) is { } leaver)
        {
            Selected = [leaver.Upn];
            Destination = Prefill(leaver);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string urn, CancellationToken ct)
    {
        if (Authorise(urn, Permission.ExchangeData) is { } denied) return denied;
        var upns = Selected.Concat((OtherUpns ?? "").Split(['\n', ',', ' ', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)).ToList();
        var (la, estab) = Destination.Resolve();
        var outcome = await exporter.ExportAsync(urn, upns, la, estab, Destination.Name, ct: ct);
        if (outcome.IsOk) return File(outcome.Value!.Content, CtfExporter.ContentType, outcome.Value.FileName);
        if (outcome.Kind != OutcomeKind.Invalid) return StatusCode(outcome.Kind == OutcomeKind.NotFound ? 404 : 403);
        foreach (var (field, messages) in outcome.Errors!)
            foreach (var m in messages)
                ModelState.AddModelError(field == "upn" ? (Selected.Count == 0 && string.IsNullOrWhiteSpace(OtherUpns) ? "Selected" : nameof(OtherUpns)) : DestinationForm.FieldFor(field, nameof(Destination)) ?? "", m);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Leavers = await db.Pupils.AsNoTracking().Where(p => p.SchoolId == School.SchoolId && !p.OnRoll)
            .OrderByDescending(p => p.LeftOn).ThenBy(p => p.Surname).Take(300).ToListAsync(ct);

    public static DestinationForm Prefill(Pupil p) => (p.DestinationLa, p.DestinationEstab) switch
    {
        ("XXX", "XXXX") => new() { Kind = "Unknown" },
        ("MMM", "MMMM") => new() { Kind = "Outside", Name = p.DestinationName },
        _ => new() { Kind = "School", La = p.DestinationLa, Estab = p.DestinationEstab, Name = p.DestinationName },
    };
}
