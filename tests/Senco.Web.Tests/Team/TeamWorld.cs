using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Senco.Core.Access;
using Senco.Web.Features.Shared.Audit;
using Senco.Web.Tests.Infrastructure;

namespace Senco.Web.Tests.Team;

/// The common world (schools A, B in one trust, C in another; a user per role per school) with a team around the
/// child in school A: an agency, consent, a referral, a restricted note with an attachment, and designations: A's
/// teacher is the DSL there; in school B senior leaders are also allowed to open restricted notes.
public sealed class TeamWorld : TestWorld
{
    /// A phrase that appears only in the restricted note: searches and exports must never find it.
    public const string Secret = "Zanzibar disclosure";

    public Guid AgencyA { get; private set; }
    public Guid ConsentA { get; private set; }
    public Guid ReferralA { get; private set; }
    public Guid NoteA { get; private set; }
    public Guid NoteDocumentA { get; private set; }
    public Guid NoteB { get; private set; }
    public WorldPupil PupilA => BasePupil("A", "K");
    public Guid ManagerStaffA { get; private set; }
    public Guid TaStaffA { get; private set; }
    public Guid ObjectiveA { get; private set; }

    public static byte[] Pdf(string text = "fictional report") => Encoding.ASCII.GetBytes($"%PDF-1.4\n% {text}\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

    public static byte[] Zip(params string[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var e in entries)
            {
                using var w = new StreamWriter(zip.CreateEntry(e).Open());
                w.Write("<x/>");
            }
        return buffer.ToArray();
    }

    public static byte[] Docx() => Zip("[Content_Types].xml", "word/document.xml");

    protected override async Task SeedAsync()
    {
        using var senco = await ClientFor(SchoolRole.Senco, "A");
        AgencyA = Guid.Parse((await senco.PostJson($"/api/v1/schools/{A.Urn}/agencies", new { name = "Northfield Speech and Language Therapy", kind = "SpeechAndLanguageTherapy", contactName = "Lena Ortiz" })
            .ExpectJson(HttpStatusCode.Created)).Str("id"));
        ConsentA = Guid.Parse((await senco.PostJson($"/api/v1/pupils/{PupilA.Id}/consents", new { purpose = "Referral to speech and language therapy", givenBy = "Mrs Kaur (mother)", givenOn = Today.AddDays(-20).ToString("yyyy-MM-dd") })
            .ExpectJson(HttpStatusCode.Created)).Str("id"));
        ReferralA = Guid.Parse((await senco.PostJson($"/api/v1/pupils/{PupilA.Id}/referrals", new
        {
            agencyId = AgencyA, reason = "Expressive language well below age expectations", status = "Sent", sentOn = Today.AddDays(-14).ToString("yyyy-MM-dd"), consentId = ConsentA,
        }).ExpectJson(HttpStatusCode.Created)).Str("id"));
        NoteA = Guid.Parse((await senco.PostJson($"/api/v1/pupils/{PupilA.Id}/restricted-notes", new { category = "Safeguarding", title = "Strategy meeting", text = $"Fictional: {Secret} recorded by the DSL." })
            .ExpectJson(HttpStatusCode.Created)).Str("id"));
        var doc = await senco.PostAsync($"/api/v1/restricted-notes/{NoteA}/documents?fileName=minutes.pdf", new ByteArrayContent(Pdf("strategy minutes"))).ExpectJson(HttpStatusCode.Created);
        NoteDocumentA = Guid.Parse(doc.Str("id"));
        await senco.PutJson($"/api/v1/schools/{A.Urn}/team-settings", new { dslUserId = User(SchoolRole.Teacher, "A").Id, restrictedNoteRoles = Array.Empty<string>(), maxUploadMegabytes = 2 })
            .Expect(HttpStatusCode.OK);

        // Staff records: A's SENCO line-manages A's teaching assistant, whose appraisal has one objective.
        ManagerStaffA = Guid.Parse((await senco.PostJson($"/api/v1/schools/{A.Urn}/staff", new { name = "Sana Okoro", role = "Senco", userId = User(SchoolRole.Senco, "A").Id })
            .ExpectJson(HttpStatusCode.Created)).Str("id"));
        TaStaffA = Guid.Parse((await senco.PostJson($"/api/v1/schools/{A.Urn}/staff", new { name = "Theo Atkins", role = "TeachingAssistant", userId = User(SchoolRole.TeachingAssistant, "A").Id, lineManagerId = ManagerStaffA })
            .ExpectJson(HttpStatusCode.Created)).Str("id"));
        ObjectiveA = Guid.Parse((await senco.PostJson($"/api/v1/staff/{TaStaffA}/appraisal/objectives", new { academicYear = "2026/27", objective = "Fictional objective: lead two Talk Boost groups" })
            .ExpectJson(HttpStatusCode.Created)).Str("id"));

        using var sencoB = await ClientFor(SchoolRole.Senco, "B");
        NoteB = Guid.Parse((await sencoB.PostJson($"/api/v1/pupils/{BasePupil("B", "K").Id}/restricted-notes", new { category = "Health", title = "Medication", text = "Fictional health note" })
            .ExpectJson(HttpStatusCode.Created)).Str("id"));
        await sencoB.PutJson($"/api/v1/schools/{B.Urn}/team-settings", new { restrictedNoteRoles = new[] { "SeniorLeader" }, maxUploadMegabytes = 10 }).Expect(HttpStatusCode.OK);
    }

    public async Task<int> AuditCountAsync(string action, Guid? pupilId = null)
    {
        await Factory.Services.GetRequiredService<AuditWriter>().FlushAsync(default);
        var (scope, db) = SystemDb();
        using (scope) return db.AuditEntries.Count(e => e.Action == action && (pupilId == null || e.PupilId == pupilId));
    }

    public (int Documents, int Contents) DocumentCounts()
    {
        var (scope, db) = SystemDb();
        using (scope) return (db.TeamDocuments.Count(), db.TeamDocumentContents.Count());
    }

    public static JsonNode Node(string s) => JsonNode.Parse(s)!;
}

[CollectionDefinition(Name)]
public sealed class TeamCollection : ICollectionFixture<TeamWorld>
{
    public const string Name = "Team";
}
