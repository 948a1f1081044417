using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Senco.Core.Access;
using Senco.Core.Model;
using Senco.Web.Features.Shared;

namespace Senco.Web.Features.Team;

/// Staff development: training records, the training-needs analysis, the INSET log, and the appraisals this person
/// may open.
public sealed class StaffDevelopmentPageModel(TeamAccess access, StaffDevelopment development) : TeamPageModel(access)
{
    public sealed class TrainingForm
    {
        public Guid? StaffMemberId { get; set; }
        public string? Title { get; set; }
        public string? Provider { get; set; }
        public DateOnly? CompletedOn { get; set; }
        public decimal? Hours { get; set; }
        public DateOnly? RenewBy { get; set; }
    }

    public sealed class NeedForm
    {
        public Guid? StaffMemberId { get; set; }
        public string? Area { get; set; }
        public string? Reason { get; set; }
        public string? Priority { get; set; } = "Medium";
    }

    public sealed class InsetForm
    {
        public DateOnly? On { get; set; }
        public string? Title { get; set; }
        public string? LedBy { get; set; }
        public string? Attendees { get; set; }
        public string? Evaluation { get; set; }
    }

    [BindProperty] public TrainingForm Training { get; set; } = new();
    [BindProperty] public NeedForm Need { get; set; } = new();
    [BindProperty] public InsetForm Inset { get; set; } = new();
    public StaffDevelopment.Overview Data { get; private set; } = null!;
    public IReadOnlyList<StaffMember> Appraisals { get; private set; } = [];
    public string? OpenForm { get; private set; }

    public IEnumerable<SelectListItem> StaffItems(Guid? selected) =>
        new[] { new SelectListItem("Choose a member of staff", "") }.Concat(Data.Staff.Select(s => new SelectListItem(s.Name, s.Id.ToString(), s.Id == selected)));

    public async Task<IActionResult> OnGetAsync(string urn, CancellationToken ct) => await LoadAsync(urn, Permission.ViewStaffDevelopment, ct) ?? Page();

    public async Task<IActionResult> OnPostTrainingAsync(string urn, CancellationToken ct) => await Run(urn, "Training",
        () => development.AddTrainingAsync(urn, new TrainingInput(Training.StaffMemberId, Training.Title, Training.Provider, Training.CompletedOn, Training.Hours, Training.RenewBy), ct),
        "The training has been recorded.", "training", ct);

    public async Task<IActionResult> OnPostNeedAsync(string urn, CancellationToken ct) => await Run(urn, "Need",
        () => development.AddNeedAsync(urn, new TrainingNeedInput(Need.StaffMemberId, Need.Area, Need.Reason, Need.Priority), ct),
        "The training need has been added.", "needs", ct);

    public async Task<IActionResult> OnPostInsetAsync(string urn, CancellationToken ct) => await Run(urn, "Inset",
        () => development.AddInsetAsync(urn, new InsetInput(Inset.On, Inset.Title, Inset.LedBy, Inset.Attendees, Inset.Evaluation), ct),
        "The INSET session has been logged.", "inset", ct);

    public async Task<IActionResult> OnPostMetAsync(string urn, Guid needId, CancellationToken ct)
    {
        if (await LoadAsync(urn, Permission.ManageTeam, ct) is { } denied) return denied;
        var o = await development.MeetNeedAsync(needId, null, ct);
        if (Deny(o.Kind) is { } d) return d;
        Notice = "The training need is marked as met.";
        return Redirect($"/schools/{urn}/staff-development#needs");
    }

    private async Task<IActionResult> Run<T>(string urn, string form, Func<Task<Outcome<T>>> run, string notice, string anchor, CancellationToken ct)
    {
        if (await LoadAsync(urn, Permission.ManageTeam, ct) is { } denied) return denied;
        Only(form);
        OpenForm = form;
        if (!ModelState.IsValid) return Page();
        var o = await run();
        if (o.IsOk)
        {
            Notice = notice;
            return Redirect($"/schools/{urn}/staff-development#{anchor}");
        }
        if (Deny(o.Kind) is { } d) return d;
        AddErrors(o.Errors!, form);
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(string urn, Permission permission, CancellationToken ct)
    {
        if (LoadSchool(urn, permission) is { } denied) return denied;
        var o = await development.OverviewAsync(urn, ct);
        if (Deny(o.Kind) is { } d) return d;
        Data = o.Value!;
        Appraisals = await development.AppraisalsVisibleAsync(School.SchoolId, ct);
        return null;
    }
}
