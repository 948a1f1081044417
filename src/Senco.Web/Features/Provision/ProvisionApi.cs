using Microsoft.EntityFrameworkCore;
using Senco.Core;
using Senco.Core.Access;
using Senco.Core.Model;
using Senco.Core.Provision;
using Senco.Data;
using Senco.Web.Features.Api;
using Senco.Web.Features.Deployment;
using Senco.Web.Features.Interventions;
using Senco.Web.Features.Pupils;
using Senco.Web.Features.Register;
using Senco.Web.Features.Shared.Access;
using Senco.Web.Features.Shared.Audit;

namespace Senco.Web.Features.Provision;

public sealed record ProvisionRequest(string? Name, string? Description, string? AreaOfNeed, int? Wave, string? UsualStaffRole, int? GroupSize,
    int? SessionsPerWeek, int? MinutesPerSession, int? Weeks, decimal? StaffHourlyCost, decimal? ResourceCost, bool? Archived, int? Version)
{
    public ProvisionOfferInput ToInput() => new(Name, Description, AreaOfNeed, Wave, UsualStaffRole, GroupSize, SessionsPerWeek, MinutesPerSession, Weeks, StaffHourlyCost, ResourceCost);
}

public sealed record ProvisionDto(Guid Id, string Name, string? Description, string AreaOfNeed, int Wave, string? UsualStaffRole, int? GroupSize,
    int? SessionsPerWeek, int? MinutesPerSession, int? Weeks, decimal? StaffHourlyCost, decimal? ResourceCost, decimal? UsualCost, bool Archived, int Version)
{
    public static ProvisionDto From(ProvisionOffer o) => new(o.Id, o.Name, o.Description, o.AreaOfNeed.ToString(), o.Wave, o.UsualStaffRole?.ToString(), o.GroupSize,
        o.SessionsPerWeek, o.MinutesPerSession, o.Weeks, Money.Pounds(o.StaffHourlyCost), Money.Pounds(o.ResourceCost), Money.Pounds(o.UsualCost), o.Archived, o.Version);
}

public sealed record PupilMapItemDto(Guid GroupId, string Group, string Provision, string AreaOfNeed, int Wave, DateOnly JoinedOn, DateOnly? LeftOn, decimal CostPerPupil);
public sealed record TopUpDto(Guid Id, string Band, decimal Amount, DateOnly From, DateOnly To, decimal AmountInYear, string? Note);
public sealed record PupilMapDto(Guid PupilId, string Year, IReadOnlyList<PupilMapItemDto> Items, decimal TotalCost, decimal NotionalThreshold, bool ExceedsThreshold,
    decimal TopUpRequired, decimal TopUpReceived, IReadOnlyList<TopUpDto> TopUps);

public sealed record BreakdownDto(string Key, string Label, int Pupils, int Groups, decimal TotalCost);
public sealed record MapPupilDto(Guid PupilId, string Upn, string Forename, string Surname, string YearGroup, int Items, decimal TotalCost, bool ExceedsThreshold, decimal TopUpRequired);
public sealed record SchoolMapDto(string Year, decimal TotalCost, decimal CostOfGroupsWithoutPupils, int Groups, int PupilsWithProvision, int PupilsOverThreshold,
    decimal NotionalThreshold, decimal TopUpRequired, IReadOnlyList<BreakdownDto> ByYearGroup, IReadOnlyList<BreakdownDto> ByAreaOfNeed, IReadOnlyList<BreakdownDto> ByWave,
    IReadOnlyList<MapPupilDto>? Pupils);

public sealed record BudgetRequest(string? Year, decimal? NotionalSenBudget, int? Version);
public sealed record TopUpRequest(string? Band, decimal? Amount, DateOnly? From, DateOnly? To, string? Note);
public sealed record FundingPupilDto(Guid PupilId, string? Upn, string? Forename, string? Surname, decimal ProvisionCost, decimal TopUpRequired, decimal TopUpReceived, decimal Shortfall, decimal Unmatched);
public sealed record FundingDto(string Year, decimal? NotionalSenBudget, decimal ProvisionCost, decimal MetFromNotionalBudget, decimal? NotionalRemaining,
    decimal TopUpRequired, decimal TopUpReceived, decimal Shortfall, decimal Unmatched, int PupilsWithTopUp, IReadOnlyList<FundingPupilDto>? Pupils);

/// <summary>
/// The provision catalogue, the costed provision map (per pupil and for the school), and funding. Governors get the
/// school totals with every pupil list left out (null), never a name.
/// </summary>
public static class ProvisionApi
{
    /// <summary>Maps every endpoint of issue 4 (provision, interventions, impact, funding, deployment).</summary>
    public static void MapProvisionApi(this RouteGroupBuilder api)
    {
        api.MapCatalogueAndMapApi();
        api.MapInterventionsApi();
        api.MapDeploymentApi();
    }

    private static void MapCatalogueAndMapApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("").WithTags("Provision map");

        g.MapPost("/schools/{urn}/provisions", async (string urn, HttpContext http, ProvisionCatalogue catalogue) =>
        {
            var (req, error) = await ApiJson.ReadAsync<ProvisionRequest>(http);
            if (error is not null) return error;
            var outcome = await catalogue.CreateAsync(urn, req!.ToInput(), http.RequestAborted);
            return ApiJson.ToResult(outcome, o => TypedResults.Created($"/api/v1/provisions/{o.Id}", ProvisionDto.From(o)));
        }).Accepts<ProvisionRequest>("application/json").Produces<ProvisionDto>(201).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409)
          .WithSummary("Add provision to the school's catalogue (wave 1–3, one of the four broad areas of need).");

        g.MapGet("/schools/{urn}/provisions", async (string urn, bool? includeArchived, UserContext user, SencoDbContext db, CancellationToken ct) =>
        {
            var (school, denied) = RegisterApi.Authorise(user, urn, Permission.ViewAggregates);
            if (denied is not null) return denied;
            var list = await ProvisionCatalogue.ListAsync(new SchoolData(db, school!), includeArchived ?? false, ct);
            return TypedResults.Ok(list.Select(ProvisionDto.From).ToList());
        }).Produces<List<ProvisionDto>>().ProducesProblem(403).ProducesProblem(404).WithSummary("The school's catalogue of provision.");

        g.MapGet("/provisions/{id:guid}", async (Guid id, ProvisionCatalogue catalogue, CancellationToken ct) =>
            ApiJson.ToResult(await catalogue.FindAsync(id, Permission.ViewAggregates, ct: ct), o => TypedResults.Ok(ProvisionDto.From(o))))
          .Produces<ProvisionDto>().ProducesProblem(404).WithSummary("One entry of the catalogue.");

        g.MapPut("/provisions/{id:guid}", async (Guid id, HttpContext http, ProvisionCatalogue catalogue) =>
        {
            var (req, error) = await ApiJson.ReadAsync<ProvisionRequest>(http);
            if (error is not null) return error;
            if (req!.Version is null) return ApiJson.Invalid("version", "Send the version of the record you last read");
            var outcome = await catalogue.UpdateAsync(id, req.Version.Value, req.ToInput(), req.Archived ?? false, http.RequestAborted);
            return ApiJson.ToResult(outcome, o => TypedResults.Ok(ProvisionDto.From(o)));
        }).Accepts<ProvisionRequest>("application/json").Produces<ProvisionDto>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409)
          .WithSummary("Change (or archive) catalogue provision. Send the version you read; a stale version answers 409.");

        g.MapGet("/pupils/{id:guid}/provision-map", async (Guid id, string? year, PupilFinder finder, UserContext user, SencoDbContext db, AuditLog audit, TimeProvider clock, CancellationToken ct) =>
        {
            var (sy, bad) = ParseYear(year, clock);
            if (bad is not null) return bad;
            var found = await finder.FindAsync(id, Permission.ViewProvision, ct: ct);
            if (!found.IsOk) return ApiJson.ToResult(found, _ => TypedResults.Ok());
            var pupil = found.Value!;
            var map = await PupilMapAsync(db, user, pupil, sy, ct);
            audit.Read("provision.pupil.read", $"API read of the provision map of {pupil.Upn} for {sy.Label}", pupil.SchoolId, id);
            return TypedResults.Ok(map);
        }).Produces<PupilMapDto>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404)
          .WithSummary("A pupil's costed provision for the academic year (default: the current one), against the £6,000 the notional SEN budget meets.");

        g.MapGet("/schools/{urn}/provision-map", async (string urn, string? year, UserContext user, SencoDbContext db, AuditLog audit, TimeProvider clock, CancellationToken ct) =>
        {
            var (school, denied) = RegisterApi.Authorise(user, urn, Permission.ViewAggregates);
            if (denied is not null) return denied;
            var (sy, bad) = ParseYear(year, clock);
            if (bad is not null) return bad;
            var data = new SchoolData(db, school!);
            var y = await ProvisionQueries.LoadYearAsync(data, sy, ct);
            var named = school!.Can(Permission.ViewProvision);
            if (named) audit.Read("provision.map.read", $"API read of the provision map for {sy.Label}", school.SchoolId);
            return TypedResults.Ok(SchoolMap(y, named));
        }).Produces<SchoolMapDto>().ProducesValidationProblem().ProducesProblem(404)
          .WithSummary("The school's costed provision map for a year: whole school, per year group, area of need and wave, and per pupil (not for governors).");

        g.MapGet("/schools/{urn}/provision-map.xlsx", async (string urn, string? year, UserContext user, SencoDbContext db, AuditLog audit, TimeProvider clock, CancellationToken ct) =>
        {
            var (school, denied) = RegisterApi.Authorise(user, urn, Permission.ViewProvision);
            if (denied is not null) return denied;
            var (sy, bad) = ParseYear(year, clock);
            if (bad is not null) return bad;
            var y = await ProvisionQueries.LoadYearAsync(new SchoolData(db, school!), sy, ct);
            audit.Read("provision.map.export", $"Exported the provision map for {sy.Label} as XLSX ({y.Summary.PupilsWithProvision} pupils)", school!.SchoolId);
            return TypedResults.File(ProvisionMapExport.Xlsx(y), RegisterApi.XlsxType, ProvisionMapExport.FileName(urn, sy));
        }).Produces(200, contentType: RegisterApi.XlsxType).WithSummary("The provision map as an Excel workbook: per pupil and provision, pupil totals, groups, summary.");

        g.MapGet("/schools/{urn}/funding", async (string urn, string? year, UserContext user, SencoDbContext db, TimeProvider clock, CancellationToken ct) =>
        {
            var (school, denied) = RegisterApi.Authorise(user, urn, Permission.ViewAggregates);
            if (denied is not null) return denied;
            var (sy, bad) = ParseYear(year, clock);
            if (bad is not null) return bad;
            var y = await ProvisionQueries.LoadYearAsync(new SchoolData(db, school!), sy, ct);
            return TypedResults.Ok(FundingDtoOf(y, school!.Can(Permission.ViewProvision)));
        }).Produces<FundingDto>().ProducesValidationProblem().ProducesProblem(404)
          .WithSummary("The notional SEN budget and high-needs top-up for a year, against the cost of provision made.");

        g.MapPut("/schools/{urn}/sen-budget", async (string urn, HttpContext http, FundingCommands funding, TimeProvider clock) =>
        {
            var (req, error) = await ApiJson.ReadAsync<BudgetRequest>(http);
            if (error is not null) return error;
            var (sy, bad) = ParseYear(req!.Year, clock);
            if (bad is not null) return bad;
            var outcome = await funding.SetBudgetAsync(urn, sy, req.NotionalSenBudget, req.Version, http.RequestAborted);
            return ApiJson.ToResult(outcome, b => TypedResults.Ok(new { year = sy.Label, notionalSenBudget = Money.Pounds(b.NotionalSenBudget), version = b.Version }));
        }).Accepts<BudgetRequest>("application/json").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409)
          .WithSummary("Set the school's notional SEN budget for an academic year (\"2026/27\"; default the current one).");

        g.MapPost("/pupils/{id:guid}/top-ups", async (Guid id, HttpContext http, FundingCommands funding, TimeProvider clock) =>
        {
            var (req, error) = await ApiJson.ReadAsync<TopUpRequest>(http);
            if (error is not null) return error;
            var outcome = await funding.AddTopUpAsync(id, req!.Band, req.Amount, req.From, req.To, req.Note, http.RequestAborted);
            var year = SchoolYear.Containing(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
            return ApiJson.ToResult(outcome, t => TypedResults.Created($"/api/v1/pupils/{id}/top-ups",
                new TopUpDto(t.Id, t.Band, Money.Pounds(t.Amount), t.From, t.To, Money.Pounds(Funding.InYear(t.Amount, t.From, t.To, year)), t.Note)));
        }).Accepts<TopUpRequest>("application/json").Produces<TopUpDto>(201).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409)
          .WithSummary("Record high-needs top-up (element 3) for a pupil: band, amount for the period, from and to.");
    }

    public static (SchoolYear Year, IResult? Error) ParseYear(string? year, TimeProvider clock)
    {
        if (string.IsNullOrWhiteSpace(year)) return (SchoolYear.Containing(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)), null);
        if (SchoolYear.TryParse(year.Replace('-', '/'), out var sy)) return (sy, null);
        return (default, ApiJson.Invalid("year", "Enter the academic year as 2026/27"));
    }

    public static async Task<PupilMapDto> PupilMapAsync(SencoDbContext db, UserContext user, Pupil pupil, SchoolYear year, CancellationToken ct)
    {
        var grant = user.School(pupil.SchoolId)!;
        var y = await ProvisionQueries.LoadYearAsync(new SchoolData(db, grant), year, ct, pupilId: pupil.Id);
        var items = y.Members.Where(m => m.PupilId == pupil.Id).Select(m =>
        {
            var g = y.Group(m.GroupId);
            return new PupilMapItemDto(g.Id, g.Name, g.Provision, g.Area.ToString(), g.Wave, m.JoinedOn, m.LeftOn, Money.Pounds(m.Share));
        }).ToList();
        var total = items.Sum(i => i.CostPerPupil);
        var topUps = y.TopUps.Where(t => t.PupilId == pupil.Id).ToList();
        return new PupilMapDto(pupil.Id, year.Label, items, Money.Pounds(total), Money.Pounds(HighNeedsFunding.NotionalThreshold), total > HighNeedsFunding.NotionalThreshold,
            Money.Pounds(HighNeedsFunding.TopUpRequired(total)), Money.Pounds(topUps.Sum(t => t.InYear)),
            topUps.Select(t => new TopUpDto(t.Id, t.Band, Money.Pounds(t.Amount), t.From, t.To, Money.Pounds(t.InYear), t.Note)).ToList());
    }

    public static SchoolMapDto SchoolMap(YearProvision y, bool named)
    {
        var s = y.Summary;
        return new SchoolMapDto(y.Year.Label, Money.Pounds(s.Total), Money.Pounds(s.CostOfGroupsWithoutPupils), s.Groups, s.PupilsWithProvision, s.PupilsOverThreshold,
            Money.Pounds(HighNeedsFunding.NotionalThreshold), Money.Pounds(s.TopUpRequired),
            s.ByYearGroup.Select(b => new BreakdownDto(b.Key, Senco.Core.Pupils.YearGroups.Label(b.Key), b.Pupils, b.Groups, Money.Pounds(b.Total))).ToList(),
            s.ByArea.Select(b => new BreakdownDto(b.Key.ToString(), ProvisionMap.Describe(b.Key), b.Pupils, b.Groups, Money.Pounds(b.Total))).ToList(),
            s.ByWave.Select(b => new BreakdownDto(b.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), ProvisionMap.DescribeWave(b.Key), b.Pupils, b.Groups, Money.Pounds(b.Total))).ToList(),
            named ? s.Pupils.Where(p => y.Pupils.ContainsKey(p.PupilId)).Select(p =>
            {
                var pupil = y.Pupils[p.PupilId];
                return new MapPupilDto(p.PupilId, pupil.Upn, pupil.Forename, pupil.Surname, p.YearGroup, p.Items, Money.Pounds(p.Total), p.ExceedsThreshold, Money.Pounds(p.TopUpRequired));
            }).ToList() : null);
    }

    public static FundingDto FundingDtoOf(YearProvision y, bool named)
    {
        var f = y.Funding;
        return new FundingDto(y.Year.Label, Money.Pounds(f.NotionalBudget), Money.Pounds(f.ProvisionCost), Money.Pounds(f.MetFromNotionalBudget), Money.Pounds(f.NotionalRemaining),
            Money.Pounds(f.TopUpRequired), Money.Pounds(f.TopUpReceived), Money.Pounds(f.Shortfall), Money.Pounds(f.Unmatched), f.Pupils.Count(p => p.TopUpReceived > 0),
            named ? f.Pupils.Select(p =>
            {
                var pupil = y.Pupils.GetValueOrDefault(p.PupilId);
                return new FundingPupilDto(p.PupilId, pupil?.Upn, pupil?.Forename, pupil?.Surname, Money.Pounds(p.ProvisionCost), Money.Pounds(p.TopUpRequired),
                    Money.Pounds(p.TopUpReceived), Money.Pounds(p.Shortfall), Money.Pounds(p.Unmatched));
            }).ToList() : null);
    }
}
