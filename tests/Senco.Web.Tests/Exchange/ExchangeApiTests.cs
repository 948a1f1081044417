using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Senco.Core.Access;
using Senco.Core.Exchange;
using Senco.Core.Pupils;
using Senco.Web.Tests.Infrastructure;

namespace Senco.Web.Tests.Exchange;

/// The data-exchange endpoints of the contract: CTF import and export, the census SEN items; malformed files; the round
/// trip between two schools; the role × school matrix.
public sealed class ExchangeApiTests(TestWorld world) : IClassFixture<TestWorld>
{
    private static HttpContent Xml(string xml) => new StringContent(xml, Encoding.UTF8, "application/xml");
    private static HttpContent Xml(byte[] bytes) => new ByteArrayContent(bytes) { Headers = { ContentType = new("application/xml") } };

    private string Ctf(params string[] pupils) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><CTfile><Header><DocumentName>Common Transfer File</DocumentName><CTFversion>25.0</CTFversion>" +
        "<DateTime>2026-07-10T10:00:00</DateTime><DocumentQualifier>partial</DocumentQualifier><SupplierID>Test</SupplierID>" +
        "<SourceSchool><LEA>801</LEA><Estab>2000</Estab><SchoolName>Fictional Infants</SchoolName></SourceSchool>" +
        $"<DestSchool><LEA>{world.C.LaCode}</LEA><Estab>{world.C.Estab}</Estab></DestSchool></Header><CTFpupilData>{string.Concat(pupils)}</CTFpupilData></CTfile>";

    private static string Pupil(string upn, string surname = "Quill", string provision = "K", string needs = "SLCN,SPLD", string dob = "2016-03-04", string year = "4") =>
        $"<Pupil><UPN>{upn}</UPN><Surname>{surname}</Surname><Forename>Rowan</Forename><DOB>{dob}</DOB><Gender>M</Gender>" +
        $"<BasicDetails><NCyearActual>{year}</NCyearActual><Languages><Type><LanguageType>F</LanguageType><Language>POL</Language></Type></Languages></BasicDetails>" +
        "<LookedAfter><InCare>false</InCare></LookedAfter>" +
        $"<SENhistory><SEN><StartDate>2024-09-05</StartDate><SENprovision>{provision}</SENprovision></SEN>" +
        (needs.Length == 0 ? "" : "<SENneeds>" + string.Concat(needs.Split(',').Select((n, i) => $"<SENneed><SENtypeRank>{i + 1}</SENtypeRank><SENtype>{n}</SENtype></SENneed>")) + "</SENneeds>") +
        "</SENhistory></Pupil>";

    private async Task<int> PupilCount(string schoolKey)
    {
        var (scope, db) = world.SystemDb();
        using (scope) return await db.Pupils.CountAsync(p => p.School!.Urn == world.Schools[schoolKey].Urn);
    }

    [Fact]
    public async Task Import_adds_pupils_with_SEN_history_and_ranked_needs_and_rejects_bad_pupils_by_field()
    {
        using var senco = await world.ClientFor(SchoolRole.Senco, "C");
        var good = world.NewUpn("C");
        var bad = "A" + good[1..]; // wrong check letter (the right one is not A for this body, or the assert below fails)
        Assert.False(Upn.IsValid(bad));
        var r = await senco.PostAsync($"/api/v1/schools/{world.C.Urn}/imports/ctf", Xml(Ctf(Pupil(good), Pupil(bad, "Other"))));
        var body = await r.ReadNodeOk();
        Assert.Equal(1, body["created"]!.GetValue<int>());
        Assert.Equal(0, body["updated"]!.GetValue<int>());
        var rejected = Assert.Single(body["rejected"]!.AsArray());
        Assert.Equal(bad, rejected!["upn"]!.GetValue<string>());
        Assert.Contains("UPN", rejected["reason"]!.GetValue<string>());

        var (scope, db) = world.SystemDb();
        using (scope)
        {
            var pupil = await db.Pupils.SingleAsync(p => p.Upn == good);
            Assert.Equal("K", pupil.SenStatus.ToString());
            Assert.Equal("SLCN,SPLD", pupil.Needs);
            Assert.True(pupil.Eal);
            var history = await db.SenStatusChanges.Where(c => c.PupilId == pupil.Id).ToListAsync();
            Assert.Equal(new DateOnly(2024, 9, 5), Assert.Single(history).EffectiveFrom);
            Assert.True(await db.PupilEvents.AnyAsync(e => e.PupilId == pupil.Id && e.Kind == Senco.Core.Model.PupilEventKind.SenStatusChanged));
            Assert.True(await db.AuditEntries.AnyAsync(a => a.PupilId == pupil.Id && a.Action == "pupil.ctf.import"));
        }

        // The same file again changes nothing: matched by UPN, never duplicated.
        var again = await (await senco.PostAsync($"/api/v1/schools/{world.C.Urn}/imports/ctf", Xml(Ctf(Pupil(good))))).ReadNodeOk();
        Assert.Equal(0, again["created"]!.GetValue<int>());
        Assert.Equal(0, again["updated"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_pupil_held_under_a_temporary_UPN_gets_the_permanent_one_and_keeps_the_temporary_as_FormerUPN()
    {
        var temporary = world.NewTemporaryUpn("C");
        var held = await world.AddPupilAsync("C", "Rowan", "Quill", "4", upn: temporary);
        var permanent = world.NewUpn("C");
        var pupil = Pupil(permanent).Replace("<BasicDetails>", $"<BasicDetails><FormerUPN>{temporary}</FormerUPN>");
        using var senco = await world.ClientFor(SchoolRole.Senco, "C");
        var body = await (await senco.PostAsync($"/api/v1/schools/{world.C.Urn}/imports/ctf", Xml(Ctf(pupil)))).ReadNodeOk();
        Assert.Equal((0, 1), (body["created"]!.GetValue<int>(), body["updated"]!.GetValue<int>()));
        var (scope, db) = world.SystemDb();
        using (scope)
        {
            var p = await db.Pupils.SingleAsync(x => x.Id == held.Id);
            Assert.Equal(permanent, p.Upn);
            Assert.False(p.UpnIsTemporary);
            Assert.Equal(temporary, p.FormerUpn);
            Assert.Equal("K", p.SenStatus.ToString());
            Assert.Equal(2, p.Version);
        }
    }

    public static TheoryData<string, string> MalformedFiles => new()
    {
        { "not XML", "UPN,Surname\r\nH801200001001,=HYPERLINK(\"x\")" },
        { "wrong root", "<Pupils><Pupil><UPN>H801200001001</UPN></Pupil></Pupils>" },
        { "unknown version", "<CTfile><Header><CTFversion>12.0</CTFversion></Header></CTfile>" },
        { "truncated", "<?xml version=\"1.0\"?><CTfile><Header><CTFversion>25.0</CTFversion><DateTime>2026-07-10T10:00:00</DateTime><SourceSchool><LEA>801</LEA>" },
        { "wrong encoding", "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><CTfile/>" },
        { "entity expansion", "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY b \"bbbbbbbbbb\"><!ENTITY c \"&b;&b;&b;&b;&b;\">]><CTfile>&c;</CTfile>" },
        { "empty", "" },
    };

    [Theory]
    [MemberData(nameof(MalformedFiles))]
    public async Task A_file_that_is_not_a_readable_CTF_is_400_naming_the_file_and_writes_nothing(string why, string content)
    {
        using var senco = await world.ClientFor(SchoolRole.Senco, "C");
        var before = await PupilCount("C");
        var r = await senco.PostAsync($"/api/v1/schools/{world.C.Urn}/imports/ctf", Xml(content));
        var messages = await r.ShouldBeValidationProblemOn("file");
        Assert.False(string.IsNullOrWhiteSpace(messages[0]), why);
        Assert.Equal(before, await PupilCount("C"));
    }

    [Fact]
    public async Task Duplicate_UPNs_and_wrong_bytes_and_huge_files_are_400_and_nothing_is_written()
    {
        using var senco = await world.ClientFor(SchoolRole.Senco, "C");
        var before = await PupilCount("C");
        var upn = world.NewUpn("C");
        var dup = await senco.PostAsync($"/api/v1/schools/{world.C.Urn}/imports/ctf", Xml(Ctf(Pupil(world.NewUpn("C")), Pupil(upn), Pupil(upn))));
        var problem = await dup.ShouldBeProblem(HttpStatusCode.BadRequest);
        Assert.True(problem["errors"]!.AsObject().ContainsKey("pupils[2].upn"), problem.ToJsonString());

        var latin1 = await senco.PostAsync($"/api/v1/schools/{world.C.Urn}/imports/ctf", Xml(Encoding.Latin1.GetBytes(Ctf(Pupil(world.NewUpn("C"), surname: "Müller")))));
        Assert.Contains("UTF-8", (await latin1.ShouldBeValidationProblemOn("file"))[0]);

        var huge = await senco.PostAsync($"/api/v1/schools/{world.C.Urn}/imports/ctf", Xml(new byte[CtfReader.MaxBytes + 10]));
        Assert.Contains("MB", (await huge.ShouldBeValidationProblemOn("file"))[0]);
        Assert.Equal(before, await PupilCount("C"));
    }

    [Theory]
    [InlineData("bad date", "dob")]
    [InlineData("unknown SEN code", "SENneed/SENtype")]
    [InlineData("needs on N", "SENneeds")]
    [InlineData("NSA with E", "SENneed/SENtype")]
    public async Task A_pupil_with_bad_data_is_rejected_with_the_field_named_and_not_written(string why, string field)
    {
        using var senco = await world.ClientFor(SchoolRole.Senco, "C");
        var upn = world.NewUpn("C");
        var pupil = why switch
        {
            "bad date" => Pupil(upn, dob: "2016-02-30"),
            "unknown SEN code" => Pupil(upn, needs: "DYSLEXIA"),
            "needs on N" => Pupil(upn, provision: "N"),
            _ => Pupil(upn, provision: "E", needs: "NSA"),
        };
        var body = await (await senco.PostAsync($"/api/v1/schools/{world.C.Urn}/imports/ctf", Xml(Ctf(pupil)))).ReadNodeOk();
        Assert.Equal(0, body["created"]!.GetValue<int>());
        var rejected = Assert.Single(body["rejected"]!.AsArray())!;
        Assert.Contains(field == "dob" ? "DOB" : field, rejected["reason"]!.GetValue<string>());
        var (scope, db) = world.SystemDb();
        using (scope) Assert.False(await db.Pupils.AnyAsync(p => p.Upn == upn));
    }

    [Fact]
    public async Task Round_trip_a_CTF_exported_by_school_A_imports_unchanged_into_school_C()
    {
        var source = world.BasePupil("A", "K");
        using var aSenco = await world.ClientFor(SchoolRole.Senco, "A");
        var export = await aSenco.GetAsync($"/api/v1/schools/{world.A.Urn}/exports/ctf?upn={source.Upn}&destLa={world.C.LaCode}&destEstab={world.C.Estab}");
        await export.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("application/xml", export.Content.Headers.ContentType?.MediaType);
        var xml = await export.Content.ReadAsByteArrayAsync();
        var read = CtfReader.Read(xml);
        Assert.True(read.IsReadable, read.FileError);
        Assert.Equal(CtfVersions.Current, read.File!.Header.Version);
        Assert.Equal(world.C.LaCode, read.File.Header.Destination.Lea);

        using var cSenco = await world.ClientFor(SchoolRole.Senco, "C");
        var imported = await (await cSenco.PostAsync($"/api/v1/schools/{world.C.Urn}/imports/ctf", Xml(xml))).ReadNodeOk();
        Assert.Equal(1, imported["created"]!.GetValue<int>());
        Assert.Empty(imported["rejected"]!.AsArray());

        using var aHistory = await aSenco.GetAsync($"/api/v1/pupils/{source.Id}/sen/history");
        var (scope, db) = world.SystemDb();
        using (scope)
        {
            var a = await db.Pupils.SingleAsync(p => p.Id == source.Id);
            var c = await db.Pupils.SingleAsync(p => p.Upn == source.Upn && p.School!.Urn == world.C.Urn);
            Assert.Equal((a.Forename, a.Surname, a.DateOfBirth, a.Gender, a.YearGroup, a.Eal, a.LookedAfter, a.SenStatus, a.Needs),
                (c.Forename, c.Surname, c.DateOfBirth, c.Gender, c.YearGroup, c.Eal, c.LookedAfter, c.SenStatus, c.Needs));
            var ah = await db.SenStatusChanges.Where(x => x.PupilId == a.Id).OrderBy(x => x.EffectiveFrom).Select(x => new { x.Status, x.EffectiveFrom }).ToListAsync();
            var ch = await db.SenStatusChanges.Where(x => x.PupilId == c.Id).OrderBy(x => x.EffectiveFrom).Select(x => new { x.Status, x.EffectiveFrom }).ToListAsync();
            Assert.Equal(ah, ch);
            // The export is a read of pupil data, audited.
        }
        await world.Factory.Services.GetRequiredService<Senco.Web.Features.Shared.Audit.AuditWriter>().FlushAsync(default);
        var (scope2, db2) = world.SystemDb();
        using (scope2) Assert.True(await db2.AuditEntries.AnyAsync(e => e.PupilId == source.Id && e.Action == "pupil.ctf.export"));
    }

    [Theory]
    [InlineData("XXX", "XXXX")]
    [InlineData("MMM", "MMMM")]
    public async Task Export_to_special_destinations(string la, string estab)
    {
        using var senco = await world.ClientFor(SchoolRole.Senco, "A");
        var r = await senco.GetAsync($"/api/v1/schools/{world.A.Urn}/exports/ctf?upn={world.BasePupil("A", "E").Upn}&upn={world.BasePupil("A", "N").Upn}&destLa={la}&destEstab={estab}");
        await r.ShouldBe(HttpStatusCode.OK);
        var file = CtfReader.Read(await r.Content.ReadAsByteArrayAsync()).File!;
        Assert.Equal((la, estab), (file.Header.Destination.Lea, file.Header.Destination.Estab));
        Assert.Equal(2, file.Pupils.Count);
    }

    [Fact]
    public async Task Export_names_bad_parameters()
    {
        using var senco = await world.ClientFor(SchoolRole.Senco, "A");
        await (await senco.GetAsync($"/api/v1/schools/{world.A.Urn}/exports/ctf?destLa=873&destEstab=2001")).ShouldBeValidationProblemOn("upn");
        await (await senco.GetAsync($"/api/v1/schools/{world.A.Urn}/exports/ctf?upn={world.BasePupil("A", "K").Upn}&destLa=87&destEstab=2001")).ShouldBeValidationProblemOn("destLa");
        // Another school's pupil is not in this school: named as unknown, never exported.
        await (await senco.GetAsync($"/api/v1/schools/{world.A.Urn}/exports/ctf?upn={world.BasePupil("C", "K").Upn}&destLa=873&destEstab=2001")).ShouldBeValidationProblemOn("upn");
    }

    [Fact]
    public async Task Census_lists_every_pupil_on_roll_with_ranked_needs_for_K_and_E_only()
    {
        using var senco = await world.ClientFor(SchoolRole.Senco, "B");
        var body = await (await senco.GetAsync($"/api/v1/schools/{world.B.Urn}/census/sen")).ReadNodeOk();
        var items = body["items"]!.AsArray().Select(i => i!.AsObject()).ToList();
        var k = items.Single(i => i["upn"]!.GetValue<string>() == world.BasePupil("B", "K").Upn);
        Assert.Equal("K", k["senProvision"]!.GetValue<string>());
        Assert.Equal(["SLCN:1", "ASD:2"], k["needs"]!.AsArray().Select(n => $"{n!["type"]}:{n["rank"]}"));
        var n = items.Single(i => i["upn"]!.GetValue<string>() == world.BasePupil("B", "N").Upn);
        Assert.Equal("N", n["senProvision"]!.GetValue<string>());
        Assert.Empty(n["needs"]!.AsArray());
        Assert.DoesNotContain(items, i => i["upn"]!.GetValue<string>() == world.BasePupil("A", "K").Upn);
    }

    /// Role × school: another school (not in the trust) is 404; a role without ExchangeData is 403; governors never get pupil data.
    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Role_and_school_matrix(SchoolRole role, string actorSchool, string targetSchool)
    {
        using var client = await world.ClientFor(role, actorSchool);
        var target = world.Schools[targetSchool];
        var visible = world.Visible(role, actorSchool, targetSchool);
        var allowed = RolePermissions.Has(role, Permission.ExchangeData);
        var expected = !visible ? HttpStatusCode.NotFound : allowed ? HttpStatusCode.OK : HttpStatusCode.Forbidden;

        var census = await client.GetAsync($"/api/v1/schools/{target.Urn}/census/sen");
        Assert.Equal(expected, census.StatusCode);
        var export = await client.GetAsync($"/api/v1/schools/{target.Urn}/exports/ctf?upn={world.BasePupil(targetSchool, "K").Upn}&destLa=XXX&destEstab=XXXX");
        Assert.Equal(expected, export.StatusCode);
        var before = await PupilCount(targetSchool);
        var import = await client.PostAsync($"/api/v1/schools/{target.Urn}/imports/ctf", Xml(Ctf(Pupil(world.NewUpn(targetSchool)))));
        Assert.Equal(expected, import.StatusCode);
        Assert.Equal(before + (expected == HttpStatusCode.OK ? 1 : 0), await PupilCount(targetSchool));
        if (role == SchoolRole.Governor) Assert.DoesNotContain(world.BasePupil(targetSchool, "K").Upn, await census.Content.ReadAsStringAsync());
    }

    public static TheoryData<SchoolRole, string, string> Matrix()
    {
        var data = new TheoryData<SchoolRole, string, string>();
        foreach (var role in Enum.GetValues<SchoolRole>())
        {
            data.Add(role, "A", "A");
            data.Add(role, "A", "C");
        }
        data.Add(SchoolRole.TrustLead, "A", "B");
        return data;
    }

    [Fact]
    public async Task Without_a_token_is_401()
    {
        using var anon = world.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anon.GetAsync($"/api/v1/schools/{world.A.Urn}/census/sen")).StatusCode);
    }
}

internal static class ExchangeTestExtensions
{
    public static async Task<JsonNode> ReadNodeOk(this HttpResponseMessage r)
    {
        await r.ShouldBe(HttpStatusCode.OK);
        return await r.ReadNode();
    }
}
