using System.Text;
using Senco.Core.Exchange;
using Senco.Core.Pupils;

namespace Senco.Core.Tests.Exchange;

public class CtfTests
{
    // Valid UPNs from send-facts.md §3 worked examples, plus one made with the check-letter rule.
    private const string Upn1 = "H801200001001";
    private const string Upn2 = "U936200124123";
    private static readonly string Upn3 = Upn.CheckLetterFor("873200124001") + "873200124001";

    private static string Pupil(string upn = Upn1, string sen = "<SEN><StartDate>2023-09-05</StartDate><SENprovision>K</SENprovision></SEN>",
        string needs = "<SENneeds><SENneed><SENtypeRank>1</SENtypeRank><SENtype>SLCN</SENtype></SENneed></SENneeds>",
        string dob = "2015-04-02", string gender = "<Gender>F</Gender>", string basic = "<BasicDetails><NCyearActual>5</NCyearActual></BasicDetails>") =>
        $"<Pupil><UPN>{upn}</UPN><Surname>Testing</Surname><Forename>Ada</Forename><DOB>{dob}</DOB>{gender}{basic}<SENhistory>{sen}{needs}</SENhistory></Pupil>";

    private static string File(string pupils, string version = "25.0") =>
        $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><CTfile><Header><DocumentName>Common Transfer File</DocumentName><CTFversion>{version}</CTFversion>" +
        "<DateTime>2026-07-10T10:00:00</DateTime><DocumentQualifier>partial</DocumentQualifier><SupplierID>Test</SupplierID>" +
        "<SourceSchool><LEA>801</LEA><Estab>2000</Estab><URN>100001</URN><SchoolName>Fictional Primary</SchoolName><AcademicYear>2026</AcademicYear></SourceSchool>" +
        $"<DestSchool><LEA>873</LEA><Estab>2001</Estab></DestSchool></Header><CTFpupilData>{pupils}</CTFpupilData></CTfile>";

    private static CtfReadResult Read(string xml) => CtfReader.Read(Encoding.UTF8.GetBytes(xml));

    [Theory]
    [InlineData("25.0")]
    [InlineData("24.0")]
    [InlineData("25")]
    public void Reads_the_current_and_previous_versions(string version)
    {
        var r = Read(File(Pupil(), version));
        Assert.True(r.IsReadable, r.FileError);
        var p = Assert.Single(r.File!.Pupils);
        Assert.Equal(Upn1, p.Upn);
        Assert.Equal("K", p.CurrentProvision);
        Assert.Equal([new CtfNeed(1, "SLCN")], p.Needs);
        Assert.Equal("5", p.NcYearActual);
    }

    [Fact]
    public void Reads_Sex_where_a_file_says_Sex_instead_of_Gender()
    {
        var r = Read(File(Pupil(gender: "<Sex>M</Sex>")));
        Assert.Equal("M", Assert.Single(r.File!.Pupils).Gender);
    }

    public static TheoryData<string, byte[], string> BadFiles => new()
    {
        { "empty", [], "empty" },
        { "not XML", Encoding.UTF8.GetBytes("UPN,Surname\nH801200001001,Smith"), "not XML" },
        { "wrong root", Encoding.UTF8.GetBytes("<Register><Pupil/></Register>"), "root element is <Register>" },
        { "unknown version", Encoding.UTF8.GetBytes(File(Pupil(), "19.0")), "\"19.0\" is not one Senco reads" },
        { "no version", Encoding.UTF8.GetBytes("<CTfile><Header></Header></CTfile>"), "no <CTFversion>" },
        { "truncated", Encoding.UTF8.GetBytes(File(Pupil())[..300]), "cut short" },
        { "declared Windows-1252", Encoding.UTF8.GetBytes(File(Pupil()).Replace("UTF-8", "windows-1252")), "must be UTF-8" },
        { "Latin-1 bytes", Encoding.Latin1.GetBytes(File(Pupil()).Replace("Testing", "Müller")), "not valid UTF-8" },
        { "DTD", Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><!DOCTYPE CTfile [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><CTfile>&x;</CTfile>"), "document type definition" },
        { "bad header date", Encoding.UTF8.GetBytes(File(Pupil()).Replace("2026-07-10T10:00:00", "yesterday")), "<DateTime>" },
        { "duplicate UPNs", Encoding.UTF8.GetBytes(File(Pupil() + Pupil(upn: Upn2) + Pupil())), "same UPN" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void Unreadable_files_give_a_clear_file_error_and_no_pupils(string why, byte[] bytes, string expected)
    {
        var r = CtfReader.Read(bytes);
        Assert.False(r.IsReadable, why);
        Assert.Null(r.File);
        Assert.Contains(expected, r.FileError);
    }

    [Fact]
    public void Duplicate_UPNs_name_every_position()
    {
        var r = Read(File(Pupil() + Pupil(upn: Upn2) + Pupil()));
        Assert.Equal([1, 3], r.FileProblems.Select(p => p.Position));
        Assert.All(r.FileProblems, p => Assert.Equal("UPN", p.Field));
    }

    [Fact]
    public void A_file_over_the_size_limit_is_refused_before_parsing()
    {
        var r = CtfReader.Read(new byte[CtfReader.MaxBytes + 1]);
        Assert.Contains("MB", r.FileError);
    }

    public static TheoryData<string, string, string> BadPupils => new()
    {
        { "check letter", Pupil(upn: "A801200001001"), "UPN" },
        { "bad DOB", Pupil(dob: "2015-13-45"), "DOB" },
        { "DOB in another format", Pupil(dob: "02/04/2015"), "DOB" },
        { "unknown SEN code", Pupil(needs: "<SENneeds><SENneed><SENtypeRank>1</SENtypeRank><SENtype>DYS</SENtype></SENneed></SENneeds>"), "SENneed/SENtype" },
        { "needs on N", Pupil(sen: "<SEN><StartDate>2023-09-05</StartDate><SENprovision>N</SENprovision></SEN>"), "SENneeds" },
        { "NSA with E", Pupil(sen: "<SEN><StartDate>2023-09-05</StartDate><SENprovision>E</SENprovision></SEN>",
            needs: "<SENneeds><SENneed><SENtypeRank>1</SENtypeRank><SENtype>NSA</SENtype></SENneed></SENneeds>"), "SENneed/SENtype" },
        { "K without needs", Pupil(needs: ""), "SENneeds" },
        { "statement code", Pupil(sen: "<SEN><StartDate>2012-09-05</StartDate><SENprovision>S</SENprovision></SEN>"), "SEN/SENprovision" },
        { "bad SEN start", Pupil(sen: "<SEN><StartDate>soon</StartDate><SENprovision>K</SENprovision></SEN>"), "SEN/StartDate" },
        { "rank twice", Pupil(needs: "<SENneeds><SENneed><SENtypeRank>1</SENtypeRank><SENtype>SLCN</SENtype></SENneed><SENneed><SENtypeRank>1</SENtypeRank><SENtype>ASD</SENtype></SENneed></SENneeds>"), "SENneed/SENtypeRank" },
        { "gender", Pupil(gender: "<Gender>X</Gender>"), "Gender" },
        { "year", Pupil(basic: "<BasicDetails><NCyearActual>15</NCyearActual></BasicDetails>"), "NCyearActual" },
    };

    [Theory]
    [MemberData(nameof(BadPupils))]
    public void A_pupil_with_a_problem_is_left_out_and_named_with_its_field(string why, string pupil, string field)
    {
        var r = Read(File(Pupil(upn: Upn2) + pupil));
        Assert.True(r.IsReadable, r.FileError);
        Assert.Equal(Upn2, Assert.Single(r.File!.Pupils).Upn);
        var problem = Assert.Single(r.Problems.Where(p => p.Field == field));
        Assert.Equal(2, problem.Position);
        Assert.False(string.IsNullOrWhiteSpace(problem.Message), why);
    }

    [Fact]
    public void Round_trip_write_then_read_gives_the_same_file()
    {
        var file = new CtfFile(
            new CtfHeader(CtfVersions.Current, new DateTime(2026, 11, 23, 8, 30, 0), "partial", "Senco",
                new CtfSchool("873", "2001", "140001", "Oakfield & Sons <Primary>", 2027), new CtfSchool("MMM", "MMMM")),
            [
                new CtfPupil(Upn1, "O'Brien", "Zoë", new DateOnly(2014, 2, 28), "F", Upn.CheckLetterFor("80120000101A") + "80120000101A", "6",
                    [new CtfLanguage("F", "OTB")], true, [new CtfFsmPeriod(new DateOnly(2020, 1, 6), null)],
                    [new CtfSenEntry(new DateOnly(2021, 9, 6), "K"), new CtfSenEntry(new DateOnly(2024, 3, 1), "E")],
                    [new CtfNeed(1, "ASD"), new CtfNeed(2, "SLCN")]),
                new CtfPupil(Upn3, "Smith", "Sam", new DateOnly(2013, 9, 1), "M", null, "7", [new CtfLanguage("F", "ENG")], false, [], [], []),
            ]);
        var read = CtfReader.Read(CtfWriter.Write(file));
        Assert.True(read.IsReadable, read.FileError);
        Assert.Empty(read.Problems);
        Assert.Equal(file.Header, read.File!.Header);
        Assert.Equal(file.Pupils.Count, read.File.Pupils.Count);
        for (var i = 0; i < file.Pupils.Count; i++)
        {
            var (a, b) = (file.Pupils[i], read.File.Pupils[i]);
            Assert.Equal(a with { Languages = [], FsmHistory = [], SenHistory = [], Needs = [] }, b with { Languages = [], FsmHistory = [], SenHistory = [], Needs = [] });
            Assert.Equal(a.Languages, b.Languages);
            Assert.Equal(a.FsmHistory, b.FsmHistory);
            Assert.Equal(a.SenHistory, b.SenHistory);
            Assert.Equal(a.Needs, b.Needs);
        }
        Assert.True(read.File.Pupils[0].Eal);
        Assert.False(read.File.Pupils[1].Eal);
    }

    [Theory]
    [InlineData("2024-04-12", 2024)]
    [InlineData("2024-07-31", 2024)]
    [InlineData("2024-08-01", 2025)]
    [InlineData("2025-12-31", 2026)]
    public void AcademicYear_moves_on_from_1_August(string exported, int expected) =>
        Assert.Equal(expected, CtfVersions.AcademicYearFor(DateOnly.Parse(exported)));

    [Theory]
    [InlineData("873", "2001", null)]
    [InlineData("XXX", "XXXX", null)]
    [InlineData("mmm", "mmmm", null)]
    [InlineData("XXX", "2001", "destEstab")]
    [InlineData("87", "2001", "destLa")]
    [InlineData("873", "20A1", "destEstab")]
    [InlineData("", "", "destLa")]
    public void Destinations(string la, string estab, string? errorOn)
    {
        var errors = CtfVersions.ValidateDestination(la, estab);
        if (errorOn is null) Assert.True(errors.IsValid, errors.ToString());
        else Assert.True(errors.Has(errorOn), errors.ToString());
    }
}
