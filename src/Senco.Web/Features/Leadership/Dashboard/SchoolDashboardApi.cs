using System.Globalization;
using Senco.Core.Access;
using Senco.Core.Ehc;
using Senco.Core.Leadership;
using Senco.Core.Sen;
using Senco.Core.Trust;
using Senco.Web.Features.Api;
using Senco.Web.Features.Provision;
using Senco.Web.Features.Register;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;
using Senco.Web.Features.Shared.Audit;

namespace Senco.Web.Features.Leadership.Dashboard;

public sealed record DashboardRegisterDto(int OnRoll, int NoSen, int SenSupport, int EhcPlans, int OnRegister,
    decimal? NoSenPercent, decimal? SenSupportPercent, decimal? EhcPlanPercent, decimal? RegisterPercent);
/// A need's line: pupils and percent are null, and withheld true, when the line is withheld for small numbers.
public sealed record DashboardNeedDto(string Need, string Name, int? Pupils, decimal? Percent, bool Withheld);
public sealed record DashboardChangesDto(string From, string To, int AddedToSenSupport, int AddedWithEhcPlan, int MovedToEhcPlan, int EhcPlanToSenSupport,
    int RemovedFromRegister, int NewEhcPlans, int JoinedOnRegister, int LeftOnRegister);
public sealed record DashboardStatutoryKindDto(string Kind, string Description, int Overdue, int DueSoon);
public sealed record DashboardStatutoryDto(int Overdue, int DueSoon, int DueWithinDays, IReadOnlyList<DashboardStatutoryKindDto> ByKind);
public sealed record DashboardFundingDto(decimal? NotionalSenBudget, decimal TopUpInYear, decimal? Funding, decimal ProvisionCost, decimal? ProvisionCostPercentOfFunding, bool Overspent);
public sealed record DashboardGainDto(string Measure, decimal? MeanGain);
public sealed record DashboardImpactDto(int PlacesAssessed, int PlacesImproved, decimal? ImprovedPercent, IReadOnlyList<DashboardGainDto> MeanGain,
    decimal MeasuredGroupsCost, decimal? CostPerPupilImproved);
public sealed record SchoolDashboardDto(string Urn, string School, string Year, string Term, string Today, bool SmallGroupsWithheld, int SuppressionThreshold,
    DashboardRegisterDto Register, IReadOnlyList<DashboardNeedDto> PrimaryNeeds, DashboardChangesDto Changes, DashboardStatutoryDto StatutoryDates,
    DashboardFundingDto Funding, DashboardImpactDto Impact)
{
    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static SchoolDashboardDto From(SchoolDashboard d)
    {
        var c = d.Counts;
        var f = d.Figures;
        var ch = d.Changes;
        return new(d.School.Urn, d.School.Name, d.Year.Label, d.Term.Name.ToString().ToLowerInvariant(), Iso(d.Today), d.Suppressing, AssessmentAnalysis.DefaultThreshold,
            new(c.OnRoll, c.NoSen, c.SenSupport, c.EhcPlans, c.OnRegister, TrustComparison.Percent(c.NoSen, c.OnRoll), f.SenSupportPercent, f.EhcPlanPercent, f.RegisterPercent),
            d.Needs.Select(n => new DashboardNeedDto(n.Need, NeedTypes.NameOf(n.Need), n.Pupils, n.Percent, n.Withheld)).ToList(),
            new(Iso(d.From), Iso(d.To), ch.AddedToSenSupport, ch.AddedWithEhcPlan, ch.MovedToEhcPlan, ch.EhcPlanToSenSupport, ch.RemovedFromRegister, ch.NewEhcPlans,
                ch.JoinedOnRegister, ch.LeftOnRegister),
            new(d.Overdue, d.DueSoon, d.DueWithinDays, d.Statutory.Select(s => new DashboardStatutoryKindDto(s.Kind.ToString(), EhcRules.Describe(s.Kind), s.Overdue, s.DueSoon)).ToList()),
            new(Money.Pounds(c.NotionalBudget), Money.Pounds(c.TopUpReceived), Money.Pounds(f.Funding), Money.Pounds(c.ProvisionCost), f.SpendPercentOfFunding, f.Overspent),
            new(f.Assessed, d.PlacesImproved, f.ImprovedPercent, TrustComparison.GainMeasures.Select(m => new DashboardGainDto(m.ToString(), f.MeanGain[m])).ToList(),
                Money.Pounds(d.MeasuredGroupsCost), d.CostPerPupilImproved));
    }
}

/// <summary>The leaders' and governors' dashboard as JSON: the same aggregates as the page and its downloads.</summary>
public static class SchoolDashboardApi
{
    public static void MapSchoolDashboardApi(RouteGroupBuilder api)
    {
        api.MapGet("/schools/{urn}/dashboard", async Task<IResult> (string urn, string? year, string? term, UserContext user, SchoolDashboardQuery query, AuditLog audit, CancellationToken ct) =>
        {
            var (school, denied) = RegisterApi.Authorise(user, urn, Permission.ViewSchoolDashboard);
            if (denied is not null) return denied;
            var outcome = await query.RunAsync(school!, year, term, ct);
            if (outcome.Kind == OutcomeKind.Invalid) return ApiJson.Invalid(outcome.Errors!);
            var d = outcome.Value!;
            audit.Read("school.dashboard.read", $"API read of the leaders' and governors' dashboard, {SchoolDashboardExport.Period(d)}{(d.Suppressing ? " (small groups withheld)" : "")}", school!.SchoolId);
            return TypedResults.Ok(SchoolDashboardDto.From(d));
        }).WithTags("Leadership and analysis").Produces<SchoolDashboardDto>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404)
          .WithSummary("The leaders' and governors' dashboard for a school year (year=2026/27) and term (term=autumn|spring|summer): the register by status and primary need, the term's changes, statutory dates overdue and due soon, SEN funding against provision cost, intervention impact. Counts only; for those who may not read the register, needs of fewer than 5 pupils are withheld.");
    }
}
