using System.Net;
using Senco.Core;
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
    }
}

[CollectionDefinition(Name)]
public sealed class LeadershipCollection : ICollectionFixture<LeadershipWorld>
{
    public const string Name = "Leadership";
}
