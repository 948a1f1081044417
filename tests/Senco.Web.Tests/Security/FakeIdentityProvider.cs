using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Senco.Web.Tests.Security;

/// A small but real OpenID Connect provider on loopback (discovery, JWKS, authorisation code with PKCE, RS256-signed ID
/// tokens), standing in for Entra ID or Google so the whole sign-in protocol runs over HTTP in the tests.
public sealed class FakeIdentityProvider : IAsyncDisposable
{
    public sealed record Person(string Subject, string Email, bool EmailVerified = true);
    private sealed record Pending(string ClientId, string RedirectUri, string? Nonce, string Challenge, Person Who, string? Prompt);

    private readonly WebApplication _app;
    private readonly RSA _rsa = RSA.Create(2048);
    private readonly ConcurrentDictionary<string, Pending> _codes = new();
    public Person? NextSignIn { get; set; }
    public List<string?> Prompts { get; } = [];
    public string Issuer { get; private set; } = "";

    private FakeIdentityProvider(WebApplication app) => _app = app;

    public static async Task<FakeIdentityProvider> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var idp = new FakeIdentityProvider(app);
        var key = new RsaSecurityKey(idp._rsa) { KeyId = "test-key" };

        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = idp.Issuer,
            ["authorization_endpoint"] = idp.Issuer + "/authorize",
            ["token_endpoint"] = idp.Issuer + "/token",
            ["jwks_uri"] = idp.Issuer + "/jwks",
            ["response_types_supported"] = new[] { "code" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["code_challenge_methods_supported"] = new[] { "S256" },
        }));
        app.MapGet("/jwks", () =>
        {
            var p = idp._rsa.ExportParameters(false);
            return Results.Json(new { keys = new[] { new { kty = "RSA", use = "sig", alg = "RS256", kid = key.KeyId, n = Base64UrlEncoder.Encode(p.Modulus), e = Base64UrlEncoder.Encode(p.Exponent) } } });
        });
        app.MapGet("/authorize", (HttpRequest r) =>
        {
            var q = r.Query;
            var who = idp.NextSignIn ?? throw new InvalidOperationException("the test did not say who signs in");
            idp.Prompts.Add(q["prompt"]);
            if (q["code_challenge_method"] != "S256") return Results.BadRequest("PKCE S256 required");
            var code = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            idp._codes[code] = new Pending(q["client_id"]!, q["redirect_uri"]!, q["nonce"], q["code_challenge"]!, who, q["prompt"]);
            var sep = q["redirect_uri"].ToString().Contains('?') ? "&" : "?";
            return Results.Redirect($"{q["redirect_uri"]}{sep}code={code}&state={Uri.EscapeDataString(q["state"]!)}");
        });
        app.MapPost("/token", async (HttpRequest r) =>
        {
            var f = await r.ReadFormAsync();
            if (!idp._codes.TryRemove(f["code"].ToString(), out var pending)) return Results.Json(new { error = "invalid_grant" }, statusCode: 400);
            var verifier = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(f["code_verifier"].ToString())));
            if (verifier != pending.Challenge || f["redirect_uri"] != pending.RedirectUri) return Results.Json(new { error = "invalid_grant" }, statusCode: 400);
            var now = DateTime.UtcNow;
            var claims = new Dictionary<string, object>
            {
                ["sub"] = pending.Who.Subject, ["email"] = pending.Who.Email, ["email_verified"] = pending.Who.EmailVerified,
                ["auth_time"] = new DateTimeOffset(now).ToUnixTimeSeconds(),
            };
            if (pending.Nonce is not null) claims["nonce"] = pending.Nonce;
            var idToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
            {
                Issuer = idp.Issuer, Audience = pending.ClientId, Claims = claims, IssuedAt = now, NotBefore = now, Expires = now.AddMinutes(5),
                SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
            });
            return Results.Json(new { access_token = "opaque", token_type = "Bearer", expires_in = 300, id_token = idToken });
        });

        await app.StartAsync();
        idp.Issuer = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return idp;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _rsa.Dispose();
    }
}
