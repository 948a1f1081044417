using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Senco.Core.Access;
using Senco.Web.Tests.Infrastructure;
using Senco.Web.Tests.Pages;

namespace Senco.Web.Tests.Exchange;

/// The transfer pack's content: the uploaded files the next school needs, byte for byte; never restricted material;
/// an index that names every file with its type and source and says what was left out and why.
public sealed class TransferPackTests(TestWorld world) : IClassFixture<TestWorld>
{
    private const string Secret = "Fictional restricted strategy minutes";

    private sealed record Leaver(Guid PupilId, Guid TransferId, byte[] AgencyReport, byte[] PupilEhcPlan, byte[] ReviewPapers, string OtherMeetingFile);

    /// A leaver of school A with an EHC plan, an uploaded EHC plan on their record, an agency report on a referral,
    /// papers of a review meeting and of a multi-agency meeting, and a restricted note with an attachment.
    private async Task<Leaver> LeaverAsync(string surname)
    {
        var pupil = await world.AddPupilAsync("A", "Tomas", surname, "6", status: "E", needs: ["SLCN"]);
        using var senco = await world.ClientFor(SchoolRole.Senco, "A");
        string Iso(DateOnly d) => d.ToString("yyyy-MM-dd");
        var today = TestWorld.Today;
        await senco.PostJson($"/api/v1/pupils/{pupil.Id}/ehc-plans", new { issuedOn = Iso(today.AddMonths(-8)), localAuthority = "873" }).Expect(HttpStatusCode.Created);

        // A "large" scanned report: a PDF header then 3 MB of incompressible bytes, so byte-for-byte copying is tested
        // across many chunks.
        var report = new byte[3 * 1024 * 1024];
        new Random(7).NextBytes(report);
        "%PDF-1.7\n"u8.CopyTo(report);
        var pupilPlan = Encoding.ASCII.GetBytes($"%PDF-1.4\n% fictional EHC plan of {surname} issued by the local authority\n%%EOF\n");
        var review = Encoding.ASCII.GetBytes($"%PDF-1.4\n% fictional annual review papers of {surname}\n%%EOF\n");

        var agency = await senco.PostJson($"/api/v1/schools/{world.A.Urn}/agencies", new { name = $"Hillside Educational Psychology {surname}", kind = "EducationalPsychology" })
            .ExpectJson(HttpStatusCode.Created);
        var referral = await senco.PostJson($"/api/v1/pupils/{pupil.Id}/referrals", new { agencyId = agency.Str("id"), reason = "Cognitive assessment", status = "Sent", sentOn = Iso(today.AddDays(-40)) })
            .ExpectJson(HttpStatusCode.Created);
        await Upload(senco, $"/api/v1/referrals/{referral.Str("id")}/documents?fileName=ep-report.pdf&description=Educational%20psychologist%27s%20report", report);
        await Upload(senco, $"/api/v1/pupils/{pupil.Id}/documents?fileName=ehc-plan-final.pdf&description=Final%20EHC%20plan%20from%20the%20LA", pupilPlan);

        var reviewMeeting = await senco.PostJson($"/api/v1/schools/{world.A.Urn}/meetings", new
        {
            title = "Annual review", kind = "Review", startsAt = Iso(today.AddDays(-20)) + "T14:00", durationMinutes = 60, pupilId = pupil.Id,
        }).ExpectJson(HttpStatusCode.Created);
        await Upload(senco, $"/api/v1/meetings/{reviewMeeting.Str("id")}/documents?fileName=review-papers.pdf", review);
        var otherMeeting = await senco.PostJson($"/api/v1/schools/{world.A.Urn}/meetings", new
        {
            title = "Team around the family", kind = "EarlyHelp", startsAt = Iso(today.AddDays(-10)) + "T09:00", durationMinutes = 30, pupilId = pupil.Id,
        }).ExpectJson(HttpStatusCode.Created);
        await Upload(senco, $"/api/v1/meetings/{otherMeeting.Str("id")}/documents?fileName=family-notes.pdf", Encoding.ASCII.GetBytes("%PDF-1.4\n% fictional family notes\n"));

        var note = await senco.PostJson($"/api/v1/pupils/{pupil.Id}/restricted-notes", new { category = "Safeguarding", title = "Strategy meeting", text = Secret })
            .ExpectJson(HttpStatusCode.Created);
        await Upload(senco, $"/api/v1/restricted-notes/{note.Str("id")}/documents?fileName=strategy-minutes.pdf", Encoding.ASCII.GetBytes($"%PDF-1.4\n% {Secret}\n"));

        using var page = await PageSession.SignInAsync(world.Factory, world.User(SchoolRole.Senco, "A").Email, TestWorld.Password);
        var form = new Dictionary<string, string>
        {
            ["LeftOn.Day"] = today.AddDays(-2).Day.ToString(), ["LeftOn.Month"] = today.AddDays(-2).Month.ToString(), ["LeftOn.Year"] = today.AddDays(-2).Year.ToString(),
            ["Destination.Kind"] = "School", ["Destination.La"] = "330", ["Destination.Estab"] = "4002", ["Destination.Name"] = "Riverside High School",
            ["__RequestVerificationToken"] = await page.GetFormTokenAsync($"/pupils/{pupil.Id}/leave"),
        };
        Assert.Equal(HttpStatusCode.Redirect, (await page.Client.PostAsync($"/pupils/{pupil.Id}/leave", new FormUrlEncodedContent(form))).StatusCode);
        var (scope, db) = world.SystemDb();
        using (scope)
        {
            var transfer = await db.PupilTransfers.SingleAsync(t => t.PupilId == pupil.Id);
            return new Leaver(pupil.Id, transfer.Id, report, pupilPlan, review, "family-notes.pdf");
        }
    }

    private static async Task Upload(HttpClient client, string url, byte[] content)
    {
        var body = new ByteArrayContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        await client.PostAsync(url, body).Expect(HttpStatusCode.Created);
    }

    private static byte[] Bytes(ZipArchiveEntry e)
    {
        using var s = e.Open();
        using var ms = new MemoryStream();
        s.CopyTo(ms);
        return ms.ToArray();
    }

    private static string Text(ZipArchive zip, string name) => Encoding.UTF8.GetString(Bytes(zip.GetEntry(name)!));

    [Fact]
    public async Task The_pack_holds_the_uploaded_files_byte_for_byte_and_the_index_lists_each_with_type_and_source()
    {
        var leaver = await LeaverAsync("Byteford");
        using var senco = await world.ClientFor(SchoolRole.Senco, "A");
        var response = await senco.PostAsync($"/api/v1/transfers/{leaver.TransferId}/pack", null);
        await response.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("application/zip", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition!.ToString());
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var names = zip.Entries.Select(e => e.FullName).ToList();

        Assert.Equal("00-index.txt", names[0]);
        Assert.Contains(names, n => n.StartsWith("01-ctf-", StringComparison.Ordinal));
        Assert.Contains("04-ehc-plan.docx", names);
        var report = zip.Entries.Single(e => e.FullName.StartsWith("07-agency-reports/", StringComparison.Ordinal) && e.FullName.EndsWith("ep-report.pdf", StringComparison.Ordinal));
        Assert.Equal(leaver.AgencyReport, Bytes(report));
        var plan = zip.Entries.Single(e => e.FullName.StartsWith("06-pupil-documents/", StringComparison.Ordinal));
        Assert.EndsWith("ehc-plan-final.pdf", plan.FullName);
        Assert.Equal(leaver.PupilEhcPlan, Bytes(plan));
        var review = zip.Entries.Single(e => e.FullName.StartsWith("08-review-meeting-documents/", StringComparison.Ordinal));
        Assert.Equal(leaver.ReviewPapers, Bytes(review));

        // Restricted material: not the file, not its name, not the note's words; other meetings' files held back.
        Assert.DoesNotContain(names, n => n.Contains("strategy-minutes", StringComparison.Ordinal));
        Assert.DoesNotContain(names, n => n.Contains(leaver.OtherMeetingFile, StringComparison.Ordinal));
        foreach (var e in zip.Entries) Assert.DoesNotContain(Secret, Encoding.Latin1.GetString(Bytes(e)));

        var index = Text(zip, "00-index.txt");
        foreach (var n in names.Skip(1)) Assert.Contains($"  {n} | ", index);
        var reportLine = index.Split('\n').Single(l => l.Contains(report.FullName, StringComparison.Ordinal));
        Assert.Contains("PDF, uploaded by", reportLine);
        Assert.Contains("3 MB", reportLine);
        Assert.Contains("referral to Hillside Educational Psychology Byteford", reportLine);
        Assert.Contains("Educational psychologist's report", reportLine);
        Assert.Contains("documents on the pupil's record", index.Split('\n').Single(l => l.Contains(plan.FullName, StringComparison.Ordinal)));
        Assert.Contains("review meeting \"Annual review\"", index.Split('\n').Single(l => l.Contains(review.FullName, StringComparison.Ordinal)));
        Assert.Contains("Word document (DOCX), made by Senco", index.Split('\n').Single(l => l.Contains("04-ehc-plan.docx", StringComparison.Ordinal)));

        var leftOut = index[index.IndexOf("Left out, and why:", StringComparison.Ordinal)..];
        Assert.Contains("SEN support plan: none recorded", leftOut);
        Assert.Contains("Annual review report: no annual review held yet", leftOut);
        Assert.Contains("family-notes.pdf", leftOut);
        Assert.Contains("the Early Help meeting \"Team around the family\"", leftOut);
        // The SENCO may open restricted notes, so is told how many files were held back and why.
        Assert.Contains("Restricted notes (safeguarding and health) and any files attached to them: 1 file held: never put in a transfer pack", leftOut);

        var (scope, db) = world.SystemDb();
        using (scope)
        {
            var t = await db.PupilTransfers.SingleAsync(x => x.Id == leaver.TransferId);
            Assert.Equal(1, t.PacksGenerated);
            var audit = await db.AuditEntries.Where(a => a.PupilId == leaver.PupilId && a.Action == "transfer.pack").ToListAsync();
            Assert.Contains(audit, a => a.Summary.Contains(report.FullName, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Someone_who_may_not_open_restricted_notes_is_not_told_they_exist_and_others_may_not_make_the_pack()
    {
        var leaver = await LeaverAsync("Quietly");
        using var assistant = await world.ClientFor(SchoolRole.AssistantSenco, "A");
        var response = await assistant.PostAsync($"/api/v1/transfers/{leaver.TransferId}/pack", null);
        await response.ShouldBe(HttpStatusCode.OK);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var index = Text(zip, "00-index.txt");
        Assert.Contains("Restricted notes (safeguarding and health) and any files attached to them: never put in a transfer pack", index);
        Assert.DoesNotContain("file held", index);
        Assert.DoesNotContain(zip.Entries, e => e.FullName.Contains("strategy-minutes", StringComparison.Ordinal));
        Assert.Equal(leaver.AgencyReport, Bytes(zip.Entries.Single(e => e.FullName.StartsWith("07-agency-reports/", StringComparison.Ordinal))));

        using var teacher = await world.ClientFor(SchoolRole.Teacher, "A");
        await (await teacher.PostAsync($"/api/v1/transfers/{leaver.TransferId}/pack", null)).ShouldBeProblem(HttpStatusCode.Forbidden);
        using var otherSchool = await world.ClientFor(SchoolRole.Senco, "C");
        Assert.Equal(HttpStatusCode.NotFound, (await otherSchool.PostAsync($"/api/v1/transfers/{leaver.TransferId}/pack", null)).StatusCode);
        using var governor = await world.ClientFor(SchoolRole.Governor, "A");
        await (await governor.PostAsync($"/api/v1/transfers/{leaver.TransferId}/pack", null)).ShouldBeProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_page_streams_the_same_pack()
    {
        var leaver = await LeaverAsync("Pagewell");
        using var page = await PageSession.SignInAsync(world.Factory, world.User(SchoolRole.Senco, "A").Email, TestWorld.Password);
        var html = await page.Client.GetStringAsync($"/transfers/{leaver.TransferId}");
        Assert.Contains("agency reports attached to their referrals", html);
        var response = await page.Client.PostAsync($"/transfers/{leaver.TransferId}?handler=Pack", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await page.GetFormTokenAsync($"/transfers/{leaver.TransferId}"),
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".zip", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());
        Assert.Equal(leaver.AgencyReport, Bytes(zip.Entries.Single(e => e.FullName.StartsWith("07-agency-reports/", StringComparison.Ordinal))));
        Assert.Equal(leaver.PupilEhcPlan, Bytes(zip.Entries.Single(e => e.FullName.StartsWith("06-pupil-documents/", StringComparison.Ordinal))));
    }

    /// A response body: write-only, not seekable, and synchronous writes throw (as Kestrel's do by default).
    private sealed class ResponseLikeStream : Stream
    {
        public MemoryStream Received { get; } = new();
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Write(byte[] buffer, int offset, int count) => throw new InvalidOperationException("Synchronous operations are disallowed.");
        public override void Write(ReadOnlySpan<byte> buffer) => throw new InvalidOperationException("Synchronous operations are disallowed.");
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken ct = default) { Received.Write(buffer.Span); return ValueTask.CompletedTask; }
        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken ct) => WriteAsync(buffer.AsMemory(offset, count), ct).AsTask();
        public override void Flush() => throw new InvalidOperationException("Synchronous operations are disallowed.");
        public override Task FlushAsync(CancellationToken ct) => Task.CompletedTask;
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }

    [Fact]
    public async Task A_large_document_streams_through_without_being_held_whole_in_memory()
    {
        var big = new byte[8 * 1024 * 1024];
        new Random(11).NextBytes(big);
        var output = new ResponseLikeStream();
        var largestHeld = await Senco.Web.Features.Transfers.TransferPackBuilder.WriteZipAsync(
            [("00-index.txt", false), ("07-agency-reports/01-scan.pdf", true)], DateTime.UtcNow, output,
            async (name, s, ct) =>
            {
                if (name == "00-index.txt") { await s.WriteAsync("index"u8.ToArray(), ct); return; }
                await using var source = new MemoryStream(big, writable: false);
                await source.CopyToAsync(s, 81920, ct);
            }, CancellationToken.None);

        Assert.True(largestHeld < 64 * 1024, $"{largestHeld} bytes were held back at once");
        output.Received.Position = 0;
        using var zip = new ZipArchive(output.Received);
        Assert.Equal(big, Bytes(zip.GetEntry("07-agency-reports/01-scan.pdf")!));
        Assert.Equal("index", Text(zip, "00-index.txt"));
    }

    [Fact]
    public async Task The_pupil_API_shows_where_a_leaver_went_and_when_the_pack_was_sent()
    {
        var leaver = await LeaverAsync("Apiford");
        using var senco = await world.ClientFor(SchoolRole.Senco, "A");
        var before = await senco.GetAsync($"/api/v1/pupils/{leaver.PupilId}").ExpectJson(HttpStatusCode.OK);
        Assert.False(before["onRoll"]!.GetValue<bool>());
        Assert.Equal(TestWorld.Today.AddDays(-2).ToString("yyyy-MM-dd"), before.Str("leftOn"));
        Assert.Equal("330", before.Str("destinationLa"));
        Assert.Equal("4002", before.Str("destinationEstab"));
        Assert.Equal("Riverside High School", before.Str("destinationName"));
        Assert.NotNull(before["transferDueOn"]);
        Assert.Null(before["transferPackSentOn"]);
        Assert.False(before["senUnitIndicator"]!.GetValue<bool>());
        Assert.True(before.AsObject().ContainsKey("formerUpn"));

        var (scope, db) = world.SystemDb();
        using (scope)
        {
            var t = await db.PupilTransfers.SingleAsync(x => x.Id == leaver.TransferId);
            t.SentOn = TestWorld.Today;
            t.SentTo = "S2S upload to Riverside High School";
            await db.SaveChangesAsync();
        }
        var after = await senco.GetAsync($"/api/v1/pupils/{leaver.PupilId}").ExpectJson(HttpStatusCode.OK);
        Assert.Equal(TestWorld.Today.ToString("yyyy-MM-dd"), after.Str("transferPackSentOn"));
        Assert.Equal("S2S upload to Riverside High School", after.Str("transferPackSentTo"));
    }
}
