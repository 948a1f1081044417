using System.Text;
using Senco.Core.Exchange;
using Senco.Core.Pupils;

namespace Senco.Fuzzing;

/// Fuzz targets for the core parsers (UPN, Common Transfer File) with their seeds and dictionaries. A target throws only
/// when the parser breaks its promise: an exception escaping it, or a report without a message. Shared by the test
/// suite (short runs) and bench/Fuzz (long runs).
public static class CoreFuzzTargets
{
    public static string ParseUpn(byte[] input)
    {
        var check = Upn.Check(Encoding.UTF8.GetString(input));
        return check.IsValid ? "valid" : "invalid:" + check.Error?.Split(' ').FirstOrDefault();
    }

    public static string ReadCtf(byte[] input)
    {
        var r = CtfReader.Read(input);
        if (!r.IsReadable)
        {
            if (string.IsNullOrWhiteSpace(r.FileError)) throw new InvalidOperationException("an unreadable file must say why");
            return "file:" + r.FileError![..Math.Min(20, r.FileError.Length)];
        }
        foreach (var p in r.Problems)
            if (string.IsNullOrWhiteSpace(p.Message)) throw new InvalidOperationException("a problem without a message");
        return $"ok:{r.File!.Pupils.Count}:{r.Problems.Count}";
    }

    public static readonly string[] UpnSeeds = ["H801200001001", "G80120000101A", "U936200124123", "Q93620012412B", "h801 2000 0100 1", ""];
    public static readonly string[] UpnTokens = ["A", "I", "O", "S", "0", "9", " ", "-", "\u00a0", "\u0661", "H801", "999"];

    public static string CtfSample(int pupils = 3)
    {
        var sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><CTfile><Header><DocumentName>Common Transfer File</DocumentName><CTFversion>25.0</CTFversion>" +
            "<DateTime>2026-07-10T10:00:00</DateTime><DocumentQualifier>partial</DocumentQualifier><SupplierID>Fuzz</SupplierID>" +
            "<SourceSchool><LEA>801</LEA><Estab>2000</Estab><URN>100001</URN><SchoolName>Fictional Primary</SchoolName><AcademicYear>2026</AcademicYear></SourceSchool>" +
            "<DestSchool><LEA>873</LEA><Estab>2001</Estab></DestSchool></Header><CTFpupilData>");
        for (var i = 0; i < pupils; i++)
        {
            var last12 = $"8012000010{i:D2}";
            sb.Append($"<Pupil><UPN>{Upn.CheckLetterFor(last12)}{last12}</UPN><Surname>Fuzzby</Surname><Forename>Ada{i}</Forename><DOB>2015-04-0{i % 9 + 1}</DOB><Gender>F</Gender>" +
                      "<BasicDetails><FormerUPN></FormerUPN><NCyearActual>5</NCyearActual><Languages><Type><LanguageType>F</LanguageType><Language>ENG</Language></Type></Languages></BasicDetails>" +
                      "<LookedAfter><InCare>false</InCare></LookedAfter><FSMhistory><FSMinstance><FSMstartDate>2022-09-01</FSMstartDate></FSMinstance></FSMhistory>" +
                      "<SENhistory><SEN><StartDate>2023-09-05</StartDate><SENprovision>K</SENprovision></SEN><SENneeds><SENneed><SENtypeRank>1</SENtypeRank><SENtype>SLCN</SENtype></SENneed>" +
                      "<SENneed><SENtypeRank>2</SENtypeRank><SENtype>SPLD</SENtype></SENneed></SENneeds></SENhistory></Pupil>");
        }
        return sb.Append("</CTFpupilData></CTfile>").ToString();
    }

    public static readonly string[] CtfTokens =
    [
        "<Pupil>", "</Pupil>", "<UPN>", "</UPN>", "<SENprovision>E</SENprovision>", "<SENtype>NSA</SENtype>", "<SENtypeRank>1</SENtypeRank>",
        "<CTFversion>24.0</CTFversion>", "<!DOCTYPE CTfile [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>", "&x;", "&amp;", "&#0;", "&#x1F600;",
        "<![CDATA[", "]]>", "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>", "\uFEFF", "2026-02-30", "9999-12-31", "<DOB></DOB>",
        "xmlns=\"urn:x\"", "<a:b xmlns:a=\"u\">", "<CTfile>", "</CTfile>", "<Header>", "</Header>",
    ];
}
