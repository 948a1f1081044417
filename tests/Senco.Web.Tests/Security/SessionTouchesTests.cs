using System.Net;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Senco.Core.Access;
using Senco.Web.Features.Account;
using Senco.Web.Tests.Infrastructure;

namespace Senco.Web.Tests.Security;

/// A session's "last seen" is written at most once a minute, by one request: many requests of the same session arriving
/// together (a program sending them in parallel) must not all queue to write it.
public sealed class SessionTouchesTests(TestWorld world) : IClassFixture<TestWorld>
{
    [Fact]
    public async Task Of_many_requests_at_once_one_claims_the_write_and_the_next_claim_comes_a_minute_later()
    {
        var touches = new SessionTouches();
        var now = new DateTime(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);
        var claims = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(() => touches.Claim("session-a", now))));
        Assert.Equal(1, claims.Count(c => c));
        // Another session is counted on its own.
        Assert.True(touches.Claim("session-b", now));
        Assert.False(touches.Claim("session-a", now.AddSeconds(59)));
        var later = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(() => touches.Claim("session-a", now.AddSeconds(61)))));
        Assert.Equal(1, later.Count(c => c));
    }

    [Fact]
    public async Task A_token_used_by_many_requests_at_once_is_still_marked_as_seen_once_the_minute_is_up()
    {
        var clock = new MovableClock();
        await using var app = world.Factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        using var api = app.CreateClient();
        var senco = world.User(SchoolRole.Senco, "A");
        var token = await api.PostJson("/api/v1/auth/token", new { email = senco.Email, password = TestWorld.Password }).ExpectJson(HttpStatusCode.OK);
        api.DefaultRequestHeaders.Authorization = new("Bearer", token["accessToken"]!.GetValue<string>());
        var urn = world.A.Urn;

        DateTime LastSeen()
        {
            var (scope, db) = world.SystemDb();
            using (scope)
                return db.UserSessions.AsNoTracking().Where(s => s.UserId == senco.Id && s.Method.StartsWith(UserSessions.TokenMethod))
                    .OrderByDescending(s => s.SignedInAt).Select(s => s.LastSeenAt).First();
        }
        var issued = LastSeen();

        clock.Advance(TimeSpan.FromMinutes(2));
        var answers = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => api.GetAsync($"/api/v1/schools/{urn}/register")));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        var seen = LastSeen();
        Assert.True(seen > issued.AddMinutes(1), $"last seen {seen:O} moved on from {issued:O}");
        Assert.True(seen <= clock.GetUtcNow().UtcDateTime);
    }
}
