using System.Net;
using Microsoft.EntityFrameworkCore;
using Senco.Core;
using Senco.Core.Access;
using Senco.Core.Model;
using Senco.Core.Provision;
using Senco.Web.Tests.Infrastructure;

namespace Senco.Web.Tests.Trust;

/// <summary>
/// The common world (trust Oakfield: schools A and B; school C in the Riverside trust; N, K and E pupils in each) plus a
/// hand-built picture of the year, each figure worked out by hand in <see cref="TrustDashboardTests"/>:
/// A: one more K pupil (SEMH) and one more E pupil (ASD, Year 3) whose EHC plan was issued 400 days ago (its annual
///    review is overdue); budget £10,000, top-up £6,000 for the whole year; one group costing £500 on standardised scores
///    (+8, −3, and a pupil with no exit score).
/// B: three more N pupils; budget £1,000, no top-up; one group costing £1,500 on reading age (+6 and 0 with dates, and a
///    pupil with an exit score but no exit date, who does not count).
/// C: figures no one in Oakfield may see: a budget of £987,654, a £2,000 group, an overdue plan.
/// </summary>
public sealed class TrustWorld : TestWorld
{
    public WorldPupil ExtraKA { get; private set; } = null!;
    public WorldPupil ExtraEA { get; private set; } = null!;
    public static SchoolYear Year => SchoolYear.Containing(Today);

    protected override async Task SeedAsync()
    {
        ExtraKA = await AddPupilAsync("A", "Robin", "SemhPupilA", "2", status: "K", needs: ["SEMH"]);
        ExtraEA = await AddPupilAsync("A", "Kit", "PlanPupilA", "3", status: "N");
        for (var i = 0; i < 3; i++) await AddPupilAsync("B", "Lee", $"RollPupilB{i}", "8");
        await AddPupilAsync("C", "Cass", "OtherTrustPupilC", "9", status: "K", needs: ["HI"]);

        using (var senco = await ClientFor(SchoolRole.Senco, "A"))
        {
            // Issuing the plan makes the pupil E (needs kept: none yet, so give ASD first).
            await senco.PutJson($"/api/v1/pupils/{ExtraEA.Id}/sen", SenBody("K", ["ASD"], Today.AddDays(-500))).Expect(HttpStatusCode.OK);
            await senco.PostJson($"/api/v1/pupils/{ExtraEA.Id}/ehc-plans", new { issuedOn = Today.AddDays(-400).ToString("yyyy-MM-dd"), localAuthority = "873" })
                .Expect(HttpStatusCode.Created);
            await senco.PutJson($"/api/v1/schools/{A.Urn}/sen-budget", new { year = Year.Label, notionalSenBudget = 10_000m }).Expect(HttpStatusCode.OK);
            await senco.PostJson($"/api/v1/pupils/{ExtraEA.Id}/top-ups", new { band = "B2", amount = 6_000m, from = Iso(Year.Start), to = Iso(Year.End) })
                .Expect(HttpStatusCode.Created);
        }
        using (var senco = await ClientFor(SchoolRole.Senco, "B"))
            await senco.PutJson($"/api/v1/schools/{B.Urn}/sen-budget", new { year = Year.Label, notionalSenBudget = 1_000m }).Expect(HttpStatusCode.OK);
        using (var senco = await ClientFor(SchoolRole.Senco, "C"))
        {
            await senco.PutJson($"/api/v1/schools/{C.Urn}/sen-budget", new { year = Year.Label, notionalSenBudget = 987_654m }).Expect(HttpStatusCode.OK);
            await senco.PostJson($"/api/v1/pupils/{BasePupil("C", "E").Id}/ehc-plans", new { issuedOn = Today.AddDays(-450).ToString("yyyy-MM-dd"), localAuthority = "330" })
                .Expect(HttpStatusCode.Created);
        }

        var (scope, db) = SystemDb();
        using (scope)
        {
            var ids = await db.Schools.ToDictionaryAsync(s => s.Urn, s => s.Id);
            var start = Year.Start;
            // A: £20/h × 60 min × 2 a week × 10 weeks = £400, + £100 resources = £500.
            var groupA = Group(db, ids[A.Urn], start, 20m, 60, 2, 10, 100m, MeasureKind.StandardisedScore);
            Member(db, groupA, BasePupil("A", "K").Id, start, 80, start, 88, start.AddDays(60));
            Member(db, groupA, ExtraKA.Id, start, 90, start, 87, start.AddDays(60));
            Member(db, groupA, BasePupil("A", "N").Id, start, 85, start, null, null);
            // B: £30/h × 60 × 5 × 10 = £1,500.
            var groupB = Group(db, ids[B.Urn], start, 30m, 60, 5, 10, 0m, MeasureKind.ReadingAgeMonths);
            Member(db, groupB, BasePupil("B", "K").Id, start, 100, start, 106, start.AddDays(60));
            Member(db, groupB, BasePupil("B", "E").Id, start, 90, start, 90, start.AddDays(60));
            Member(db, groupB, BasePupil("B", "N").Id, start, 70, start, 75, null);
            // C: £40/h × 60 × 5 × 10 = £2,000; every place improved.
            var groupC = Group(db, ids[C.Urn], start, 40m, 60, 5, 10, 0m, MeasureKind.StandardisedScore);
            Member(db, groupC, BasePupil("C", "K").Id, start, 70, start, 99, start.AddDays(60));
            await db.SaveChangesAsync();
        }
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd");

    private static InterventionGroup Group(Senco.Data.SencoDbContext db, int schoolId, DateOnly start, decimal hourly, int minutes, int perWeek, int weeks, decimal resources, MeasureKind measure)
    {
        var now = DateTime.UtcNow;
        var offer = new ProvisionOffer { Id = Guid.CreateVersion7(), SchoolId = schoolId, Name = "Catch-up reading (fictional)", AreaOfNeed = AreaOfNeed.CognitionAndLearning, Wave = 2, Version = 1, CreatedAt = now, UpdatedAt = now };
        var group = new InterventionGroup
        {
            Id = Guid.CreateVersion7(), SchoolId = schoolId, ProvisionId = offer.Id, Name = "Trust test group", StartOn = start, Weeks = weeks, SessionsPerWeek = perWeek,
            MinutesPerSession = minutes, StaffHourlyCost = hourly, ResourceCost = resources, Measure = measure, Version = 1, CreatedAt = now, UpdatedAt = now,
        };
        db.Add(offer);
        db.Add(group);
        return group;
    }

    private static void Member(Senco.Data.SencoDbContext db, InterventionGroup g, Guid pupilId, DateOnly joined, int? entry, DateOnly? entryOn, int? exit, DateOnly? exitOn) =>
        db.Add(new GroupPupil { GroupId = g.Id, PupilId = pupilId, SchoolId = g.SchoolId, JoinedOn = joined, EntryValue = entry, EntryOn = entryOn, ExitValue = exit, ExitOn = exitOn });
}
