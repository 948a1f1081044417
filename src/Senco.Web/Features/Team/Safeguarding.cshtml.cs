using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Senco.Core.Access;
using Senco.Core.Model;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Audit;

namespace Senco.Web.Features.Team;

/// Safeguarding liaison: the flags (child protection, child in need, looked after with the virtual school and the
/// designated teacher), restricted notes for those who may open them, and Early Help plans with their reviews.
public sealed class SafeguardingModel(TeamAccess access, TeamQueries queries, TeamCommands commands, AuditLog audit) : TeamPageModel(access)
{
    public sealed class FlagsForm
    {
        public bool ChildProtection { get; set; }
        public bool ChildInNeed { get; set; }
        public bool LookedAfter { get; set; }
        public string? VirtualSchoolContact { get; set; }
        public string? DesignatedTeacher { get; set; }
        public int Version { get; set; }
    }

    public sealed class NoteForm
    {
        public string? Category { get; set; } = "Safeguarding";
        public string? Title { get; set; }
        public string? Text { get; set; }
    }

    public sealed class PlanForm
    {
        public DateOnly? StartedOn { get; set; }
        public string? LeadProfessional { get; set; }
        public string? Needs { get; set; }
        public string? Outcomes { get; set; }
        public DateOnly? NextReviewOn { get; set; }
    }

    public sealed class ReviewForm
    {
        public Guid? PlanId { get; set; }
        public DateOnly? HeldOn { get; set; }
        public string? Progress { get; set; }
        public string? Status { get; set; } = "Open";
        public DateOnly? NextReviewOn { get; set; }
    }

    [BindProperty] public FlagsForm Flags { get; set; } = new();
    [BindProperty] public NoteForm Note { get; set; } = new();
    [BindProperty] public PlanForm Plan { get; set; } = new();
    [BindProperty] public ReviewForm Review { get; set; } = new();
    public PupilTeam Team { get; private set; } = null!;
    public bool MayOpenRestricted { get; private set; }
    public bool MaySetFlags => CanManage || MayOpenRestricted;
    public IReadOnlyList<RestrictedNote> Notes { get; private set; } = [];
    public string? OpenForm { get; private set; }

    public IEnumerable<SelectListItem> OpenPlans => Team.EarlyHelp.Where(e => e.Status == EarlyHelpStatus.Open)
        .Select(e => new SelectListItem($"Plan started {Senco.Core.Dates.Long(e.StartedOn)} (lead: {e.LeadProfessional})", e.Id.ToString(), e.Id == Review.PlanId));

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        // ViewPupils here: the DSL may be a teacher without the team permission; LoadAsync lets in the team or them.
        if (await LoadAsync(id, Permission.ViewPupils, ct) is { } denied) return denied;
        if (Team.Flags is { } f) Flags = new FlagsForm { ChildProtection = f.ChildProtection, ChildInNeed = f.ChildInNeed, LookedAfter = f.LookedAfter, VirtualSchoolContact = f.VirtualSchoolContact, DesignatedTeacher = f.DesignatedTeacher, Version = f.Version };
        audit.Read("safeguarding.read", $"Viewed safeguarding liaison and Early Help of {Pupil.Upn}", Pupil.SchoolId, id);
        return Page();
    }

    public async Task<IActionResult> OnPostFlagsAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, Permission.ViewPupils, ct) is { } denied) return denied;
        Only("Flags");
        var outcome = await commands.SetFlagsAsync(id, new FlagsInput(Flags.ChildProtection, Flags.ChildInNeed, Flags.LookedAfter, Flags.VirtualSchoolContact, Flags.DesignatedTeacher, Flags.Version), ct);
        return Finish(outcome, "Flags", "The safeguarding flags have been saved.", id, "flags");
    }

    public async Task<IActionResult> OnPostNoteAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, Permission.ViewPupils, ct) is { } denied) return denied;
        Only("Note");
        var outcome = await commands.AddNoteAsync(id, new NoteInput(Note.Category, Note.Title, Note.Text), ct);
        return Finish(outcome, "Note", "The restricted note has been saved.", id, "restricted");
    }

    public async Task<IActionResult> OnPostPlanAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, Permission.ManageTeam, ct) is { } denied) return denied;
        Only("Plan");
        if (!ModelState.IsValid) return Reopen("Plan");
        var outcome = await commands.StartEarlyHelpAsync(id, new EarlyHelpInput(Plan.StartedOn, Plan.LeadProfessional, Plan.Needs, Plan.Outcomes, Plan.NextReviewOn), ct);
        return Finish(outcome, "Plan", "The Early Help plan has been started.", id, "early-help");
    }

    public async Task<IActionResult> OnPostReviewAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, Permission.ManageTeam, ct) is { } denied) return denied;
        Only("Review");
        if (!ModelState.IsValid) return Reopen("Review");
        if (Review.PlanId is not { } planId || Team.EarlyHelp.All(e => e.Id != planId)) return NotFound();
        var outcome = await commands.ReviewEarlyHelpAsync(planId, new EarlyHelpReviewInput(Review.HeldOn, Review.Progress, Review.Status, Review.NextReviewOn), ct);
        if (outcome.Kind == OutcomeKind.Conflict)
        {
            ModelState.AddModelError("Review.PlanId", outcome.Message!);
            return Reopen("Review");
        }
        return Finish(outcome, "Review", "The review has been recorded.", id, "early-help");
    }

    private IActionResult Finish<T>(Outcome<T> outcome, string form, string notice, Guid id, string anchor)
    {
        if (outcome.IsOk)
        {
            Notice = notice;
            return Redirect($"/pupils/{id}/team/safeguarding#{anchor}");
        }
        if (Deny(outcome.Kind) is { } d) return d;
        if (outcome.Errors is { } e) AddErrors(e, form);
        else if (outcome.Message is { } m) ModelState.AddModelError("", m);
        return Reopen(form);
    }

    private IActionResult Reopen(string form)
    {
        OpenForm = form;
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, Permission permission, CancellationToken ct)
    {
        if (await LoadPupilAsync(id, permission, ct) is { } denied) return denied;
        MayOpenRestricted = await Access.MayOpenRestrictedAsync(Pupil.SchoolId, ct);
        // Neither the team permission nor restricted access: nothing here for this person.
        if (!School.Can(Permission.ViewTeam) && !MayOpenRestricted) return StatusCode(403);
        Team = await queries.PupilAsync(id, ct);
        if (MayOpenRestricted) Notes = await queries.NoteListAsync(id, ct);
        return null;
    }
}
