using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Senco.Core.Access;
using Senco.Core.Model;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Audit;

namespace Senco.Web.Features.Team;

/// Correcting a parent, carer or other contact of a pupil. Consent and the communication log are not edited here:
/// consent is withdrawn and recorded afresh, and the log is a record of what happened, so both keep their history.
public sealed class ContactEditModel(TeamAccess access, TeamCommands commands, AuditLog audit) : TeamPageModel(access)
{
    [BindProperty] public ParentsModel.ContactForm Input { get; set; } = new();
    [BindProperty] public int Version { get; set; }
    public PupilContact Contact { get; private set; } = null!;
    public PupilContact? Current { get; private set; }
    public IEnumerable<SelectListItem> MethodItems => TeamText.Items<ContactMethod>(TeamText.Method, Input.PreferredMethod);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        Input = new ParentsModel.ContactForm
        {
            Name = Contact.Name, Relationship = Contact.Relationship, ParentalResponsibility = Contact.ParentalResponsibility, Phone = Contact.Phone,
            Email = Contact.Email, PreferredMethod = Contact.PreferredMethod.ToString(), Notes = Contact.Notes,
        };
        Version = Contact.Version;
        audit.Read("contact.read", $"Opened a contact of {Pupil.Upn} to correct it", Pupil.SchoolId, Pupil.Id);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        if (!ModelState.IsValid) return Page();
        var outcome = await commands.UpdateContactAsync(id, new ContactInput(Input.Name, Input.Relationship, Input.ParentalResponsibility, Input.Phone,
            Input.Email, Input.PreferredMethod, Input.Notes, Version), ct);
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                Notice = $"The details of {outcome.Value!.Name} have been saved.";
                return Redirect($"/pupils/{Pupil.Id}/team/parents#contacts");
            case OutcomeKind.Invalid:
                AddErrors(outcome.Errors!, "Input");
                return Page();
            case OutcomeKind.Conflict:
                Current = outcome.Value;
                if (Current is not null) Version = Current.Version;
                ModelState.Remove(nameof(Version));
                ModelState.AddModelError("", "Someone else saved this contact since you opened it. Their version is shown below; your changes are still in the form: check them and save again.");
                return Page();
            default:
                return Deny(outcome.Kind)!;
        }
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var found = await Access.ContactAsync(id, Permission.ManageTeam, ct: ct);
        if (Deny(found.Kind) is { } denied) return denied;
        Contact = found.Value!;
        return await LoadPupilAsync(Contact.PupilId, Permission.ManageTeam, ct);
    }
}
