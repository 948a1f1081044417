using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Senco.Core;
using Senco.Core.Model;
using Senco.Core.Provision;
using Senco.Data;
using Senco.Web.Features.Provision;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.Interventions;

public sealed class ScoresForm
{
    [Display(Name = "Measure")] public string? Measure { get; set; }
    [Display(Name = "Entry score")] public string? EntryValue { get; set; }
    [Display(Name = "Date of the entry assessment")] public DateOnly? EntryOn { get; set; }
    [Display(Name = "Exit score")] public string? ExitValue { get; set; }
    [Display(Name = "Date of the exit assessment")] public DateOnly? ExitOn { get; set; }
}

/// A pupil's entry and exit assessments in a group.
public sealed class ScoresModel(UserContext user, ProvisionAccess access, SencoDbContext db, GroupCommands commands) : PageModel
{
    private static readonly Dictionary<string, string> Fields = new()
    {
        ["measure"] = "Input.Measure", ["entry.value"] = "Input.EntryValue", ["entry.on"] = "Input.EntryOn", ["exit.value"] = "Input.ExitValue", ["exit.on"] = "Input.ExitOn",
    };

    [BindProperty] public ScoresForm Input { get; set; } = new();
    public InterventionGroup Group { get; private set; } = null!;
    public GroupPupil Member { get; private set; } = null!;
    public MeasureScale? Scale => GroupCommands.ScaleOf(Group);

    public async Task<IActionResult> OnGetAsync(Guid id, Guid pupilId, CancellationToken ct)
    {
        if (await LoadAsync(id, pupilId, ct) is { } denied) return denied;
        Input = new ScoresForm
        {
            Measure = Group.Measure?.ToString(), EntryValue = FormValues.Text(Member.EntryValue), EntryOn = Member.EntryOn,
            ExitValue = FormValues.Text(Member.ExitValue), ExitOn = Member.ExitOn,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid pupilId, CancellationToken ct)
    {
        if (await LoadAsync(id, pupilId, ct) is { } denied) return denied;
        var parse = new ValidationErrors();
        var entry = FormValues.Int(Input.EntryValue, "entry.value", "The entry score", parse);
        var exit = FormValues.Int(Input.ExitValue, "exit.value", "The exit score", parse);
        var measure = Group.Measure?.ToString() ?? Input.Measure;
        if (!ModelState.IsValid || !parse.IsValid)
        {
            FormValues.AddTo(ModelState, parse, rename: Fields);
            var scale = Scale ?? (ProvisionRules.ParseMeasure(measure) is { } k && k != MeasureKind.SchoolMeasure ? MeasureScale.For(k) : null);
            if (scale is not null)
                FormValues.AddTo(ModelState, Impact.Validate(scale, new Assessment(entry, Input.EntryOn), new Assessment(exit, Input.ExitOn), DateOnly.FromDateTime(DateTime.UtcNow)), rename: Fields);
            return Page();
        }
        var outcome = await commands.RecordScoresAsync(id, pupilId, measure, new Assessment(entry, Input.EntryOn),
            exit is null && Input.ExitOn is null ? null : new Assessment(exit, Input.ExitOn), ct);
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                TempData["Notice"] = $"Scores for {Member.Pupil!.FullName} have been saved.";
                return Redirect($"/interventions/{id}");
            case OutcomeKind.Invalid:
                FormValues.AddTo(ModelState, outcome.Errors!, rename: Fields);
                return Page();
            case OutcomeKind.NotFound: return NotFound();
            default: return StatusCode(403);
        }
    }

    private async Task<IActionResult?> LoadAsync(Guid id, Guid pupilId, CancellationToken ct)
    {
        var found = await access.FindGroupToRecordAsync(id, ct: ct);
        if (found.Kind == OutcomeKind.NotFound) return NotFound();
        if (found.Kind == OutcomeKind.Forbidden) return StatusCode(403);
        Group = found.Value!;
        ViewData["SchoolUrn"] = user.School(Group.SchoolId)!.Urn;
        var member = await db.GroupPupils.AsNoTracking().Include(m => m.Pupil).FirstOrDefaultAsync(m => m.GroupId == id && m.PupilId == pupilId, ct);
        if (member is null) return NotFound();
        Member = member;
        return null;
    }
}
