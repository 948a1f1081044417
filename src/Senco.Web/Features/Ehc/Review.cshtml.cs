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

/// One annual review from invitation to the LA's decision: the reg 20 dates, the letters, the meeting record
/// (attendees, views, progress on each outcome, recommendation) and what followed (report, decision, amendments).
public sealed class ReviewModel(UserContext user, EhcFinder finder, EhcCommands commands, SencoDbContext db, TimeProvider clock, AuditLog audit) : EhcPageModel
{
    public sealed class ProgressRow
    {
        public long OutcomeId { get; set; }
        [Display(Name = "Progress")] public string? Progress { get; set; }
        [Display(Name = "Note")] public string? Note { get; set; }
    }

    public sealed class ReviewForm
    {
        [Display(Name = "Date of the meeting")] public DateOnly? MeetingOn { get; set; }
        [Display(Name = "Date the invitations were sent")] public DateOnly? InvitationsSentOn { get; set; }
        [Display(Name = "Date the advice was circulated")] public DateOnly? AdviceCirculatedOn { get; set; }
        [Display(Name = "Date the meeting was held")] public DateOnly? HeldOn { get; set; }
        [Display(Name = "Who attended")] public string? Attendees { get; set; }
        [Display(Name = "The pupil's views")] public string? PupilViews { get; set; }
        [Display(Name = "Parents' views")] public string? ParentViews { get; set; }
        [Display(Name = "Recommendation")] public string? Recommendation { get; set; }
        public List<ProgressRow> Progress { get; set; } = [];
        [Display(Name = "Date the report was sent")] public DateOnly? ReportSentOn { get; set; }
        [Display(Name = "The local authority's decision")] public string? LaDecision { get; set; }
        [Display(Name = "Date of the local authority's decision")] public DateOnly? LaDecisionOn { get; set; }
        [Display(Name = "Date amendments were proposed")] public DateOnly? AmendmentsProposedOn { get; set; }
        [Display(Name = "Amendments")] public string? Amendments { get; set; }
        [Display(Name = "Date the amended plan was issued")] public DateOnly? AmendedPlanIssuedOn { get; set; }
    }

    [BindProperty] public ReviewForm Input { get; set; } = new();
    [BindProperty] public int Version { get; set; }
    public EhcPlan Plan { get; private set; } = null!;
    public AnnualReview Review { get; private set; } = null!;
    public Pupil Pupil { get; private set; } = null!;
    public bool CanManage { get; private set; }
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
    public IReadOnlyList<(EhcNeed Need, EhcOutcome Outcome)> Outcomes => Plan.Needs.OrderBy(n => n.Order).SelectMany(n => n.Outcomes.OrderBy(o => o.Id).Select(o => (n, o))).ToList();

    public async Task<IActionResult> OnGetAsync(Guid planId, Guid reviewId, CancellationToken ct)
    {
        if (await LoadAsync(planId, reviewId, Permission.ViewEhc, ct) is { } denied) return denied;
        Input = From(Review);
        Version = Review.Version;
        audit.Read("ehc.review.read", "Opened an annual review", Plan.SchoolId, Plan.PupilId);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid planId, Guid reviewId, CancellationToken ct)
    {
        if (await LoadAsync(planId, reviewId, Permission.ManageEhc, ct) is { } denied) return denied;
        AlignProgressRows();
        if (!ModelState.IsValid) return Page();
        var input = new ReviewInput(Input.MeetingOn, Input.HeldOn, NullIfEmpty(Input.Recommendation), Input.InvitationsSentOn, Input.AdviceCirculatedOn,
            Input.Attendees ?? "", Input.PupilViews ?? "", Input.ParentViews ?? "", Input.ReportSentOn, NullIfEmpty(Input.LaDecision), Input.LaDecisionOn,
            Input.AmendmentsProposedOn, Input.Amendments ?? "", Input.AmendedPlanIssuedOn,
            Input.Progress.Where(p => !string.IsNullOrEmpty(p.Progress)).Select(p => new ProgressInput(p.OutcomeId, p.Progress, p.Note)).ToList());
        var outcome = await commands.RecordReviewAsync(planId, reviewId, input, Version, ct);
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                Notice = outcome.Value.Plan.IsCeased ? "Saved. The local authority's decision has ceased the plan: check the pupil's SEN status." : "The review has been saved.";
                return Redirect($"/ehc-plans/{planId}/reviews/{reviewId}");
            case OutcomeKind.Invalid:
                // Progress errors are numbered among the rows sent; map them back to the rows on the page.
                var sent = Input.Progress.Select((p, i) => (p, i)).Where(x => !string.IsNullOrEmpty(x.p.Progress)).Select(x => x.i).ToList();
                AddErrors(outcome.Errors!, f =>
                {
                    if (!f.StartsWith("progress[")) return null;
                    var n = int.Parse(f[9..f.IndexOf(']')]);
                    return $"Input.Progress[{(n < sent.Count ? sent[n] : n)}].Progress";
                });
                return Page();
            case OutcomeKind.Conflict:
                ConflictMessage = outcome.Message;
                ModelState.Remove(nameof(Version));
                Version = Review.Version;
                ModelState.AddModelError(string.Empty, Plan.IsCeased ? outcome.Message! : "Someone else changed this review while you were editing. Nothing you typed has been saved yet: check what is saved now, then save again.");
                return Page();
            default:
                return Deny(outcome.Kind)!;
        }
    }

    private void AlignProgressRows()
    {
        var byId = Input.Progress.ToDictionary(p => p.OutcomeId);
        Input.Progress = Outcomes.Select(x => byId.GetValueOrDefault(x.Outcome.Id) ?? new ProgressRow { OutcomeId = x.Outcome.Id }).ToList();
    }

    private ReviewForm From(AnnualReview r)
    {
        var form = new ReviewForm
        {
            MeetingOn = r.MeetingOn, InvitationsSentOn = r.InvitationsSentOn, AdviceCirculatedOn = r.AdviceCirculatedOn, HeldOn = r.HeldOn,
            Attendees = r.Attendees, PupilViews = r.PupilViews, ParentViews = r.ParentViews, Recommendation = r.Recommendation?.ToString(),
            ReportSentOn = r.ReportSentOn, LaDecision = r.LaDecision?.ToString(), LaDecisionOn = r.LaDecisionOn,
            AmendmentsProposedOn = r.AmendmentsProposedOn, Amendments = r.Amendments, AmendedPlanIssuedOn = r.AmendedPlanIssuedOn,
        };
        var saved = r.Progress.ToDictionary(p => p.OutcomeId);
        form.Progress = Outcomes.Select(x => new ProgressRow
        {
            OutcomeId = x.Outcome.Id, Progress = saved.GetValueOrDefault(x.Outcome.Id)?.Progress.ToString(), Note = saved.GetValueOrDefault(x.Outcome.Id)?.Note,
        }).ToList();
        return form;
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;

    private async Task<IActionResult?> LoadAsync(Guid planId, Guid reviewId, Permission permission, CancellationToken ct)
    {
        var found = await finder.PlanAsync(planId, permission, ct);
        if (Deny(found.Kind) is { } denied) return denied;
        Plan = found.Value!;
        var review = Plan.Reviews.FirstOrDefault(r => r.Id == reviewId);
        if (review is null) return NotFound();
        Review = review;
        Pupil = await db.Pupils.IgnoreQueryFilters().AsNoTracking().Include(p => p.School).FirstAsync(p => p.Id == Plan.PupilId, ct);
        ViewData["SchoolUrn"] = Pupil.School!.Urn;
        CanManage = user.Can(Plan.SchoolId, Permission.ManageEhc) && !Plan.IsCeased;
        return null;
    }
}
