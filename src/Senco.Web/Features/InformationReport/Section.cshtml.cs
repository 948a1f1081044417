using Microsoft.AspNetCore.Mvc;
using Senco.Core.Access;
using Senco.Core.Leadership;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.InformationReport;

/// Edit the school's words for one Schedule 1 item, with the live facts beside them. Two people may edit the same
/// section: the second to save is told and shown the saved text, and nothing is overwritten.
public sealed class SectionModel(UserContext user, InformationReportQueries queries, InformationReportCommands commands) : ReportPageModel(user)
{
    public sealed class SectionForm
    {
        public string? Text { get; set; }
    }

    [BindProperty] public SectionForm Input { get; set; } = new();
    [BindProperty] public int Version { get; set; }
    public ReportView Report { get; private set; } = null!;
    public ReportSectionView Section { get; private set; } = null!;
    public ReportSectionView? Current { get; private set; }

    public async Task<IActionResult> OnGetAsync(string urn, int year, string key, CancellationToken ct)
    {
        if (await LoadAsync(urn, year, key, ct) is { } denied) return denied;
        Input.Text = Section.Text;
        Version = Section.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string urn, int year, string key, CancellationToken ct)
    {
        if (await LoadAsync(urn, year, key, ct) is { } denied) return denied;
        var outcome = await commands.SaveSectionAsync(urn, year, key, new SectionInput(Input.Text, Version), ct);
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                Notice = $"Section {Section.Item.Number} has been saved.";
                return Redirect($"{Href(urn, year)}#{key}");
            case OutcomeKind.Invalid:
                AddErrors(outcome.Errors!);
                return Page();
            case OutcomeKind.Conflict when outcome.Value is { } current:
                Current = current;
                Version = current.Version;
                ModelState.AddModelError("Input.Text", "Someone else saved this section since you opened it. Their text is shown above yours: copy what you need into yours and save again.");
                return Page();
            case OutcomeKind.Conflict:
                ModelState.AddModelError("", outcome.Message!);
                return Page();
            default:
                return Deny(outcome.Kind)!;
        }
    }

    private async Task<IActionResult?> LoadAsync(string urn, int year, string key, CancellationToken ct)
    {
        if (Authorise(urn, Permission.ManageInformationReport) is { } denied) return denied;
        if (InformationReportSchedule.Find(key) is null) return NotFound();
        var report = await queries.ReportAsync(School, year, ct);
        if (report is null) return NotFound();
        if (report.ReadOnly) return Redirect(Href(urn, year));
        Report = report;
        Section = report.Sections.First(s => s.Item.Key == key);
        return null;
    }
}
