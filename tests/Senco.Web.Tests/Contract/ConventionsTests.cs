using System.Net;
using Senco.Core.Access;
using Senco.Web.Tests.Infrastructure;

namespace Senco.Web.Tests.Contract;

/// The conventions every endpoint shares: problem details, /health, the OpenAPI description.
public sealed class ConventionsTests(TestWorld world) : IClassFixture<TestWorld>
{
    [Fact]
    public async Task Health_answers_200_once_the_app_can_reach_its_database()
    {
        using var anon = world.Anonymous();
        var r = await anon.GetAsync("/health");
        await r.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("Healthy", await r.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_openapi_description_is_served_and_lists_every_endpoint_of_the_contract()
    {
        using var anon = world.Anonymous();
        var doc = await anon.GetAsync("/openapi/v1.json").ExpectJson(HttpStatusCode.OK);
        var paths = doc["paths"]!.AsObject();
        var expected = new (string Path, string Method)[]
        {
            ("/api/v1/auth/token", "post"),
            ("/api/v1/schools", "post"),
            ("/api/v1/schools", "get"),
            ("/api/v1/users", "post"),
            ("/api/v1/schools/{urn}/pupils", "post"),
            ("/api/v1/pupils/{id}", "get"),
            ("/api/v1/pupils/{id}", "put"),
            ("/api/v1/pupils/{id}/sen", "put"),
            ("/api/v1/pupils/{id}/sen/history", "get"),
            ("/api/v1/schools/{urn}/register", "get"),
            ("/api/v1/schools/{urn}/register.csv", "get"),
            ("/api/v1/schools/{urn}/register.xlsx", "get"),
        };
        foreach (var (path, method) in expected)
        {
            Assert.True(paths.ContainsKey(path), $"{path} missing from /openapi/v1.json; has {string.Join(", ", paths.Select(p => p.Key))}");
            Assert.True(paths[path]!.AsObject().ContainsKey(method), $"{method.ToUpperInvariant()} {path} missing from /openapi/v1.json");
        }
    }

    [Fact]
    public async Task Errors_are_problem_details_for_400_401_403_404_and_409()
    {
        using var senco = await world.ClientFor(SchoolRole.Senco, "A");
        using var teacher = await world.ClientFor(SchoolRole.Teacher, "A");
        using var anon = world.Anonymous();
        var k = world.BasePupil("A", "K");

        var bad = await senco.PostJson($"/api/v1/schools/{world.A.Urn}/pupils", new { upn = "nonsense" });
        var problem = await bad.ShouldBeProblem(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]?.AsObject());
        Assert.NotNull(problem["title"]);

        await (await anon.GetAsync("/api/v1/schools")).ShouldBeProblem(HttpStatusCode.Unauthorized);
        await (await teacher.PutJson($"/api/v1/pupils/{k.Id}/sen", TestWorld.SenBody("E", ["ASD"], TestWorld.Today))).ShouldBeProblem(HttpStatusCode.Forbidden);
        await (await senco.GetAsync($"/api/v1/pupils/{world.BasePupil("C", "K").Id}")).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await senco.PostJson($"/api/v1/schools/{world.A.Urn}/pupils", TestWorld.PupilBody(k.Upn, "Again", "Duplicate"))).ShouldBeProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_validation_problem_keys_its_errors_by_camel_case_field_name()
    {
        using var senco = await world.ClientFor(SchoolRole.Senco, "A");
        var r = await senco.PostJson($"/api/v1/schools/{world.A.Urn}/pupils", new { });
        var problem = await r.ShouldBeProblem(HttpStatusCode.BadRequest);
        var keys = problem["errors"]!.AsObject().Select(e => e.Key).ToHashSet();
        Assert.Superset(new HashSet<string> { "upn", "forename", "surname", "dateOfBirth", "gender", "yearGroup" }, keys);
    }

    [Fact]
    public async Task A_body_that_is_not_json_gets_a_problem_not_a_crash()
    {
        using var senco = await world.ClientFor(SchoolRole.Senco, "A");
        var r = await senco.PostAsync($"/api/v1/schools/{world.A.Urn}/pupils", new StringContent("{ not json", System.Text.Encoding.UTF8, "application/json"));
        await r.ShouldBeProblem(HttpStatusCode.BadRequest);
        var plain = await senco.PostAsync($"/api/v1/schools/{world.A.Urn}/pupils", new StringContent("upn=1", System.Text.Encoding.UTF8, "text/plain"));
        Assert.True((int)plain.StatusCode is 400 or 415, $"got {(int)plain.StatusCode}");
        Assert.Equal("application/problem+json", plain.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Api_answers_holding_pupil_data_are_not_cached()
    {
        using var senco = await world.ClientFor(SchoolRole.Senco, "A");
        var r = await senco.GetAsync($"/api/v1/schools/{world.A.Urn}/register");
        await r.ShouldBe(HttpStatusCode.OK);
        Assert.True(r.Headers.CacheControl?.NoStore, "register answered without Cache-Control: no-store");
    }
}
