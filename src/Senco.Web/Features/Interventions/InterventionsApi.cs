using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Senco.Core;
using Senco.Core.Access;
using Senco.Core.Model;
using Senco.Core.Provision;
using Senco.Data;
using Senco.Web.Features.Api;
using Senco.Web.Features.Provision;
using Senco.Web.Features.Register;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;
using Senco.Web.Features.Shared.Audit;

namespace Senco.Web.Features.Interventions;

public sealed record SlotDto(string Day, string Start, string End);
public sealed record SlotRequest(string? Day, string? Start, string? End);
public sealed record OwnMeasureDto(string Name, int Min, int Max);

public sealed record GroupRequest(Guid? ProvisionId, string? Name, Guid? StaffMemberId, DateOnly? StartOn, int? Weeks, int? SessionsPerWeek, int? MinutesPerSession,
    decimal? StaffHourlyCost, decimal? ResourceCost, List<SlotRequest>? Slots, string? Measure, string? OwnMeasureName, int? OwnMeasureMin, int? OwnMeasureMax,
    string? Notes, List<Guid>? PupilIds, int? Version)
{
    public GroupInput ToInput() => new(ProvisionId, Name, StaffMemberId, StartOn, Weeks, SessionsPerWeek, MinutesPerSession, StaffHourlyCost, ResourceCost,
        Slots?.Select(s => new SlotInput(s.Day, s.Start, s.End)).ToList(), Measure, OwnMeasureName, OwnMeasureMin, OwnMeasureMax, Notes);
}

public sealed record ScorePointDto(int? Value, DateOnly? On);
public sealed record GroupPupilDto(Guid PupilId, string Forename, string Surname, string YearGroup, DateOnly JoinedOn, DateOnly? LeftOn, decimal CostPerPupil,
    ScorePointDto? Entry, ScorePointDto? Exit);

public sealed record GroupDto(Guid Id, decimal TotalCost, decimal CostPerPupil, string Name, Guid ProvisionId, string Provision, string AreaOfNeed, int Wave,
    Guid? StaffMemberId, string? StaffName, DateOnly StartOn, DateOnly EndOn, int Weeks, int SessionsPerWeek, int MinutesPerSession, decimal StaffHourlyCost,
    decimal ResourceCost, decimal StaffHours, IReadOnlyList<SlotDto> Slots, string? Measure, OwnMeasureDto? OwnMeasure, string? Notes,
    IReadOnlyList<GroupPupilDto> Pupils, int Version);

public sealed record MemberRequest(Guid? PupilId, DateOnly? JoinedOn, DateOnly? LeftOn);
public sealed record ScoreRequest(string? Measure, ScorePointDto? Entry, ScorePointDto? Exit);
public sealed record MarkRequest(Guid? PupilId, bool? Attended, string? Note);
public sealed record SessionRequest(DateOnly? On, string? Status, string? Note, List<MarkRequest>? Attendance, int? Version);
public sealed record MarkDto(Guid PupilId, bool Attended, string? Note);
public sealed record SessionDto(Guid Id, DateOnly On, string Status, string? Note, IReadOnlyList<MarkDto> Attendance, string RecordedBy, DateTime RecordedAt, int Version)
{
    public static SessionDto From(InterventionSession s) => new(s.Id, s.On, s.Status.ToString(), s.Note,
        s.Attendance.Select(a => new MarkDto(a.PupilId, a.Attended, a.Note)).ToList(), s.RecordedBy, DateTime.SpecifyKind(s.RecordedAt, DateTimeKind.Utc), s.Version);
}

public sealed record AttendanceDto(int SessionsCounted, int Attended, decimal? Percent);
public sealed record PupilImpactDto(Guid PupilId, string Forename, string Surname, DateOnly JoinedOn, DateOnly? LeftOn, ScorePointDto? Entry, ScorePointDto? Exit,
    int? Gain, decimal? RatioGain, int? MonthsGained, decimal? MonthsElapsed, int? PointsGained, string? Note, AttendanceDto Attendance, decimal CostPerPupil,
    decimal? CostPerUnitOfProgress);
public sealed record GroupSummaryDto(int Pupils, int Included, int Excluded, decimal? MeanEntry, decimal? MeanExit, decimal? MeanGain, int TotalGain,
    decimal? RatioGain, decimal? PointsGained);
public sealed record GroupImpactDto(Guid GroupId, string Group, string Provision, string? Measure, string? MeasureName, string Unit, decimal TotalCost, decimal CostPerPupil,
    decimal? CostPerUnitOfProgress, AttendanceDto Attendance, int SessionsHeld, int SessionsCancelled, GroupSummaryDto? Summary, IReadOnlyList<PupilImpactDto> Pupils);
public sealed record RollupDto(string Key, string? Measure, string? MeasureName, int Groups, int Pupils, int Included, decimal? MeanGain, decimal? RatioGain,
    decimal? PointsGained, decimal TotalCost, decimal CostPerPupil, decimal? CostPerUnitOfProgress, decimal? AttendancePercent);
public sealed record SchoolImpactDto(string Year, IReadOnlyList<RollupDto> ByProvision, IReadOnlyList<RollupDto> ByAreaOfNeed, IReadOnlyList<RollupDto>? ByStaff);

public static class InterventionsApi
{
    public static void MapInterventionsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("").WithTags("Intervention groups");

        g.MapPost("/schools/{urn}/intervention-groups", async (string urn, HttpContext http, GroupCommands commands, SencoDbContext db, UserContext user) =>
        {
            var (req, error) = await ApiJson.ReadAsync<GroupRequest>(http);
            if (error is not null) return error;
            var outcome = await commands.CreateAsync(urn, req!.ToInput(), req.PupilIds, http.RequestAborted);
            if (!outcome.IsOk) return ApiJson.ToResult(outcome, _ => TypedResults.Ok());
            var dto = await GroupDtoAsync(db, user, outcome.Value!.Id, http.RequestAborted);
            return TypedResults.Created($"/api/v1/intervention-groups/{dto.Id}", dto);
        }).Accepts<GroupRequest>("application/json").Produces<GroupDto>(201).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404)
          .WithSummary("Start an intervention group: staff time (hourly cost × hours per session × sessions a week × weeks) plus resources, shared equally among its pupils.");

        g.MapGet("/schools/{urn}/intervention-groups", async (string urn, string? year, UserContext user, SencoDbContext db, TimeProvider clock, CancellationToken ct) =>
        {
            var (school, denied) = RegisterApi.Authorise(user, urn, Permission.ViewProvision);
            if (denied is not null) return denied;
            var (sy, bad) = ProvisionApi.ParseYear(year, clock);
            if (bad is not null) return bad;
            var y = await ProvisionQueries.LoadYearAsync(new SchoolData(db, school!), sy, ct);
            var (start, end, schoolId) = (sy.Start, sy.End, school!.SchoolId);
            var stored = await db.InterventionGroups.AsNoTracking().Include(x => x.Slots)
                .Where(x => x.SchoolId == schoolId && x.StartOn >= start && x.StartOn <= end).ToDictionaryAsync(x => x.Id, ct);
            return TypedResults.Ok(y.Groups.Select(x => ToDto(x, y, stored[x.Id].Slots, stored[x.Id].Version, stored[x.Id].Notes)).ToList());
        }).Produces<List<GroupDto>>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).WithSummary("The groups that start in an academic year.");

        g.MapGet("/intervention-groups/{groupId:guid}", async ([FromRoute(Name = "groupId")] Guid id, ProvisionAccess access, SencoDbContext db, UserContext user, CancellationToken ct) =>
        {
            var found = await access.FindGroupAsync(id, Permission.ViewProvision, ct: ct);
            if (!found.IsOk) return ApiJson.ToResult(found, _ => TypedResults.Ok());
            return TypedResults.Ok(await GroupDtoAsync(db, user, id, ct));
        }).Produces<GroupDto>().ProducesProblem(403).ProducesProblem(404).WithSummary("A group with its pupils, costs and scores.");

        g.MapPut("/intervention-groups/{groupId:guid}", async ([FromRoute(Name = "groupId")] Guid id, HttpContext http, GroupCommands commands, SencoDbContext db, UserContext user) =>
        {
            var (req, error) = await ApiJson.ReadAsync<GroupRequest>(http);
            if (error is not null) return error;
            if (req!.Version is null) return ApiJson.Invalid("version", "Send the version of the group you last read");
            var outcome = await commands.UpdateAsync(id, req.Version.Value, req.ToInput(), http.RequestAborted);
            if (!outcome.IsOk) return ApiJson.ToResult(outcome, _ => TypedResults.Ok());
            return TypedResults.Ok(await GroupDtoAsync(db, user, id, http.RequestAborted));
        }).Accepts<GroupRequest>("application/json").Produces<GroupDto>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409)
          .WithSummary("Change a group (not its pupils). Send the version you read; a stale version answers 409.");

        g.MapPost("/intervention-groups/{groupId:guid}/pupils", async ([FromRoute(Name = "groupId")] Guid id, HttpContext http, GroupCommands commands) =>
        {
            var (req, error) = await ApiJson.ReadAsync<MemberRequest>(http);
            if (error is not null) return error;
            var outcome = await commands.AddPupilAsync(id, req!.PupilId, req.JoinedOn, http.RequestAborted);
            return ApiJson.ToResult(outcome, m => TypedResults.Created($"/api/v1/intervention-groups/{id}/pupils/{m.PupilId}",
                new { pupilId = m.PupilId, joinedOn = m.JoinedOn, leftOn = m.LeftOn }));
        }).Accepts<MemberRequest>("application/json").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409)
          .WithSummary("Add a pupil to a group from a date (default: the group's start).");

        g.MapPut("/intervention-groups/{groupId:guid}/pupils/{pupilId:guid}", async ([FromRoute(Name = "groupId")] Guid id, Guid pupilId, HttpContext http, GroupCommands commands) =>
        {
            var (req, error) = await ApiJson.ReadAsync<MemberRequest>(http);
            if (error is not null) return error;
            var outcome = await commands.UpdatePupilAsync(id, pupilId, req!.JoinedOn, req.LeftOn, http.RequestAborted);
            return ApiJson.ToResult(outcome, m => TypedResults.Ok(new { pupilId = m.PupilId, joinedOn = m.JoinedOn, leftOn = m.LeftOn }));
        }).Accepts<MemberRequest>("application/json").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404)
          .WithSummary("Change when a pupil joined or left a group (leaving midway: send leftOn).");

        g.MapPut("/intervention-groups/{groupId:guid}/pupils/{pupilId:guid}/scores", async ([FromRoute(Name = "groupId")] Guid id, Guid pupilId, HttpContext http, GroupCommands commands) =>
        {
            var (req, error) = await ApiJson.ReadAsync<ScoreRequest>(http);
            if (error is not null) return error;
            var entry = req!.Entry is null ? null : new Assessment(req.Entry.Value, req.Entry.On);
            var exit = req.Exit is null ? null : new Assessment(req.Exit.Value, req.Exit.On);
            var outcome = await commands.RecordScoresAsync(id, pupilId, req.Measure, entry, exit, http.RequestAborted);
            return ApiJson.ToResult(outcome, m => TypedResults.Ok(new
            {
                pupilId = m.PupilId, measure = req.Measure!.Trim(), entry = Point(m.EntryValue, m.EntryOn), exit = Point(m.ExitValue, m.ExitOn),
                gain = m.EntryValue is { } e && m.ExitValue is { } x ? x - e : (int?)null,
            }));
        }).Accepts<ScoreRequest>("application/json").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404)
          .WithSummary("Record a pupil's entry and exit assessments in a group (the exit may follow later).");

        g.MapGet("/intervention-groups/{groupId:guid}/sessions", async ([FromRoute(Name = "groupId")] Guid id, ProvisionAccess access, SencoDbContext db, CancellationToken ct) =>
        {
            var found = await access.FindGroupAsync(id, Permission.ViewProvision, ct: ct);
            if (!found.IsOk) return ApiJson.ToResult(found, _ => TypedResults.Ok());
            var sessions = await db.InterventionSessions.AsNoTracking().Include(s => s.Attendance).Where(s => s.GroupId == id).ToListAsync(ct);
            return TypedResults.Ok(sessions.OrderBy(s => s.On).Select(SessionDto.From).ToList());
        }).Produces<List<SessionDto>>().ProducesProblem(403).ProducesProblem(404).WithSummary("The group's registers, oldest first.");

        g.MapPost("/intervention-groups/{groupId:guid}/sessions", async ([FromRoute(Name = "groupId")] Guid id, HttpContext http, GroupCommands commands) =>
        {
            var (req, error) = await ApiJson.ReadAsync<SessionRequest>(http);
            if (error is not null) return error;
            var outcome = await commands.SaveRegisterAsync(id, null, null, req!.On, req.Status, req.Note, Marks(req), http.RequestAborted);
            return ApiJson.ToResult(outcome, s => TypedResults.Created($"/api/v1/intervention-groups/{id}/sessions/{s.Id}", SessionDto.From(s)));
        }).Accepts<SessionRequest>("application/json").Produces<SessionDto>(201).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409)
          .WithSummary("Take the register of a session: status Held (every pupil marked attended true or false) or Cancelled (with a note).");

        g.MapPut("/intervention-groups/{groupId:guid}/sessions/{sessionId:guid}", async ([FromRoute(Name = "groupId")] Guid id, Guid sessionId, HttpContext http, GroupCommands commands) =>
        {
            var (req, error) = await ApiJson.ReadAsync<SessionRequest>(http);
            if (error is not null) return error;
            if (req!.Version is null) return ApiJson.Invalid("version", "Send the version of the register you last read");
            var outcome = await commands.SaveRegisterAsync(id, sessionId, req.Version, req.On, req.Status, req.Note, Marks(req), http.RequestAborted);
            return ApiJson.ToResult(outcome, s => TypedResults.Ok(SessionDto.From(s)));
        }).Accepts<SessionRequest>("application/json").Produces<SessionDto>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409)
          .WithSummary("Correct a register. Send the version you read; a stale version answers 409 and nothing is overwritten.");

        g.MapGet("/intervention-groups/{groupId:guid}/impact", async ([FromRoute(Name = "groupId")] Guid id, ProvisionAccess access, SencoDbContext db, UserContext user, AuditLog audit, CancellationToken ct) =>
        {
            var found = await access.FindGroupAsync(id, Permission.ViewProvision, ct: ct);
            if (!found.IsOk) return ApiJson.ToResult(found, _ => TypedResults.Ok());
            var (y, g, report) = await GroupImpactAsync(db, user, found.Value!, ct);
            audit.Read("intervention.impact.read", $"API read of the impact of \"{g.Name}\"", found.Value!.SchoolId);
            return TypedResults.Ok(ImpactDto(y, g, report));
        }).Produces<GroupImpactDto>().ProducesProblem(403).ProducesProblem(404)
          .WithSummary("Impact per pupil and for the group: ratio gain for age measures, points gained for standardised scores, attendance, and cost per pupil and per unit of progress.");

        g.MapGet("/schools/{urn}/impact", async (string urn, string? year, UserContext user, SencoDbContext db, TimeProvider clock, CancellationToken ct) =>
        {
            var (school, denied) = RegisterApi.Authorise(user, urn, Permission.ViewAggregates);
            if (denied is not null) return denied;
            var (sy, bad) = ProvisionApi.ParseYear(year, clock);
            if (bad is not null) return bad;
            var impact = await ProvisionQueries.SchoolImpactAsync(new SchoolData(db, school!), sy, ct);
            var named = school!.Can(Permission.ViewProvision);
            return TypedResults.Ok(new SchoolImpactDto(sy.Label, impact.ByProvision.Select(Rollup).ToList(), impact.ByArea.Select(Rollup).ToList(),
                named ? impact.ByStaff.Select(Rollup).ToList() : null));
        }).Produces<SchoolImpactDto>().ProducesValidationProblem().ProducesProblem(404)
          .WithSummary("Impact of the year's groups per provision, area of need and (not for governors) member of staff.");
    }

    private static List<RegisterMark> Marks(SessionRequest req) => (req.Attendance ?? []).Select(a => new RegisterMark(a.PupilId, a.Attended, a.Note)).ToList();

    private static ScorePointDto? Point(int? value, DateOnly? on) => value is null && on is null ? null : new ScorePointDto(value, on);

    public static async Task<GroupDto> GroupDtoAsync(SencoDbContext db, UserContext user, Guid id, CancellationToken ct)
    {
        var group = await db.InterventionGroups.IgnoreQueryFilters().AsNoTracking().Include(g => g.Slots).FirstAsync(g => g.Id == id, ct);
        var data = new SchoolData(db, user.School(group.SchoolId)!);
        var y = await ProvisionQueries.LoadYearAsync(data, ProvisionMap.YearOf(group.StartOn), ct, groupId: id);
        return ToDto(y.Group(id), y, group.Slots, group.Version, group.Notes);
    }

    private static GroupDto ToDto(MapGroup g, YearProvision y, IEnumerable<InterventionSlot> slots, int version, string? notes)
    {
        var members = y.MembersOf(g.Id).ToList();
        return new GroupDto(g.Id, Money.Pounds(g.Total), Money.Pounds(ProvisionMap.EqualShare(g.Total, members.Count)), g.Name, g.ProvisionId, g.Provision, g.Area.ToString(), g.Wave,
            g.StaffId, g.Staff, g.StartOn, g.EndOn, g.Weeks, g.SessionsPerWeek, g.MinutesPerSession, Money.Pounds(g.StaffHourlyCost), Money.Pounds(g.ResourceCost), g.StaffHours,
            slots.OrderBy(s => ((int)s.Day + 6) % 7).ThenBy(s => s.Start).Select(s => new SlotDto(s.Day.ToString(), Timetable.Time(s.Start), Timetable.Time(s.End))).ToList(),
            g.Measure?.ToString(), g.OwnMeasureName is { } n && g.OwnMeasureMin is { } lo && g.OwnMeasureMax is { } hi ? new OwnMeasureDto(n, lo, hi) : null, notes,
            members.Where(m => y.Pupils.ContainsKey(m.PupilId)).Select(m =>
            {
                var p = y.Pupils[m.PupilId];
                return new GroupPupilDto(m.PupilId, p.Forename, p.Surname, p.YearGroup, m.JoinedOn, m.LeftOn, Money.Pounds(m.Share), Point(m.EntryValue, m.EntryOn), Point(m.ExitValue, m.ExitOn));
            }).OrderBy(p => p.Surname, StringComparer.OrdinalIgnoreCase).ThenBy(p => p.Forename, StringComparer.OrdinalIgnoreCase).ToList(),
            version);
    }

    public static async Task<(YearProvision Year, MapGroup Group, GroupImpactReport Report)> GroupImpactAsync(SencoDbContext db, UserContext user, InterventionGroup group, CancellationToken ct)
    {
        var data = new SchoolData(db, user.School(group.SchoolId)!);
        var y = await ProvisionQueries.LoadYearAsync(data, ProvisionMap.YearOf(group.StartOn), ct, groupId: group.Id);
        var registers = await ProvisionQueries.RegistersAsync(data, [group.Id], ct);
        var g = y.Group(group.Id);
        return (y, g, ProvisionQueries.Impact(y, g, registers));
    }

    public static GroupImpactDto ImpactDto(YearProvision y, MapGroup g, GroupImpactReport r)
    {
        var isAge = r.Scale?.IsAge == true;
        return new GroupImpactDto(g.Id, g.Name, g.Provision, r.Scale?.Kind.ToString(), r.Scale?.Name, ProvisionQueries.Unit(r.Scale), Money.Pounds(r.TotalCost), Money.Pounds(r.CostPerPupil),
            Money.Pounds(r.CostPerUnitOfProgress), new AttendanceDto(r.Attendance.SessionsCounted, r.Attendance.Attended, r.Attendance.Percent), r.SessionsHeld, r.SessionsCancelled,
            r.Summary is { } s ? new GroupSummaryDto(s.Pupils, s.Included, s.Excluded, s.MeanEntry, s.MeanExit, s.MeanGain, s.TotalGain, s.MeanRatioGain, isAge ? null : s.MeanGain) : null,
            r.Pupils.Where(p => y.Pupils.ContainsKey(p.PupilId)).Select(p =>
            {
                var pupil = y.Pupils[p.PupilId];
                return new PupilImpactDto(p.PupilId, pupil.Forename, pupil.Surname, p.JoinedOn, p.LeftOn, Point(p.Entry, p.EntryOn), Point(p.Exit, p.ExitOn), p.Gain,
                    p.Ratio?.Ratio, isAge ? p.Gain : null, p.Ratio is { } rg ? Math.Round(rg.MonthsElapsed, 2) : null, isAge ? null : p.Gain,
                    p.Ratio?.Reason ?? (p.Complete ? null : p.Entry is null ? "No entry assessment yet" : "No exit assessment yet"),
                    new AttendanceDto(p.Attendance.SessionsCounted, p.Attendance.Attended, p.Attendance.Percent), Money.Pounds(p.Cost), Money.Pounds(p.CostPerUnitOfProgress));
            }).ToList());
    }

    public static RollupDto Rollup(ImpactRollup r)
    {
        var isAge = r.Scale?.IsAge == true;
        return new RollupDto(r.Key, r.Scale?.Kind.ToString(), r.Scale?.Name, r.Groups, r.Pupils, r.Summary?.Included ?? 0, r.Summary?.MeanGain,
            isAge ? r.Summary?.MeanRatioGain : null, isAge ? null : r.Summary?.MeanGain, Money.Pounds(r.TotalCost), Money.Pounds(r.CostPerPupil),
            Money.Pounds(r.CostPerUnitOfProgress), r.Attendance.Percent);
    }
}
