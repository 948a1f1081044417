using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Senco.Core.Access;
using Senco.Core.Model;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.DataProtection;

public sealed class SubjectAccessForm
{
    [Display(Name = "UPN of the pupil")] public string? Upn { get; set; }
    [Display(Name = "Date the request was received")] public DateOnly? ReceivedOn { get; set; }
    [Display(Name = "Who made the request")] public string? Requester { get; set; }
    [Display(Name = "Their relationship to the pupil (optional)")] public string? Relationship { get; set; }
    [Display(Name = "Notes (optional)")] public string? Notes { get; set; }
}

public sealed class NewRequestModel(UserContext user, SubjectAccessCommands sar) : SchoolPageModel(user)
{
    [BindProperty] public SubjectAccessForm Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public Guid? PupilId { get; set; }
    public Pupil? Pupil { get; private set; }

    public async Task<IActionResult> OnGetAsync(string urn, CancellationToken ct)
    {
        if (Authorise(urn, Permission.LogSubjectAccess) is { } denied) return denied;
        if (PupilId is not null)
        {
            Pupil = await sar.FindPupilAsync(School.SchoolId, PupilId, null, ct);
            if (Pupil is null) return NotFound();
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string urn, CancellationToken ct)
    {
        if (Authorise(urn, Permission.LogSubjectAccess) is { } denied) return denied;
        if (PupilId is not null) Pupil = await sar.FindPupilAsync(School.SchoolId, PupilId, null, ct);
        if (!ModelState.IsValid) return Page();
        var outcome = await sar.CreateAsync(urn, Pupil?.Id, Input.Upn,
            new SubjectAccessInput(Input.ReceivedOn, Input.Requester, Input.Relationship, Input.Notes), ct);
        if (outcome.IsOk)
        {
            TempData["Notice"] = $"The request has been logged. It is due by {Senco.Core.Dates.Long(outcome.Value!.DueOn)}.";
            return Redirect($"/schools/{urn}/subject-access/{outcome.Value.Id}");
        }
        if (outcome.Errors is null) return outcome.Kind == OutcomeKind.NotFound ? NotFound() : StatusCode(403);
        AddErrors(outcome.Errors);
        return Page();
    }
}
