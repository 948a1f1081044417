using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Senco.Web.Features.Shared;

/// Settings under Senco:RateLimits. 0 turns a limit off (a benchmark on loopback, say).
public sealed class RateLimitOptions
{
    /// Sign-in attempts (password, two-factor code, token, single sign-on start) per client address per minute. Account
    /// lockout stops guessing one account's password; this stops one address trying many accounts. A whole school may sit
    /// behind one address at 8.30 am, so the default is generous.
    public int SignInPerMinute { get; set; } = 60;
    /// API requests per signed-in person (or per address before sign-in) per minute.
    public int ApiPerMinute { get; set; } = 1200;
}

/// Rate limits on sign-in and on the API (ASVS 2.2.1, 13.2.6/11.1.4): fixed one-minute windows per partition, answered
/// with 429 and Retry-After.
public static class RateLimits
{
    public const string SignIn = "sign-in";

    public static IServiceCollection AddSencoRateLimits(this IServiceCollection services, IConfiguration config)
    {
        var options = config.GetSection("Senco:RateLimits").Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (ctx, ct) =>
            {
                ctx.HttpContext.Response.Headers.RetryAfter = "60";
                if (ctx.HttpContext.Request.Path.StartsWithSegments("/api"))
                {
                    await Results.Problem(statusCode: 429, title: "Too many requests. Wait a minute, then try again.").ExecuteAsync(ctx.HttpContext);
                }
            };
            // Only attempts count (POST); reading the sign-in page does not.
            o.AddPolicy(SignIn, http => options.SignInPerMinute <= 0 || HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
                ? RateLimitPartition.GetNoLimiter("read")
                : RateLimitPartition.GetFixedWindowLimiter("ip:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = options.SignInPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                if (options.ApiPerMinute <= 0 || !http.Request.Path.StartsWithSegments("/api")) return RateLimitPartition.GetNoLimiter("none");
                var who = http.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } id ? "user:" + id : "ip:" + http.Connection.RemoteIpAddress;
                return RateLimitPartition.GetFixedWindowLimiter(who,
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = options.ApiPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
        });
        return services;
    }
}
