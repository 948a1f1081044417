using System.IO.Compression;
using System.Text;
using Senco.Core.Access;
using Senco.Core.Model;
using Senco.Core.Team;

namespace Senco.Core.Tests.Team;

public sealed class FileTypesTests
{
    private static byte[] Zip(params string[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var e in entries)
                using (var w = new StreamWriter(zip.CreateEntry(e).Open())) w.Write("<x/>");
        return buffer.ToArray();
    }

    public static TheoryData<string, byte[], string?> Files => new()
    {
        { "pdf", Encoding.ASCII.GetBytes("%PDF-1.7\n..."), FileTypes.Pdf },
        { "png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0], FileTypes.Png },
        { "jpeg", [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10], FileTypes.Jpeg },
        { "docx", Zip("[Content_Types].xml", "word/document.xml"), FileTypes.Docx },
        { "xlsx is a zip but not a Word document", Zip("[Content_Types].xml", "xl/workbook.xml"), null },
        { "zip without content types", Zip("word/document.xml"), null },
        { "zip signature, broken archive", [0x50, 0x4B, 0x03, 0x04, 1, 2, 3], null },
        { "exe", Encoding.ASCII.GetBytes("MZ\x90\0"), null },
        { "html", Encoding.ASCII.GetBytes("<html><script>"), null },
        { "gif", Encoding.ASCII.GetBytes("GIF89a"), null },
        { "too short for a pdf", Encoding.ASCII.GetBytes("%PD"), null },
    };

    [Theory, MemberData(nameof(Files))]
    public void The_type_comes_from_the_bytes(string _, byte[] data, string? expected) => Assert.Equal(expected, FileTypes.Sniff(data));

    [Fact]
    public void Size_is_checked_against_the_schools_limit()
    {
        var ok = new byte[1024 * 1024];
        "%PDF-"u8.CopyTo(ok);
        Assert.Null(FileTypes.Check(ok, 1).Error);
        var big = new byte[1024 * 1024 + 1];
        "%PDF-"u8.CopyTo(big);
        Assert.Equal("The selected file must be smaller than 1 MB", FileTypes.Check(big, 1).Error);
        Assert.Equal("The selected file is empty", FileTypes.Check([], 10).Error);
    }

    [Theory]
    [InlineData("report.pdf", FileTypes.Pdf, "report.pdf")]
    [InlineData("../../etc/passwd", FileTypes.Pdf, "passwd.pdf")]
    [InlineData("C:\\Users\\x\\scan.JPG", FileTypes.Jpeg, "scan.jpg")]
    [InlineData("invoice.pdf.exe", FileTypes.Docx, "invoice.pdf.docx")]
    [InlineData("\"quoted\";name=x.png", FileTypes.Png, "quotednamex.png")]
    [InlineData("", FileTypes.Png, "document.png")]
    [InlineData(null, FileTypes.Pdf, "document.pdf")]
    public void Names_are_made_safe_and_match_the_real_type(string? name, string type, string expected) => Assert.Equal(expected, FileTypes.SafeName(name, type));
}

public sealed class TeamRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Theory]
    [InlineData(0, true)]
    [InlineData(-400, true)]
    [InlineData(1, false)]
    public void Consent_cannot_be_given_in_the_future(int days, bool valid) =>
        Assert.Equal(valid, TeamRules.ValidateConsent("EP referral", "Mother", Today.AddDays(days), Today).IsValid);

    [Theory]
    [InlineData(-10, 0, null)]
    [InlineData(-10, -11, "on or after the date it was given")]
    [InlineData(-10, 1, "today or in the past")]
    public void Withdrawal_falls_between_consent_and_today(int givenDaysAgo, int withdrawnDays, string? error)
    {
        var consent = new ConsentRecord { GivenOn = Today.AddDays(givenDaysAgo) };
        var errors = TeamRules.ValidateWithdrawal(consent, Today.AddDays(withdrawnDays), Today);
        if (error is null) Assert.True(errors.IsValid);
        else Assert.Contains(error, errors.For("withdrawnOn")[0]);
    }

    [Fact]
    public void Consent_withdrawn_once_cannot_be_withdrawn_again() =>
        Assert.False(TeamRules.ValidateWithdrawal(new ConsentRecord { GivenOn = Today.AddDays(-5), WithdrawnOn = Today }, Today, Today).IsValid);

    [Fact]
    public void An_action_needs_an_owner()
    {
        Assert.Equal("Choose who will do this action: every action needs an owner", TeamRules.ValidateAction("Phone parents", null, Today).For("ownerUserId")[0]);
        Assert.True(TeamRules.ValidateAction("Phone parents", Guid.NewGuid(), Today).IsValid);
        Assert.True(TeamRules.ValidateAction("Phone parents", Guid.Empty, Today).Has("ownerUserId"));
    }

    [Theory]
    [InlineData("Sent", null, null, "sentOn")]
    [InlineData("Seen", -10, null, "seenOn")]
    [InlineData("Seen", -10, -11, "seenOn")]
    [InlineData("Seen", -10, -3, null)]
    [InlineData("Draft", null, null, null)]
    [InlineData("Sent", 1, null, "sentOn")]
    [InlineData("Lost", -1, null, "status")]
    public void Referral_dates_follow_its_status(string status, int? sent, int? seen, string? field)
    {
        var e = TeamRules.ValidateReferral("reason", status, sent is { } s ? Today.AddDays(s) : null, seen is { } n ? Today.AddDays(n) : null, null, Today);
        if (field is null) Assert.True(e.IsValid);
        else Assert.True(e.Has(field));
    }

    [Fact]
    public void Waiting_times_average_the_seen_and_count_the_waiting()
    {
        Referral R(int? sent, int? seen, ReferralStatus s) => new() { SentOn = sent is { } a ? Today.AddDays(a) : null, SeenOn = seen is { } b ? Today.AddDays(b) : null, Status = s };
        var w = TeamRules.Waits([R(-100, -60, ReferralStatus.Seen), R(-50, -30, ReferralStatus.Closed), R(-40, null, ReferralStatus.Sent), R(-10, null, ReferralStatus.Accepted), R(null, null, ReferralStatus.Draft), R(-5, null, ReferralStatus.Declined)], Today);
        Assert.Equal(2, w.Seen);
        Assert.Equal(30, w.AverageDays);
        Assert.Equal(40, w.LongestDays);
        Assert.Equal(2, w.Waiting);
        Assert.Equal(40, w.LongestWaitingDays);
    }

    [Fact]
    public void A_looked_after_child_needs_the_virtual_school_and_designated_teacher()
    {
        var e = TeamRules.ValidateFlags(true, null, " ");
        Assert.True(e.Has("virtualSchoolContact"));
        Assert.True(e.Has("designatedTeacher"));
        Assert.True(TeamRules.ValidateFlags(false, null, null).IsValid);
    }

    [Theory]
    [InlineData("2026/27", true)]
    [InlineData("2026-27", false)]
    [InlineData("", false)]
    public void Appraisal_years_are_academic_years(string year, bool valid) => Assert.Equal(valid, TeamRules.ValidateObjective(year, "Lead Talk Boost").IsValid);

    [Fact]
    public void Appraisals_are_read_by_the_person_their_line_manager_and_senior_leaders()
    {
        Guid staff = Guid.NewGuid(), manager = Guid.NewGuid(), other = Guid.NewGuid();
        Assert.True(TeamRules.MayReadAppraisal(staff, false, staff, manager));
        Assert.True(TeamRules.MayReadAppraisal(manager, false, staff, manager));
        Assert.True(TeamRules.MayReadAppraisal(other, true, staff, manager));
        Assert.False(TeamRules.MayReadAppraisal(other, false, staff, manager));
        Assert.False(TeamRules.MayReadAppraisal(other, false, null, null));
    }
}

public sealed class RestrictedNoteRulesTests
{
    private static readonly Guid Me = Guid.NewGuid();

    public static TheoryData<SchoolRole[], Guid?, string, bool> Cases => new()
    {
        { [SchoolRole.Senco], null, "", true },
        { [SchoolRole.Teacher], Me, "", true }, // the DSL
        { [SchoolRole.Teacher], Guid.NewGuid(), "", false },
        { [SchoolRole.SeniorLeader], null, "", false },
        { [SchoolRole.SeniorLeader], null, "SeniorLeader", true },
        { [SchoolRole.AssistantSenco], null, "SeniorLeader", false },
        { [SchoolRole.TrustLead], null, "TrustLead", false }, // never allowable
        { [SchoolRole.Governor], Me, "Governor", false }, // no named pupils at all
        { [SchoolRole.SchoolAdmin], null, "SchoolAdmin, Teacher", true },
        { [SchoolRole.TeachingAssistant], null, "nonsense,,", false },
    };

    [Theory, MemberData(nameof(Cases))]
    public void Who_may_open_restricted_notes(SchoolRole[] roles, Guid? dsl, string allowed, bool expected) =>
        Assert.Equal(expected, RestrictedNoteRules.MayOpen(roles.ToHashSet(), Me, dsl, null, allowed));
}
