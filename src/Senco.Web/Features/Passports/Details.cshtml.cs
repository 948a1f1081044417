using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Senco.Core.Access;
using Senco.Core.Graduated;
using Senco.Core.Model;
using Senco.Web.Features.Graduated;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;
using Senco.Web.Features.Shared.Audit;

namespace Senco.Web.Features.Passports;

/// A pupil's learning passport, for everyone who works with them: printable on one A4 page and as a Word document.
/// Staff record that they have read it; the SENCO sees who has, and the changes waiting for approval.
public sealed class DetailsModel(GraduatedAccess access, PassportQueries queries, PassportCommands commands, AuditLog audit) : PageModel
{
    public Pupil Pupil { get; private set; } = null!;
    public SchoolGrant School { get; private set; } = null!;
    public LearningPassport? Passport { get; private set; }
    public IReadOnlyList<PlanStrategy> PlanStrategies { get; private set; } = [];
    public IReadOnlyList<PassportReading> Readings { get; private set; } = [];
    public IReadOnlyList<PassportProposal> Pending { get; private set; } = [];
    public IReadOnlyList<PassportProposal> MyProposals { get; private set; } = [];
    public PassportReading? MyReading { get; private set; }
    public DateOnly ReviewDue { get; private set; }
    public int IntervalMonths { get; private set; }
    public DateOnly Today => queries.Today;
    public bool CanApprove => School.Can(Permission.ApprovePassport);
    public bool CanSeeReaders => School.Can(Permission.ApprovePassport) || School.Can(Permission.ViewPlans);
    public bool CanPropose { get; private set; }
    public bool CanViewPlans => School.Can(Permission.ViewPlans);
    [TempData] public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        if (Passport is not null) audit.Read("passport.read", $"Opened the learning passport of {Pupil.Upn}", Pupil.SchoolId, Pupil.Id);
        return Page();
    }

    public async Task<IActionResult> OnPostReadAsync(Guid id, CancellationToken ct)
    {
        var outcome = await commands.RecordReadAsync(id, ct);
        if (outcome.Kind == OutcomeKind.NotFound) return NotFound();
        if (outcome.Kind == OutcomeKind.Forbidden) return StatusCode(403);
        Notice = "Thank you: it is recorded that you have read this passport.";
        return Redirect($"/pupils/{id}/passport");
    }

    public async Task<IActionResult> OnPostReviewedAsync(Guid id, CancellationToken ct)
    {
        var outcome = await commands.MarkReviewedAsync(id, ct);
        if (outcome.Kind == OutcomeKind.NotFound) return NotFound();
        if (outcome.Kind == OutcomeKind.Forbidden) return StatusCode(403);
        Notice = "The passport is marked as reviewed today.";
        return Redirect($"/pupils/{id}/passport");
    }

    /// The photo, only to those who may read the passport: never a public static file.
    public async Task<IActionResult> OnGetPhotoAsync(Guid id, CancellationToken ct)
    {
        var found = await access.PupilAsync(id, Permission.ViewPassports, ct);
        if (found.Kind == OutcomeKind.NotFound) return NotFound();
        if (found.Kind == OutcomeKind.Forbidden) return StatusCode(403);
        var passport = await queries.ForPupilAsync(id, ct);
        var photo = passport is { HasPhoto: true } ? await queries.PhotoAsync(passport.Id, ct) : null;
        if (photo is null) return NotFound();
        // A photo identifies a child: each time it is served is a read of the pupil's record.
        audit.Read("passport.photo.read", $"Viewed the passport photo of {found.Value!.Upn}", found.Value.SchoolId, id);
        return File(photo.Content, photo.ContentType);
    }

    public async Task<IActionResult> OnGetDocxAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        if (Passport is null) return NotFound();
        var photo = Passport.HasPhoto ? await queries.PhotoAsync(Passport.Id, ct) : null;
        audit.Read("passport.download", $"Downloaded the learning passport of {Pupil.Upn} as a Word document", Pupil.SchoolId, Pupil.Id);
        return File(PassportDocument.Build(Pupil, Passport, photo, PlanStrategies), PassportDocument.ContentType, PassportDocument.FileName(Pupil));
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var found = await access.PupilAsync(id, Permission.ViewPassports, ct);
        if (found.Kind == OutcomeKind.NotFound) return NotFound();
        if (found.Kind == OutcomeKind.Forbidden) return StatusCode(403);
        Pupil = found.Value!;
        School = access.User.School(Pupil.SchoolId)!;
        ViewData["SchoolUrn"] = School.Urn;
        CanPropose = School.Can(Permission.ProposePassportChange) &&
            (!access.LimitedToPupilsTaught(Pupil.SchoolId, Permission.ProposePassportChange) || await access.TeachesAsync(Pupil.SchoolId, id, ct));
        Passport = await queries.ForPupilAsync(id, ct);
        PlanStrategies = await queries.CurrentPlanStrategiesAsync(id, ct);
        if (Passport is null) return null;
        IntervalMonths = await queries.IntervalAsync(Pupil.SchoolId, ct);
        ReviewDue = ReviewSchedule.PassportReviewDue(Passport.LastReviewedOn, IntervalMonths);
        var readings = await queries.ReadingsAsync(Passport.Id, ct);
        MyReading = readings.FirstOrDefault(r => r.UserId == access.User.UserId);
        // One line per person: their latest reading.
        Readings = readings.GroupBy(r => r.UserId).Select(g => g.OrderByDescending(r => r.ReadAt).First()).OrderByDescending(r => r.ReadAt).ToList();
        var proposals = await queries.ProposalsAsync(Passport.Id, ct);
        Pending = CanApprove ? proposals.Where(p => p.Status == ProposalStatus.Pending).ToList() : [];
        MyProposals = proposals.Where(p => p.ProposedById == access.User.UserId).Take(3).ToList();
        return null;
    }
}
