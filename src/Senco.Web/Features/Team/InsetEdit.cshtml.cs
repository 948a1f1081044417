using Microsoft.AspNetCore.Mvc;
using Senco.Core.Model;
using Senco.Web.Features.Shared;

namespace Senco.Web.Features.Team;

/// Correcting an entry of the INSET log: the date, what it covered, who led and attended it, and its evaluation
/// (often added weeks later, once staff have tried what they learnt).
public sealed class InsetEditModel(TeamAccess access, StaffDevelopment development) : TeamPageModel(access)
{
    [BindProperty] public StaffDevelopmentPageModel.InsetForm Input { get; set; } = new();
    [BindProperty] public int Version { get; set; }
    public InsetSession Session { get; private set; } = null!;
    public InsetSession? Current { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        var s = Session;
        Input = new() { On = s.On, Title = s.Title, LedBy = s.LedBy, Attendees = s.Attendees, Evaluation = s.Evaluation };
        Version = s.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        if (!ModelState.IsValid) return Page();
        var outcome = await development.UpdateInsetAsync(id, new InsetInput(Input.On, Input.Title, Input.LedBy, Input.Attendees, Input.Evaluation, Version), ct);
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                Notice = $"The INSET session \"{outcome.Value!.Title}\" has been saved.";
                return Redirect($"/schools/{School.Urn}/staff-development#inset");
            case OutcomeKind.Invalid:
                AddErrors(outcome.Errors!, "Input");
                return Page();
            case OutcomeKind.Conflict:
                Current = outcome.Value;
                if (Current is not null) Version = Current.Version;
                ModelState.Remove(nameof(Version));
                ModelState.AddModelError("", "Someone else saved this INSET session since you opened it. Their version is shown below; your changes are still in the form: check them and save again.");
                return Page();
            default:
                return Deny(outcome.Kind)!;
        }
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var found = await development.InsetAsync(id, ct);
        if (Deny(found.Kind) is { } denied) return denied;
        Session = found.Value!;
        School = Access.User.School(Session.SchoolId)!;
        ViewData["SchoolUrn"] = School.Urn;
        return null;
    }
}
