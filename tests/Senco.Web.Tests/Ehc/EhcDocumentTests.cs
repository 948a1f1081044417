using System.Net;
using System.Net.Http.Json;
using DocumentFormat.OpenXml.Packaging;
using Senco.Core;
using static Senco.Web.Tests.Ehc.EhcFixture;

namespace Senco.Web.Tests.Ehc;

[Collection(EhcCollection.Name)]
public class EhcDocumentTests(EhcFixture f)
{
    [Theory]
    [InlineData("invitation")]
    [InlineData("advice-request")]
    [InlineData("review-report")]
    public async Task Each_document_opens_in_the_Open_XML_SDK_and_holds_the_pupils_details(string kind)
    {
        var (_, planId) = await f.PupilWithPlanAsync(Today.AddDays(-320), forename: "Juniper", surname: "Fictional");
        var senco = await f.ClientAsync("senco@a.test");
        await Expect(await senco.PostAsJsonAsync($"/api/v1/ehc-plans/{planId}/needs", new { description = "Communication", outcomes = new[] { "Asks for help using a visual card" } }), HttpStatusCode.Created);
        var meeting = Today.AddDays(-2);
        var review = await Expect(await senco.PostAsJsonAsync($"/api/v1/ehc-plans/{planId}/reviews", new { meetingOn = Iso(meeting) }), HttpStatusCode.Created);
        var reviewId = review["id"]!.GetValue<Guid>();
        await Expect(await senco.PutAsJsonAsync($"/api/v1/ehc-plans/{planId}/reviews/{reviewId}", new { heldOn = Iso(meeting), recommendation = "Maintain", attendees = "Parent, SENCO", pupilViews = "Enjoys art" }), HttpStatusCode.OK);

        var r = await senco.GetAsync($"/api/v1/ehc-plans/{planId}/reviews/{reviewId}/documents/{kind}.docx");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", r.Content.Headers.ContentType!.MediaType);
        await using var stream = new MemoryStream(await r.Content.ReadAsByteArrayAsync());
        using var doc = WordprocessingDocument.Open(stream, false);
        var text = doc.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains("Juniper Fictional", text);
        Assert.Contains(Dates.Long(meeting), text);
        Assert.Contains("EHC Test Primary", text);
        switch (kind)
        {
            case "invitation": Assert.Contains(Dates.Long(meeting.AddDays(-14)), text); break;
            case "advice-request": Assert.Contains("Asks for help using a visual card", text); break;
            case "review-report":
                Assert.Contains(Dates.Long(meeting.AddDays(14)), text);
                Assert.Contains("Enjoys art", text);
                break;
        }
    }

    [Fact]
    public async Task An_unknown_document_is_404()
    {
        var (_, planId) = await f.PupilWithPlanAsync(Today.AddDays(-20));
        var senco = await f.ClientAsync("senco@a.test");
        var review = await Expect(await senco.PostAsJsonAsync($"/api/v1/ehc-plans/{planId}/reviews", new { meetingOn = Iso(Today.AddDays(20)) }), HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.NotFound, (await senco.GetAsync($"/api/v1/ehc-plans/{planId}/reviews/{review["id"]}/documents/secrets.docx")).StatusCode);
    }
}
