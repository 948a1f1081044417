using System.Net;
using Microsoft.EntityFrameworkCore;
using Senco.Core;
using Senco.Core.Access;
using Senco.Core.Model;
using Senco.Core.Provision;
using Senco.Core.Pupils;
using Senco.Core.Sen;
using Senco.Web.Tests.Infrastructure;

namespace Senco.Web.Tests.Leadership;

/// <summary>
/// The common world plus school D (Dashboard Primary, in the Oakfield trust, so A's trust lead sees it and C's does not),
/// with one user per role and a hand-built term. Dates are relative to the start of the current term ("from", the
/// conventional term: D has no term dates entered) and to "before", 20 days earlier:
/// <list type="bullet">
/// <item>Quill: N throughout. Rowan: K from the first day of term (N → K). Saltmarsh: E from the first day (N → E).</item>
/// <item>Tamsin: K before, E today, her plan issued today (K → E; one new plan). Ulverston: E before, K from the first day (E → K).</item>
/// <item>Vesper: K before, N from the first day (removed). Wren: K before (a CTF's history), joined the roll on the first day
///   (a joiner on the register). Yarrow: K before, left the roll on the first day (a leaver on the register).</item>
/// <item>Zinnia: N, joined today (a joiner, not on the register). Ashby: E before, plan issued 400 days ago (its annual
///   review is overdue). Birch: E before, plan issued 350 days ago (its review is due within 30 days).</item>
/// <item>Five more pupils on SEN support for MLD since before the term (no change).</item>
/// </list>
/// On roll 15: N 3 (20.0%), K 8 (53.3%), E 4 (26.7%), on the register 12 (80.0%). Primary needs of the 12: MLD 5 (41.7%),
/// ASD 3 (Saltmarsh, Tamsin, Birch: 25.0%), SLCN 3 (Rowan, Ulverston, Wren: 25.0%), SEMH 1 (Ashby: 8.3%).
/// Funding: budget £20,000, Tamsin's top-up £4,000 for the whole year: £24,000. Groups started this year: one on standardised
/// scores costing £500 (£20/h × 60 min × 2 a week × 10 weeks + £100), Rowan +8, Ulverston −3, Wren no exit score; one with no
/// measure costing £300 (£30/h × 60 × 1 × 10). Provision cost £800 = 3.3% of funding; 2 places assessed, 1 improved (50.0%),
/// mean gain +2.50; cost per pupil improved £500.00.
/// </summary>
public sealed class SchoolDashboardWorld : TestWorld
{
    public const string DUrn = "140009";
    public const string DName = "Dashboard Primary School (fictional)";
    public static readonly string[] Surnames = ["Quill", "Rowan", "Saltmarsh", "Tamsin", "Ulverston", "Vesper", "Wren", "Yarrow", "Zinnia", "Ashby", "Birch", "Mldone", "Mldtwo", "Mldthree", "Mldfour", "Mldfive"];
    public static DateOnly From => Senco.Core.Delivery.Term.Containing(Today).Start;
    public static DateOnly Before => From.AddDays(-20);
    public static SchoolYear Year => SchoolYear.Containing(Today);
    public IReadOnlyList<(string Surname, string Upn)> DPupils => _dPupils;
    private readonly List<(string, string)> _dPupils = [];

    public string DUser(SchoolRole role) => $"{role.ToString().ToLowerInvariant()}.d@senco.test";

    protected override async Task SeedAsync()
    {
        using (var admin = await AdminClient())
        {
            await admin.PostJson("/api/v1/schools", new { urn = DUrn, name = DName, laCode = "873", estab = "2009", phase = "Primary", trust = TrustAB })
                .Expect(HttpStatusCode.Created);
            foreach (var role in Roles.Where(r => r != SchoolRole.TrustLead))
                await CreateUserAsync(admin, DUser(role), $"{role} of D", (DUrn, role.ToString()));
        }

        var (scope, db) = SystemDb();
        using (scope)
        {
            var d = await db.Schools.SingleAsync(s => s.Urn == DUrn);
            var today = Today;
            var serial = 0;
            async Task<Pupil> Add(string surname, SenStatus status, string? need, DateOnly joined, (DateOnly On, SenStatus Status)[] history, DateOnly? left = null)
            {
                var body = $"8732009{20 + serial / 1000:D2}{++serial % 1000:D3}";
                var upn = Upn.CheckLetterFor(body) + body;
                var now = DateTime.UtcNow;
                var p = new Pupil
                {
                    Id = Guid.CreateVersion7(), SchoolId = d.Id, Upn = upn, Forename = "Fictional", Surname = surname, DateOfBirth = today.AddYears(-8), Gender = "F",
                    YearGroup = "3", SenStatus = status, Needs = need ?? "", PrimaryNeed = need, OnRoll = left is null, LeftOn = left, Version = 1, CreatedAt = now, UpdatedAt = now,
                };
                p.RefreshSearchText();
                db.Pupils.Add(p);
                db.PupilEvents.Add(new PupilEvent { PupilId = p.Id, SchoolId = d.Id, Kind = PupilEventKind.Added, OccurredOn = joined, Summary = "Added (test)", RecordedBy = "Test", RecordedAt = now });
                if (left is { } l)
                    db.PupilEvents.Add(new PupilEvent { PupilId = p.Id, SchoolId = d.Id, Kind = PupilEventKind.LeftRoll, OccurredOn = l, Summary = "Left (test)", RecordedBy = "Test", RecordedAt = now });
                await db.SaveChangesAsync();
                // One entry at a time, so that ids (which break ties on the same day) follow the order written here.
                foreach (var (on, s) in history)
                {
                    db.SenStatusChanges.Add(new SenStatusChange { PupilId = p.Id, SchoolId = d.Id, Status = s, Needs = s == SenStatus.N ? "" : need ?? "", EffectiveFrom = on, Reason = "Test", RecordedBy = "Test", RecordedAt = now });
                    await db.SaveChangesAsync();
                }
                _dPupils.Add((surname, upn));
                return p;
            }
            async Task Plan(Pupil p, DateOnly issued)
            {
                var now = DateTime.UtcNow;
                db.EhcPlans.Add(new EhcPlan { Id = Guid.CreateVersion7(), PupilId = p.Id, SchoolId = d.Id, IssuedOn = issued, LocalAuthority = "873", Version = 1, CreatedAt = now, UpdatedAt = now });
                await db.SaveChangesAsync();
            }

            var (from, before) = (From, Before);
            await Add("Quill", SenStatus.N, null, before, []);
            var rowan = await Add("Rowan", SenStatus.K, "SLCN", before, [(from, SenStatus.K)]);
            await Add("Saltmarsh", SenStatus.E, "ASD", before, [(from, SenStatus.E)]);
            var tamsin = await Add("Tamsin", SenStatus.E, "ASD", before, [(before, SenStatus.K), (today, SenStatus.E)]);
            await Plan(tamsin, today);
            var umber = await Add("Ulverston", SenStatus.K, "SLCN", before, [(before, SenStatus.E), (from, SenStatus.K)]);
            await Add("Vesper", SenStatus.N, null, before, [(before, SenStatus.K), (from, SenStatus.N)]);
            var wren = await Add("Wren", SenStatus.K, "SLCN", from, [(before, SenStatus.K)]);
            await Add("Yarrow", SenStatus.K, "SLCN", before, [(before, SenStatus.K)], left: from);
            await Add("Zinnia", SenStatus.N, null, today, []);
            var ashby = await Add("Ashby", SenStatus.E, "SEMH", before, [(before, SenStatus.E)]);
            await Plan(ashby, today.AddDays(-400));
            var birch = await Add("Birch", SenStatus.E, "ASD", before, [(before, SenStatus.E)]);
            await Plan(birch, today.AddDays(-350));
            foreach (var n in new[] { "Mldone", "Mldtwo", "Mldthree", "Mldfour", "Mldfive" })
                await Add(n, SenStatus.K, "MLD", before, [(before, SenStatus.K)]);

            var start = Year.Start;
            var now2 = DateTime.UtcNow;
            var offer = new ProvisionOffer { Id = Guid.CreateVersion7(), SchoolId = d.Id, Name = "Catch-up maths (fictional)", AreaOfNeed = AreaOfNeed.CognitionAndLearning, Wave = 2, Version = 1, CreatedAt = now2, UpdatedAt = now2 };
            db.Add(offer);
            InterventionGroup Group(decimal hourly, int perWeek, decimal resources, MeasureKind? measure) => new()
            {
                Id = Guid.CreateVersion7(), SchoolId = d.Id, ProvisionId = offer.Id, Name = "Dashboard test group", StartOn = start, Weeks = 10, SessionsPerWeek = perWeek,
                MinutesPerSession = 60, StaffHourlyCost = hourly, ResourceCost = resources, Measure = measure, Version = 1, CreatedAt = now2, UpdatedAt = now2,
            };
            var measured = Group(20m, 2, 100m, MeasureKind.StandardisedScore);
            db.Add(measured);
            db.Add(Group(30m, 1, 0m, null));
            void Member(Pupil p, int entry, int? exit) => db.Add(new GroupPupil
            {
                GroupId = measured.Id, PupilId = p.Id, SchoolId = d.Id, JoinedOn = start, EntryValue = entry, EntryOn = start, ExitValue = exit, ExitOn = exit is null ? null : start.AddDays(60),
            });
            Member(rowan, 80, 88);
            Member(umber, 90, 87);
            Member(wren, 85, null);
            await db.SaveChangesAsync();
        }

        using var senco = await ClientFor(DUser(SchoolRole.Senco));
        await senco.PutJson($"/api/v1/schools/{DUrn}/sen-budget", new { year = Year.Label, notionalSenBudget = 20_000m }).Expect(HttpStatusCode.OK);
        var tamsinId = await TamsinIdAsync();
        await senco.PostJson($"/api/v1/pupils/{tamsinId}/top-ups", new { band = "B2", amount = 4_000m, from = Year.Start.ToString("yyyy-MM-dd"), to = Year.End.ToString("yyyy-MM-dd") })
            .Expect(HttpStatusCode.Created);
    }

    private async Task<Guid> TamsinIdAsync()
    {
        var (scope, db) = SystemDb();
        using (scope) return await db.Pupils.Where(p => p.Surname == "Tamsin").Select(p => p.Id).SingleAsync();
    }
}
