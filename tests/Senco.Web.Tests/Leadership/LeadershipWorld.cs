using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Senco.Core;
using Senco.Web.Features.Shared.Audit;
using Senco.Core.Access;
using Senco.Web.Tests.Infrastructure;

namespace Senco.Web.Tests.Leadership;

/// The common world with, in school A: a provision catalogue, an agency, a pupil with a rare need (whose name must
/// never reach a report), last year's SEN information report with text and this year's started from it.
public sealed class LeadershipWorld : TestWorld
{
    public const string LastYearText = "Fictional: we provide for all four broad areas of need.";
    public int ThisYear => SchoolYear.Containing(Today).StartYear;
    public int LastYear => ThisYear - 1;
    public WorldPupil Rare { get; private set; } = null!;
    public WorldPupil Candidate => BasePupil("A", "E");
    /// An arrangement of the candidate in school A, for the pages that change one.
    public Guid ArrangementA { get; private set; }

    public async Task<int> AuditCountAsync(string action, Guid? pupilId = null)
    {
        await Factory.Services.GetRequiredService<AuditWriter>().FlushAsync(default);
        var (scope, db) = SystemDb();
        using (scope) return db.AuditEntries.Count(e => e.Action == action && (pupilId == null || e.PupilId == pupilId));
    }

    protected override async Task SeedAsync()
    {
        Rare = await AddPupilAsync("A", "Zebedee", "Quillfeather", "4", status: "K", needs: ["VI"]);
        using var senco = await ClientFor(SchoolRole.Senco, "A");
        await senco.PostJson($"/api/v1/schools/{A.Urn}/provisions", new { name = "Precision teaching", areaOfNeed = "CognitionAndLearning", wave = 2 }).Expect(HttpStatusCode.Created);
        await senco.PostJson($"/api/v1/schools/{A.Urn}/provisions", new { name = "Zones of regulation", areaOfNeed = "SocialEmotionalMentalHealth", wave = 1 }).Expect(HttpStatusCode.Created);
        await senco.PostJson($"/api/v1/schools/{A.Urn}/agencies", new { name = "Northfield Educational Psychology Service", kind = "EducationalPsychology" }).Expect(HttpStatusCode.Created);

        await senco.PostJson($"/api/v1/schools/{A.Urn}/information-reports", new { year = LastYear }).Expect(HttpStatusCode.Created);
        var last = await senco.GetAsync($"/api/v1/schools/{A.Urn}/information-reports/{LastYear}").ExpectJson(HttpStatusCode.OK);
        var version = last["sections"]!.AsArray().First(s => s!["key"]!.GetValue<string>() == "kinds-of-sen")!["version"]!.GetValue<int>();
        await senco.PutJson($"/api/v1/schools/{A.Urn}/information-reports/{LastYear}/sections/kinds-of-sen", new { text = LastYearText, version }).Expect(HttpStatusCode.OK);
        await senco.PostJson($"/api/v1/schools/{A.Urn}/information-reports", new { }).Expect(HttpStatusCode.Created);

        var created = await senco.PostJson($"/api/v1/pupils/{Candidate.Id}/exam-access", new
        {
            kind = "Reader", evidence = "EhcPlan", normalWayOfWorking = "Has a reader in lessons and mocks", edition = SchoolYear.Containing(Today).StartYear,
            approvedOn = Today.AddDays(-1).ToString("yyyy-MM-dd"), details = "=HYPERLINK(\"http://evil.example\")",
        }).ExpectJson(HttpStatusCode.Created);
        ArrangementA = Guid.Parse(created.Str("id"));
    }
}

[CollectionDefinition(Name)]
public sealed class LeadershipCollection : ICollectionFixture<LeadershipWorld>
{
    public const string Name = "Leadership";
}
