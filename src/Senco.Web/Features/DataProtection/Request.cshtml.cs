using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Senco.Core.Access;
using Senco.Core.Model;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.DataProtection;

public sealed class SubjectAccessUpdateForm
{
    [Display(Name = "Status")] public string? Status { get; set; }
    [Display(Name = "Date the answer was sent")] public DateOnly? CompletedOn { get; set; }
    [Display(Name = "Extend by two months")] public bool Extended { get; set; }
    [Display(Name = "Why the request is complex or one of many")] public string? ExtensionReason { get; set; }
    [Display(Name = "Notes (optional)")] public string? Notes { get; set; }
    public int Version { get; set; }
}

/// One request: its clock, its status, and (for the SENCO) the export of everything held about the pupil.
public sealed class RequestModel(UserContext user, SubjectAccessCommands sar, TimeProvider clock) : SchoolPageModel(user)
{
    [BindProperty] public SubjectAccessUpdateForm Input { get; set; } = new();
    public SubjectAccessRow Row { get; private set; } = null!;
    public DateOnly Today { get; private set; }
    public string? Conflict { get; private set; }
    [TempData] public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(string urn, Guid id, CancellationToken ct)
    {
        if (await LoadAsync(urn, id, ct) is { } denied) return denied;
        var r = Row.Request;
        Input = new SubjectAccessUpdateForm { Status = r.Status.ToString(), CompletedOn = r.CompletedOn, Extended = r.Extended, ExtensionReason = r.ExtensionReason, Notes = r.Notes, Version = r.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string urn, Guid id, CancellationToken ct)
    {
        if (await LoadAsync(urn, id, ct) is { } denied) return denied;
        if (!ModelState.IsValid) return Page();
        var outcome = await sar.UpdateAsync(urn, id, Input.Version, new SubjectAccessUpdate(Input.Status, Input.CompletedOn, Input.Extended, Input.ExtensionReason, Input.Notes), ct);
        if (outcome.IsOk)
        {
            Notice = "The request has been updated.";
            return Redirect($"/schools/{urn}/subject-access/{id}");
        }
        if (outcome.Kind == OutcomeKind.Conflict)
        {
            Conflict = outcome.Message;
            await LoadAsync(urn, id, ct);
            ModelState.Remove("Input.Version");
            Input.Version = Row.Request.Version;
            return Page();
        }
        if (outcome.Errors is null) return outcome.Kind == OutcomeKind.NotFound ? NotFound() : StatusCode(403);
        AddErrors(outcome.Errors);
        return Page();
    }

    /// The ZIP of everything held about the pupil. Audited, and marks the request in progress. Everything about a child
    /// in one file is the most sensitive thing Senco hands out, so it needs a recent sign-in or password confirmation
    /// (ASVS 3.7.1); the person confirms and comes straight back to the download.
    public async Task<IActionResult> OnGetExportAsync(string urn, Guid id, CancellationToken ct)
    {
        if (await LoadAsync(urn, id, ct) is { } denied) return denied;
        var session = HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Senco.Web.Features.Account.SessionOptions>>().Value;
        if (!await Senco.Web.Features.Account.SessionRules.IsRecentAsync(HttpContext, session))
        {
            return RedirectToPage("/Account/ConfirmPassword", new { returnUrl = Request.Path + Request.QueryString });
        }
        var outcome = await sar.ExportAsync(urn, id, ct);
        if (!outcome.IsOk) return outcome.Kind == OutcomeKind.NotFound ? NotFound() : StatusCode(403);
        return File(outcome.Value!.Zip, "application/zip", outcome.Value.FileName);
    }

    private async Task<IActionResult?> LoadAsync(string urn, Guid id, CancellationToken ct)
    {
        if (Authorise(urn, Permission.LogSubjectAccess) is { } denied) return denied;
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var found = await sar.FindAsync(urn, id, ct);
        if (!found.IsOk) return found.Kind == OutcomeKind.NotFound ? NotFound() : StatusCode(403);
        Row = found.Value!;
        return null;
    }
}
