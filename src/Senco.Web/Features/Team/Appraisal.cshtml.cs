using Microsoft.AspNetCore.Mvc;
using Senco.Web.Features.Shared;

namespace Senco.Web.Features.Team;

/// One person's appraisal objectives and reviews: the member of staff, their line manager and senior leaders only.
public sealed class AppraisalModel(TeamAccess access, StaffDevelopment development) : TeamPageModel(access)
{
    public sealed class ObjectiveForm
    {
        public string? AcademicYear { get; set; }
        public string? Objective { get; set; }
        public string? SuccessCriteria { get; set; }
    }

    public sealed class ReviewForm
    {
        public Guid? ObjectiveId { get; set; }
        public DateOnly? ReviewedOn { get; set; }
        public string? ReviewNotes { get; set; }
    }

    [BindProperty] public ObjectiveForm Objective { get; set; } = new();
    [BindProperty] public ReviewForm Review { get; set; } = new();
    public StaffDevelopment.Appraisal Data { get; private set; } = null!;
    public string? OpenForm { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        Objective.AcademicYear = Senco.Core.SchoolYear.Containing(DateOnly.FromDateTime(DateTime.UtcNow)).ToString();
        return Page();
    }

    public async Task<IActionResult> OnPostObjectiveAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        Only("Objective");
        OpenForm = "Objective";
        var o = await development.AddObjectiveAsync(id, new ObjectiveInput(Objective.AcademicYear, Objective.Objective, Objective.SuccessCriteria), ct);
        if (o.IsOk) { Notice = "The objective has been set."; return Redirect($"/staff/{id}/appraisal"); }
        if (Deny(o.Kind) is { } d) return d;
        AddErrors(o.Errors!, "Objective");
        return Page();
    }

    public async Task<IActionResult> OnPostReviewAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        Only("Review");
        OpenForm = "Review";
        if (!ModelState.IsValid) return Page();
        if (Review.ObjectiveId is not { } oid || Data.Objectives.All(x => x.Id != oid)) return NotFound();
        var o = await development.ReviewObjectiveAsync(oid, new ObjectiveReviewInput(Review.ReviewedOn, Review.ReviewNotes), ct);
        if (o.IsOk) { Notice = "The review has been recorded."; return Redirect($"/staff/{id}/appraisal"); }
        if (Deny(o.Kind) is { } d) return d;
        AddErrors(o.Errors!, "Review");
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var o = await development.AppraisalAsync(id, ct);
        if (Deny(o.Kind) is { } d) return d;
        Data = o.Value!;
        School = Access.User.School(Data.Staff.SchoolId)!;
        ViewData["SchoolUrn"] = School.Urn;
        return null;
    }
}
