using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Senco.Core;
using Senco.Core.Access;
using Senco.Core.Leadership;
using Senco.Core.Model;
using Senco.Core.Pupils;
using Senco.Data;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;
using Senco.Web.Features.Shared.Audit;

namespace Senco.Web.Features.Leadership.Assessment;

/// Enter one measure for a whole class (a teaching group or a year group) in one go: a row per pupil; a blank row
/// is left as it was. Nothing is saved unless every row filled in is right.
public sealed class EnterModel(UserContext user, SencoDbContext db, AssessmentCommands commands, AuditLog audit, TimeProvider clock) : SchoolPageModel(user)
{
    public sealed class Row
    {
        public Guid PupilId { get; set; }
        public string? Value { get; set; }
        public string? Grade { get; set; }
    }

    [BindProperty(SupportsGet = true)] public string? Group { get; set; }
    [BindProperty(SupportsGet = true)] public string? Term { get; set; }
    [BindProperty(SupportsGet = true)] public string? Measure { get; set; }
    [BindProperty(SupportsGet = true)] public string? Subject { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Scale { get; set; }
    [BindProperty] public List<Row> Rows { get; set; } = [];

    public IReadOnlyList<(string Key, string Label)> Groups { get; private set; } = [];
    public IReadOnlyList<AssessmentTerm> Terms { get; private set; } = [];
    public IReadOnlyList<AssessmentScale> Scales { get; private set; } = [];
    public IReadOnlyList<Pupil> Pupils { get; private set; } = [];
    public AssessmentTerm SelectedTerm { get; private set; }
    public AssessmentMeasure? SelectedMeasure { get; private set; }
    public AssessmentScale? SelectedScale { get; private set; }
    public string? GroupLabel { get; private set; }
    /// Everything chosen: show the class's rows.
    public bool Ready { get; private set; }
    public bool Graded => SelectedMeasure is { } m && AssessmentRules.IsGraded(m, SelectedScale);
    public IReadOnlyList<string> GradeList => SelectedMeasure is { } m ? AssessmentRules.GradesOf(m, SelectedScale) : [];

    public async Task<IActionResult> OnGetAsync(string urn, CancellationToken ct)
    {
        if (Authorise(urn, Permission.RecordAssessments) is { } denied) return denied;
        await LoadAsync(ct);
        if (Ready)
        {
            var ids = Pupils.Select(p => p.Id).ToList();
            var existing = await db.AssessmentResults.AsNoTracking().Where(r => r.SchoolId == School.SchoolId && ids.Contains(r.PupilId) && r.YearStart == SelectedTerm.Year.StartYear
                && r.Term == SelectedTerm.Term && r.Measure == SelectedMeasure && r.Subject == SubjectKey && r.ScaleId == Scale).ToListAsync(ct);
            Rows = Pupils.Select(p => existing.FirstOrDefault(r => r.PupilId == p.Id) is { } r
                ? new Row { PupilId = p.Id, Value = r.Value?.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture), Grade = r.Grade }
                : new Row { PupilId = p.Id }).ToList();
            audit.Read("assessment.class.read", $"Opened {GroupLabel} for entering {AssessmentCommands.Describe(SelectedMeasure!.Value, SubjectKey, SelectedScale?.Name)}, {SelectedTerm.Label}", School.SchoolId);
        }
        return Page();
    }

    private string SubjectKey => SelectedMeasure is { } m && AssessmentRules.NeedsSubject(m) ? AssessmentCommands.Tidy(Subject ?? "") : "";

    public async Task<IActionResult> OnPostAsync(string urn, CancellationToken ct)
    {
        if (Authorise(urn, Permission.RecordAssessments) is { } denied) return denied;
        await LoadAsync(ct);
        if (!Ready) return Page();
        var inputs = new List<ResultInput>();
        var index = new List<int>();
        var errors = new ValidationErrors();
        for (var i = 0; i < Rows.Count; i++)
        {
            var row = Rows[i];
            if (string.IsNullOrWhiteSpace(row.Value) && string.IsNullOrWhiteSpace(row.Grade)) continue;
            decimal? value = null;
            if (!Graded)
            {
                if (AssessmentRules.TryNumber(row.Value, out var v)) value = v;
                else { errors.Add($"rows[{i}].value", $"{Name(row.PupilId)}: enter a number"); continue; }
            }
            inputs.Add(new ResultInput(row.PupilId, null, SelectedTerm.Key, SelectedMeasure.ToString(), Subject, Scale, null, value, row.Grade, null));
            index.Add(i);
        }
        if (errors.IsValid && inputs.Count == 0) errors.Add("rows[0].value", "Enter at least one result");
        if (errors.IsValid)
        {
            var outcome = await commands.RecordAsync(urn, inputs, single: false, ct);
            if (outcome.IsOk)
            {
                TempData["Notice"] = $"{outcome.Value!.Count} results saved for {GroupLabel}, {SelectedTerm.Label}";
                return Redirect($"/schools/{urn}/assessments?term={SelectedTerm.Key}&measure={SelectedMeasure}");
            }
            if (outcome.Errors is { } e)
                foreach (var (field, messages) in e)
                {
                    // rows[k] of what was sent is row index[k] of the page; name the pupil so the summary reads on its own.
                    var dot = field.IndexOf("].", StringComparison.Ordinal);
                    if (field.StartsWith("rows[") && dot > 0 && int.TryParse(field[5..dot], out var k) && k < index.Count)
                        foreach (var m in messages) errors.Add($"rows[{index[k]}].{(Graded ? "grade" : "value")}", $"{Name(Rows[index[k]].PupilId)}: {m}");
                    else foreach (var m in messages) errors.Add("rows[0].value", m);
                }
        }
        AddErrors(errors, "");
        return Page();
    }

    private string Name(Guid id) => Pupils.FirstOrDefault(p => p.Id == id)?.FullName ?? "A pupil";

    private async Task LoadAsync(CancellationToken ct)
    {
        Terms = AssessmentQueries.RecentTerms(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        Scales = await AssessmentQueries.ScalesAsync(db, School.SchoolId, ct);
        var groups = await db.TeachingGroups.AsNoTracking().Where(g => g.SchoolId == School.SchoolId).OrderBy(g => g.Name).Select(g => new { g.Id, g.Name }).ToListAsync(ct);
        var years = await db.Pupils.AsNoTracking().Where(p => p.SchoolId == School.SchoolId && p.OnRoll).Select(p => p.YearGroup).Distinct().ToListAsync(ct);
        Groups = groups.Select(g => ($"tg-{g.Id}", g.Name))
            .Concat(years.OrderBy(YearGroups.Order).Select(y => ($"year-{y}", "All of " + YearGroups.Label(y)))).ToList();
        SelectedTerm = AssessmentTerm.TryParse(Term, out var t) ? t : Terms[0];
        SelectedMeasure = Enum.TryParse<AssessmentMeasure>(Measure, out var m) && Enum.IsDefined(m) ? m : null;
        SelectedScale = Scales.FirstOrDefault(s => s.Id == Scale);
        GroupLabel = Groups.FirstOrDefault(g => g.Key == Group).Label;
        var measureReady = SelectedMeasure is { } mm && (mm != AssessmentMeasure.SchoolScale || SelectedScale is not null)
                           && (!AssessmentRules.NeedsSubject(mm) || !string.IsNullOrWhiteSpace(Subject));
        Ready = GroupLabel is not null && measureReady;
        if (!Ready) return;
        IQueryable<Pupil> q = db.Pupils.AsNoTracking().Where(p => p.SchoolId == School.SchoolId && p.OnRoll);
        if (Group!.StartsWith("tg-") && int.TryParse(Group[3..], out var gid))
        {
            var ids = db.TeachingGroupPupils.Where(x => x.TeachingGroupId == gid).Select(x => x.PupilId);
            q = q.Where(p => ids.Contains(p.Id));
        }
        else
        {
            var year = Group[5..];
            q = q.Where(p => p.YearGroup == year);
        }
        Pupils = await q.OrderBy(p => p.Surname).ThenBy(p => p.Forename).ToListAsync(ct);
    }
}
