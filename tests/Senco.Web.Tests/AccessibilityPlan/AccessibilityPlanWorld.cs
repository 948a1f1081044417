using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Senco.Core;
using Senco.Core.Access;
using Senco.Web.Features.Shared.Audit;
using Senco.Web.Tests.Infrastructure;

namespace Senco.Web.Tests.AccessibilityPlan;

/// The common world with, in school A: this year's accessibility plan with one objective, and a pupil with two
/// reasonable adjustments (one agreed, one refused with its reason). The pupil's surname must never reach a governor.
public sealed class AccessibilityPlanWorld : TestWorld
{
    public const string RefusalReason = "Fictional: the centre cannot house a parent overnight.";
    public int PlanYear => SchoolYear.Containing(Today).StartYear;
    public WorldPupil Pupil { get; private set; } = null!;
    public Guid ActionId { get; private set; }
    public Guid AgreedId { get; private set; }
    public Guid RefusedId { get; private set; }
    public string PlanApi => $"/api/v1/schools/{A.Urn}/accessibility-plan";
    public string PlanPage => $"/schools/{A.Urn}/accessibility-plan/{PlanYear}";
    public string PupilApi => $"/api/v1/pupils/{Pupil.Id}/reasonable-adjustments";

    public async Task<int> AuditCountAsync(string action, Guid? pupilId = null)
    {
        await Factory.Services.GetRequiredService<AuditWriter>().FlushAsync(default);
        var (scope, db) = SystemDb();
        using (scope) return db.AuditEntries.Count(e => e.Action == action && (pupilId == null || e.PupilId == pupilId));
    }

    protected override async Task SeedAsync()
    {
        Pupil = await AddPupilAsync("A", "Ottoline", "Brackenbury", "5", status: "K", needs: ["PD"]);
        using var senco = await ClientFor(SchoolRole.Senco, "A");
        await senco.PostJson(PlanApi, new { startYear = PlanYear, endYear = PlanYear + 3 }).Expect(HttpStatusCode.Created);
        var action = await senco.PostJson($"{PlanApi}/{PlanYear}/actions", new
        {
            strand = "PhysicalEnvironment", objective = "Step-free access to the library", owner = "Site manager",
            targetDate = new DateOnly(PlanYear + 1, 7, 1).ToString("yyyy-MM-dd"), cost = 6200m,
        }).ExpectJson(HttpStatusCode.Created);
        ActionId = Guid.Parse(action.Str("id"));
        var requested = Today.AddDays(-20).ToString("yyyy-MM-dd");
        var decided = Today.AddDays(-10).ToString("yyyy-MM-dd");
        var agreed = await senco.PostJson(PupilApi, new
        {
            area = "Curriculum", barrier = "Tires in the afternoon", adjustment = "Rest breaks in the quiet room", requestedBy = "Parent", requestedOn = requested,
            decision = "Agreed", decidedOn = decided, decidedBy = "SENCO", reviewOn = Today.AddDays(30).ToString("yyyy-MM-dd"),
        }).ExpectJson(HttpStatusCode.Created);
        AgreedId = Guid.Parse(agreed.Str("id"));
        var refused = await senco.PostJson(PupilApi, new
        {
            area = "TripsAndVisits", barrier = "Anxious about overnight stays", adjustment = "A parent stays overnight on the residential", requestedBy = "Parent", requestedOn = requested,
            decision = "Refused", ground = "HealthAndSafety", decisionReason = RefusalReason, decidedOn = decided, decidedBy = "Headteacher",
        }).ExpectJson(HttpStatusCode.Created);
        RefusedId = Guid.Parse(refused.Str("id"));
    }
}

[CollectionDefinition(Name)]
public sealed class AccessibilityPlanCollection : ICollectionFixture<AccessibilityPlanWorld>
{
    public const string Name = "AccessibilityPlan";
}
