using Microsoft.EntityFrameworkCore;
using Senco.Core.Access;
using Senco.Core.Model;
using Senco.Core.Sen;
using Senco.Data;
using Senco.Web.Features.Api;
using Senco.Web.Features.Shared.Audit;

namespace Senco.Web.Features.Pupils;

public sealed record PupilRequest(string? Upn, string? Forename, string? Surname, DateOnly? DateOfBirth, string? Gender, string? YearGroup,
    bool? Eal, bool? LookedAfter, bool? PupilPremium, int? Version, string? Note)
{
    public PupilInput ToInput() => new(Upn, Forename, Surname, DateOfBirth, Gender, YearGroup, Eal ?? false, LookedAfter ?? false, PupilPremium ?? false);
}

public sealed record SenRequest(string? Status, List<string>? Needs, DateOnly? EffectiveFrom, string? Reason, int? Version);

public sealed record PupilDto(Guid Id, string SchoolUrn, string Upn, bool UpnIsTemporary, string Forename, string Surname, DateOnly DateOfBirth,
    string Gender, string YearGroup, bool Eal, bool LookedAfter, bool PupilPremium, bool OnRoll, string SenStatus, IReadOnlyList<string> Needs,
    DateOnly? OnRegisterSince, int Version,
    // Data exchange (issue 7), added after the contract's fields: the CTF's former UPN, the census unit and resourced
    // provision indicators, where a leaver went, and when and to whom the transfer pack was sent (the latest transfer).
    string? FormerUpn = null, bool SenUnitIndicator = false, bool ResourcedProvisionIndicator = false, DateOnly? LeftOn = null,
    string? DestinationLa = null, string? DestinationEstab = null, string? DestinationName = null,
    DateOnly? TransferDueOn = null, DateOnly? TransferPackSentOn = null, string? TransferPackSentTo = null)
{
    public static PupilDto From(Pupil p, string urn, PupilTransfer? transfer = null) => new(p.Id, urn, p.Upn, p.UpnIsTemporary, p.Forename, p.Surname, p.DateOfBirth, p.Gender,
        p.YearGroup, p.Eal, p.LookedAfter, p.PupilPremium, p.OnRoll, p.SenStatus.ToString(), p.NeedList, p.OnRegisterSince, p.Version,
        p.FormerUpn, p.SenUnitIndicator, p.ResourcedProvisionIndicator, p.LeftOn, p.DestinationLa, p.DestinationEstab, p.DestinationName,
        transfer?.DueOn, transfer?.SentOn, transfer?.SentTo);
}

public sealed record SenHistoryDto(string Status, IReadOnlyList<string> Needs, DateOnly EffectiveFrom, string Reason, string RecordedBy, DateTime RecordedAt);

public static class PupilsApi
{
    public static void MapPupilsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("").WithTags("Pupils");

        g.MapPost("/schools/{urn}/pupils", async (string urn, HttpContext http, PupilCommands commands) =>
        {
            var (req, error) = await ApiJson.ReadAsync<PupilRequest>(http);
            if (error is not null) return error;
            var outcome = await commands.CreateAsync(urn, req!.ToInput(), http.RequestAborted);
            return ApiJson.ToResult(outcome, p => TypedResults.Created($"/api/v1/pupils/{p.Id}", PupilDto.From(p, urn)));
        }).Accepts<PupilRequest>("application/json").Produces<PupilDto>(201).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409)
          .WithSummary("Add a pupil to a school's roll.");

        g.MapGet("/pupils/{id:guid}", async (Guid id, PupilFinder finder, SencoDbContext db, AuditLog audit, CancellationToken ct) =>
        {
            var outcome = await finder.FindAsync(id, Permission.ViewPupils, ct: ct);
            if (!outcome.IsOk) return ApiJson.ToResult(outcome, _ => TypedResults.Ok());
            audit.Read("pupil.read", $"API read of pupil {outcome.Value!.Upn}", outcome.Value.SchoolId, id);
            var transfer = await db.PupilTransfers.IgnoreQueryFilters().AsNoTracking().Where(t => t.PupilId == id && t.SchoolId == outcome.Value.SchoolId)
                .OrderByDescending(t => t.CreatedAt).FirstOrDefaultAsync(ct);
            return TypedResults.Ok(PupilDto.From(outcome.Value, outcome.Value.School!.Urn, transfer));
        }).Produces<PupilDto>().ProducesProblem(403).ProducesProblem(404).WithSummary("A pupil with their SEN status and ranked needs today.");

        g.MapPut("/pupils/{id:guid}", async (Guid id, HttpContext http, PupilCommands commands) =>
        {
            var (req, error) = await ApiJson.ReadAsync<PupilRequest>(http);
            if (error is not null) return error;
            if (req!.Version is null) return ApiJson.Invalid("version", "Send the version of the record you last read");
            var outcome = await commands.UpdateAsync(id, req.Version.Value, req.ToInput(), req.Note, http.RequestAborted);
            return ApiJson.ToResult(outcome, p => TypedResults.Ok(PupilDto.From(p, p.School!.Urn)));
        }).Accepts<PupilRequest>("application/json").Produces<PupilDto>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409)
          .WithSummary("Edit a pupil's details. Send the version you read; a stale version answers 409.");

        g.MapPut("/pupils/{id:guid}/sen", async (Guid id, HttpContext http, PupilCommands commands) =>
        {
            var (req, error) = await ApiJson.ReadAsync<SenRequest>(http);
            if (error is not null) return error;
            var outcome = await commands.ChangeSenAsync(id, new SenChange(req!.Status, req.Needs, req.EffectiveFrom, req.Reason), req.Version, http.RequestAborted);
            return ApiJson.ToResult(outcome, p => TypedResults.Ok(PupilDto.From(p, p.School!.Urn)));
        }).Accepts<SenRequest>("application/json").Produces<PupilDto>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409)
          .WithSummary("Change a pupil's SEN status and ranked needs from a date, with a reason.");

        g.MapGet("/pupils/{id:guid}/sen/history", async (Guid id, PupilFinder finder, SencoDbContext db, AuditLog audit, CancellationToken ct) =>
        {
            var outcome = await finder.FindAsync(id, Permission.ViewPupils, ct: ct);
            if (!outcome.IsOk) return ApiJson.ToResult(outcome, _ => TypedResults.Ok());
            audit.Read("pupil.sen.history", $"API read of SEN history of {outcome.Value!.Upn}", outcome.Value.SchoolId, id);
            var rows = await db.SenStatusChanges.AsNoTracking().Where(c => c.PupilId == id)
                .OrderBy(c => c.EffectiveFrom).ThenBy(c => c.Id).ToListAsync(ct);
            return TypedResults.Ok(rows.Select(c => new SenHistoryDto(c.Status.ToString(), c.NeedList, c.EffectiveFrom, c.Reason, c.RecordedBy,
                DateTime.SpecifyKind(c.RecordedAt, DateTimeKind.Utc))).ToList());
        }).Produces<List<SenHistoryDto>>().ProducesProblem(404).WithSummary("Every SEN status change, oldest first. History is never rewritten.");
    }
}
