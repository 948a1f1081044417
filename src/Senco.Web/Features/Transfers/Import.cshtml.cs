using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Caching.Memory;
using Senco.Core.Access;
using Senco.Core.Exchange;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.Transfers;

/// Import a CTF in two steps: check (every problem listed by pupil and field; nothing written) and import. Between the
/// two the file is held in server memory for 30 minutes under a random key tied to this person and school, so it is
/// not uploaded twice and the import is exactly the file that was checked.
public sealed class ImportModel(UserContext user, CtfImporter importer, IMemoryCache cache) : SchoolPageModel(user)
{
    [BindProperty] public IFormFile? CtfFile { get; set; }
    [BindProperty] public string? Key { get; set; }
    public CtfPlan? Plan { get; private set; }
    public string? FileName { get; private set; }
    public CtfImportResult? Result { get; private set; }
    public IReadOnlyList<(string Field, string Message)> FileErrors { get; private set; } = [];

    private string CacheKey(string key) => $"ctf-import:{CurrentUser.UserId}:{School.SchoolId}:{key}";

    public IActionResult OnGet(string urn) => Authorise(urn, Permission.ExchangeData) ?? Page();

    public async Task<IActionResult> OnPostCheckAsync(string urn, CancellationToken ct)
    {
        if (Authorise(urn, Permission.ExchangeData) is { } denied) return denied;
        if (CtfFile is null || CtfFile.Length == 0)
        {
            ModelState.AddModelError(nameof(CtfFile), "Select a CTF file to check");
            return Page();
        }
        if (CtfFile.Length > CtfReader.MaxBytes)
        {
            ModelState.AddModelError(nameof(CtfFile), $"The file must be smaller than {CtfReader.MaxBytes / 1024 / 1024} MB");
            return Page();
        }
        using var buffer = new MemoryStream();
        await CtfFile.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        FileName = Path.GetFileName(CtfFile.FileName);
        var outcome = await importer.PlanAsync(urn, bytes, ct);
        if (outcome.Kind == OutcomeKind.Invalid)
        {
            FileErrors = outcome.Errors!.SelectMany(e => e.Value.Select(m => (e.Key, m))).ToList();
            ModelState.AddModelError(nameof(CtfFile), $"{FileName} cannot be imported: {outcome.Errors!.For("file").FirstOrDefault()}");
            return Page();
        }
        if (!outcome.IsOk) return StatusCode(outcome.Kind == OutcomeKind.NotFound ? 404 : 403);
        Plan = outcome.Value;
        Key = Guid.NewGuid().ToString("N");
        cache.Set(CacheKey(Key), (FileName, bytes), TimeSpan.FromMinutes(30));
        return Page();
    }

    public async Task<IActionResult> OnPostImportAsync(string urn, CancellationToken ct)
    {
        if (Authorise(urn, Permission.ExchangeData) is { } denied) return denied;
        if (Key is null || !cache.TryGetValue(CacheKey(Key), out (string Name, byte[] Bytes) held))
        {
            ModelState.AddModelError(nameof(CtfFile), "The checked file is no longer held (after 30 minutes it is discarded). Select it and check it again.");
            return Page();
        }
        var outcome = await importer.ImportAsync(urn, held.Bytes, ct);
        FileName = held.Name;
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                cache.Remove(CacheKey(Key));
                Result = outcome.Value;
                return Page();
            case OutcomeKind.Conflict:
                ModelState.AddModelError(nameof(CtfFile), outcome.Message!);
                return Page();
            case OutcomeKind.Invalid:
                FileErrors = outcome.Errors!.SelectMany(e => e.Value.Select(m => (e.Key, m))).ToList();
                ModelState.AddModelError(nameof(CtfFile), outcome.Errors!.For("file").FirstOrDefault() ?? "The file cannot be imported");
                return Page();
            default:
                return StatusCode(outcome.Kind == OutcomeKind.NotFound ? 404 : 403);
        }
    }
}
