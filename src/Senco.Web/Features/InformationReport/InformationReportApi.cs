using System.Text;
using Senco.Core.Access;
using Senco.Core.Leadership;
using Senco.Web.Features.Api;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.InformationReport;

public sealed record StartReportInput(int? Year);

/// The SEN information report over HTTP. Aggregates only, so readable by every role that sees aggregates; written by
/// those with ManageInformationReport. Another school's report is 404, as everywhere.
public static class InformationReportApi
{
    private static string? D(DateOnly? d) => d?.ToString("yyyy-MM-dd");

    public static object Dto(Core.Model.InformationReport r) => new
    {
        year = r.YearStart, label = r.Year.Label, status = r.Status.ToString(), approvedOn = D(r.ApprovedOn), r.ApprovedBy, r.Version,
    };

    public static object Dto(ReportSectionView s) => new
    {
        key = s.Item.Key, number = s.Item.Number, heading = s.Item.Heading, facts = s.Facts, text = s.Text, version = s.Version, updatedBy = s.UpdatedBy,
    };

    public static object Dto(ReportView v) => new
    {
        year = v.Report.YearStart, label = v.Report.Year.Label, status = v.Report.Status.ToString(), approvedOn = D(v.Report.ApprovedOn), v.Report.ApprovedBy,
        v.Report.Version, readOnly = v.ReadOnly, sections = v.Sections.Select(Dto).ToList(),
    };

    private static (SchoolGrant? School, IResult? Denied) Read(UserContext user, string urn)
    {
        var s = user.School(urn);
        if (s is null) return (null, TypedResults.NotFound());
        if (!s.Can(Permission.ViewAggregates)) return (null, ApiJson.ToResult(Outcome<object>.Forbidden(), _ => TypedResults.Ok()));
        return (s, null);
    }

    private static IResult Conflict<T>(Outcome<T> o, Func<T, object> dto) where T : class =>
        TypedResults.Problem(statusCode: 409, title: "Conflict", detail: o.Message,
            extensions: new Dictionary<string, object?> { ["current"] = o.Value is null ? null : dto(o.Value) });

    public static void MapInformationReportApi(RouteGroupBuilder g)
    {
        g.MapGet("/schools/{urn}/information-reports", async (string urn, UserContext user, InformationReportQueries q, CancellationToken ct) =>
        {
            var (s, denied) = Read(user, urn);
            if (denied is not null) return denied;
            return TypedResults.Ok((await q.YearsAsync(s!, ct)).Select(Dto).ToList());
        }).WithSummary("The school's SEN information reports, latest year first.");

        g.MapPost("/schools/{urn}/information-reports", async (string urn, HttpContext http, InformationReportCommands c) =>
        {
            StartReportInput? input = new(null);
            if (http.Request.ContentLength is > 0)
            {
                var (read, error) = await ApiJson.ReadAsync<StartReportInput>(http);
                if (error is not null) return error;
                input = read;
            }
            var o = await c.StartAsync(urn, input!.Year, http.RequestAborted);
            return ApiJson.ToResult(o, r => TypedResults.Created($"/api/v1/schools/{urn}/information-reports/{r.YearStart}", Dto(r)));
        }).WithSummary("Start the report for a school year (\"year\": 2026 for 2026/27; the current year when omitted), copying the latest earlier report's text.");

        g.MapGet("/schools/{urn}/information-reports/{year:int}", async (string urn, int year, UserContext user, InformationReportQueries q, CancellationToken ct) =>
        {
            var (s, denied) = Read(user, urn);
            if (denied is not null) return denied;
            var v = await q.ReportAsync(s!, year, ct);
            return v is null ? TypedResults.NotFound() : TypedResults.Ok(Dto(v));
        }).WithSummary("One year's report: status and every Schedule 1 section with its live facts, text and version.");

        g.MapPut("/schools/{urn}/information-reports/{year:int}/sections/{key}", async (string urn, int year, string key, HttpContext http, InformationReportCommands c) =>
        {
            var (input, error) = await ApiJson.ReadAsync<SectionInput>(http);
            if (error is not null) return error;
            var o = await c.SaveSectionAsync(urn, year, key, input!, http.RequestAborted);
            return o.Kind == OutcomeKind.Conflict ? Conflict(o, Dto) : ApiJson.ToResult(o, v => TypedResults.Ok(Dto(v)));
        }).WithSummary("Save one section's text: {\"text\", \"version\"}; 409 with the current section when someone saved it meanwhile.");

        g.MapPut("/schools/{urn}/information-reports/{year:int}/approval", async (string urn, int year, HttpContext http, InformationReportCommands c) =>
        {
            var (input, error) = await ApiJson.ReadAsync<ApprovalInput>(http);
            if (error is not null) return error;
            var o = await c.ApproveAsync(urn, year, input!, http.RequestAborted);
            return o.Kind == OutcomeKind.Conflict ? Conflict(o, Dto) : ApiJson.ToResult(o, r => TypedResults.Ok(Dto(r)));
        }).WithSummary("Record the governors' approval: {\"approvedOn\", \"approvedBy\", \"version\"}.");

        g.MapGet("/schools/{urn}/information-reports/{year:int}/report.docx", async (string urn, int year, UserContext user, InformationReportQueries q, CancellationToken ct) =>
        {
            var (s, denied) = Read(user, urn);
            if (denied is not null) return denied;
            var v = await q.ReportAsync(s!, year, ct);
            return v is null ? TypedResults.NotFound() : TypedResults.File(InformationReportDocument.Word(v), InformationReportDocument.WordContentType, InformationReportDocument.FileName(v, "docx"));
        }).WithSummary("The report as a Word document.");

        g.MapGet("/schools/{urn}/information-reports/{year:int}/report.html", async (string urn, int year, UserContext user, InformationReportQueries q, CancellationToken ct) =>
        {
            var (s, denied) = Read(user, urn);
            if (denied is not null) return denied;
            var v = await q.ReportAsync(s!, year, ct);
            return v is null ? TypedResults.NotFound() : TypedResults.File(Encoding.UTF8.GetBytes(InformationReportDocument.Html(v)), InformationReportDocument.HtmlContentType, InformationReportDocument.FileName(v, "html"));
        }).WithSummary("The report as one self-contained HTML page to publish on the school's website.");
    }
}
