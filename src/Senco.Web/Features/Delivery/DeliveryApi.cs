using Microsoft.EntityFrameworkCore;
using Senco.Core;
using Senco.Core.Access;
using Senco.Core.Delivery;
using Senco.Core.Model;
using Senco.Data;
using Senco.Web.Features.Api;
using Senco.Web.Features.Pupils;
using Senco.Web.Features.Register;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;
using Senco.Web.Features.Shared.Audit;

namespace Senco.Web.Features.Delivery;

public sealed record DoseRequest(string? Basis, decimal? HoursPerWeek, int? SessionsPerWeek, int? MinutesPerSession, string? StaffType, string? Mode,
    DateOnly? From, DateOnly? To, Guid? StaffMemberId, Guid? InterventionGroupId, int? Version)
{
    public DoseDraft ToDraft() => new(Basis, HoursPerWeek, SessionsPerWeek, MinutesPerSession, StaffType, Mode, From, To);
}

public sealed record DoseDto(Guid Id, string Kind, long LineId, Guid PupilId, string Label, string Basis, decimal? HoursPerWeek, int? SessionsPerWeek, int? MinutesPerSession,
    int MinutesPerWeek, string? StaffType, string Mode, DateOnly From, DateOnly? To, Guid? StaffMemberId, string? StaffName, Guid? InterventionGroupId, int Version)
{
    public static DoseDto Of(PlannedDose d) => new(d.Id, d.Kind.ToString(), d.EhcProvisionId ?? d.PlanStrategyId ?? 0, d.PupilId, d.Label, d.Basis.ToString(), d.HoursPerWeek,
        d.SessionsPerWeek, d.MinutesPerSession, d.MinutesPerWeek, d.StaffType?.ToString(), d.Mode.ToString(), d.From, d.To, d.StaffMemberId, d.StaffMember?.Name,
        d.InterventionGroupId, d.Version);
}

public sealed record SessionRequest(Guid? DoseId, DateOnly? On, string? Start, int? Minutes, string? Outcome, string? Reason, string? Note, int? Version)
{
    public SessionDraft ToDraft() => new(On, Start, Minutes, Outcome, Reason, Note);
}

public sealed record BulkRequest(DateOnly? On, string? Start, int? Minutes, List<BulkEntry>? Entries);

public sealed record DeliverySessionDto(Guid Id, Guid DoseId, Guid PupilId, DateOnly On, string Start, int Minutes, string Outcome, string? Reason, string? Note,
    string RecordedBy, DateTime RecordedAt, int Version)
{
    public static DeliverySessionDto From(DeliverySession s) => new(s.Id, s.DoseId, s.PupilId, s.On, s.Start.ToString("HH:mm"), s.Minutes, s.Outcome.ToString(),
        s.Reason?.ToString(), s.Note, s.RecordedBy, DateTime.SpecifyKind(s.RecordedAt, DateTimeKind.Utc), s.Version);
}

public sealed record SettingsRequest(int? ThresholdPercent, int? SchoolDayMinutes, List<string>? ShortfallReasons, int? Version);
public sealed record SettingsDto(int ThresholdPercent, int SchoolDayMinutes, IReadOnlyList<string> ShortfallReasons, int Version)
{
    public static SettingsDto From(DeliverySettings s) => new(s.ThresholdPercent, s.SchoolDayMinutes, s.Policy.CountsAsShortfall.Order().Select(r => r.ToString()).ToList(), s.Version);
}

public sealed record ReasonMinutesDto(string Reason, int Minutes, bool CountsAsShortfall);
public sealed record FiguresDto(decimal PlannedMinutes, int DeliveredMinutes, int NotPossibleMinutes, decimal ExpectedMinutes, decimal ShortfallMinutes, decimal? Percent,
    IReadOnlyList<ReasonMinutesDto> Missed, decimal UnexplainedMinutes);
public sealed record WeekDto(DateOnly WeekOf, int SchoolDays, decimal PlannedMinutes, int DeliveredMinutes, int NotPossibleMinutes, decimal ExpectedMinutes, decimal ShortfallMinutes, decimal? Percent);
public sealed record TermDto(string Term, DateOnly Start, DateOnly End, FiguresDto Figures);
public sealed record LineDto(string Key, Guid? DoseId, Guid? GroupId, string Source, string Label, int MinutesPerWeek, string Mode, string? StaffType, string? StaffName,
    DateOnly From, DateOnly? To, string? DeliveredThrough, FiguresDto Total, IReadOnlyList<WeekDto> Weeks);
public sealed record DeliveryReportDto(Guid PupilId, DateOnly From, DateOnly To, int ThresholdPercent, bool Alert, FiguresDto Total, IReadOnlyList<TermDto> Terms,
    IReadOnlyList<WeekDto> Weeks, IReadOnlyList<LineDto> Lines);
public sealed record AlertDto(Guid PupilId, string Forename, string Surname, string YearGroup, string SenStatus, WeekDto Earlier, WeekDto Later, decimal? TermPercent);

public static class DeliveryApi
{
    public static FiguresDto Figures(PeriodFigures f) => new(f.PlannedMinutes, f.DeliveredMinutes, f.NotPossibleMinutes, f.ExpectedMinutes, f.ShortfallMinutes, f.Percent,
        f.MissedByReason.OrderBy(kv => kv.Key).Select(kv => new ReasonMinutesDto(kv.Key.ToString(), kv.Value, f.Policy.Counts(kv.Key))).ToList(), f.UnexplainedMinutes);

    public static WeekDto Week(WeekFigures w) => new(w.Monday, w.SchoolDays, w.PlannedMinutes, w.DeliveredMinutes, w.NotPossibleMinutes, w.ExpectedMinutes, w.ShortfallMinutes, w.Percent);

    public static DeliveryReportDto Report(PupilDeliveryReport r) => new(r.Pupil.Id, r.From, r.To, r.ThresholdPercent, r.Alert is not null, Figures(r.Total),
        r.Terms.Select(t => new TermDto(t.Term.Label, t.Term.Start, t.Term.End, Figures(t.Figures))).ToList(), r.Weeks.Select(Week).ToList(),
        r.Lines.Select(l => new LineDto(l.Key, l.DoseId, l.GroupId, l.Source, l.Label, l.MinutesPerWeek, l.Mode, l.StaffType, l.StaffName, l.From, l.To, l.DeliveredThrough,
            Figures(l.Total), l.Weeks.Select(Week).ToList())).ToList());

    /// The period of a report: ?year=2026/27 (default: the current school year to date), or ?from=&to=.
    public static (DateOnly From, DateOnly To, IResult? Error) Period(DeliveryReports reports, string? year, DateOnly? from, DateOnly? to)
    {
        SchoolYear sy;
        if (year is not null)
        {
            if (!SchoolYear.TryParse(year, out sy)) return (default, default, ApiJson.Invalid("year", "Enter a school year such as 2026/27"));
        }
        else sy = SchoolYear.Containing(reports.Today);
        var (f, t) = reports.YearToDate(sy);
        if (from is { } a) f = a;
        if (to is { } b) t = b;
        if (t < f) return (default, default, ApiJson.Invalid("to", "The end of the period must be on or after its start"));
        if (t.DayNumber - f.DayNumber > 800) return (default, default, ApiJson.Invalid("to", "A report covers at most two years"));
        return (f, t, null);
    }

    public static void MapDeliveryApi(RouteGroupBuilder api)
    {
        var g = api.MapGroup("").WithTags("Provision delivered");

        foreach (var (segment, kind) in new[] { ("ehc-provision", DoseLineKind.EhcProvision), ("support-plan-strategies", DoseLineKind.SupportPlanStrategy) })
        {
            g.MapGet($"/{segment}/{{lineId:long}}/dose", async (long lineId, DeliveryCommands commands, CancellationToken ct) =>
            {
                var found = await commands.FindLineAsync(kind, lineId, Permission.ViewPupils, ct);
                if (!found.IsOk) return ApiJson.ToResult(found, _ => TypedResults.Ok());
                return found.Value!.Dose is { } d ? TypedResults.Ok(DoseDto.Of(d)) : TypedResults.NotFound();
            }).Produces<DoseDto>().ProducesProblem(403).ProducesProblem(404).WithSummary("The planned dose of a provision line (404 when none is set yet).");

            g.MapPut($"/{segment}/{{lineId:long}}/dose", async (long lineId, HttpContext http, DeliveryCommands commands) =>
            {
                var (req, error) = await ApiJson.ReadAsync<DoseRequest>(http);
                if (error is not null) return error;
                var outcome = await commands.SetDoseAsync(kind, lineId, req!.ToDraft(), req.StaffMemberId, req.InterventionGroupId, req.Version, http.RequestAborted);
                if (outcome.Kind == OutcomeKind.Conflict)
                    return TypedResults.Problem(statusCode: 409, title: "Conflict", detail: outcome.Message,
                        extensions: new Dictionary<string, object?> { ["current"] = outcome.Value is null ? null : DoseDto.Of(outcome.Value) });
                return ApiJson.ToResult(outcome, d => TypedResults.Ok(DoseDto.Of(d)));
            }).Accepts<DoseRequest>("application/json").Produces<DoseDto>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409)
              .WithSummary("Set the planned dose of a provision line (hours or sessions a week, minutes a session, staff type, 1:1 or group, dates). Changing it needs the version you read.");
        }

        g.MapGet("/pupils/{id:guid}/delivery", async (Guid id, string? year, DateOnly? from, DateOnly? to, PupilFinder finder, DeliveryReports reports, AuditLog audit, CancellationToken ct) =>
        {
            var found = await finder.FindAsync(id, Permission.ViewDelivery, ct: ct);
            if (!found.IsOk) return ApiJson.ToResult(found, _ => TypedResults.Ok());
            var (f, t, bad) = Period(reports, year, from, to);
            if (bad is not null) return bad;
            var report = await reports.PupilAsync(found.Value!, f, t, ct);
            audit.Read("delivery.read", $"Read planned against delivered for {found.Value!.Upn}", found.Value.SchoolId, id);
            return TypedResults.Ok(Report(report));
        }).Produces<DeliveryReportDto>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404)
          .WithSummary("Planned against delivered per line, week and term, with the percentage, the shortfall and its reasons.");

        g.MapGet("/pupils/{id:guid}/delivery.docx", async (Guid id, string? year, PupilFinder finder, DeliveryReports reports, AuditLog audit, CancellationToken ct) =>
        {
            var found = await finder.FindAsync(id, Permission.ViewDelivery, ct: ct);
            if (!found.IsOk) return ApiJson.ToResult(found, _ => TypedResults.Ok());
            var (f, t, bad) = Period(reports, year, null, null);
            if (bad is not null) return bad;
            var report = await reports.PupilAsync(found.Value!, f, t, ct);
            audit.Read("delivery.export", $"Exported planned against delivered (Word) for {found.Value!.Upn}", found.Value.SchoolId, id);
            return TypedResults.File(DeliveryExport.Word(report, found.Value.School!.Name), DeliveryExport.DocxType, DeliveryExport.FileName(report, "docx"));
        }).WithSummary("Planned against delivered as a Word document for an annual review or tribunal bundle.");

        g.MapGet("/pupils/{id:guid}/delivery.xlsx", async (Guid id, string? year, PupilFinder finder, DeliveryReports reports, AuditLog audit, CancellationToken ct) =>
        {
            var found = await finder.FindAsync(id, Permission.ViewDelivery, ct: ct);
            if (!found.IsOk) return ApiJson.ToResult(found, _ => TypedResults.Ok());
            var (f, t, bad) = Period(reports, year, null, null);
            if (bad is not null) return bad;
            var report = await reports.PupilAsync(found.Value!, f, t, ct);
            audit.Read("delivery.export", $"Exported planned against delivered (XLSX) for {found.Value!.Upn}", found.Value.SchoolId, id);
            return TypedResults.File(DeliveryExport.Workbook(report), DeliveryExport.XlsxType, DeliveryExport.FileName(report, "xlsx"));
        }).WithSummary("Planned against delivered as a workbook: weeks, lines and every session.");

        g.MapPost("/delivery-sessions", async (HttpContext http, DeliveryCommands commands) =>
        {
            var (req, error) = await ApiJson.ReadAsync<SessionRequest>(http);
            if (error is not null) return error;
            if (req!.DoseId is not { } doseId) return ApiJson.Invalid("doseId", "Send the id of the provision line's dose");
            var outcome = await commands.LogAsync(doseId, req.ToDraft(), http.RequestAborted);
            return ApiJson.ToResult(outcome, s => TypedResults.Created($"/api/v1/delivery-sessions/{s.Id}", DeliverySessionDto.From(s)));
        }).Accepts<SessionRequest>("application/json").Produces<DeliverySessionDto>(201).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404)
          .WithSummary("Log one session of a line you deliver: delivered, or missed with a reason (PupilAbsent, StaffAbsent, Trip, Exam, SchoolClosed, Other).");

        g.MapPut("/delivery-sessions/{sessionId:guid}", async (Guid sessionId, HttpContext http, DeliveryCommands commands) =>
        {
            var (req, error) = await ApiJson.ReadAsync<SessionRequest>(http);
            if (error is not null) return error;
            var outcome = await commands.UpdateAsync(sessionId, req!.Version, req.ToDraft(), http.RequestAborted);
            if (outcome.Kind == OutcomeKind.Conflict)
                return TypedResults.Problem(statusCode: 409, title: "Conflict", detail: outcome.Message,
                    extensions: new Dictionary<string, object?> { ["current"] = outcome.Value is null ? null : DeliverySessionDto.From(outcome.Value) });
            return ApiJson.ToResult(outcome, s => TypedResults.Ok(DeliverySessionDto.From(s)));
        }).Accepts<SessionRequest>("application/json").Produces<DeliverySessionDto>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409)
          .WithSummary("Correct a logged session with the version you read (409 with `current` if it changed).");

        g.MapPost("/schools/{urn}/delivery-sessions/bulk", async (string urn, HttpContext http, DeliveryCommands commands) =>
        {
            var (req, error) = await ApiJson.ReadAsync<BulkRequest>(http);
            if (error is not null) return error;
            var outcome = await commands.LogBulkAsync(urn, req!.On, req.Start, req.Minutes, req.Entries, http.RequestAborted);
            return ApiJson.ToResult(outcome, list => TypedResults.Created($"/api/v1/schools/{urn}/delivery-sessions", new { created = list.Count, sessions = list.Select(DeliverySessionDto.From).ToList() }));
        }).Accepts<BulkRequest>("application/json").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404)
          .WithSummary("Log a whole group's session at once (all or nothing; errors name the row).");

        g.MapGet("/schools/{urn}/delivery-alerts", async (string urn, UserContext user, DeliveryReports reports, CancellationToken ct) =>
        {
            var (school, denied) = RegisterApi.Authorise(user, urn, Permission.ViewDelivery);
            if (denied is not null) return denied;
            var alerts = await reports.AlertsAsync(school!.SchoolId, ct);
            return TypedResults.Ok(new { items = alerts.Select(a => new AlertDto(a.PupilId, a.Forename, a.Surname, a.YearGroup, a.SenStatus, Week(a.Earlier), Week(a.Later), a.Term.Percent)).ToList() });
        }).ProducesProblem(403).ProducesProblem(404).WithSummary("Pupils whose delivery was below the school's threshold in each of the last two completed weeks.");

        g.MapGet("/schools/{urn}/delivery-settings", async (string urn, UserContext user, DeliveryReports reports, CancellationToken ct) =>
        {
            var (school, denied) = RegisterApi.Authorise(user, urn, Permission.ViewDelivery);
            if (denied is not null) return denied;
            return TypedResults.Ok(SettingsDto.From(await reports.SettingsAsync(school!.SchoolId, ct)));
        }).Produces<SettingsDto>().ProducesProblem(403).ProducesProblem(404).WithSummary("The alert threshold, the length of the school day and which reasons count as shortfall.");

        g.MapPut("/schools/{urn}/delivery-settings", async (string urn, HttpContext http, DeliveryCommands commands) =>
        {
            var (req, error) = await ApiJson.ReadAsync<SettingsRequest>(http);
            if (error is not null) return error;
            var outcome = await commands.SaveSettingsAsync(urn, req!.ThresholdPercent, req.SchoolDayMinutes, req.ShortfallReasons, req.Version, http.RequestAborted);
            if (outcome.Kind == OutcomeKind.Conflict)
                return TypedResults.Problem(statusCode: 409, title: "Conflict", detail: outcome.Message,
                    extensions: new Dictionary<string, object?> { ["current"] = outcome.Value is null ? null : SettingsDto.From(outcome.Value) });
            return ApiJson.ToResult(outcome, s => TypedResults.Ok(SettingsDto.From(s)));
        }).Accepts<SettingsRequest>("application/json").Produces<SettingsDto>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409)
          .WithSummary("Change the delivery settings (SENCO).");
    }
}
