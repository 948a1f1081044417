using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Senco.Data;
using Senco.Web.Features.Api;

namespace Senco.Web.Features.Account;

public sealed record TokenRequest(string? Email, string? Password, string? TwoFactorCode);

public static class AuthApi
{
    public static void MapAuthApi(this RouteGroupBuilder api)
    {
        api.MapPost("/auth/token", async (HttpContext http, UserManager<SencoUser> users, SignInManager<SencoUser> signIn, SencoDbContext db, UnknownAccountLockout unknown) =>
            {
                var (req, error) = await ApiJson.ReadAsync<TokenRequest>(http);
                if (error is not null) return error;
                var unauthorized = TypedResults.Problem(statusCode: 401, title: "The email address or password is not right.");
                if (string.IsNullOrWhiteSpace(req!.Email) || string.IsNullOrEmpty(req.Password)) return unauthorized;

                var locked = TypedResults.Problem(statusCode: 429, title: "Too many failed attempts. The account is locked for a while; try again later.");
                var user = await users.FindByEmailAsync(req.Email.Trim());
                if (user is null)
                {
                    // Spend the same effort as a real check, and lock out the same way, so that neither timing nor the
                    // lockout answer reveals which emails have accounts.
                    users.PasswordHasher.VerifyHashedPassword(new SencoUser(), DummyHash, req.Password);
                    return unknown.RecordFailure(req.Email) ? locked : unauthorized;
                }
                var check = await signIn.CheckPasswordSignInAsync(user, req.Password, lockoutOnFailure: true);
                if (check.IsLockedOut)
                {
                    db.Audit(new AuditActor(user.Id, user.Email ?? "", http.Connection.RemoteIpAddress?.ToString()), "auth.locked", "API sign-in refused: account locked");
                    await db.SaveChangesAsync();
                    return locked;
                }
                if (!check.Succeeded) return unauthorized;
                if (user.TwoFactorEnabled)
                {
                    var code = req.TwoFactorCode?.Replace(" ", "").Replace("-", "");
                    if (string.IsNullOrEmpty(code) ||
                        !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
                    {
                        return TypedResults.Problem(statusCode: 401, title: "A valid two-factor code is required for this account.",
                            extensions: new Dictionary<string, object?> { ["twoFactorRequired"] = true });
                    }
                }
                var principal = await signIn.CreateUserPrincipalAsync(user);
                return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
            })
            .AllowAnonymous()
            .RequireRateLimiting(Senco.Web.Features.Shared.RateLimits.SignIn)
            .Accepts<TokenRequest>("application/json")
            .Produces<AccessTokenResponse>()
            .ProducesProblem(401)
            .ProducesProblem(429)
            .WithTags("Authentication")
            .WithSummary("Exchange an email and password (and a two-factor code where the account has one) for a bearer token.");
    }

    private static readonly string DummyHash = new PasswordHasher<SencoUser>().HashPassword(new SencoUser(), "not-a-real-password-" + Guid.NewGuid());
}
