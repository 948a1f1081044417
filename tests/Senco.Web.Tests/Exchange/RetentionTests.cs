using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Senco.Core.Access;
using Senco.Core.Model;
using Senco.Core.Pupils;
using Senco.Core.Sen;
using Senco.Web.Tests.Infrastructure;
using Senco.Web.Tests.Pages;

namespace Senco.Web.Tests.Exchange;

public sealed partial class RetentionTests(TestWorld world) : IClassFixture<TestWorld>
{
    /// A pupil who left long ago (fictional), with records in several areas, written straight into the database as
    /// years of use would have left them.
    private async Task<Pupil> OldLeaverAsync(string serial, bool onRoll = false, int bornYear = 1990)
    {
        var (scope, db) = world.SystemDb();
        using var _ = scope;
        var school = await db.Schools.SingleAsync(s => s.Urn == world.A.Urn);
        var body = $"{school.LaCode}{school.Estab}08{serial}";
        var now = DateTime.UtcNow;
        var pupil = new Pupil
        {
            Id = Guid.CreateVersion7(), SchoolId = school.Id, Upn = Upn.CheckLetterFor(body) + body, Forename = "Wilhelmina", Surname = "Oldroyd" + serial,
            DateOfBirth = new DateOnly(bornYear, 6, 1), Gender = "F", YearGroup = "11", OnRoll = onRoll, Version = 1, CreatedAt = now, UpdatedAt = now,
            SenStatus = SenStatus.K, Needs = "MLD", PrimaryNeed = "MLD",
        };
        pupil.RefreshSearchText();
        db.Pupils.Add(pupil);
        db.SenStatusChanges.Add(new SenStatusChange { PupilId = pupil.Id, SchoolId = school.Id, Status = SenStatus.K, Needs = "MLD", EffectiveFrom = new DateOnly(2000, 9, 4), Reason = "Assessed", RecordedBy = "x", RecordedAt = now });
        db.PupilEvents.Add(new PupilEvent { PupilId = pupil.Id, SchoolId = school.Id, Kind = PupilEventKind.LeftRoll, OccurredOn = new DateOnly(2007, 7, 20), Summary = "Left", RecordedBy = "x", RecordedAt = now });
        db.SubjectAccessRequests.Add(new SubjectAccessRequest { Id = Guid.CreateVersion7(), SchoolId = school.Id, PupilId = pupil.Id, ReceivedOn = new DateOnly(2008, 1, 7), Requester = "Mr Oldroyd", Status = SubjectAccessStatus.Completed, RecordedBy = "x", CreatedAt = now, Version = 1 });
        db.ParentsInformed.Add(new ParentsInformed { PupilId = pupil.Id, SchoolId = school.Id, ToldOn = new DateOnly(2000, 9, 10), RecordedBy = "x", RecordedAt = now });
        db.AuditEntries.Add(new AuditEntry { At = now, UserName = "x", SchoolId = school.Id, PupilId = pupil.Id, Action = "pupil.read", Summary = "Read the record of Wilhelmina Oldroyd" });
        await db.SaveChangesAsync();
        return pupil;
    }

    private async Task<PageSession> SignInAsync(SchoolRole role) => await PageSession.SignInAsync(world.Factory, world.User(role, "A").Email, TestWorld.Password);

    private async Task<HttpResponseMessage> PostDeleteAsync(PageSession s, Pupil pupil, string password)
    {
        var path = $"/schools/{world.A.Urn}/retention/delete?pupil={pupil.Id}";
        var token = await s.GetFormTokenAsync(path);
        return await s.Client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["pupil"] = pupil.Id.ToString(), ["Password"] = password, ["__RequestVerificationToken"] = token,
        }));
    }

    [Fact]
    public async Task Deleting_a_pupil_past_retention_removes_every_record_and_audits_what_by_upn()
    {
        var pupil = await OldLeaverAsync("901");
        using var s = await SignInAsync(SchoolRole.Senco);
        var report = await s.Client.GetStringAsync($"/schools/{world.A.Urn}/retention");
        Assert.Contains(pupil.Upn, report);
        var confirm = await s.Client.GetStringAsync($"/schools/{world.A.Urn}/retention/delete?pupil={pupil.Id}");
        Assert.Contains("1 × SEN status change", confirm);
        Assert.Contains("1 × subject access request", confirm);

        var wrong = await PostDeleteAsync(s, pupil, "not my password at all");
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("Enter your password correctly", await wrong.Content.ReadAsStringAsync());
        var (s1, db1) = world.SystemDb();
        using (s1) Assert.True(await db1.Pupils.AnyAsync(p => p.Id == pupil.Id));

        // The audit trail is sealed into its hash chain before the deletion, as it would be in a running school.
        var chain = world.Factory.Services.GetRequiredService<Senco.Web.Features.Shared.Audit.AuditChainService>();
        await chain.SealAsync();
        var done = await PostDeleteAsync(s, pupil, TestWorld.Password);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        await chain.SealAsync();
        var (scope, db) = world.SystemDb();
        using (scope)
        {
            Assert.False(await db.Pupils.IgnoreQueryFilters().AnyAsync(p => p.Id == pupil.Id));
            // Every table with a PupilId, whatever area added it.
            foreach (var t in db.Model.GetEntityTypes().Where(t => t.FindProperty("PupilId") is not null))
            {
                var count = await CountAsync(db, t.ClrType, pupil.Id);
                Assert.True(count == 0, $"{t.ClrType.Name} still has {count} rows for the deleted pupil");
            }
            var audit = await db.AuditEntries.SingleAsync(a => a.Action == "retention.delete" && a.Summary.Contains(pupil.Upn));
            Assert.DoesNotContain("Wilhelmina", audit.Summary);
            Assert.Contains("SEN status change", audit.Summary);
            Assert.Contains(world.User(SchoolRole.Senco, "A").Email, audit.UserName);
            // What the trail said about the pupil is gone, but the entries keep their places: the chain still verifies.
            Assert.False(await db.AuditEntries.AnyAsync(a => a.Summary.Contains("Wilhelmina Oldroyd")));
            Assert.True(await db.AuditEntries.AnyAsync(a => a.RedactedAt != null && a.Action == "pupil.read"));
            var verified = await chain.VerifyAsync();
            Assert.True(verified.Intact, verified.Describe());
            Assert.True(verified.Redacted >= 1, verified.Describe());
        }
    }

    private static Task<int> CountAsync(Senco.Data.SencoDbContext db, Type type, Guid pupilId) =>
        (Task<int>)typeof(RetentionTests).GetMethod(nameof(CountFor), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(type).Invoke(null, [db, pupilId])!;

    private static Task<int> CountFor<T>(Senco.Data.SencoDbContext db, Guid pupilId) where T : class =>
        db.Set<T>().IgnoreQueryFilters().CountAsync(e => EF.Property<Guid?>(e, "PupilId") == pupilId);

    [Fact]
    public async Task Pupils_on_roll_or_within_retention_cannot_be_deleted_and_only_the_senco_may()
    {
        var onRoll = await OldLeaverAsync("902", onRoll: true);
        var recent = await OldLeaverAsync("903", bornYear: TestWorld.Today.Year - 17);
        using var s = await SignInAsync(SchoolRole.Senco);
        var page = await s.Client.GetStringAsync($"/schools/{world.A.Urn}/retention/delete?pupil={onRoll.Id}");
        Assert.Contains("cannot be deleted", page);
        var kept = await s.Client.GetStringAsync($"/schools/{world.A.Urn}/retention/delete?pupil={recent.Id}");
        Assert.Contains("kept until", kept);
        var (scope, db) = world.SystemDb();
        using (scope) Assert.Equal(2, await db.Pupils.CountAsync(p => p.Id == onRoll.Id || p.Id == recent.Id));

        foreach (var role in new[] { SchoolRole.AssistantSenco, SchoolRole.SchoolAdmin, SchoolRole.TrustLead })
        {
            using var other = await SignInAsync(role);
            Assert.Equal(HttpStatusCode.Forbidden, (await other.Client.GetAsync($"/schools/{world.A.Urn}/retention")).StatusCode);
        }
        using var otherSchool = await PageSession.SignInAsync(world.Factory, world.User(SchoolRole.Senco, "C").Email, TestWorld.Password);
        Assert.Equal(HttpStatusCode.NotFound, (await otherSchool.Client.GetAsync($"/schools/{world.A.Urn}/retention")).StatusCode);
    }

    [Fact]
    public async Task The_data_pages_answer_by_role()
    {
        var urn = world.A.Urn;
        string[] pages = [$"/schools/{urn}/data-protection", $"/schools/{urn}/imports/pupils", $"/schools/{urn}/subject-access/new", $"/schools/{urn}/retention"];
        var expected = new Dictionary<SchoolRole, int[]>
        {
            [SchoolRole.Senco] = [200, 200, 200, 200],
            [SchoolRole.AssistantSenco] = [200, 200, 403, 403],
            [SchoolRole.SchoolAdmin] = [200, 200, 200, 403],
            [SchoolRole.Teacher] = [403, 403, 403, 403],
            [SchoolRole.Governor] = [403, 403, 403, 403],
            [SchoolRole.SeniorLeader] = [403, 403, 403, 403],
        };
        foreach (var (role, codes) in expected)
        {
            using var s = await SignInAsync(role);
            for (var i = 0; i < pages.Length; i++)
                Assert.True((int)(await s.Client.GetAsync(pages[i])).StatusCode == codes[i], $"{role} {pages[i]}");
        }
        using var c = await PageSession.SignInAsync(world.Factory, world.User(SchoolRole.Senco, "C").Email, TestWorld.Password);
        foreach (var p in pages) Assert.Equal(HttpStatusCode.NotFound, (await c.Client.GetAsync(p)).StatusCode);
    }
}
