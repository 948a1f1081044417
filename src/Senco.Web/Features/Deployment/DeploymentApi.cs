using Senco.Core.Access;
using Senco.Core.Model;
using Senco.Core.Provision;
using Senco.Data;
using Senco.Web.Features.Api;
using Senco.Web.Features.Provision;
using Senco.Web.Features.Register;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.Deployment;

public sealed record StaffRequest(string? Name, string? Role, decimal? ContractedHoursPerWeek, decimal? HourlyCost, Guid? LineManagerId, Guid? UserId, bool? Active, int? Version)
{
    public StaffInput ToInput() => new(Name, Role, ContractedHoursPerWeek, HourlyCost, LineManagerId, UserId, Active ?? true);
}

public sealed record TimetableEntryRequest(string? Kind, string? Day, string? Start, string? End, string? Description, Guid? PupilId, DateOnly? From, DateOnly? To)
{
    public TimetableEntryInput ToInput() => new(Kind, Day, Start, End, Description, PupilId, From, To);
}

public sealed record HoursDto(decimal Used, decimal? Contracted, decimal? Remaining, bool Over, decimal? Percent);
public sealed record StaffDto(Guid Id, string Name, string Role, Guid? UserId, decimal? ContractedHoursPerWeek, decimal? HourlyCost, Guid? LineManagerId, string? LineManager,
    bool Active, int Version, HoursDto? Hours, int? Clashes);
public sealed record WeekItemDto(string Kind, string Description, string Day, string Start, string End, DateOnly? From, DateOnly? To, Guid? GroupId, Guid? EntryId, Guid? PupilId, bool ActiveThisWeek);
public sealed record ClashDto(string First, string Second, string Description);
public sealed record StaffWeekDto(StaffDto Staff, DateOnly WeekBeginning, IReadOnlyList<WeekItemDto> Timetable, IReadOnlyList<ClashDto> Clashes, HoursDto Hours);

/// <summary>TA deployment: staff records, weekly timetables, hours against contracts, clashes.</summary>
public static class DeploymentApi
{
    public static void MapDeploymentApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("").WithTags("Staff deployment");

        g.MapPost("/schools/{urn}/staff", async (string urn, HttpContext http, StaffCommands commands) =>
        {
            var (req, error) = await ApiJson.ReadAsync<StaffRequest>(http);
            if (error is not null) return error;
            var outcome = await commands.CreateAsync(urn, req!.ToInput(), http.RequestAborted);
            return ApiJson.ToResult(outcome, s => TypedResults.Created($"/api/v1/staff/{s.Id}", Dto(s, null, null)));
        }).Accepts<StaffRequest>("application/json").Produces<StaffDto>(201).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404)
          .WithSummary("Add a member of staff who delivers provision (a TA need not have a Senco sign-in; userId links one).");

        g.MapGet("/schools/{urn}/staff", async (string urn, DateOnly? week, UserContext user, SencoDbContext db, TimeProvider clock, CancellationToken ct) =>
        {
            var (school, denied) = RegisterApi.Authorise(user, urn, Permission.ViewDeployment);
            if (denied is not null) return denied;
            var monday = Timetable.WeekBeginning(week ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
            var list = await StaffCommands.SummariesAsync(db, new SchoolData(db, school!), monday, ct);
            return TypedResults.Ok(list.Select(s => Dto(s.Staff, s.Hours, s.Clashes)).ToList());
        }).Produces<List<StaffDto>>().ProducesProblem(403).ProducesProblem(404).WithSummary("Staff with hours used in the week (default: this week) against contracted hours, and clashes.");

        g.MapGet("/staff/{id:guid}", async (Guid id, DateOnly? week, ProvisionAccess access, SencoDbContext db, TimeProvider clock, CancellationToken ct) =>
        {
            var found = await access.FindStaffAsync(id, Permission.ViewDeployment, ct: ct);
            if (!found.IsOk) return ApiJson.ToResult(found, _ => TypedResults.Ok());
            var monday = Timetable.WeekBeginning(week ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
            return TypedResults.Ok(WeekDto(await StaffCommands.WeekAsync(db, found.Value!, monday, ct)));
        }).Produces<StaffWeekDto>().ProducesProblem(403).ProducesProblem(404).WithSummary("A member of staff's weekly timetable: groups, 1:1 support, classes; hours and clashes.");

        g.MapPut("/staff/{id:guid}", async (Guid id, HttpContext http, StaffCommands commands) =>
        {
            var (req, error) = await ApiJson.ReadAsync<StaffRequest>(http);
            if (error is not null) return error;
            if (req!.Version is null) return ApiJson.Invalid("version", "Send the version of the record you last read");
            var outcome = await commands.UpdateAsync(id, req.Version.Value, req.ToInput(), http.RequestAborted);
            return ApiJson.ToResult(outcome, s => TypedResults.Ok(Dto(s, null, null)));
        }).Accepts<StaffRequest>("application/json").Produces<StaffDto>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409)
          .WithSummary("Change a member of staff's record (contracted hours, line manager…). Send the version you read.");

        g.MapPost("/staff/{id:guid}/timetable", async (Guid id, HttpContext http, StaffCommands commands) =>
        {
            var (req, error) = await ApiJson.ReadAsync<TimetableEntryRequest>(http);
            if (error is not null) return error;
            var outcome = await commands.AddEntryAsync(id, req!.ToInput(), http.RequestAborted);
            return ApiJson.ToResult(outcome, e => TypedResults.Created($"/api/v1/staff/{id}/timetable/{e.Id}", new
            {
                id = e.Id, kind = e.Kind.ToString(), day = e.Day.ToString(), start = Timetable.Time(e.Start), end = Timetable.Time(e.End), description = e.Description,
                pupilId = e.PupilId, from = e.From, to = e.To,
            }));
        }).Accepts<TimetableEntryRequest>("application/json").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404)
          .WithSummary("Add 1:1 support, a class or other commitment to a timetable. A time that double-books the person answers 400 naming the clash.");

        g.MapDelete("/staff/{id:guid}/timetable/{entryId:guid}", async (Guid id, Guid entryId, StaffCommands commands, CancellationToken ct) =>
            ApiJson.ToResult(await commands.RemoveEntryAsync(id, entryId, ct), _ => TypedResults.NoContent()))
          .ProducesProblem(403).ProducesProblem(404).WithSummary("Remove a timetable entry.");
    }

    public static HoursDto Hours(HoursUse h) => new(h.Used, h.Contracted, h.Remaining, h.Over, h.Percent);

    private static StaffDto Dto(StaffMember s, HoursUse? hours, int? clashes) => new(s.Id, s.Name, s.Role.ToString(), s.UserId, s.ContractedHoursPerWeek,
        Money.Pounds(s.HourlyCost), s.LineManagerId, s.LineManager?.Name, s.Active, s.Version, hours is null ? null : Hours(hours), clashes);

    private static StaffWeekDto WeekDto(StaffWeek w) => new(Dto(w.Staff, w.Hours, w.Clashes.Count), w.Monday,
        w.Items.Select(i => new WeekItemDto(i.Kind, i.Item.Label, i.Item.Day.ToString(), Timetable.Time(i.Item.Start), Timetable.Time(i.Item.End), i.Item.From, i.Item.To,
            i.GroupId, i.EntryId, i.PupilId, i.ActiveThisWeek)).ToList(),
        w.Clashes.Select(c => new ClashDto(c.First.Label, c.Second.Label, c.Describe())).ToList(), Hours(w.Hours));
}
