using Microsoft.AspNetCore.Mvc;
using Senco.Core.Access;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.Ehc;

/// A person's calendar feed of statutory EHC dates: create (or replace) the secret address, or turn it off.
public sealed class CalendarSettingsModel(UserContext user, CalendarFeed feed) : EhcPageModel
{
    public bool HasFeed { get; private set; }
    public string? NewAddress { get; private set; }
    public IReadOnlyList<SchoolGrant> Schools => user.Schools.Where(s => s.Can(Permission.ViewEhc)).ToList();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!user.IsAuthenticated) return Challenge();
        HasFeed = await feed.HasTokenAsync(user.UserId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (!user.IsAuthenticated) return Challenge();
        var token = await feed.CreateOrRotateAsync(user.UserId, user.Actor, ct);
        // Shown once, on this response only: it is not stored anywhere it could be read back.
        NewAddress = $"{Request.Scheme}://{Request.Host}/calendar/{token}.ics";
        HasFeed = true;
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(CancellationToken ct)
    {
        if (!user.IsAuthenticated) return Challenge();
        await feed.RevokeAsync(user.UserId, user.Actor, ct);
        Notice = "Your calendar feed is off. The old address no longer works.";
        return RedirectToPage();
    }
}
