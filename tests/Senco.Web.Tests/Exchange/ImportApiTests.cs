using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Senco.Core.Access;
using Senco.Core.Exchange;
using Senco.Core.Model;
using Senco.Core.Sen;
using Senco.Web.Tests.Infrastructure;
using static Senco.Web.Tests.Exchange.ImportApi;

namespace Senco.Web.Tests.Exchange;

public sealed class ImportApiTests(TestWorld world) : IClassFixture<TestWorld>
{
    private string UrnA => world.A.Urn;

    private async Task<int> PupilCountAsync(string schoolUrn)
    {
        var (scope, db) = world.SystemDb();
        using (scope) return await db.Pupils.CountAsync(p => p.School!.Urn == schoolUrn);
    }

    [Fact]
    public async Task A_file_with_problems_lists_each_by_row_and_field_and_cannot_be_imported()
    {
        using var senco = await world.ClientFor(SchoolRole.Senco, "A");
        var good = world.NewUpn("A");
        var dup = world.NewUpn("A");
        var csv = Csv(Header,
            Line(good, "Adebayo", "Tolu"),
            Line("H801200001002", "Bad", "Check"),
            Line(world.NewUpn("A"), "Usdate", "Una", dob: "05/23/2016"),
            Line(world.NewUpn("A"), "Twodigit", "Tia", dob: "05/03/16"),
            Line(world.NewUpn("A"), "Yearless", "Yan", year: "Year 15"),
            Line(world.NewUpn("A"), "Senless", "Sol", sen: "S"),
            Line(world.NewUpn("A"), "Needy", "Ned", sen: "N", primary: "SLCN"),
            Line(world.NewUpn("A"), "=HYPERLINK(\"http://example.invalid\",\"x\")", "Fay"),
            Line(dup, "Twice", "Tom"),
            Line(dup, "Twice", "Tom"),
            Line(world.NewUpn("A"), "", "Nosurname"));
        var before = await PupilCountAsync(UrnA);
        var preview = await PreviewAsync(senco, UrnA, csv);
        Assert.False(preview["canImport"]!.GetValue<bool>());
        var problems = preview["problems"]!.AsArray().Select(p => (Row: p!["row"]!.GetValue<int>(), Field: p.Str("field"), Message: p.Str("message"))).ToList();
        void Has(int row, string field, string text) => Assert.Contains(problems, p => p.Row == row && p.Field == field && p.Message.Contains(text, StringComparison.Ordinal));
        Has(3, "upn", "The check letter should be X.");
        Has(4, "dateOfBirth", "US date");
        Has(5, "dateOfBirth", "two-digit year");
        Has(6, "yearGroup", "is not a year group");
        Has(7, "senStatus", "no longer uses");
        Has(8, "primaryNeed", SenChangeRules.NoNeedsForNMessage);
        Has(9, "surname", "looks like a spreadsheet formula");
        Has(11, "upn", "is also on row 10");
        Has(12, "surname", "surname is missing");
        Assert.DoesNotContain(problems, p => p.Row == 2);

        var start = await senco.PostJson($"/api/v1/schools/{UrnA}/imports/pupils/{preview.Str("id")}/start", new { });
        Assert.Contains("problems", (await start.ShouldBeValidationProblemOn("file"))[0]);
        Assert.Equal(before, await PupilCountAsync(UrnA));
    }

    [Fact]
    public async Task Import_adds_pupils_with_sen_history_and_reimport_updates_by_upn_without_duplicates()
    {
        using var senco = await world.ClientFor(SchoolRole.Senco, "A");
        string u1 = world.NewUpn("A"), u2 = world.NewUpn("A");
        var first = Csv(Header,
            Line(u1, "Mensah", "Kofi", dob: "2016-02-01", gender: "M", year: "Y4", sen: "K - SEN Support", primary: "SLCN", secondary: "ASD", eal: "Y"),
            Line(u2, "Lindqvist", "Saga", dob: "30/11/2015", year: "5", fsm: "Yes"));
        var preview = await PreviewAsync(senco, UrnA, first);
        Assert.True(preview["canImport"]!.GetValue<bool>(), preview.ToJsonString());
        Assert.Equal(2, preview["new"]!.AsArray().Count);
        var done = await ImportAsync(senco, UrnA, preview.Str("id"));
        Assert.Equal("Completed", done.Str("status"));
        Assert.Equal(2, done["created"]!.GetValue<int>());

        Guid kofi;
        {
            var (scope, db) = world.SystemDb();
            using var _ = scope;
            var p = await db.Pupils.SingleAsync(x => x.Upn == u1);
            kofi = p.Id;
            Assert.Equal(("Kofi", "Mensah", "4", SenStatus.K, "SLCN", "ASD", true), (p.Forename, p.Surname, p.YearGroup, p.SenStatus, p.PrimaryNeed, p.SecondaryNeed, p.Eal));
            Assert.True((await db.Pupils.SingleAsync(x => x.Upn == u2)).PupilPremium);
            var change = await db.SenStatusChanges.SingleAsync(c => c.PupilId == kofi);
            Assert.StartsWith("Imported from Test MIS", change.Reason);
            Assert.True(await db.AuditEntries.AnyAsync(a => a.PupilId == kofi && a.Action == "pupil.import.create"));
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "import.pupils" && a.Summary.Contains("2 new")));
        }

        // The same roll a term later: Kofi moved up a year and onto an EHC plan; Saga is unchanged.
        var second = Csv(Header,
            Line(u1, "Mensah", "Kofi", dob: "01/02/2016", gender: "M", year: "5", sen: "E", primary: "SLCN", secondary: "ASD", eal: "Y"),
            Line(u2, "Lindqvist", "Saga", dob: "30/11/2015", year: "5", fsm: "Yes"));
        var again = await PreviewAsync(senco, UrnA, second);
        var updated = Assert.Single(again["updated"]!.AsArray());
        Assert.Equal(["yearGroup", "senStatus"], updated!["changes"]!.AsArray().Select(c => c.Str("field")).ToArray());
        Assert.Equal(1, again["unchanged"]!.GetValue<int>());
        Assert.Empty(again["new"]!.AsArray());
        var result = await ImportAsync(senco, UrnA, again.Str("id"));
        Assert.Equal((0, 1, 1), (result["created"]!.GetValue<int>(), result["updated"]!.GetValue<int>(), result["unchanged"]!.GetValue<int>()));

        var history = await senco.GetAsync($"/api/v1/pupils/{kofi}/sen/history").ExpectJson(HttpStatusCode.OK);
        Assert.Equal(["K", "E"], history.AsArray().Select(h => h.Str("status")).ToArray());
        var (s2, db2) = world.SystemDb();
        using (s2)
        {
            Assert.Equal(1, await db2.Pupils.CountAsync(p => p.Upn == u1));
            Assert.Equal("5", (await db2.Pupils.SingleAsync(p => p.Upn == u1)).YearGroup);
        }
    }

    [Fact]
    public async Task A_windows_1252_file_is_read_as_such_and_says_so()
    {
        using var senco = await world.ClientFor(SchoolRole.Senco, "A");
        var upn = world.NewUpn("A");
        var bytes = Encoding.GetEncoding(1252).GetBytes(Csv(Header, Line(upn, "Brontë", "Zoë")));
        var preview = await (await UploadAsync(senco, UrnA, bytes)).ReadCreatedAsync();
        Assert.Contains("Windows-1252", preview["notices"]![0]!.GetValue<string>());
        Assert.Equal("Zoë", preview["new"]![0]!.Str("forename"));
        await ImportAsync(senco, UrnA, preview.Str("id"));
        var (scope, db) = world.SystemDb();
        using (scope) Assert.Equal("Brontë", (await db.Pupils.SingleAsync(p => p.Upn == upn)).Surname);
    }

    [Fact]
    public async Task Files_that_are_not_a_roll_are_refused_with_a_reason()
    {
        using var senco = await world.ClientFor(SchoolRole.Senco, "A");
        var pdf = await UploadAsync(senco, UrnA, Encoding.ASCII.GetBytes("%PDF-1.7 not a roll"));
        Assert.Contains("PDF", (await pdf.ShouldBeValidationProblemOn("file"))[0]);
        var binary = await UploadAsync(senco, UrnA, [1, 2, 0, 4, 5, 0, 7]);
        Assert.Contains("binary", (await binary.ShouldBeValidationProblemOn("file"))[0]);
        var zip = await UploadAsync(senco, UrnA, [0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8], Xlsx);
        Assert.Contains("not an Excel workbook", (await zip.ShouldBeValidationProblemOn("file"))[0]);
        var empty = await UploadAsync(senco, UrnA, Encoding.UTF8.GetBytes("UPN,Surname\r\n"));
        var node = await empty.ReadCreatedAsync();
        Assert.Contains(node["problems"]!.AsArray(), p => p.Str("message").Contains("no pupils", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_xlsx_is_read_with_real_dates_and_formulas_are_never_evaluated()
    {
        using var senco = await world.ClientFor(SchoolRole.Senco, "A");
        string u1 = world.NewUpn("A"), u2 = world.NewUpn("A");
        // A workbook with a date-typed cell and a formula cell (built with OpenXML so that the formula is real).
        var bytes = XlsxBuilder.Build(
            ["UPN", "Surname", "Forename", "Date of Birth", "Sex", "Year", "SEN Status", "Primary Need"],
            [
                [u1, "Achterberg", "Femke", new DateTime(2015, 9, 12), "F", "5", "K", "SPLD"],
                [u2, new XlsxBuilder.Formula("CONCAT(\"Ev\",\"il\")"), "Frank", new DateTime(2015, 10, 1), "M", "5", "N", ""],
            ]);
        var preview = await (await UploadAsync(senco, UrnA, bytes, Xlsx, fileName: "roll.xlsx")).ReadCreatedAsync();
        var problem = Assert.Single(preview["problems"]!.AsArray());
        Assert.Equal((3, "surname"), (problem!["row"]!.GetValue<int>(), problem.Str("field")));
        Assert.Contains("=CONCAT", problem.Str("message"));

        var clean = XlsxBuilder.Build(["UPN", "Surname", "Forename", "Date of Birth", "Sex", "Year", "SEN Status", "Primary Need"],
            [[u1, "Achterberg", "Femke", new DateTime(2015, 9, 12), "F", "5", "K", "SPLD"]]);
        var ok = await (await UploadAsync(senco, UrnA, clean, Xlsx, fileName: "roll.xlsx")).ReadCreatedAsync();
        Assert.True(ok["canImport"]!.GetValue<bool>(), ok.ToJsonString());
        await ImportAsync(senco, UrnA, ok.Str("id"));
        var (scope, db) = world.SystemDb();
        using (scope)
        {
            var p = await db.Pupils.SingleAsync(x => x.Upn == u1);
            Assert.Equal((new DateOnly(2015, 9, 12), SenStatus.K, "SPLD"), (p.DateOfBirth, p.SenStatus, p.PrimaryNeed));
        }
    }

    [Fact]
    public async Task The_register_exported_as_csv_and_xlsx_imports_back_unchanged()
    {
        using var senco = await world.ClientFor(SchoolRole.Senco, "B");
        var urn = world.B.Urn;
        var csv = await senco.GetByteArrayAsync($"/api/v1/schools/{urn}/register.csv");
        var xlsx = await senco.GetByteArrayAsync($"/api/v1/schools/{urn}/register.xlsx");
        var register = await senco.GetAsync($"/api/v1/schools/{urn}/register").ExpectJson(HttpStatusCode.OK);
        var count = register["count"]!.GetValue<int>();
        Assert.True(count >= 2);
        foreach (var (bytes, type) in new[] { (csv, "text/csv"), (xlsx, Xlsx) })
        {
            var preview = await (await UploadAsync(senco, urn, bytes, type, source: "Senco register")).ReadCreatedAsync();
            Assert.True(preview["canImport"]!.GetValue<bool>(), preview.ToJsonString());
            Assert.Equal((0, 0, count), (preview["new"]!.AsArray().Count, preview["updated"]!.AsArray().Count, preview["unchanged"]!.GetValue<int>()));
            var done = await ImportAsync(senco, urn, preview.Str("id"));
            Assert.Equal("Completed", done.Str("status"));
        }
        var after = await senco.GetAsync($"/api/v1/schools/{urn}/register").ExpectJson(HttpStatusCode.OK);
        Assert.Equal(register.ToJsonString(), after.ToJsonString());
    }

    [Fact]
    public async Task The_mapping_chosen_once_is_remembered_for_the_school_and_source()
    {
        using var senco = await world.ClientFor(SchoolRole.Senco, "A");
        var csv = Csv("Pupil ref,Family,Given,Born,M/F,Grp", $"{world.NewUpn("A")},Oduya,Ama,01/03/2016,F,4");
        var first = await PreviewAsync(senco, UrnA, csv, source: "Homegrown");
        Assert.False(first["canImport"]!.GetValue<bool>());
        var mapped = await senco.PutJson($"/api/v1/schools/{UrnA}/imports/pupils/{first.Str("id")}/mapping", new
        {
            mapping = new Dictionary<string, string> { ["upn"] = "Pupil ref", ["surname"] = "Family", ["forename"] = "Given", ["dateOfBirth"] = "Born", ["gender"] = "M/F", ["yearGroup"] = "Grp" },
        }).ExpectJson(HttpStatusCode.OK);
        Assert.True(mapped["canImport"]!.GetValue<bool>(), mapped.ToJsonString());
        var second = await PreviewAsync(senco, UrnA, csv, source: "Homegrown");
        Assert.Equal("Family", second["mapping"]!["surname"]!.GetValue<string>());
        Assert.True(second["canImport"]!.GetValue<bool>());
        var other = await PreviewAsync(senco, UrnA, csv, source: "Another MIS");
        Assert.Null(other["mapping"]!["surname"]);

        var bad = await senco.PutJson($"/api/v1/schools/{UrnA}/imports/pupils/{first.Str("id")}/mapping", new { mapping = new Dictionary<string, string> { ["surname"] = "Nope" } });
        Assert.Contains("no column headed", (await bad.ShouldBeValidationProblemOn("surname"))[0]);
    }

    [Fact]
    public async Task Roles_and_schools()
    {
        var csv = Encoding.UTF8.GetBytes(Csv(Header, Line(world.NewUpn("A"), "Roleplay", "Rae")));
        using var teacher = await world.ClientFor(SchoolRole.Teacher, "A");
        await (await UploadAsync(teacher, UrnA, csv)).ShouldBeProblem(HttpStatusCode.Forbidden);
        using var governor = await world.ClientFor(SchoolRole.Governor, "A");
        await (await UploadAsync(governor, UrnA, csv)).ShouldBeProblem(HttpStatusCode.Forbidden);
        using var otherSchool = await world.ClientFor(SchoolRole.Senco, "C");
        Assert.Equal(HttpStatusCode.NotFound, (await UploadAsync(otherSchool, UrnA, csv)).StatusCode);

        using var senco = await world.ClientFor(SchoolRole.Senco, "A");
        var preview = await (await UploadAsync(senco, UrnA, csv)).ReadCreatedAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await otherSchool.GetAsync($"/api/v1/schools/{world.C.Urn}/imports/pupils/{preview.Str("id")}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherSchool.GetAsync($"/api/v1/schools/{UrnA}/imports/pupils/{preview.Str("id")}")).StatusCode);
        await (await teacher.GetAsync($"/api/v1/schools/{UrnA}/imports/pupils/{preview.Str("id")}")).ShouldBeProblem(HttpStatusCode.Forbidden);

        // Office staff keep the roll but may not change SEN status: a file that would is refused for them, row by row.
        using var office = await world.ClientFor(SchoolRole.SchoolAdmin, "A");
        var k = world.BasePupil("A", "K");
        var senChange = await (await UploadAsync(office, UrnA, Encoding.UTF8.GetBytes(Csv("UPN,SEN Status,Primary Need", $"{k.Upn},N,")))).ReadCreatedAsync();
        Assert.Equal(ImportPlanner.NoSenPermissionMessage, senChange["problems"]![0]!.Str("message"));
        var yearOnly = await (await UploadAsync(office, UrnA, Encoding.UTF8.GetBytes(Csv("UPN,Year", $"{k.Upn},{k.YearGroup}")))).ReadCreatedAsync();
        Assert.True(yearOnly["canImport"]!.GetValue<bool>());
    }
}
