using Microsoft.AspNetCore.Identity;
using Senco.Core.Security;
using Senco.Data;

namespace Senco.Web.Features.Account;

/// Refuses passwords found in breaches (an offline list, <see cref="BreachedPasswords"/>) and those the common-password
/// rules judge predictable (length is Identity's RequiredLength). The message says why and what works instead, without
/// composition rules.
public sealed class CommonPasswordValidator : IPasswordValidator<SencoUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<SencoUser> manager, SencoUser user, string? password)
    {
        if (password is null) return Task.FromResult(IdentityResult.Success);
        // The pattern rules first (their message explains the pattern); then the breached list for what they let through.
        if (CommonPasswords.IsCommon(password, user.Email, user.DisplayName))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = "CommonPassword",
                Description = "This password is too easy to guess: it is a common word or pattern with numbers or symbols added, or contains your name or email. " +
                              "Try three or four unrelated words, like “violet kettle marches north”.",
            }));
        }
        if (BreachedPasswords.Contains(password))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = "BreachedPassword",
                Description = "This password appears in lists of passwords stolen in data breaches, so attackers try it early. " +
                              "Choose one you have not used anywhere else: three or four unrelated words, like “violet kettle marches north”.",
            }));
        }
        return Task.FromResult(IdentityResult.Success);
    }
}
