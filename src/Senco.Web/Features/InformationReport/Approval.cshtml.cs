using Microsoft.AspNetCore.Mvc;
using Senco.Core.Access;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.InformationReport;

/// Record that the governing body approved the report, and when.
public sealed class ApprovalModel(UserContext user, InformationReportQueries queries, InformationReportCommands commands) : ReportPageModel(user)
{
    public sealed class ApprovalForm
    {
        public DateOnly? ApprovedOn { get; set; }
        public string? ApprovedBy { get; set; }
    }

    [BindProperty] public ApprovalForm Input { get; set; } = new();
    [BindProperty] public int Version { get; set; }
    public ReportView Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string urn, int year, CancellationToken ct)
    {
        if (await LoadAsync(urn, year, ct) is { } denied) return denied;
        Input = new ApprovalForm { ApprovedOn = Report.Report.ApprovedOn, ApprovedBy = Report.Report.ApprovedBy ?? "Full governing body" };
        Version = Report.Report.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string urn, int year, CancellationToken ct)
    {
        if (await LoadAsync(urn, year, ct) is { } denied) return denied;
        if (!ModelState.IsValid) return Page();
        var outcome = await commands.ApproveAsync(urn, year, new ApprovalInput(Input.ApprovedOn, Input.ApprovedBy, Version), ct);
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                Notice = $"The governors' approval on {Core.Dates.Long(Input.ApprovedOn!.Value)} has been recorded.";
                return Redirect(Href(urn, year));
            case OutcomeKind.Invalid:
                AddErrors(outcome.Errors!);
                return Page();
            case OutcomeKind.Conflict:
                Version = Report.Report.Version;
                ModelState.AddModelError("", outcome.Message!);
                return Page();
            default:
                return Deny(outcome.Kind)!;
        }
    }

    private async Task<IActionResult?> LoadAsync(string urn, int year, CancellationToken ct)
    {
        if (Authorise(urn, Permission.ManageInformationReport) is { } denied) return denied;
        var report = await queries.ReportAsync(School, year, ct);
        if (report is null) return NotFound();
        if (report.ReadOnly) return Redirect(Href(urn, year));
        Report = report;
        return null;
    }
}
