using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Senco.Data;
using Senco.Web.Features.Api;

namespace Senco.Web.Features.Account;

public sealed record TokenRequest(string? Email, string? Password, string? TwoFactorCode);
public sealed record PasswordChangeRequest(string? Email, string? CurrentPassword, string? NewPassword, string? TwoFactorCode);

public static class AuthApi
{
    public static void MapAuthApi(this RouteGroupBuilder api)
    {
        api.MapPost("/auth/token", async (HttpContext http, UserManager<SencoUser> users, SignInManager<SencoUser> signIn, SencoDbContext db, UnknownAccountLockout unknown, DecoyPasswordHash decoy, TimeProvider clock) =>
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
                    decoy.Verify(req.Password);
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
                if (user.TemporaryPasswordExpiresAt is not null) return TemporaryPasswordProblem(user, clock);
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
                // The token is a session like a browser's: listed on "Your account", ended from there or by a password
                // change, and refused at once when ended (UserContextMiddleware checks the row on every request).
                var session = await UserSessions.StartTokenAsync(http, db, user.Id, user.TwoFactorEnabled);
                ((System.Security.Claims.ClaimsIdentity)principal.Identity!).AddClaim(new System.Security.Claims.Claim(UserSessions.TokenClaim, session));
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

        api.MapPost("/auth/password", async (HttpContext http, UserManager<SencoUser> users, SignInManager<SencoUser> signIn, SencoDbContext db,
                UnknownAccountLockout unknown, DecoyPasswordHash decoy, PasswordChanges changes, TimeProvider clock) =>
            {
                var (req, error) = await ApiJson.ReadAsync<PasswordChangeRequest>(http);
                if (error is not null) return error;
                var unauthorized = TypedResults.Problem(statusCode: 401, title: "The email address or password is not right.");
                if (string.IsNullOrWhiteSpace(req!.Email) || string.IsNullOrEmpty(req.CurrentPassword)) return unauthorized;
                var locked = TypedResults.Problem(statusCode: 429, title: "Too many failed attempts. The account is locked for a while; try again later.");
                var user = await users.FindByEmailAsync(req.Email.Trim());
                if (user is null)
                {
                    decoy.Verify(req.CurrentPassword);
                    return unknown.RecordFailure(req.Email) ? locked : unauthorized;
                }
                var actor = new AuditActor(user.Id, user.Email ?? "", http.Connection.RemoteIpAddress?.ToString());
                var check = await signIn.CheckPasswordSignInAsync(user, req.CurrentPassword, lockoutOnFailure: true);
                if (check.IsLockedOut)
                {
                    db.Audit(actor, "auth.locked", "API password change refused: account locked");
                    await db.SaveChangesAsync();
                    return locked;
                }
                if (!check.Succeeded) return unauthorized;
                if (TemporaryPasswords.HasExpired(user.TemporaryPasswordExpiresAt, clock)) return TemporaryPasswordProblem(user, clock);
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
                // The current password was checked above, with lockout; it is not checked twice.
                var problems = await changes.SetOwnAsync(user, null, req.NewPassword, actor, keepSession: null);
                if (problems.Count > 0)
                    return TypedResults.ValidationProblem(problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()),
                        title: "The new password was not accepted.");
                return Results.NoContent();
            })
            .AllowAnonymous()
            .RequireRateLimiting(Senco.Web.Features.Shared.RateLimits.SignIn)
            .Accepts<PasswordChangeRequest>("application/json")
            .Produces(204)
            .ProducesValidationProblem()
            .ProducesProblem(401)
            .ProducesProblem(403)
            .ProducesProblem(429)
            .WithTags("Authentication")
            .WithSummary("Set your own password, giving the current one (and a two-factor code where the account has one). " +
                         "Needed once after an administrator sets or resets a password, which is temporary. Every other session and token stops working.");
    }

    private static IResult TemporaryPasswordProblem(SencoUser user, TimeProvider clock) =>
        TemporaryPasswords.HasExpired(user.TemporaryPasswordExpiresAt, clock)
            ? TypedResults.Problem(statusCode: 403, title: TemporaryPasswords.ExpiredMessage, extensions: new Dictionary<string, object?> { ["temporaryPasswordExpired"] = true })
            : TypedResults.Problem(statusCode: 403,
                title: "This is a temporary password from your Senco administrator. Choose your own first, with POST /api/v1/auth/password or by signing in to Senco.",
                extensions: new Dictionary<string, object?> { ["passwordChangeRequired"] = true });
}
