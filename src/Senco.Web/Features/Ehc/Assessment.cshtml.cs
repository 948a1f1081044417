using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Senco.Core.Access;
using Senco.Core.Ehc;
using Senco.Core.Model;
using Senco.Data;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;
using Senco.Web.Features.Shared.Audit;

namespace Senco.Web.Features.Ehc;

/// One request for assessment: its statutory dates, the LA's decisions, the evidence sent and any recorded
/// reg 10(4) exceptions.
public sealed class AssessmentModel(UserContext user, EhcFinder finder, EhcCommands commands, SencoDbContext db, TimeProvider clock, AuditLog audit) : EhcPageModel
{
    public sealed class DecisionsForm
    {
        [Display(Name = "Date of the decision whether to assess")] public DateOnly? DecisionToAssessOn { get; set; }
        [Display(Name = "The local authority's decision")] public string? WillAssess { get; set; }
        [Display(Name = "Date the draft plan was sent")] public DateOnly? DraftPlanServedOn { get; set; }
        [Display(Name = "Date of a decision not to issue a plan")] public DateOnly? DecisionNotToIssueOn { get; set; }
        [Display(Name = "Date the final plan was issued")] public DateOnly? FinalPlanIssuedOn { get; set; }
        [Display(Name = "Date the request was withdrawn")] public DateOnly? WithdrawnOn { get; set; }
        [Display(Name = "Notes")] public string? Notes { get; set; }
    }

    public sealed class EvidenceForm
    {
        [Display(Name = "Kind of evidence")] public string? Kind { get; set; }
        [Display(Name = "Title")] public string? Title { get; set; }
        [Display(Name = "Date of the document")] public DateOnly? Dated { get; set; }
    }

    public sealed class ExceptionForm
    {
        [Display(Name = "Reason")] public string? Kind { get; set; }
        [Display(Name = "From")] public DateOnly? From { get; set; }
        [Display(Name = "To")] public DateOnly? To { get; set; }
        [Display(Name = "Date the LA asked for advice")] public DateOnly? AdviceRequestedOn { get; set; }
        [Display(Name = "Note")] public string? Note { get; set; }
    }

    [BindProperty] public DecisionsForm Input { get; set; } = new();
    [BindProperty] public EvidenceForm Evidence { get; set; } = new();
    [BindProperty] public ExceptionForm Exception { get; set; } = new();
    [BindProperty] public int Version { get; set; }
    public EhcNeedsAssessment Request { get; private set; } = null!;
    public Pupil Pupil { get; private set; } = null!;
    public NeedsAssessmentTimeline Timeline { get; private set; } = null!;
    public bool CanManage { get; private set; }
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, Permission.ViewEhc, ct) is { } denied) return denied;
        Fill();
        audit.Read("ehc.assessment.read", "Opened an EHC needs assessment request", Request.SchoolId, Request.PupilId);
        return Page();
    }

    public async Task<IActionResult> OnPostDecisionsAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, Permission.ManageEhc, ct) is { } denied) return denied;
        bool? willAssess = Input.WillAssess switch { "yes" => true, "no" => false, _ => null };
        var outcome = await commands.UpdateAssessmentAsync(id, new AssessmentInput(null, null, Input.DecisionToAssessOn, willAssess, Input.DraftPlanServedOn,
            Input.DecisionNotToIssueOn, Input.FinalPlanIssuedOn, Input.WithdrawnOn, Input.Notes ?? ""), Version, ct);
        return await After(outcome.Kind, outcome.Errors, outcome.Message, "The decisions have been saved.", f => f == "willAssess" ? "Input.WillAssess" : null, id, ct);
    }

    public async Task<IActionResult> OnPostEvidenceAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, Permission.ManageEhc, ct) is { } denied) return denied;
        var outcome = await commands.AddEvidenceAsync(id, new EvidenceInput(Evidence.Kind, Evidence.Title, Evidence.Dated), ct);
        return await After(outcome.Kind, outcome.Errors, outcome.Message, "The evidence has been added.", f => "Evidence." + Pascal(f), id, ct);
    }

    public async Task<IActionResult> OnPostExceptionAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, Permission.ManageEhc, ct) is { } denied) return denied;
        var outcome = await commands.AddExceptionAsync(id, new ExceptionInput(Exception.Kind, Exception.From, Exception.To, Exception.AdviceRequestedOn, Exception.Note), ct);
        return await After(outcome.Kind, outcome.Errors, outcome.Message, "The exception has been recorded.", f => "Exception." + Pascal(f), id, ct);
    }

    private async Task<IActionResult> After(OutcomeKind kind, Senco.Core.ValidationErrors? errors, string? message, string notice, Func<string, string?> map, Guid id, CancellationToken ct)
    {
        switch (kind)
        {
            case OutcomeKind.Ok:
                Notice = notice;
                return Redirect($"/ehc-needs-assessments/{id}");
            case OutcomeKind.Invalid:
                AddErrors(errors!, map);
                return Page();
            case OutcomeKind.Conflict:
                ConflictMessage = message;
                ModelState.Remove(nameof(Version));
                Version = Request.Version;
                ModelState.AddModelError(string.Empty, "Someone else changed this request while you were editing. Nothing you typed has been saved yet: check what is saved now, then save again.");
                return Page();
            default:
                return Deny(kind)!;
        }
    }

    private void Fill()
    {
        Input = new DecisionsForm
        {
            DecisionToAssessOn = Request.DecisionToAssessOn, WillAssess = Request.WillAssess switch { true => "yes", false => "no", null => null },
            DraftPlanServedOn = Request.DraftPlanServedOn, DecisionNotToIssueOn = Request.DecisionNotToIssueOn, FinalPlanIssuedOn = Request.FinalPlanIssuedOn,
            WithdrawnOn = Request.WithdrawnOn, Notes = Request.Notes,
        };
        Version = Request.Version;
    }

    private async Task<IActionResult?> LoadAsync(Guid id, Permission permission, CancellationToken ct)
    {
        var found = await finder.AssessmentAsync(id, permission, ct);
        if (Deny(found.Kind) is { } denied) return denied;
        Request = found.Value!;
        Pupil = await db.Pupils.IgnoreQueryFilters().AsNoTracking().Include(p => p.School).FirstAsync(p => p.Id == Request.PupilId, ct);
        ViewData["SchoolUrn"] = Pupil.School!.Urn;
        CanManage = user.Can(Request.SchoolId, Permission.ManageEhc);
        Timeline = NeedsAssessmentClock.For(Request.RequestReceivedOn, Request.Exceptions.Select(e => e.ToRule()));
        return null;
    }
}
