using Senco.Core.Access;
using Senco.Core.Leadership;
using Senco.Web.Features.Api;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;
using Senco.Web.Features.Shared.Audit;

namespace Senco.Web.Features.ExamAccess;

/// Exam access arrangements over HTTP. Reads of a candidate's arrangements and of the school's list are audited.
public static class ExamAccessApi
{
    private static string? D(DateOnly? d) => d?.ToString("yyyy-MM-dd");

    public static object Dto(CheckedArrangement c)
    {
        var a = c.Arrangement;
        return new
        {
            a.Id, a.PupilId, kind = a.Kind.ToString(), label = ExamAccessRules.Label(a.Kind), a.Details, evidence = a.Evidence?.ToString(),
            assessedOn = D(a.AssessedOn), a.Assessor, scores = a.Scores.Select(s => new { area = s.Area, score = s.Score }).ToList(),
            a.NormalWayOfWorking, edition = a.EditionStartYear, editionLabel = ExamAccessRules.EditionLabel(a.EditionStartYear),
            approvedOn = D(a.ApprovedOn), expiresOn = D(a.ExpiresOn), flags = c.Flags.Select(f => new { kind = f.Kind.ToString(), message = f.Message }).ToList(),
            a.RecordedBy, a.Version,
        };
    }

    private static IResult Conflict(Outcome<CheckedArrangement> o) =>
        TypedResults.Problem(statusCode: 409, title: "Conflict", detail: o.Message,
            extensions: new Dictionary<string, object?> { ["current"] = o.Value is null ? null : Dto(o.Value) });

    public static void MapExamAccessApi(RouteGroupBuilder g)
    {
        g.MapGet("/schools/{urn}/exam-access", async (string urn, string? kind, UserContext user, ExamAccessUseCases u, AuditLog audit, CancellationToken ct) =>
        {
            var s = user.School(urn);
            if (s is null) return TypedResults.NotFound();
            if (!s.Can(Permission.ViewExamAccess)) return ApiJson.ToResult(Outcome<object>.Forbidden(), _ => TypedResults.Ok());
            ExamArrangementKind? k = null;
            if (!string.IsNullOrEmpty(kind))
            {
                if (!Enum.TryParse<ExamArrangementKind>(kind, out var parsed) || int.TryParse(kind, out _)) return ApiJson.Invalid("kind", $"Enter one of: {string.Join(", ", Enum.GetNames<ExamArrangementKind>())}");
                k = parsed;
            }
            var rows = await u.SchoolAsync(s, k, ct);
            audit.Read("exam-access.list", $"API read of the access arrangements list ({rows.Count} rows)", s.SchoolId);
            return TypedResults.Ok(new { count = rows.Count, items = rows.Select(r => new { pupil = new { id = r.Arrangement.PupilId, r.Arrangement.Pupil!.Forename, r.Arrangement.Pupil.Surname, r.Arrangement.Pupil.YearGroup }, arrangement = Dto(r) }).ToList() });
        }).WithSummary("Every candidate's access arrangements with today's checks; filter with kind.");

        g.MapGet("/pupils/{id:guid}/exam-access", async (Guid id, ExamAccessUseCases u, AuditLog audit, CancellationToken ct) =>
        {
            var o = await u.PupilAsync(id, ct);
            if (!o.IsOk) return ApiJson.ToResult(o, _ => TypedResults.Ok());
            audit.Read("exam-access.read", $"API read of the access arrangements of {o.Value.Pupil.Upn}", o.Value.Pupil.SchoolId, id);
            return TypedResults.Ok(o.Value.Arrangements.Select(Dto).ToList());
        }).WithSummary("A candidate's access arrangements with evidence and checks.");

        g.MapPost("/pupils/{id:guid}/exam-access", async (Guid id, HttpContext http, ExamAccessUseCases u) =>
        {
            var (input, error) = await ApiJson.ReadAsync<ArrangementInput>(http);
            if (error is not null) return error;
            return ApiJson.ToResult(await u.CreateAsync(id, input!, http.RequestAborted), c => TypedResults.Created($"/api/v1/exam-access/{c.Arrangement.Id}", Dto(c)));
        }).WithSummary("Record an arrangement: kind, details, evidence (Form8, EhcPlan, ProfessionalReport, HistoryOfNeed), assessedOn, assessor, score1Area/score1…score3, normalWayOfWorking, edition (2026 for AARA 2026/27), approvedOn.");

        g.MapPut("/exam-access/{id:guid}", async (Guid id, HttpContext http, ExamAccessUseCases u) =>
        {
            var (input, error) = await ApiJson.ReadAsync<ArrangementInput>(http);
            if (error is not null) return error;
            var o = await u.UpdateAsync(id, input!, http.RequestAborted);
            return o.Kind == OutcomeKind.Conflict ? Conflict(o) : ApiJson.ToResult(o, c => TypedResults.Ok(Dto(c)));
        }).WithSummary("Change an arrangement; send the version you read (409 when someone changed it meanwhile).");
    }
}
