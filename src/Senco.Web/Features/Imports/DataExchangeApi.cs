using Microsoft.AspNetCore.Mvc;
using Senco.Core.Exchange;
using Senco.Core.Model;
using Senco.Web.Features.Api;
using Senco.Web.Features.DataProtection;

namespace Senco.Web.Features.Imports;

public sealed record ImportProblemDto(int Row, string Field, string Message);
public sealed record ImportChangeDto(string Field, string Before, string After);
public sealed record ImportPupilDto(int Row, string Upn, string? Forename, string? Surname, IReadOnlyList<ImportChangeDto> Changes, DateOnly? LeavingOn);
public sealed record ImportNotInFileDto(Guid Id, string Upn, string Forename, string Surname);
public sealed record ImportPreviewDto(Guid Id, string Status, string SourceName, string FileName, bool FullRoll, IReadOnlyList<string> Headings,
    IReadOnlyDictionary<string, string> Mapping, IReadOnlyList<string> Notices, bool CanImport, int Rows, IReadOnlyList<ImportProblemDto> Problems,
    IReadOnlyList<ImportPupilDto> New, IReadOnlyList<ImportPupilDto> Updated, int Unchanged, IReadOnlyList<ImportPupilDto> Leaving, IReadOnlyList<ImportNotInFileDto> NotInFile);
public sealed record ImportStatusDto(Guid Id, string Status, int Rows, int? Done, int Created, int Updated, int Unchanged, int Left, string? Error);
public sealed record ImportMappingBody(Dictionary<string, string?>? Mapping);
public sealed record ImportStartBody(bool MarkMissingOffRoll);

public sealed record SubjectAccessDto(Guid Id, Guid PupilId, string Upn, DateOnly ReceivedOn, DateOnly DueOn, bool Extended, string Requester, string? Relationship,
    string Status, DateOnly? CompletedOn, int Version);
public sealed record SubjectAccessBody(string? Upn, DateOnly? ReceivedOn, string? Requester, string? Relationship, string? Notes);

/// Data exchange endpoints beyond the contract: the MIS roll import (upload, map, preview, start, follow) and the
/// subject access log with its export.
public static class DataExchangeApi
{
    public static void MapDataExchangeApi(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/schools/{urn}").WithTags("Data exchange");

        // The file is the body: text/csv or the XLSX type. ?source=SIMS&fullRoll=true&fileName=roll.csv
        g.MapPost("/imports/pupils", async (string urn, string? source, bool? fullRoll, string? fileName, HttpRequest request, PupilImportCommands imports, CancellationToken ct) =>
        {
            using var ms = new MemoryStream();
            var limit = RollFileReader.MaxBytes + 1;
            var buffer = new byte[81920];
            int read;
            while ((read = await request.Body.ReadAsync(buffer, ct)) > 0)
            {
                ms.Write(buffer, 0, read);
                if (ms.Length > limit) return ApiJson.Invalid("file", $"The file is larger than {RollFileReader.MaxBytes / 1024 / 1024} MB");
            }
            var outcome = await imports.UploadAsync(urn, fileName ?? "upload", ms.ToArray(), source, fullRoll ?? false, ct);
            if (!outcome.IsOk) return ApiJson.ToResult(outcome, _ => TypedResults.Ok());
            var preview = await imports.PreviewAsync(urn, outcome.Value!.Id, ct);
            return TypedResults.Created($"/api/v1/schools/{urn}/imports/pupils/{outcome.Value.Id}", ToDto(preview.Value!));
        }).Accepts<byte[]>("text/csv", RegisterApiXlsx).Produces<ImportPreviewDto>(201).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404)
          .WithSummary("Upload a roll file (CSV or XLSX) exported by the school's MIS; answers the guessed mapping and the preview.");

        g.MapGet("/imports/pupils/{id:guid}/preview", async (string urn, Guid id, PupilImportCommands imports, CancellationToken ct) =>
            ApiJson.ToResult(await imports.PreviewAsync(urn, id, ct), p => TypedResults.Ok(ToDto(p))))
            .Produces<ImportPreviewDto>().WithSummary("Every problem by row and field, and what importing would do.");

        g.MapPut("/imports/pupils/{id:guid}/mapping", async (string urn, Guid id, HttpContext http, PupilImportCommands imports, CancellationToken ct) =>
        {
            var (body, error) = await ApiJson.ReadAsync<ImportMappingBody>(http);
            if (error is not null) return error;
            return ApiJson.ToResult(await imports.SaveMappingAsync(urn, id, body!.Mapping ?? [], ct), p => TypedResults.Ok(ToDto(p)));
        }).Produces<ImportPreviewDto>().ProducesValidationProblem().WithSummary("Set which heading holds each field (field key → heading); remembered for the school and source.");

        g.MapPost("/imports/pupils/{id:guid}/start", async (string urn, Guid id, HttpContext http, PupilImportCommands imports, CancellationToken ct) =>
        {
            var body = http.Request.ContentLength is > 0 ? (await ApiJson.ReadAsync<ImportStartBody>(http)) : (new ImportStartBody(false), null);
            if (body.Item2 is not null) return body.Item2;
            return ApiJson.ToResult(await imports.StartAsync(urn, id, body.Item1!.MarkMissingOffRoll, ct),
                p => TypedResults.Accepted($"/api/v1/schools/{urn}/imports/pupils/{id}", new ImportStatusDto(id, PupilImportStatus.Queued.ToString(), p.Plan.RowCount, 0, 0, 0, 0, 0, null)));
        }).Produces<ImportStatusDto>(202).ProducesValidationProblem().ProducesProblem(409)
          .WithSummary("Start the import in the background (refused while the file has problems); one transaction, nothing written if it fails.");

        g.MapGet("/imports/pupils/{id:guid}", async (string urn, Guid id, PupilImportCommands imports, ImportProgress progress, CancellationToken ct) =>
            ApiJson.ToResult(await imports.FindAsync(urn, id, ct: ct), i => TypedResults.Ok(new ImportStatusDto(i.Id, i.Status.ToString(), i.RowCount,
                progress.Get(i.Id)?.Done, i.CreatedCount, i.UpdatedCount, i.UnchangedCount, i.LeftCount, i.Error))))
            .Produces<ImportStatusDto>().WithSummary("How an import is going, and its result.");

        g.MapGet("/subject-access-requests", async (string urn, SubjectAccessCommands sar, CancellationToken ct) =>
            ApiJson.ToResult(await sar.ListAsync(urn, ct), rows => TypedResults.Ok(new { items = rows.Select(ToDto).ToList() })))
            .WithSummary("Subject access requests with their due dates (one month from receipt; three if extended).");

        g.MapPost("/subject-access-requests", async (string urn, HttpContext http, SubjectAccessCommands sar, CancellationToken ct) =>
        {
            var (body, error) = await ApiJson.ReadAsync<SubjectAccessBody>(http);
            if (error is not null) return error;
            var outcome = await sar.CreateAsync(urn, null, body!.Upn, new SubjectAccessInput(body.ReceivedOn, body.Requester, body.Relationship, body.Notes), ct);
            if (!outcome.IsOk) return ApiJson.ToResult(outcome, _ => TypedResults.Ok());
            var row = (await sar.FindAsync(urn, outcome.Value!.Id, ct)).Value!;
            return TypedResults.Created($"/api/v1/schools/{urn}/subject-access-requests/{row.Request.Id}", ToDto(row));
        }).Produces<SubjectAccessDto>(201).ProducesValidationProblem().WithSummary("Log a subject access request about a pupil (by UPN).");

        g.MapGet("/subject-access-requests/{id:guid}/export.zip", async (string urn, Guid id, SubjectAccessCommands sar, CancellationToken ct) =>
            ApiJson.ToResult(await sar.ExportAsync(urn, id, ct), e => TypedResults.File(e.Zip, "application/zip", e.FileName)))
            .Produces(200, contentType: "application/zip").ProducesProblem(403).ProducesProblem(404)
            .WithSummary("Everything held about the request's pupil as a ZIP with an index (the SENCO only; audited).");
    }

    private const string RegisterApiXlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static SubjectAccessDto ToDto(SubjectAccessRow r) => new(r.Request.Id, r.Request.PupilId, r.Upn, r.Request.ReceivedOn, r.Request.DueOn, r.Request.Extended,
        r.Request.Requester, r.Request.Relationship, r.Request.Status.ToString(), r.Request.CompletedOn, r.Request.Version);

    public static ImportPreviewDto ToDto(ImportPreview p)
    {
        static ImportPupilDto Pupil(PlannedPupil x) => new(x.Row, x.Values.Upn, x.Existing?.Forename ?? x.Values.Forename, x.Existing?.Surname ?? x.Values.Surname,
            x.Changes.Select(c => new ImportChangeDto(ImportFields.Key(c.Field), c.Before, c.After)).ToList(), x.Leaves ? x.Values.LeavingOn : null);
        return new ImportPreviewDto(p.Import.Id, p.Import.Status.ToString(), p.Import.SourceName, p.Import.FileName, p.Import.FullRoll, p.File.Headings,
            p.Mapping.Columns.ToDictionary(c => ImportFields.Key(c.Key), c => c.Value), p.File.Notices, p.Plan.CanImport, p.Plan.RowCount,
            p.Plan.Problems.Select(x => new ImportProblemDto(x.Row, x.Field, x.Message)).ToList(),
            p.Plan.New.Select(Pupil).ToList(), p.Plan.Updated.Select(Pupil).ToList(), p.Plan.Unchanged, p.Plan.Leaving.Select(Pupil).ToList(),
            p.Plan.NotInFile.Select(x => new ImportNotInFileDto(x.Id, x.Upn, x.Forename, x.Surname)).ToList());
    }
}
