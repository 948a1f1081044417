using Microsoft.EntityFrameworkCore;
using Senco.Core;
using Senco.Core.Access;
using Senco.Core.Delivery;
using Senco.Core.Model;
using Senco.Data;
using Senco.Web.Features.Api;
using Senco.Web.Features.Register;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;
using Senco.Web.Features.Shared.Audit;

namespace Senco.Web.Features.Monitoring;

public sealed record ConcernRequest(DateOnly? ObservedOn, string? WhatSeen, string? Lessons, string? Tried);
public sealed record ObservationRequest(DateOnly? ObservedOn, string? Text, string? Lessons);
public sealed record CloseRequest(string? Reason, DateOnly? ClosedOn, int? Version);
public sealed record EscalateRequest(List<string>? Needs, DateOnly? EffectiveFrom, string? Reason, int? Version);

public sealed record ObservationDto(long Id, DateOnly ObservedOn, string Text, string? Lessons, string RecordedBy, DateTime RecordedAt);
public sealed record ConcernDto(Guid Id, Guid PupilId, string Forename, string Surname, string YearGroup, DateOnly ObservedOn, string WhatSeen, string? Lessons, string? Tried,
    string Status, string RaisedBy, DateTime RaisedAt, int DaysOpen, DateOnly? DecidedOn, string? Decision, string? DecidedBy, IReadOnlyList<ObservationDto> Observations, int Version)
{
    public static ConcernDto From(MonitoringConcern c, DateOnly today) => new(c.Id, c.PupilId, c.Pupil?.Forename ?? "", c.Pupil?.Surname ?? "", c.Pupil?.YearGroup ?? "",
        c.ObservedOn, c.WhatSeen, c.Lessons, c.Tried, c.Status.ToString(), c.RaisedBy, DateTime.SpecifyKind(c.RaisedAt, DateTimeKind.Utc), MonitoringText.DaysOpen(c, today),
        c.DecidedOn, c.Decision, c.DecidedBy,
        c.Observations.OrderBy(o => o.ObservedOn).ThenBy(o => o.Id).Select(o => new ObservationDto(o.Id, o.ObservedOn, o.Text, o.Lessons, o.RecordedBy, DateTime.SpecifyKind(o.RecordedAt, DateTimeKind.Utc))).ToList(),
        c.Version);
}

public static class MonitoringText
{
    /// Time on the list: from the first thing seen to the decision (or today).
    public static int DaysOpen(MonitoringConcern c, DateOnly today) => (c.DecidedOn ?? today).DayNumber - c.ObservedOn.DayNumber;

    public static string Describe(ConcernStatus s) => s switch { ConcernStatus.Open => "Open", ConcernStatus.Escalated => "Escalated to SEN support", _ => "Closed" };
}

public static class MonitoringApi
{
    public static void MapMonitoringApi(RouteGroupBuilder api)
    {
        var g = api.MapGroup("").WithTags("Monitoring list");

        g.MapPost("/pupils/{id:guid}/concerns", async (Guid id, HttpContext http, MonitoringCommands commands, TimeProvider clock) =>
        {
            var (req, error) = await ApiJson.ReadAsync<ConcernRequest>(http);
            if (error is not null) return error;
            var outcome = await commands.RaiseAsync(id, new ConcernDraft(req!.ObservedOn, req.WhatSeen, req.Lessons, req.Tried), http.RequestAborted);
            return ApiJson.ToResult(outcome, c => TypedResults.Created($"/api/v1/concerns/{c.Id}", ConcernDto.From(c, Today(clock))));
        }).Accepts<ConcernRequest>("application/json").Produces<ConcernDto>(201).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409)
          .WithSummary("Raise a concern about a pupil not on the SEN register: what you see, in which lessons, what you have tried, and when you saw it.");

        g.MapGet("/schools/{urn}/concerns", async (string urn, string? status, UserContext user, SencoDbContext db, TimeProvider clock, CancellationToken ct) =>
        {
            var (school, denied) = RegisterApi.Authorise(user, urn, Permission.RaiseConcern);
            if (denied is not null) return denied;
            var q = db.MonitoringConcerns.AsNoTracking().Include(c => c.Pupil).Include(c => c.Observations).Where(c => c.SchoolId == school!.SchoolId);
            if (status is not null)
            {
                if (!Enum.TryParse<ConcernStatus>(status, true, out var s) || !Enum.IsDefined(s)) return ApiJson.Invalid("status", "Enter Open, Escalated or Closed");
                q = q.Where(c => c.Status == s);
            }
            var list = await q.AsSplitQuery().ToListAsync(ct);
            var today = Today(clock);
            return TypedResults.Ok(new { items = list.OrderBy(c => c.ObservedOn).Select(c => ConcernDto.From(c, today)).ToList() });
        }).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).WithSummary("The monitoring list, longest-standing first (filter by status).");

        g.MapGet("/concerns/{id:guid}", async (Guid id, MonitoringCommands commands, AuditLog audit, TimeProvider clock, CancellationToken ct) =>
        {
            var found = await commands.FindAsync(id, Permission.RaiseConcern, ct: ct);
            if (!found.IsOk) return ApiJson.ToResult(found, _ => TypedResults.Ok());
            audit.Read("concern.read", $"Read the concern about {found.Value!.Pupil!.Upn}", found.Value.SchoolId, found.Value.PupilId);
            return TypedResults.Ok(ConcernDto.From(found.Value, Today(clock)));
        }).Produces<ConcernDto>().ProducesProblem(403).ProducesProblem(404).WithSummary("A concern with its observations.");

        g.MapPost("/concerns/{id:guid}/observations", async (Guid id, HttpContext http, MonitoringCommands commands) =>
        {
            var (req, error) = await ApiJson.ReadAsync<ObservationRequest>(http);
            if (error is not null) return error;
            var outcome = await commands.ObserveAsync(id, new ConcernDraft(req!.ObservedOn, req.Text, req.Lessons, null), http.RequestAborted);
            return ApiJson.ToResult(outcome, o => TypedResults.Created($"/api/v1/concerns/{id}", new ObservationDto(o.Id, o.ObservedOn, o.Text, o.Lessons, o.RecordedBy, DateTime.SpecifyKind(o.RecordedAt, DateTimeKind.Utc))));
        }).Accepts<ObservationRequest>("application/json").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409)
          .WithSummary("Add a further observation to an open concern (dated by when it was seen).");

        g.MapPost("/concerns/{id:guid}/close", async (Guid id, HttpContext http, MonitoringCommands commands, TimeProvider clock) =>
        {
            var (req, error) = await ApiJson.ReadAsync<CloseRequest>(http);
            if (error is not null) return error;
            var outcome = await commands.CloseAsync(id, req!.Reason, req.ClosedOn, req.Version, http.RequestAborted);
            return ApiJson.ToResult(outcome, c => TypedResults.Ok(ConcernDto.From(c, Today(clock))));
        }).Accepts<CloseRequest>("application/json").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409)
          .WithSummary("Close a concern with a reason (SENCO).");

        g.MapPost("/concerns/{id:guid}/escalate", async (Guid id, HttpContext http, MonitoringCommands commands, TimeProvider clock) =>
        {
            var (req, error) = await ApiJson.ReadAsync<EscalateRequest>(http);
            if (error is not null) return error;
            var outcome = await commands.EscalateAsync(id, req!.Needs, req.EffectiveFrom, req.Reason, req.Version, http.RequestAborted);
            return ApiJson.ToResult(outcome, c => TypedResults.Ok(ConcernDto.From(c, Today(clock))));
        }).Accepts<EscalateRequest>("application/json").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409)
          .WithSummary("Escalate the pupil to SEN support (K) with ranked needs, a date and a reason; the SEN history records it. Start the support plan next: its evidence is filled from the concern.");
    }

    private static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
