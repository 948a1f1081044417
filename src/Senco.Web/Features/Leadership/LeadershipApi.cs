using Senco.Core.Access;
using Senco.Core.Leadership;
using Senco.Core.Model;
using Senco.Data;
using Senco.Web.Features.Api;
using Senco.Web.Features.Leadership.Analysis;
using Senco.Web.Features.Leadership.Assessment;
using Senco.Web.Features.Provision;
using Senco.Web.Features.Register;
using Senco.Web.Features.Shared.Access;
using Senco.Web.Features.Shared.Audit;

namespace Senco.Web.Features.Leadership;

public sealed record ResultRequest(Guid? PupilId, string? Upn, string? Term, string? Measure, string? Subject, Guid? ScaleId, string? Scale, decimal? Value, string? Grade, DateOnly? AssessedOn)
{
    public ResultInput ToInput() => new(PupilId, Upn, Term, Measure, Subject, ScaleId, Scale, Value, Grade, AssessedOn);
}

public sealed record ResultsRequest(List<ResultRequest>? Results);

public sealed record ResultDto(Guid Id, Guid PupilId, string Upn, string Forename, string Surname, string Term, string Measure, string Subject, Guid? ScaleId, string? Scale,
    decimal? Value, string? Grade, DateOnly? AssessedOn, int? ChronologicalAgeMonths, bool? AtOrAboveExpected, string RecordedBy, DateTime RecordedAt, int Version)
{
    public static ResultDto From(AssessmentResult r, Pupil p) => new(r.Id, r.PupilId, p.Upn, p.Forename, p.Surname, r.When.Key, r.Measure.ToString(), r.Subject, r.ScaleId, r.Scale?.Name,
        r.Value, r.Grade, r.AssessedOn, r.ChronologicalAgeMonths, AssessmentRules.AtOrAboveExpected(r), r.RecordedBy, r.RecordedAt, r.Version);
}

public sealed record ScaleRequest(string? Name, string? Kind, List<string>? Grades, string? ExpectedFrom);
public sealed record ScaleDto(Guid Id, string Name, string Kind, IReadOnlyList<string> Grades, string? ExpectedFrom)
{
    public static ScaleDto From(AssessmentScale s) => new(s.Id, s.Name, s.Kind.ToString(), s.GradeList, s.ExpectedFrom);
}

/// A group's figures; every figure is null and "suppressed" true when the group is withheld (no count either).
public sealed record FigureDto(int? Pupils, decimal? Mean, decimal? PercentAtOrAboveExpected, int? PupilsWithBaseline, decimal? MeanProgress, bool Suppressed)
{
    public static FigureDto? From(GroupFigure? f) => f is null ? null : f.Suppressed
        ? new(null, null, null, null, null, true)
        : new(f.Pupils, f.Mean, f.PercentAtExpected, f.ProgressSuppressed ? null : f.ProgressPupils, f.MeanProgress, false);
}
public sealed record BreakdownRowDto(string Category, FigureDto? Sen, FigureDto? NotSen);
public sealed record BreakdownDto(string Key, string Title, IReadOnlyList<BreakdownRowDto> Rows);
public sealed record TrendDto(string Term, FigureDto? Sen, FigureDto? NotSen);
public sealed record SeriesDto(string Key, string Label);
public sealed record AnalysisDto(IReadOnlyList<SeriesDto> Available, string? Series, string? Term, string? Baseline, bool SmallGroupsSuppressed, int Threshold,
    FigureDto? Sen, FigureDto? NotSen, IReadOnlyList<BreakdownDto> Breakdowns, IReadOnlyList<TrendDto> Trend);

/// <summary>Assessment entry and listing, the school's scales and the analysis aggregates (issue 8).</summary>
public static class LeadershipApi
{
    public static void MapLeadershipApi(RouteGroupBuilder api)
    {
        var g = api.MapGroup("").WithTags("Leadership and analysis");

        g.MapPost("/schools/{urn}/assessments", async (string urn, HttpContext http, AssessmentCommands commands, SencoDbContext db) =>
        {
            var (req, error) = await ApiJson.ReadAsync<ResultRequest>(http);
            if (error is not null) return error;
            var outcome = await commands.RecordAsync(urn, [req!.ToInput()], single: true, http.RequestAborted);
            return ApiJson.ToResult(outcome, rs =>
            {
                var r = rs[0];
                var p = db.Pupils.First(x => x.Id == r.PupilId);
                return TypedResults.Ok(ResultDto.From(r, p));
            });
        }).Accepts<ResultRequest>("application/json").Produces<ResultDto>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404)
          .WithSummary("Record one result (a pupil by pupilId or upn; term \"2025-autumn\"); the same pupil, term, measure and subject again replaces it.");

        g.MapPost("/schools/{urn}/assessments/batch", async (string urn, HttpContext http, AssessmentCommands commands) =>
        {
            var (req, error) = await ApiJson.ReadAsync<ResultsRequest>(http);
            if (error is not null) return error;
            var outcome = await commands.RecordAsync(urn, (req!.Results ?? []).Select(r => r.ToInput()).ToList(), single: false, http.RequestAborted);
            return ApiJson.ToResult(outcome, rs => TypedResults.Ok(new { saved = rs.Count }));
        }).Accepts<ResultsRequest>("application/json").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404)
          .WithSummary("Record many results at once: all or none; errors are keyed results[i].field as \"rows[i].field\".");

        g.MapGet("/schools/{urn}/assessments", async (string urn, string? term, string? measure, Guid? pupilId, UserContext user, SencoDbContext db, AuditLog audit, CancellationToken ct) =>
        {
            var (school, denied) = RegisterApi.Authorise(user, urn, Permission.ViewAssessments);
            if (denied is not null) return denied;
            AssessmentTerm? t = null;
            if (term is not null) { if (AssessmentTerm.TryParse(term, out var x)) t = x; else return ApiJson.Invalid("term", "Enter the term as 2025-autumn"); }
            AssessmentMeasure? m = null;
            if (measure is not null) { if (Enum.TryParse<AssessmentMeasure>(measure, true, out var y) && Enum.IsDefined(y)) m = y; else return ApiJson.Invalid("measure", "Enter one of: " + string.Join(", ", Enum.GetNames<AssessmentMeasure>())); }
            var list = await AssessmentQueries.ListAsync(db, school!.SchoolId, t, m, pupilId, ct);
            audit.Read("assessment.list.read", $"API read of {list.Count} assessment results{(t is { } tt ? " for " + tt.Label : "")}", school.SchoolId, pupilId);
            return TypedResults.Ok(new { count = list.Count, results = list.Select(r => ResultDto.From(r, r.Pupil!)).ToList() });
        }).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).WithSummary("Results with pupils named (not for governors); filters term, measure, pupilId.");

        g.MapGet("/schools/{urn}/assessment-scales", async (string urn, UserContext user, SencoDbContext db, CancellationToken ct) =>
        {
            var (school, denied) = RegisterApi.Authorise(user, urn, Permission.ViewAggregates);
            if (denied is not null) return denied;
            return TypedResults.Ok((await AssessmentQueries.ScalesAsync(db, school!.SchoolId, ct)).Select(ScaleDto.From).ToList());
        }).Produces<List<ScaleDto>>().ProducesProblem(404).WithSummary("The school's own assessment scales.");

        g.MapPost("/schools/{urn}/assessment-scales", async (string urn, HttpContext http, AssessmentCommands commands) =>
        {
            var (req, error) = await ApiJson.ReadAsync<ScaleRequest>(http);
            if (error is not null) return error;
            var outcome = await commands.CreateScaleAsync(urn, new ScaleInput(req!.Name, req.Kind, string.Join('\n', req.Grades ?? []), req.ExpectedFrom), http.RequestAborted);
            return ApiJson.ToResult(outcome, s => TypedResults.Created($"/api/v1/schools/{urn}/assessment-scales", ScaleDto.From(s)));
        }).Accepts<ScaleRequest>("application/json").Produces<ScaleDto>(201).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404)
          .WithSummary("Add a school scale: kind Numeric or Grades (grades lowest first), optionally the expected standard.");

        g.MapGet("/schools/{urn}/assessment-analysis", async (string urn, string? series, string? term, UserContext user, SencoDbContext db, AuditLog audit, CancellationToken ct) =>
        {
            var (school, denied) = RegisterApi.Authorise(user, urn, Permission.ViewAggregates);
            if (denied is not null) return denied;
            var v = await AnalysisQueries.LoadAsync(new SchoolData(db, school!), series, term, ct);
            if (v.Series is not null) audit.Read("assessment.analysis.read", $"API read of the assessment analysis of {v.Series.Label}, {v.Term?.Label}{(v.Suppressing ? " (small groups withheld)" : "")}", school!.SchoolId);
            var r = v.Result;
            return TypedResults.Ok(new AnalysisDto(v.Available.Select(s => new SeriesDto(s.Key, s.Label)).ToList(), v.Series?.Key, v.Term?.Key, v.Baseline?.Key,
                v.Suppressing, AssessmentAnalysis.DefaultThreshold, FigureDto.From(r?.Sen), FigureDto.From(r?.NotSen),
                r?.Breakdowns.Select(b => new BreakdownDto(b.Key, b.Title, b.Rows.Select(x => new BreakdownRowDto(x.Category, FigureDto.From(x.Sen), FigureDto.From(x.NotSen))).ToList())).ToList() ?? [],
                v.Trend.Select(p => new TrendDto(p.Term.Key, FigureDto.From(p.Sen), FigureDto.From(p.NotSen))).ToList()));
        }).Produces<AnalysisDto>().ProducesProblem(404)
          .WithSummary("SEN against non-SEN attainment and progress for one series and term; for governors, groups of fewer than 5 pupils are withheld.");
    }
}
