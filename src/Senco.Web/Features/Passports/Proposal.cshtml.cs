using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Senco.Core.Access;
using Senco.Core.Graduated;
using Senco.Core.Model;
using Senco.Data;
using Senco.Web.Features.Graduated;
using Senco.Web.Features.Shared;

namespace Senco.Web.Features.Passports;

/// The SENCO compares a proposed change with the passport as it is now, field by field, and approves or declines it.
public sealed class ProposalModel(GraduatedAccess access, PassportCommands commands, SencoDbContext db) : PageModel
{
    public PassportProposal Proposal { get; private set; } = null!;
    public LearningPassport Passport { get; private set; } = null!;
    public Pupil Pupil { get; private set; } = null!;
    public IReadOnlyList<PassportFieldChange> Changes { get; private set; } = [];
    [BindProperty] public int PassportVersion { get; set; }
    [BindProperty, Display(Name = "Note (optional when approving, needed when declining)")] public string? Note { get; set; }
    public bool ChangedSince => Passport.Version != Proposal.BasedOnVersion;

    public async Task<IActionResult> OnGetAsync(int proposalId, CancellationToken ct)
    {
        if (await LoadAsync(proposalId, ct) is { } denied) return denied;
        PassportVersion = Passport.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostApproveAsync(int proposalId, CancellationToken ct)
    {
        if (await LoadAsync(proposalId, ct) is { } denied) return denied;
        var outcome = await commands.ApproveAsync(proposalId, PassportVersion, Note, ct);
        return await AfterAsync(outcome, proposalId, "The change is approved: the passport now reads as proposed.", ct);
    }

    public async Task<IActionResult> OnPostDeclineAsync(int proposalId, CancellationToken ct)
    {
        if (await LoadAsync(proposalId, ct) is { } denied) return denied;
        var outcome = await commands.DeclineAsync(proposalId, Note, ct);
        return await AfterAsync(outcome, proposalId, $"The change is declined. {Proposal.ProposedBy} will see your note on the passport.", ct);
    }

    private async Task<IActionResult> AfterAsync(Outcome<PassportProposal> outcome, int proposalId, string notice, CancellationToken ct)
    {
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                TempData["Notice"] = notice;
                return Redirect($"/pupils/{Proposal.PupilId}/passport");
            case OutcomeKind.Invalid:
                FormErrors.AddTo(ModelState, outcome.Errors!, prefix: "");
                PassportVersion = Passport.Version;
                return Page();
            case OutcomeKind.Conflict:
                ModelState.AddModelError(string.Empty, outcome.Message!);
                await LoadAsync(proposalId, ct);
                ModelState.Remove(nameof(PassportVersion));
                PassportVersion = Passport.Version;
                return Page();
            case OutcomeKind.NotFound: return NotFound();
            default: return StatusCode(403);
        }
    }

    private async Task<IActionResult?> LoadAsync(int proposalId, CancellationToken ct)
    {
        var found = await access.ProposalAsync(proposalId, Permission.ApprovePassport, ct: ct);
        if (found.Kind == OutcomeKind.NotFound) return NotFound();
        if (found.Kind == OutcomeKind.Forbidden) return StatusCode(403);
        Proposal = found.Value!;
        Passport = await db.Passports.AsNoTracking().Include(p => p.Pupil).FirstAsync(p => p.Id == Proposal.PassportId, ct);
        Pupil = Passport.Pupil!;
        ViewData["SchoolUrn"] = access.User.School(Proposal.SchoolId)!.Urn;
        Changes = PassportRules.Diff(Passport.Content, Proposal.Content);
        return null;
    }
}
