using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Senco.Core;
using Senco.Core.Access;
using Senco.Core.Model;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.Team;

/// Shared by the team pages: turning an outcome into the page's answer, field errors onto the right form, and
/// reading an uploaded file.
public abstract class TeamPageModel(TeamAccess access) : PageModel
{
    [TempData] public string? Notice { get; set; }
    public Pupil Pupil { get; protected set; } = null!;
    public SchoolGrant School { get; protected set; } = null!;
    public bool CanManage => School.Can(Permission.ManageTeam);
    protected TeamAccess Access => access;

    protected IActionResult? Deny(OutcomeKind kind) => kind switch
    {
        OutcomeKind.NotFound => NotFound(),
        OutcomeKind.Forbidden => StatusCode(StatusCodes.Status403Forbidden),
        _ => null,
    };

    /// Loads the pupil for a person allowed <paramref name="permission"/>; null when allowed.
    protected async Task<IActionResult?> LoadPupilAsync(Guid id, Permission permission, CancellationToken ct)
    {
        var found = await access.PupilAsync(id, permission, ct);
        if (Deny(found.Kind) is { } denied) return denied;
        Pupil = found.Value!;
        School = access.User.School(Pupil.SchoolId)!;
        ViewData["SchoolUrn"] = School.Urn;
        return null;
    }

    protected IActionResult? LoadSchool(string urn, Permission permission)
    {
        var school = access.User.School(urn);
        if (school is null) return NotFound();
        if (!school.Can(permission)) return StatusCode(StatusCodes.Status403Forbidden);
        School = school;
        ViewData["SchoolUrn"] = school.Urn;
        return null;
    }

    protected void AddErrors(ValidationErrors errors, string prefix) => FormErrors.AddTo(ModelState, errors, prefix);

    /// Errors of one form only: the other forms on the page bound nothing worth checking.
    protected void Only(string prefix)
    {
        foreach (var key in ModelState.Keys.Where(k => !k.StartsWith(prefix + ".", StringComparison.Ordinal) && k != prefix).ToList()) ModelState.Remove(key);
    }

    public static async Task<byte[]?> ReadAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null) return null;
        using var buffer = new MemoryStream();
        // Read one byte more than the largest limit a school may set, so "too large" is reported, not truncated.
        await using var s = file.OpenReadStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await s.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > 50L * 1024 * 1024) break;
        }
        return buffer.ToArray();
    }

    /// Uploads the posted file to a target; adds the error to "Upload" when it is refused. True when stored.
    protected async Task<bool> UploadAsync(TeamCommands commands, DocumentTarget target, IFormFile? file, string? description, CancellationToken ct)
    {
        Only("Upload");
        var data = await ReadAsync(file, ct);
        if (data is null || data.Length == 0)
        {
            ModelState.AddModelError("Upload", "Select a file to attach");
            return false;
        }
        var outcome = await commands.UploadAsync(target, file!.FileName, description, data, ct);
        if (outcome.Kind == OutcomeKind.Invalid)
        {
            foreach (var m in outcome.Errors!.For("file")) ModelState.AddModelError("Upload", m);
            return false;
        }
        if (!outcome.IsOk) throw new InvalidOperationException("Access was checked before the upload");
        Notice = $"{outcome.Value!.FileName} has been attached.";
        return true;
    }
}
