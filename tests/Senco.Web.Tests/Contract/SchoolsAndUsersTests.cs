using System.Net;
using Senco.Core.Access;
using Senco.Web.Tests.Infrastructure;

namespace Senco.Web.Tests.Contract;

/// POST/GET /api/v1/schools and POST /api/v1/users: setting up an installation.
public sealed class SchoolsAndUsersTests(TestWorld world) : IClassFixture<TestWorld>
{
    private static object School(string urn, string name = "Meadow Lane Primary", string laCode = "936", string estab = "2123",
        string phase = "Primary", string? trust = null) => new { urn, name, laCode, estab, phase, trust };

    [Fact]
    public async Task The_administrator_creates_a_school_and_gets_201_with_the_school()
    {
        using var admin = await world.AdminClient();
        var r = await admin.PostJson("/api/v1/schools", School("150001", trust: "Meadow Trust"));
        await r.ShouldBe(HttpStatusCode.Created);
        var s = await r.ReadNode();
        Assert.Equal("150001", s.Str("urn"));
        Assert.Equal("Meadow Lane Primary", s.Str("name"));
        Assert.Equal("936", s.Str("laCode"));
        Assert.Equal("2123", s.Str("estab"));
        Assert.Equal("Primary", s.Str("phase"));
        Assert.Equal("Meadow Trust", s.Str("trust"));
        Assert.EndsWith("/api/v1/schools/150001", r.Headers.Location?.ToString());

        var list = await admin.GetAsync("/api/v1/schools").ExpectJson(HttpStatusCode.OK);
        Assert.Contains("150001", list.AsArray().Select(x => x.Str("urn")));
    }

    [Theory]
    [InlineData("Primary")]
    [InlineData("Secondary")]
    [InlineData("AllThrough")]
    [InlineData("Special")]
    [InlineData("Nursery")]
    [InlineData("AlternativeProvision")]
    public async Task Every_phase_in_the_contract_is_accepted(string phase)
    {
        using var admin = await world.AdminClient();
        var urn = (151000 + Array.IndexOf(["Primary", "Secondary", "AllThrough", "Special", "Nursery", "AlternativeProvision"], phase)).ToString();
        var s = await admin.PostJson("/api/v1/schools", School(urn, phase: phase)).ExpectJson(HttpStatusCode.Created);
        Assert.Equal(phase, s.Str("phase"));
    }

    [Theory]
    [InlineData("12345", "873", "2001", "Primary", "urn")]
    [InlineData("1234567", "873", "2001", "Primary", "urn")]
    [InlineData("12345a", "873", "2001", "Primary", "urn")]
    [InlineData("", "873", "2001", "Primary", "urn")]
    [InlineData("152001", "87", "2001", "Primary", "laCode")]
    [InlineData("152002", "8730", "2001", "Primary", "laCode")]
    [InlineData("152003", "999", "2001", "Primary", "laCode")]
    [InlineData("152004", "873", "201", "Primary", "estab")]
    [InlineData("152005", "873", "20011", "Primary", "estab")]
    [InlineData("152006", "873", "20x1", "Primary", "estab")]
    [InlineData("152007", "873", "2001", "Infant", "phase")]
    [InlineData("152008", "873", "2001", "", "phase")]
    [InlineData("152009", "873", "2001", "1", "phase")]
    public async Task An_invalid_school_is_refused_with_400_naming_the_field(string urn, string laCode, string estab, string phase, string field)
    {
        using var admin = await world.AdminClient();
        var r = await admin.PostJson("/api/v1/schools", School(urn, laCode: laCode, estab: estab, phase: phase));
        var messages = await r.ShouldBeValidationProblemOn(field);
        Assert.NotEmpty(messages);

        var list = await admin.GetAsync("/api/v1/schools").ExpectJson(HttpStatusCode.OK);
        Assert.DoesNotContain(urn, list.AsArray().Select(x => x.Str("urn")));
    }

    [Fact]
    public async Task Several_invalid_fields_are_all_reported_at_once()
    {
        using var admin = await world.AdminClient();
        var r = await admin.PostJson("/api/v1/schools", new { urn = "1", name = "", laCode = "x", estab = "y", phase = "z" });
        var problem = await r.ShouldBeProblem(HttpStatusCode.BadRequest);
        var keys = problem["errors"]!.AsObject().Select(p => p.Key).ToHashSet();
        Assert.Superset(new HashSet<string> { "urn", "name", "laCode", "estab", "phase" }, keys);
    }

    [Fact]
    public async Task A_second_school_with_the_same_urn_is_a_409_conflict()
    {
        using var admin = await world.AdminClient();
        await admin.PostJson("/api/v1/schools", School("153001")).Expect(HttpStatusCode.Created);
        var r = await admin.PostJson("/api/v1/schools", School("153001", name: "Another name"));
        await r.ShouldBeProblem(HttpStatusCode.Conflict);
        var list = await admin.GetAsync("/api/v1/schools").ExpectJson(HttpStatusCode.OK);
        Assert.Single(list.AsArray(), x => x.Str("urn") == "153001");
        Assert.Equal("Meadow Lane Primary", list.AsArray().Single(x => x.Str("urn") == "153001").Str("name"));
    }

    [Theory]
    [MemberData(nameof(EveryRole))]
    public async Task Only_the_system_administrator_may_create_a_school(SchoolRole role)
    {
        using var client = await world.ClientFor(role, "A");
        var r = await client.PostJson("/api/v1/schools", School("154" + ((int)role).ToString("D3")));
        await r.ShouldBeProblem(HttpStatusCode.Forbidden);
        using var admin = await world.AdminClient();
        var list = await admin.GetAsync("/api/v1/schools").ExpectJson(HttpStatusCode.OK);
        Assert.DoesNotContain("154" + ((int)role).ToString("D3"), list.AsArray().Select(x => x.Str("urn")));
    }

    public static TheoryData<SchoolRole> EveryRole() => new(Enum.GetValues<SchoolRole>());

    [Theory]
    [InlineData(SchoolRole.Senco, "A", new[] { "A" })]
    [InlineData(SchoolRole.Governor, "A", new[] { "A" })]
    [InlineData(SchoolRole.Teacher, "B", new[] { "B" })]
    [InlineData(SchoolRole.SchoolAdmin, "C", new[] { "C" })]
    [InlineData(SchoolRole.TrustLead, "A", new[] { "A", "B" })]
    [InlineData(SchoolRole.TrustLead, "B", new[] { "A", "B" })]
    [InlineData(SchoolRole.TrustLead, "C", new[] { "C" })]
    public async Task Each_person_lists_only_the_schools_they_can_see(SchoolRole role, string school, string[] expected)
    {
        using var client = await world.ClientFor(role, school);
        var list = await client.GetAsync("/api/v1/schools").ExpectJson(HttpStatusCode.OK);
        var urns = list.AsArray().Select(x => x.Str("urn")).Order().ToArray();
        Assert.Equal(expected.Select(k => world.Schools[k].Urn).Order().ToArray(), urns);
        foreach (var s in list.AsArray()) s!.ShouldHaveProperties("urn", "name", "laCode", "estab", "phase", "trust");
    }

    [Fact]
    public async Task The_administrator_lists_every_school_with_its_trust()
    {
        using var admin = await world.AdminClient();
        var list = await admin.GetAsync("/api/v1/schools").ExpectJson(HttpStatusCode.OK);
        var byUrn = list.AsArray().ToDictionary(x => x.Str("urn"));
        Assert.Equal(TestWorld.TrustAB, byUrn[world.A.Urn].Str("trust"));
        Assert.Equal(TestWorld.TrustAB, byUrn[world.B.Urn].Str("trust"));
        Assert.Equal(TestWorld.TrustC, byUrn[world.C.Urn].Str("trust"));
    }

    [Fact]
    public async Task A_user_with_roles_in_two_schools_is_created_with_201_and_can_sign_in()
    {
        using var admin = await world.AdminClient();
        var r = await admin.PostJson("/api/v1/users", new
        {
            email = "two.schools@senco.test", password = TestWorld.Password, displayName = "Pat Two-Schools",
            memberships = new[] { new { schoolUrn = world.A.Urn, role = "Teacher" }, new { schoolUrn = world.C.Urn, role = "AssistantSenco" } },
        });
        await r.ShouldBe(HttpStatusCode.Created);
        var u = await r.ReadNode();
        Assert.True(Guid.TryParse(u.Str("id"), out _));
        Assert.Equal("two.schools@senco.test", u.Str("email"));
        Assert.Equal("Pat Two-Schools", u.Str("displayName"));
        var memberships = u["memberships"]!.AsArray().Select(m => (m.Str("schoolUrn"), m.Str("role"))).Order().ToArray();
        Assert.Equal(new[] { (world.A.Urn, "Teacher"), (world.C.Urn, "AssistantSenco") }.Order().ToArray(), memberships);

        // The administrator's password is temporary: the person chooses their own before the API lets them in.
        await TemporaryPasswords.ChooseOwnAsync(world.Anonymous(), "two.schools@senco.test", "Pat's own long passphrase", TestWorld.Password);
        using var client = await world.ClientFor("two.schools@senco.test", "Pat's own long passphrase");
        var list = await client.GetAsync("/api/v1/schools").ExpectJson(HttpStatusCode.OK);
        Assert.Equal(new[] { world.A.Urn, world.C.Urn }.Order(), list.AsArray().Select(x => x.Str("urn")).Order());
    }

    [Fact]
    public async Task A_user_in_an_unknown_school_is_refused_with_400()
    {
        using var admin = await world.AdminClient();
        var r = await admin.PostJson("/api/v1/users", new
        {
            email = "ghost.school@senco.test", password = TestWorld.Password, displayName = "Ghost",
            memberships = new[] { new { schoolUrn = "999999", role = "Teacher" } },
        });
        var problem = await r.ShouldBeProblem(HttpStatusCode.BadRequest);
        Assert.Contains(problem["errors"]!.AsObject(), e => e.Key.Contains("schoolUrn", StringComparison.Ordinal));
        await SignInFails("ghost.school@senco.test");
    }

    [Theory]
    [InlineData("Headteacher")]
    [InlineData("senco")]
    [InlineData("")]
    [InlineData("0")]
    public async Task A_user_with_an_unknown_role_is_refused_with_400(string role)
    {
        using var admin = await world.AdminClient();
        var email = $"bad.role.{Guid.NewGuid():N}@senco.test";
        var r = await admin.PostJson("/api/v1/users", new
        {
            email, password = TestWorld.Password, displayName = "Bad role",
            memberships = new[] { new { schoolUrn = world.A.Urn, role } },
        });
        var problem = await r.ShouldBeProblem(HttpStatusCode.BadRequest);
        Assert.Contains(problem["errors"]!.AsObject(), e => e.Key.Contains("role", StringComparison.Ordinal));
        await SignInFails(email);
    }

    [Fact]
    public async Task A_trust_lead_cannot_be_made_for_a_school_that_is_in_no_trust()
    {
        using var admin = await world.AdminClient();
        await admin.PostJson("/api/v1/schools", School("155001", name: "Standalone School")).Expect(HttpStatusCode.Created);
        var r = await admin.PostJson("/api/v1/users", new
        {
            email = "lonely.trust.lead@senco.test", password = TestWorld.Password, displayName = "No trust",
            memberships = new[] { new { schoolUrn = "155001", role = "TrustLead" } },
        });
        await r.ShouldBeProblem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_second_user_with_the_same_email_is_a_409_conflict_whatever_the_case()
    {
        using var admin = await world.AdminClient();
        var body = new { email = "dup.person@senco.test", password = TestWorld.Password, displayName = "First", memberships = Array.Empty<object>() };
        await admin.PostJson("/api/v1/users", body).Expect(HttpStatusCode.Created);
        await (await admin.PostJson("/api/v1/users", body with { displayName = "Second" })).ShouldBeProblem(HttpStatusCode.Conflict);
        await (await admin.PostJson("/api/v1/users", body with { email = "DUP.Person@senco.test" })).ShouldBeProblem(HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("")]
    public async Task A_user_without_a_valid_email_is_refused_with_400_on_email(string email)
    {
        using var admin = await world.AdminClient();
        var r = await admin.PostJson("/api/v1/users", new { email, password = TestWorld.Password, displayName = "No email", memberships = Array.Empty<object>() });
        await r.ShouldBeValidationProblemOn("email");
    }

    [Fact]
    public async Task A_short_password_is_refused_with_400_on_password()
    {
        using var admin = await world.AdminClient();
        var r = await admin.PostJson("/api/v1/users", new { email = "short.pw@senco.test", password = "short", displayName = "Short", memberships = Array.Empty<object>() });
        await r.ShouldBeValidationProblemOn("password");
        await SignInFails("short.pw@senco.test", "short");
    }

    [Theory]
    [MemberData(nameof(EveryRole))]
    public async Task Only_the_system_administrator_may_create_a_user(SchoolRole role)
    {
        using var client = await world.ClientFor(role, "A");
        var email = $"made.by.{role.ToString().ToLowerInvariant()}@senco.test";
        var r = await client.PostJson("/api/v1/users", new
        {
            email, password = TestWorld.Password, displayName = "Sneaky",
            memberships = new[] { new { schoolUrn = world.A.Urn, role = "Senco" } },
        });
        await r.ShouldBeProblem(HttpStatusCode.Forbidden);
        await SignInFails(email);
    }

    private async Task SignInFails(string email, string password = TestWorld.Password)
    {
        using var anon = world.Anonymous();
        var r = await anon.PostJson("/api/v1/auth/token", new { email, password });
        await r.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
