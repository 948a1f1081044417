using Microsoft.AspNetCore.Mvc;
using Senco.Core.Exchange;
using Senco.Web.Features.Api;
using Senco.Web.Features.Census;

namespace Senco.Web.Features.Transfers;

public sealed record CtfImportResponse(int Created, int Updated, int Unchanged, IReadOnlyList<CtfRejection> Rejected);

public sealed record CensusNeedDto(string Type, int Rank);

public sealed record CensusItemDto(string Upn, string SenProvision, IReadOnlyList<CensusNeedDto> Needs, bool SenUnitIndicator, bool ResourcedProvisionIndicator);

public sealed record CensusResponse(DateOnly CensusDate, string Term, IReadOnlyList<CensusItemDto> Items);

public static class ExchangeApi
{
    public static void MapExchangeApi(RouteGroupBuilder api)
    {
        var g = api.MapGroup("").WithTags("Data exchange");

        g.MapPost("/schools/{urn}/imports/ctf", async (string urn, HttpContext http, CtfImporter importer) =>
        {
            var (bytes, error) = await ReadBodyAsync(http);
            if (error is not null) return error;
            var outcome = await importer.ImportAsync(urn, bytes!, http.RequestAborted);
            return ApiJson.ToResult(outcome, r => TypedResults.Ok(new CtfImportResponse(r.Created, r.Updated, r.Unchanged, r.Rejected)));
        }).Accepts<string>("application/xml").Produces<CtfImportResponse>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409)
          .WithSummary("Import a Common Transfer File (CTF 25.0 or 24.0). Pupils matched by UPN; a file that is not a readable CTF answers 400 and nothing is written.");

        g.MapGet("/schools/{urn}/exports/ctf", async (string urn, [FromQuery(Name = "upn")] string[]? upn, string? destLa, string? destEstab, string? destName,
            CtfExporter exporter, CancellationToken ct) =>
        {
            var outcome = await exporter.ExportAsync(urn, upn ?? [], destLa, destEstab, destName, ct: ct);
            return ApiJson.ToResult(outcome, f => TypedResults.File(f.Content, CtfExporter.ContentType, f.FileName));
        }).Produces(200, contentType: "application/xml").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404)
          .WithSummary("A CTF of the current version for the named pupils (repeat upn), with their SEN history, to destLa/destEstab (XXX/XXXX unknown, MMM/MMMM outside the maintained sector).");

        g.MapPost("/transfers/{id:guid}/pack", async (Guid id, HttpContext http, TransferPackBuilder packs) =>
        {
            var outcome = await packs.PrepareAsync(id, http.RequestAborted);
            if (!outcome.IsOk) return ApiJson.ToResult(outcome, _ => TypedResults.Ok());
            return new StreamedPack(packs, outcome.Value!);
        }).Produces(200, contentType: TransferPackBuilder.ContentType).ProducesProblem(403).ProducesProblem(404)
          .WithSummary("Make a leaver's transfer pack: a ZIP, streamed, of the CTF, the SEN file Senco makes, the uploaded documents and agency reports the caller may see, and an index (00-index.txt) of every file with its type and source and of what was left out and why. Restricted notes never go in. Recorded on the transfer and audited.");

        g.MapGet("/schools/{urn}/census/sen", async (string urn, CensusQuery census, CancellationToken ct) =>
        {
            var outcome = await census.RunAsync(urn, ct);
            return ApiJson.ToResult(outcome, r => TypedResults.Ok(new CensusResponse(r.Day.Date, r.Day.Term.ToString(),
                r.Rows.Select(x => new CensusItemDto(x.Upn, x.Items.Provision, x.Items.Needs.Select(n => new CensusNeedDto(n.Type, n.Rank)).ToList(),
                    x.Items.SenUnitIndicator, x.Items.ResourcedProvisionIndicator)).ToList())));
        }).Produces<CensusResponse>().ProducesProblem(403).ProducesProblem(404)
          .WithSummary("The school census SEN items of every pupil on roll: provision, ranked needs (K and E), unit and resourced-provision indicators.");
    }

    /// Reads the body up to the CTF size limit; larger is a 400 naming the file, before any of it is parsed.
    public static async Task<(byte[]? Bytes, IResult? Error)> ReadBodyAsync(HttpContext http)
    {
        var limit = CtfReader.MaxBytes;
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
        {
            buffer.Write(chunk, 0, n);
            if (buffer.Length > limit)
                return (null, ApiJson.Invalid("file", $"The file is larger than {limit / 1024 / 1024} MB, the most Senco reads for a CTF. Check it is a CTF and not another file."));
        }
        return (buffer.ToArray(), null);
    }
}

/// The transfer pack written straight to the response (see <see cref="TransferPackBuilder.WriteAsync"/>).
internal sealed class StreamedPack(TransferPackBuilder builder, TransferPack pack) : IResult
{
    public Task ExecuteAsync(HttpContext http) => TransferPackBuilder.StreamAsync(builder, pack, http, http.RequestAborted);
}

public static class ExchangeServices
{
    public static IServiceCollection AddSencoExchange(this IServiceCollection services)
    {
        services.AddScoped<CtfImporter>();
        services.AddScoped<CtfExporter>();
        services.AddScoped<CensusQuery>();
        services.AddScoped<TransferCommands>();
        services.AddScoped<TransferPackBuilder>();
        return services;
    }
}
