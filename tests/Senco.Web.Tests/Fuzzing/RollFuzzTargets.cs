using System.IO.Compression;
using System.Text;
using Senco.Core.Exchange;
using Senco.Web.Features.Imports;

namespace Senco.Fuzzing;

/// <summary>
/// Fuzz targets for the MIS roll import: the bytes of a CSV file, or the worksheet XML of an XLSX workbook (wrapped in
/// a valid package each time, so mutations reach the cell reader instead of stopping at the ZIP check), read by
/// <see cref="RollFileReader"/> and then planned against an empty school by <see cref="ImportPlanner"/> with the
/// guessed mapping: the whole path a file takes before a person sees the preview. A target throws only when Senco
/// would have: an exception escaping the reader or planner, or a result that breaks the report's promises.
/// Shared by the test suite (short runs) and bench/Fuzz (long runs).
/// </summary>
public static class RollFuzzTargets
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    public static string Csv(byte[] input) => Plan(RollFileReader.Read(input, "roll.csv"));

    public static string XlsxSheet(byte[] sheetXml) => Plan(RollFileReader.Read(Workbook(sheetXml), "roll.xlsx"));

    /// A whole workbook as bytes (mostly exercises the package checks).
    public static string XlsxBytes(byte[] input) => Plan(RollFileReader.Read(input, "roll.xlsx"));

    private static string Plan((RollFile? File, string? Error) read)
    {
        if (read.File is null)
        {
            if (string.IsNullOrWhiteSpace(read.Error)) throw new InvalidOperationException("a file that cannot be read must say why");
            return "unreadable:" + read.Error[..Math.Min(24, read.Error.Length)];
        }
        var mapping = ColumnGuesser.Guess(read.File.Headings);
        var plan = ImportPlanner.Plan(read.File.Rows, mapping, [], fullRoll: false, canChangeSen: true, Today);
        foreach (var p in plan.Problems)
        {
            if (string.IsNullOrWhiteSpace(p.Message)) throw new InvalidOperationException($"a problem without a message at row {p.Row}");
            if (p.Row < 0) throw new InvalidOperationException("a problem with a negative row number");
        }
        if (plan.CanImport && plan.Problems.Count > 0) throw new InvalidOperationException("a plan with problems must not be importable");
        return $"read:{Math.Min(read.File.Rows.Count, 5)}:{plan.CanImport}:{plan.Problems.Select(p => p.Field).Distinct().Count()}";
    }

    public const string CsvSeed =
        "UPN,Legal Surname,Legal Forename,DOB,Gender,NC Year Actual,SEN Provision,Primary Need,Secondary Need,EAL,FSM Eligible,In LA Care,Leaving Date\r\n" +
        "H801200001001,Fuzzby,Ada,14/05/2016,F,4,K,SPLD,SLCN,N,Y,N,\r\n" +
        "G80120000101A,\"O'Neill, Jr\",Bo,2016-02-29,M,4,E,ASD,,Y,N,Y,\r\n" +
        "U936200124123,Smith,=HYPERLINK(\"x\"),01/09/2015,F,5,N,,,N,N,N,21/07/2026\r\n";

    public static readonly string[] CsvTokens =
    [
        ",", "\"", "\"\"", "\r\n", "\n", ";", "\t", "=", "+", "-", "@", "\uFEFF", "\u00e9", "\xa0", "K", "E", "N", "SPLD", "ASD", "NSA",
        "31/02/2016", "2016-13-01", "99/99/9999", "H801200001001", "Y", "N", "true", "Reception", "R", "N1", "14",
    ];

    public const string SheetSeed =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>" +
        "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>UPN</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>Surname</t></is></c><c r=\"C1\" t=\"inlineStr\"><is><t>Forename</t></is></c>" +
        "<c r=\"D1\" t=\"inlineStr\"><is><t>Date of birth</t></is></c><c r=\"E1\" t=\"inlineStr\"><is><t>Gender</t></is></c><c r=\"F1\" t=\"inlineStr\"><is><t>Year</t></is></c><c r=\"G1\" t=\"inlineStr\"><is><t>SEN Provision</t></is></c></row>" +
        "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>H801200001001</t></is></c><c r=\"B2\" t=\"inlineStr\"><is><t>Fuzzby</t></is></c><c r=\"C2\" t=\"inlineStr\"><is><t>Ada</t></is></c>" +
        "<c r=\"D2\"><v>42504</v></c><c r=\"E2\" t=\"inlineStr\"><is><t>F</t></is></c><c r=\"F2\"><v>4</v></c><c r=\"G2\" t=\"inlineStr\"><is><t>K</t></is></c></row>" +
        "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>G80120000101A</t></is></c><c r=\"B3\"><f>SUM(1,2)</f><v>3</v></c><c r=\"C3\" t=\"b\"><v>1</v></c>" +
        "<c r=\"D3\" t=\"inlineStr\"><is><t>2016-02-29</t></is></c><c r=\"E3\" t=\"s\"><v>7</v></c><c r=\"F3\" t=\"inlineStr\"><is><t>R</t></is></c></row>" +
        "</sheetData></worksheet>";

    public static readonly string[] SheetTokens =
    [
        "<row r=\"9\">", "</row>", "<c r=\"A9\">", "<c r=\"XFD1\">", "<c r=\"ZZZZ1\">", "<c r=\"A1048577\">", "<c r=\"\">", "</c>", "<v>", "</v>", "t=\"s\"", "t=\"inlineStr\"",
        "t=\"b\"", "t=\"d\"", "t=\"e\"", "<v>2958465</v>", "<v>-1</v>", "<v>1E308</v>", "<v>NaN</v>", "<f>", "</f>", "<is><t>", "</t></is>", "&amp;", "&#0;", "&#x1F600;",
        "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>", "&e;", "r=\"4294967296\"", "r=\"0\"",
    ];

    private static readonly (string Path, string Xml)[] PackageParts =
    [
        ("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
            "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>" +
            "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>" +
            "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>"),
        ("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
            "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"),
        ("xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" " +
            "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"Roll\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"),
        ("xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
            "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>"),
    ];

    /// A minimal, valid XLSX package around the given worksheet XML.
    public static byte[] Workbook(byte[] sheetXml)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, xml) in PackageParts)
            {
                using var s = zip.CreateEntry(path, CompressionLevel.Fastest).Open();
                s.Write(Encoding.UTF8.GetBytes(xml));
            }
            using var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open();
            sheet.Write(sheetXml);
        }
        return ms.ToArray();
    }
}
