using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Senco.Core;
using Senco.Core.Access;
using Microsoft.EntityFrameworkCore;
using Senco.Data;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.Provision;

/// The notional SEN budget and high-needs top-up for a year, against the cost of provision made.
public sealed class FundingModel(UserContext user, SencoDbContext db, FundingCommands commands, TimeProvider clock) : SchoolPageModel(user)
{
    [BindProperty(SupportsGet = true)] public string? Year { get; set; }
    [BindProperty, Display(Name = "Notional SEN budget")] public string? Budget { get; set; }
    [BindProperty] public int? BudgetVersion { get; set; }
    [TempData] public string? Notice { get; set; }
    public SchoolYear SchoolYear { get; private set; }
    public YearProvision Data { get; private set; } = null!;
    public bool Named => School.Can(Permission.ViewProvision);
    public bool CanManage => School.Can(Permission.ManageProvision);
    public SchoolYear Current => SchoolYear.Containing(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
    public IEnumerable<SchoolYear> Years => Enumerable.Range(0, 4).Select(i => new SchoolYear(Current.StartYear - i));

    public async Task<IActionResult> OnGetAsync(string urn, CancellationToken ct)
    {
        if (Authorise(urn, Permission.ViewAggregates) is { } denied) return denied;
        await LoadAsync(ct);
        Budget = FormValues.Text(Data.NotionalBudget);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string urn, CancellationToken ct)
    {
        if (Authorise(urn, Permission.ManageProvision) is { } denied) return denied;
        SchoolYear = SchoolYear.TryParse(Year, out var y) ? y : Current;
        var errors = new ValidationErrors();
        var amount = FormValues.Money(Budget, "notionalSenBudget", "The notional SEN budget", errors);
        if (errors.IsValid)
        {
            var outcome = await commands.SetBudgetAsync(urn, SchoolYear, amount, BudgetVersion, ct);
            if (outcome.IsOk)
            {
                Notice = $"The notional SEN budget for {SchoolYear.Label} has been saved.";
                return Redirect($"/schools/{urn}/funding?year={SchoolYear.Label}");
            }
            if (outcome.Kind == OutcomeKind.Conflict)
            {
                ModelState.AddModelError(nameof(Budget), outcome.Message!);
                ModelState.Remove(nameof(BudgetVersion));
                BudgetVersion = outcome.Value?.Version;
            }
            else if (outcome.Errors is not null) errors = outcome.Errors;
        }
        foreach (var (_, messages) in errors) foreach (var m in messages) ModelState.AddModelError(nameof(Budget), m);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        if (SchoolYear == default) SchoolYear = SchoolYear.TryParse(Year, out var y) ? y : Current;
        Data = await ProvisionQueries.LoadYearAsync(new SchoolData(db, School), SchoolYear, ct);
        BudgetVersion ??= (await new SchoolData(db, School).Q<Senco.Core.Model.SenBudget>().Where(b => b.StartYear == SchoolYear.StartYear).Select(b => (int?)b.Version).FirstOrDefaultAsync(ct));
    }
}
