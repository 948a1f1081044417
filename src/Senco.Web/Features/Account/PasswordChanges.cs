using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Senco.Data;
using Senco.Web.Features.Admin;

namespace Senco.Web.Features.Account;

/// <summary>
/// A person setting their own password, from "Your account", the "choose your password" page after an administrator's
/// reset, or the API. The same rules everywhere: the new one must differ from the old, pass the length, breached and
/// common-password checks; then every other session and API token stops working (a new security stamp, ASVS 3.3.3),
/// the change is audited and the person is emailed (ASVS 2.2.3).
/// </summary>
public sealed class PasswordChanges(UserManager<SencoUser> users, SencoDbContext db, AccountNotices notices)
{
    public sealed record Problem(string Field, string Message);

    /// <paramref name="current"/>: checked when given (changing a permanent password); null when the person has just
    /// signed in with a temporary one. <paramref name="keepSession"/>: the browser session that stays signed in.
    public async Task<IReadOnlyList<Problem>> SetOwnAsync(SencoUser user, string? current, string? newPassword, AuditActor actor, string? keepSession,
        string newField = "newPassword", string currentField = "currentPassword")
    {
        var problems = new List<Problem>();
        var wasTemporary = user.TemporaryPasswordExpiresAt is not null;
        if (current is not null && !await users.CheckPasswordAsync(user, current)) problems.Add(new(currentField, "Your current password is not right"));
        if (string.IsNullOrEmpty(newPassword)) problems.Add(new(newField, "Enter a new password"));
        if (problems.Count > 0) return problems;
        if (await users.CheckPasswordAsync(user, newPassword!))
            return [new(newField, wasTemporary ? "Choose a password of your own, not the temporary one you were given" : "Your new password must be different from your current one")];

        var expires = user.TemporaryPasswordExpiresAt;
        user.TemporaryPasswordExpiresAt = null;
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, newPassword!);
        if (!result.Succeeded)
        {
            user.TemporaryPasswordExpiresAt = expires; // nothing of the attempt may be saved later
            return result.Errors.Select(e => new Problem(newField, AdminCommands.PasswordMessage(e))).ToList();
        }
        // The new security stamp already refuses every other cookie and token; the rows go too, so the list is true.
        await UserSessions.EndOthersAsync(db, user.Id, keepSession);
        var action = wasTemporary ? "auth.password.chosen" : "auth.password.changed";
        db.Audit(actor, action, wasTemporary ? "Chose own password in place of a temporary one" : "Changed own password");
        notices.Queue(user, action, "your password was changed", "Your password was changed");
        await db.SaveChangesAsync();
        return [];
    }
}
