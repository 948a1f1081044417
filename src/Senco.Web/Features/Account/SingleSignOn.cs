using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Senco.Web.Features.Account;

public enum SsoKind { Entra, Google, Oidc }

/// One identity provider under Senco:Sso:Providers:N. Schools sign in with Microsoft 365 (Entra ID) or Google Workspace;
/// any other OpenID Connect provider works with Kind=Oidc and its Authority.
public sealed class SsoProviderOptions
{
    /// Short name used in addresses (/signin-oidc-{Name}); letters and digits.
    public string Name { get; set; } = "";
    /// What the button says: "Sign in with {DisplayName}".
    public string DisplayName { get; set; } = "";
    public SsoKind Kind { get; set; } = SsoKind.Oidc;
    /// Entra ID: the school's or trust's directory (tenant) id. Required for Entra, so only that directory's accounts
    /// are accepted (never "common").
    public string? TenantId { get; set; }
    /// The issuer, for Kind=Oidc (Entra and Google have theirs built in).
    public string? Authority { get; set; }
    public string ClientId { get; set; } = "";
    public string? ClientSecret { get; set; }
    /// Email domains this provider may vouch for (e.g. millbrook.sch.uk). Empty: any, which only suits a single-tenant
    /// Entra directory.
    public string[] AllowedDomains { get; set; } = [];
    /// Off only for a test identity provider on loopback.
    public bool RequireHttpsMetadata { get; set; } = true;

    public string Scheme => "sso-" + Name;

    public string? ResolvedAuthority => Kind switch
    {
        SsoKind.Entra => string.IsNullOrWhiteSpace(TenantId) ? null : $"https://login.microsoftonline.com/{TenantId}/v2.0",
        SsoKind.Google => "https://accounts.google.com",
        _ => Authority,
    };
}

public sealed class SsoOptions
{
    public List<SsoProviderOptions> Providers { get; set; } = [];
}

/// Single sign-on with OpenID Connect (authorisation code flow with PKCE). The identity provider proves who the person
/// is; Senco decides what they may see: the verified email is matched to an existing Senco account (nobody gets an
/// account by signing in), and Senco's own lockout and two-factor still apply.
public static class SingleSignOn
{
    public static AuthenticationBuilder AddSencoSingleSignOn(this AuthenticationBuilder auth, IServiceCollection services, IConfiguration config)
    {
        var options = config.GetSection("Senco:Sso").Get<SsoOptions>() ?? new SsoOptions();
        var valid = new List<SsoProviderOptions>();
        foreach (var p in options.Providers)
        {
            if (string.IsNullOrWhiteSpace(p.Name) || !p.Name.All(char.IsAsciiLetterOrDigit))
                throw new InvalidOperationException($"Senco:Sso:Providers: \"{p.Name}\" is not a valid name (letters and digits only).");
            if (p.ResolvedAuthority is null)
                throw new InvalidOperationException($"Senco:Sso provider {p.Name}: {(p.Kind == SsoKind.Entra ? "TenantId" : "Authority")} is required.");
            if (string.IsNullOrWhiteSpace(p.ClientId))
                throw new InvalidOperationException($"Senco:Sso provider {p.Name}: ClientId is required.");
            if (string.IsNullOrWhiteSpace(p.DisplayName)) p.DisplayName = p.Kind switch { SsoKind.Entra => "Microsoft", SsoKind.Google => "Google", _ => p.Name };
            valid.Add(p);
            auth.AddOpenIdConnect(p.Scheme, p.DisplayName, o =>
            {
                o.SignInScheme = IdentityConstants.ExternalScheme;
                o.Authority = p.ResolvedAuthority;
                o.ClientId = p.ClientId;
                o.ClientSecret = p.ClientSecret;
                o.RequireHttpsMetadata = p.RequireHttpsMetadata;
                o.ResponseType = OpenIdConnectResponseType.Code;
                o.ResponseMode = OpenIdConnectResponseMode.Query;
                o.UsePkce = true;
                o.CallbackPath = "/signin-oidc-" + p.Name;
                o.Scope.Clear();
                foreach (var s in new[] { "openid", "email", "profile" }) o.Scope.Add(s);
                o.MapInboundClaims = false;
                o.SaveTokens = false;
                o.GetClaimsFromUserInfoEndpoint = false;
                // The return from the provider is a top-level GET, so Lax cookies are sent back; they also work on a
                // developer's http://localhost, where SameSite=None would need Secure.
                o.CorrelationCookie.SameSite = SameSiteMode.Lax;
                o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.NonceCookie.SameSite = SameSiteMode.Lax;
                o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.Events.OnRemoteFailure = ctx =>
                {
                    ctx.HandleResponse();
                    ctx.Response.Redirect("/account/sign-in?sso=failed");
                    return Task.CompletedTask;
                };
            });
        }
        services.AddSingleton(new SsoOptions { Providers = valid });
        return auth;
    }

    /// The email the provider vouches for, or why there is none. Google says whether it verified the address; Entra ID
    /// accounts in a single directory are the directory's own (email, else preferred_username / upn).
    public static (string? Email, string? Problem) VerifiedEmail(SsoProviderOptions p, System.Security.Claims.ClaimsPrincipal principal)
    {
        string? Claim(string type) => principal.FindFirst(type)?.Value;
        var email = p.Kind == SsoKind.Entra ? Claim("email") ?? Claim("preferred_username") ?? Claim("upn") : Claim("email");
        if (string.IsNullOrWhiteSpace(email) || !email.Contains('@')) return (null, $"{p.DisplayName} did not tell Senco your email address.");
        if (p.Kind != SsoKind.Entra && !string.Equals(Claim("email_verified"), "true", StringComparison.OrdinalIgnoreCase))
            return (null, $"{p.DisplayName} has not verified the email address {email}.");
        var domain = email[(email.LastIndexOf('@') + 1)..];
        if (p.AllowedDomains.Length > 0 && !p.AllowedDomains.Any(d => string.Equals(d, domain, StringComparison.OrdinalIgnoreCase)))
            return (null, $"Senco does not accept {p.DisplayName} sign-ins for {domain} addresses.");
        return (email.Trim(), null);
    }
}
