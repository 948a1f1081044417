using System.Collections.Concurrent;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Senco.Core.Access;
using Senco.Core.Sen;
using Senco.Web.Tests.Infrastructure;

namespace Senco.Web.Tests.Pages;

/// Every Foundation page, opened by every role of school A, for school A, for B (same trust) and for C (another
/// trust). A page for a school the person cannot see answers 404; a page their role may not use answers 403.
public sealed class PageAuthorisationMatrixTests(TestWorld world) : IClassFixture<TestWorld>
{
    public enum PageKind { Overview, Register, RegisterCsv, RegisterXlsx, Pupils, NewPupil, Audit, Pupil, EditPupil, ChangeSen }

    private static readonly Dictionary<string, string> TrustOf = new() { ["A"] = TestWorld.TrustAB, ["B"] = TestWorld.TrustAB, ["C"] = TestWorld.TrustC };
    private static readonly ConcurrentDictionary<string, Task<PageSession>> Sessions = new();

    private static Permission Needs(PageKind page) => page switch
    {
        PageKind.Overview => Permission.ViewAggregates,
        PageKind.Register or PageKind.Pupils or PageKind.Pupil => Permission.ViewPupils,
        PageKind.RegisterCsv or PageKind.RegisterXlsx => Permission.ExportRegister,
        PageKind.NewPupil or PageKind.EditPupil => Permission.EditPupilDetails,
        PageKind.Audit => Permission.ViewAudit,
        PageKind.ChangeSen => Permission.ChangeSenStatus,
        _ => throw new ArgumentOutOfRangeException(nameof(page)),
    };

    public static HttpStatusCode Expected(SchoolRole role, PageKind page, string target)
    {
        var visible = target == "A" || (role == SchoolRole.TrustLead && TrustOf[target] == TrustOf["A"]);
        if (!visible) return HttpStatusCode.NotFound;
        return RolePermissions.Has(role, Needs(page)) ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
    }

    public static IEnumerable<object[]> Matrix() =>
        from role in Enum.GetValues<SchoolRole>()
        from page in Enum.GetValues<PageKind>()
        from target in TestWorld.SchoolKeys
        select new object[] { role, page, target, Expected(role, page, target) };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_role_opens_only_the_pages_its_role_and_schools_allow(SchoolRole role, PageKind page, string target, HttpStatusCode expected)
    {
        var session = await SessionFor(role);
        var urn = world.Schools[target].Urn;
        var pupil = world.BasePupil(target, "K").Id;
        var path = page switch
        {
            PageKind.Overview => $"/schools/{urn}",
            PageKind.Register => $"/schools/{urn}/register",
            PageKind.RegisterCsv => $"/schools/{urn}/register?handler=csv",
            PageKind.RegisterXlsx => $"/schools/{urn}/register?handler=xlsx",
            PageKind.Pupils => $"/schools/{urn}/pupils",
            PageKind.NewPupil => $"/schools/{urn}/pupils/new",
            PageKind.Audit => $"/schools/{urn}/audit",
            PageKind.Pupil => $"/pupils/{pupil}",
            PageKind.EditPupil => $"/pupils/{pupil}/edit",
            PageKind.ChangeSen => $"/pupils/{pupil}/sen",
            _ => throw new ArgumentOutOfRangeException(nameof(page)),
        };
        var response = await session.Client.GetAsync(path);
        Assert.True(expected == response.StatusCode, $"{role} of A opening {path} ({page}, school {target}) answered {(int)response.StatusCode}, expected {(int)expected}");
        var body = await response.Content.ReadAsStringAsync();
        if (expected != HttpStatusCode.OK)
        {
            // A refusal shows nothing of the pupil: not the name, not the UPN.
            var p = world.BasePupil(target, "K");
            Assert.DoesNotContain(p.Upn, body);
            Assert.DoesNotContain(p.Surname, body);
        }
    }

    [Theory]
    [InlineData(SchoolRole.Governor, PageKind.Register, "A", HttpStatusCode.Forbidden)]
    [InlineData(SchoolRole.Governor, PageKind.Overview, "A", HttpStatusCode.OK)]
    [InlineData(SchoolRole.Teacher, PageKind.Audit, "A", HttpStatusCode.Forbidden)]
    [InlineData(SchoolRole.Teacher, PageKind.Pupil, "A", HttpStatusCode.OK)]
    [InlineData(SchoolRole.TeachingAssistant, PageKind.RegisterCsv, "A", HttpStatusCode.Forbidden)]
    [InlineData(SchoolRole.SchoolAdmin, PageKind.ChangeSen, "A", HttpStatusCode.Forbidden)]
    [InlineData(SchoolRole.SchoolAdmin, PageKind.EditPupil, "A", HttpStatusCode.OK)]
    [InlineData(SchoolRole.TrustLead, PageKind.Register, "B", HttpStatusCode.OK)]
    [InlineData(SchoolRole.TrustLead, PageKind.Register, "C", HttpStatusCode.NotFound)]
    [InlineData(SchoolRole.Senco, PageKind.Pupil, "B", HttpStatusCode.NotFound)]
    [InlineData(SchoolRole.Senco, PageKind.ChangeSen, "A", HttpStatusCode.OK)]
    public Task The_policy_as_a_person_would_state_it(SchoolRole role, PageKind page, string target, HttpStatusCode expected)
    {
        // Independent of the permission table: if the table changed, these rows still hold the intended policy.
        Assert.Equal(expected, Expected(role, page, target));
        return Each_role_opens_only_the_pages_its_role_and_schools_allow(role, page, target, expected);
    }

    [Theory]
    [InlineData(SchoolRole.Governor)]
    [InlineData(SchoolRole.Teacher)]
    [InlineData(SchoolRole.TeachingAssistant)]
    [InlineData(SchoolRole.SeniorLeader)]
    [InlineData(SchoolRole.TrustLead)]
    public async Task Administration_pages_are_for_system_administrators_only(SchoolRole role)
    {
        var session = await SessionFor(role);
        foreach (var path in new[] { "/admin", "/admin/users", "/admin/users/new", "/admin/schools/new", $"/admin/schools/{world.A.Urn}/edit", $"/admin/users/{world.User(SchoolRole.Senco, "A").Id}" })
        {
            var response = await session.Client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{role} opening {path} answered {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task Without_signing_in_every_page_redirects_to_sign_in()
    {
        using var anonymous = world.Factory.CreateClient(new() { AllowAutoRedirect = false });
        foreach (var path in new[] { "/", $"/schools/{world.A.Urn}", $"/schools/{world.A.Urn}/register", $"/pupils/{world.BasePupil("A", "K").Id}", "/admin", "/account/security" })
        {
            var response = await anonymous.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/sign-in", response.Headers.Location!.OriginalString.Replace("http://localhost", ""));
        }
    }

    [Fact]
    public async Task A_teaching_assistant_posting_a_sen_change_is_refused_and_nothing_changes()
    {
        var session = await SessionFor(SchoolRole.TeachingAssistant);
        var senco = await SessionFor(SchoolRole.Senco);
        var pupil = world.BasePupil("A", "K");
        // The TA cannot even open the form, so borrow a valid token from a page the TA can open.
        var token = await session.GetFormTokenAsync("/account/security");
        var response = await session.Client.PostAsync($"/pupils/{pupil.Id}/sen", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Status"] = "N", ["Input.EffectiveFrom"] = TestWorld.Today.ToString("yyyy-MM-dd"), ["Input.Reason"] = "Trying", ["Version"] = "1",
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var (scope, db) = world.SystemDb();
        using (scope)
        {
            var stored = await db.Pupils.IgnoreQueryFilters().AsNoTracking().FirstAsync(p => p.Id == pupil.Id);
            Assert.Equal(SenStatus.K, stored.SenStatus);
        }
        _ = senco;
    }

    [Fact]
    public async Task A_form_posted_without_its_anti_forgery_token_is_refused()
    {
        var session = await SessionFor(SchoolRole.Senco);
        var pupil = world.BasePupil("A", "E");
        var response = await session.Client.PostAsync($"/pupils/{pupil.Id}/sen", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Status"] = "N", ["Input.EffectiveFrom"] = TestWorld.Today.ToString("yyyy-MM-dd"), ["Input.Reason"] = "Forged", ["Version"] = "1",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var (scope, db) = world.SystemDb();
        using (scope)
            Assert.Equal(SenStatus.E, (await db.Pupils.IgnoreQueryFilters().AsNoTracking().FirstAsync(p => p.Id == pupil.Id)).SenStatus);
    }

    private Task<PageSession> SessionFor(SchoolRole role) =>
        Sessions.GetOrAdd($"{world.Factory.Provider}:{world.GetHashCode()}:{role}", _ => PageSession.SignInAsync(world.Factory, world.User(role, "A").Email, TestWorld.Password));
}
