using Microsoft.AspNetCore.Mvc;
using Senco.Core.Access;
using Senco.Core.Leadership;
using Senco.Core.Model;
using Senco.Data;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;
using Senco.Web.Features.Shared.Audit;

namespace Senco.Web.Features.Leadership.Assessment;

/// The results recorded for a term, pupil by pupil (named: ViewAssessments), with the ways to add more.
public sealed class IndexModel(UserContext user, SencoDbContext db, AuditLog audit, TimeProvider clock) : SchoolPageModel(user)
{
    [BindProperty(SupportsGet = true)] public string? Term { get; set; }
    [BindProperty(SupportsGet = true)] public string? Measure { get; set; }
    public AssessmentTerm SelectedTerm { get; private set; }
    public AssessmentMeasure? SelectedMeasure { get; private set; }
    public IReadOnlyList<AssessmentTerm> Terms { get; private set; } = [];
    public IReadOnlyList<AssessmentResult> Results { get; private set; } = [];
    public bool CanRecord => School.Can(Permission.RecordAssessments);

    public async Task<IActionResult> OnGetAsync(string urn, CancellationToken ct)
    {
        if (Authorise(urn, Permission.ViewAssessments) is { } denied) return denied;
        Terms = AssessmentQueries.RecentTerms(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        SelectedTerm = AssessmentTerm.TryParse(Term, out var t) ? t : Terms[0];
        SelectedMeasure = Enum.TryParse<AssessmentMeasure>(Measure, out var m) && Enum.IsDefined(m) ? m : null;
        Results = await AssessmentQueries.ListAsync(db, School.SchoolId, SelectedTerm, SelectedMeasure, null, ct);
        audit.Read("assessment.list.read", $"Read {Results.Count} assessment results for {SelectedTerm.Label}", School.SchoolId);
        return Page();
    }
}
