using Senco.Core;
using Senco.Core.Provision;
using Senco.Core.Trust;
using Senco.Web.Features.Api;
using Senco.Web.Features.Provision;
using Senco.Web.Features.Register;
using Senco.Web.Features.Shared.Audit;

namespace Senco.Web.Features.Trusts;

public sealed record TrustSummaryDto(int Id, string Name, IReadOnlyList<string> SchoolUrns);
public sealed record NeedShareDto(string Need, int Pupils, decimal Percent);
public sealed record MeanGainDto(string Measure, decimal? MeanGain);
public sealed record OutlierDto(string Measure, string Direction, decimal SchoolValue, decimal TrustValue, string Description);
public sealed record TrustFiguresDto(
    string? Urn, string Name, int OnRoll, int NoSen, int SenSupport, int EhcPlans, decimal? SenSupportPercent, decimal? EhcPlanPercent,
    decimal? RegisterPercent, IReadOnlyList<NeedShareDto> PrimaryNeeds, int OverdueStatutoryDates, decimal? NotionalSenBudget, decimal TopUpInYear,
    decimal? Funding, decimal ProvisionCost, decimal? ProvisionCostPercentOfFunding, bool Overspent, int PlacesAssessed, decimal? ImprovedPercent,
    IReadOnlyList<MeanGainDto> MeanGain, IReadOnlyList<OutlierDto> Outliers)
{
    public static TrustFiguresDto From(SchoolComparison s, string? urn, string name) => new(
        urn, name, s.Counts.OnRoll, s.Counts.NoSen, s.Counts.SenSupport, s.Counts.EhcPlans, s.SenSupportPercent, s.EhcPlanPercent, s.RegisterPercent,
        s.Needs.Select(n => new NeedShareDto(n.Need, n.Pupils, n.Percent)).ToList(), s.Counts.OverdueStatutoryDates,
        Money.Pounds(s.Counts.NotionalBudget), Money.Pounds(s.Counts.TopUpReceived), Money.Pounds(s.Funding), Money.Pounds(s.Counts.ProvisionCost),
        s.SpendPercentOfFunding, s.Overspent, s.Assessed, s.ImprovedPercent,
        TrustComparison.GainMeasures.Select(m => new MeanGainDto(m.ToString(), s.MeanGain[m])).ToList(),
        s.Outliers.Select(o => new OutlierDto(o.Measure.ToString(), o.Direction.ToString(), o.SchoolValue, o.TrustValue, o.Describe())).ToList());
}
public sealed record TrustDashboardDto(int TrustId, string Trust, string Year, string Today, TrustFiguresDto TrustFigures, IReadOnlyList<TrustFiguresDto> Schools);

public static class TrustApi
{
    public static void MapTrustApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/trusts").WithTags("Trusts");

        g.MapGet("", (TrustDashboardQuery query) =>
            TypedResults.Ok(query.LedTrusts().Select(t => new TrustSummaryDto(t.Id, t.Name, t.Schools.Select(s => s.Urn).ToList())).ToList()))
          .Produces<List<TrustSummaryDto>>()
          .WithSummary("The trusts the caller leads (TrustLead), with their schools' URNs. Empty for everyone else.");

        g.MapGet("/{id:int}/dashboard", async Task<IResult> (int id, string? year, TrustDashboardQuery query, TimeProvider clock, AuditLog audit, CancellationToken ct) =>
        {
            var trust = query.Authorise(id);
            if (trust.Kind == Shared.OutcomeKind.NotFound) return TypedResults.NotFound();
            if (!trust.IsOk) return TypedResults.Problem(statusCode: 403, title: "Only the trust's SEND lead sees the trust dashboard.");
            SchoolYear schoolYear;
            if (string.IsNullOrEmpty(year)) schoolYear = SchoolYear.Containing(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
            else if (!SchoolYear.TryParse(year, out schoolYear)) return ApiJson.Invalid("year", "Enter an academic year in the form 2026/27");
            var d = await query.RunAsync(trust.Value!, schoolYear, ct);
            audit.Read("trust.dashboard.read", $"API read of the trust dashboard of {d.Trust.Name} ({d.Trust.Schools.Count} schools, {d.Year.Label})");
            return TypedResults.Ok(ToDto(d));
        }).Produces<TrustDashboardDto>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404)
          .WithSummary("A trust's schools side by side: roll, register, primary needs, EHC plans and overdue statutory dates, SEN funding against provision cost, intervention impact; the trust's pooled figures and the schools far from them. Aggregates only.");
    }

    public static TrustDashboardDto ToDto(TrustDashboard d) => new(d.Trust.Id, d.Trust.Name, d.Year.Label, d.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        TrustFiguresDto.From(d.Comparison.Trust, null, d.Trust.Name),
        d.Comparison.Schools.Select(s => TrustFiguresDto.From(s, s.Counts.Urn, s.Counts.Name)).ToList());
}
