using System.Net;
using System.Net.Http.Json;
using static Senco.Web.Tests.Ehc.EhcFixture;

namespace Senco.Web.Tests.Ehc;

/// Every EHC endpoint for every role: read with ViewEhc, write with ManageEhc (SENCO and assistant), 403 for a
/// role in the school that may not, 404 for anyone outside it (never 403: existence is not revealed).
[Collection(EhcCollection.Name)]
public class EhcRoleMatrixTests(EhcFixture f)
{
    private sealed record World(Guid Pupil, Guid Plan, Guid Review, Guid Assessment);
    private static World? _world;
    private static readonly SemaphoreSlim Gate = new(1, 1);

    private async Task<World> WorldAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_world is not null) return _world;
            var (pupil, plan) = await f.PupilWithPlanAsync(Today.AddDays(-300), forename: "Matrix", surname: "Pupil");
            var senco = await f.ClientAsync("senco@a.test");
            var review = await Expect(await senco.PostAsJsonAsync($"/api/v1/ehc-plans/{plan}/reviews", new { meetingOn = Iso(Today.AddDays(10)) }), HttpStatusCode.Created);
            var other = await f.PupilAsync(needs: ["MLD"]);
            var a = await Expect(await senco.PostAsJsonAsync($"/api/v1/pupils/{other}/ehc-needs-assessments", new { requestReceivedOn = Iso(Today.AddDays(-3)), requestedBy = "School" }), HttpStatusCode.Created);
            return _world = new World(pupil, plan, review["id"]!.GetValue<Guid>(), a["id"]!.GetValue<Guid>());
        }
        finally { Gate.Release(); }
    }

    public static TheoryData<string, int, int> Roles => new()
    {
        // who,                read, write (an invalid body: 400 once authorised)
        { "senco@a.test",      200, 400 },
        { "assistant@a.test",  200, 400 },
        { "teacher@a.test",    200, 403 },
        { "ta@a.test",         200, 403 },
        { "head@a.test",       200, 403 },
        { "office@a.test",     200, 403 },
        { "trustlead@a.test",  200, 403 },
        { "governor@a.test",   403, 403 },
        { "senco@b.test",      404, 404 },   // same trust, but not a trust lead
        { "senco@c.test",      404, 404 },
    };

    [Theory, MemberData(nameof(Roles))]
    public async Task Reads(string email, int read, int _)
    {
        var w = await WorldAsync();
        var c = await f.ClientAsync(email);
        foreach (var url in new[]
                 {
                     $"/api/v1/pupils/{w.Pupil}/ehc-plans/current", $"/api/v1/pupils/{w.Pupil}/ehc-plans", $"/api/v1/ehc-plans/{w.Plan}",
                     $"/api/v1/ehc-plans/{w.Plan}/reviews", $"/api/v1/ehc-plans/{w.Plan}/reviews/{w.Review}",
                     $"/api/v1/ehc-plans/{w.Plan}/reviews/{w.Review}/documents/invitation.docx",
                     $"/api/v1/pupils/{w.Pupil}/ehc-needs-assessments", $"/api/v1/ehc-needs-assessments/{w.Assessment}",
                     $"/api/v1/schools/{f.SchoolA}/statutory-deadlines",
                 })
        {
            var r = await c.GetAsync(url);
            Assert.True(read == (int)r.StatusCode, $"{email} GET {url}: expected {read}, got {(int)r.StatusCode}");
        }
    }

    [Theory, MemberData(nameof(Roles))]
    public async Task Writes(string email, int _, int write)
    {
        var w = await WorldAsync();
        var c = await f.ClientAsync(email);
        var calls = new (string Method, string Url, object Body)[]
        {
            ("POST", $"/api/v1/pupils/{w.Pupil}/ehc-needs-assessments", new { requestedBy = "School" }),
            ("PUT", $"/api/v1/ehc-needs-assessments/{w.Assessment}", new { requestedBy = "Nobody" }),
            ("POST", $"/api/v1/ehc-needs-assessments/{w.Assessment}/evidence", new { kind = "Nothing" }),
            ("POST", $"/api/v1/ehc-needs-assessments/{w.Assessment}/exceptions", new { kind = "Nothing" }),
            ("POST", $"/api/v1/pupils/{w.Pupil}/ehc-plans", new { localAuthority = "1" }),
            ("PUT", $"/api/v1/ehc-plans/{w.Plan}", new { version = 1, localAuthority = "1" }),
            ("POST", $"/api/v1/ehc-plans/{w.Plan}/needs", new { description = "" }),
            ("POST", $"/api/v1/ehc-plans/{w.Plan}/reviews", new { }),
            ("PUT", $"/api/v1/ehc-plans/{w.Plan}/reviews/{w.Review}", new { recommendation = "Bogus" }),
        };
        foreach (var (method, url, body) in calls)
        {
            var r = await c.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = JsonContent.Create(body) });
            Assert.True(write == (int)r.StatusCode, $"{email} {method} {url}: expected {write}, got {(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
        }
    }

    [Fact]
    public async Task Without_a_token_every_endpoint_is_401()
    {
        var w = await WorldAsync();
        var anon = f.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anon.GetAsync($"/api/v1/ehc-plans/{w.Plan}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anon.GetAsync($"/api/v1/schools/{f.SchoolA}/statutory-deadlines")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anon.PostAsJsonAsync($"/api/v1/ehc-plans/{w.Plan}/reviews", new { meetingOn = Iso(Today) })).StatusCode);
    }

    [Fact]
    public async Task An_unknown_id_is_404_like_another_schools()
    {
        var c = await f.ClientAsync("senco@a.test");
        Assert.Equal(HttpStatusCode.NotFound, (await c.GetAsync($"/api/v1/ehc-plans/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await c.GetAsync($"/api/v1/ehc-needs-assessments/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await c.GetAsync("/api/v1/schools/000000/statutory-deadlines")).StatusCode);
    }
}
