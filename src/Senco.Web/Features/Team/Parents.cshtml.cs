using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Senco.Core.Access;
using Senco.Core.Model;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Audit;

namespace Senco.Web.Features.Team;

/// Parents and carers: contacts with parental responsibility and preferences, consent records (given, withdrawn),
/// and the communication log (calls, emails, meetings, letters).
public sealed class ParentsModel(TeamAccess access, TeamQueries queries, TeamCommands commands, AuditLog audit) : TeamPageModel(access)
{
    public sealed class ContactForm
    {
        public string? Name { get; set; }
        public string? Relationship { get; set; }
        public bool ParentalResponsibility { get; set; }
        public string? Phone { get; set; }
        public string? Email { get; set; }
        public string? PreferredMethod { get; set; }
        public string? Notes { get; set; }
    }

    public sealed class ConsentForm
    {
        public string? Purpose { get; set; }
        public string? GivenBy { get; set; }
        public DateOnly? GivenOn { get; set; }
        public string? Notes { get; set; }
    }

    public sealed class WithdrawForm
    {
        public Guid? ConsentId { get; set; }
        public DateOnly? WithdrawnOn { get; set; }
    }

    public sealed class LogForm
    {
        public DateOnly? On { get; set; }
        public string? Kind { get; set; }
        public string? With { get; set; }
        public string? Summary { get; set; }
    }

    [BindProperty] public ContactForm Contact { get; set; } = new();
    [BindProperty] public ConsentForm Consent { get; set; } = new();
    [BindProperty] public WithdrawForm Withdraw { get; set; } = new();
    [BindProperty] public LogForm Log { get; set; } = new() { Kind = "Call" };
    public PupilTeam Team { get; private set; } = null!;
    public string? OpenForm { get; private set; }

    public IEnumerable<SelectListItem> MethodItems => TeamText.Items<ContactMethod>(TeamText.Method, Contact.PreferredMethod);
    public IEnumerable<SelectListItem> KindItems => TeamText.Items<CommunicationKind>(TeamText.Kind, Log.Kind);
    public IEnumerable<SelectListItem> ConsentItems => new[] { new SelectListItem("Choose consent", "") }
        .Concat(Team.Consents.Where(c => c.InPlace).Select(c => new SelectListItem($"{c.Purpose} (given by {c.GivenBy})", c.Id.ToString(), c.Id == Withdraw.ConsentId)));

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadPupilAsync(id, Permission.ViewTeam, ct) is { } denied) return denied;
        Team = await queries.PupilAsync(id, ct);
        audit.Read("contact.read", $"Viewed the contacts, consent and communication log of {Pupil.Upn}", Pupil.SchoolId, id);
        return Page();
    }

    public Task<IActionResult> OnPostContactAsync(Guid id, CancellationToken ct) => Handle(id, "Contact", c =>
        commands.AddContactAsync(id, new ContactInput(Contact.Name, Contact.Relationship, Contact.ParentalResponsibility, Contact.Phone, Contact.Email, Contact.PreferredMethod, Contact.Notes), ct),
        "The contact has been added.", "contacts", ct);

    public Task<IActionResult> OnPostConsentAsync(Guid id, CancellationToken ct) => Handle(id, "Consent", c =>
        commands.AddConsentAsync(id, new ConsentInput(Consent.Purpose, Consent.GivenBy, Consent.GivenOn, Consent.Notes), ct),
        "The consent has been recorded.", "consent", ct);

    public Task<IActionResult> OnPostWithdrawAsync(Guid id, CancellationToken ct) => Handle(id, "Withdraw", async c =>
    {
        if (Withdraw.ConsentId is null)
        {
            var e = new Senco.Core.ValidationErrors();
            e.Add("consentId", "Choose the consent that was withdrawn");
            return Outcome<ConsentRecord>.Invalid(e);
        }
        var found = await Access.ConsentAsync(Withdraw.ConsentId.Value, Permission.ManageTeam, ct: ct);
        if (!found.IsOk || found.Value!.PupilId != id) return Outcome<ConsentRecord>.NotFound();
        return await commands.WithdrawConsentAsync(Withdraw.ConsentId.Value, new WithdrawInput(Withdraw.WithdrawnOn), ct);
    }, "The withdrawal of consent has been recorded.", "consent", ct);

    public Task<IActionResult> OnPostLogAsync(Guid id, CancellationToken ct) => Handle(id, "Log", c =>
        commands.LogAsync(id, new CommunicationInput(Log.On, Log.Kind, Log.With, Log.Summary), ct),
        "The entry has been added to the communication log.", "log", ct);

    private async Task<IActionResult> Handle<T>(Guid id, string form, Func<object?, Task<Outcome<T>>> run, string notice, string anchor, CancellationToken ct)
    {
        if (await LoadPupilAsync(id, Permission.ManageTeam, ct) is { } denied) return denied;
        Only(form);
        var outcome = ModelState.IsValid ? await run(null) : null;
        if (outcome is { IsOk: true })
        {
            Notice = notice;
            return Redirect($"/pupils/{id}/team/parents#{anchor}");
        }
        if (outcome is not null && Deny(outcome.Kind) is { } d) return d;
        if (outcome?.Errors is { } errors) AddErrors(errors, form);
        OpenForm = form;
        Team = await queries.PupilAsync(id, ct);
        return Page();
    }
}
