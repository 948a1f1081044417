using System.Text;
using Senco.Fuzzing;

namespace Senco.Web.Tests.Fuzzing;

/// Short fuzzing runs of the roll import on every test run (fixed seeds, so a failure reproduces); bench/Fuzz runs the
/// same targets for longer and reports executions and findings.
public class RollFuzzTests
{
    [Fact]
    public void The_seeds_are_read_and_planned()
    {
        // The targets themselves work: the seed files are readable rolls, so mutations start from real files.
        Assert.StartsWith("read:3:", RollFuzzTargets.Csv(Encoding.UTF8.GetBytes(RollFuzzTargets.CsvSeed)));
        Assert.StartsWith("read:2:", RollFuzzTargets.XlsxSheet(Encoding.UTF8.GetBytes(RollFuzzTargets.SheetSeed)));
        Assert.StartsWith("unreadable:", RollFuzzTargets.XlsxBytes([0x50, 0x4B, 0x03, 0x04, 1, 2, 3]));
    }

    [Fact]
    public void Csv_roll_files_never_throw_or_hang()
    {
        var report = new Fuzzer(11).Run("csv", RollFuzzTargets.Csv, [Encoding.UTF8.GetBytes(RollFuzzTargets.CsvSeed)], RollFuzzTargets.CsvTokens,
            maxExecutions: 3_000, maxDuration: TimeSpan.FromSeconds(20), hangLimit: TimeSpan.FromSeconds(10), maxInputBytes: 64 * 1024);
        Assert.True(report.Findings.Count == 0, report.ToString());
        Assert.True(report.Executions >= 300, report.ToString());
    }

    [Fact]
    public void Xlsx_worksheets_never_throw_or_hang()
    {
        var report = new Fuzzer(12).Run("xlsx-sheet", RollFuzzTargets.XlsxSheet, [Encoding.UTF8.GetBytes(RollFuzzTargets.SheetSeed)], RollFuzzTargets.SheetTokens,
            maxExecutions: 1_500, maxDuration: TimeSpan.FromSeconds(20), hangLimit: TimeSpan.FromSeconds(10), maxInputBytes: 64 * 1024);
        Assert.True(report.Findings.Count == 0, report.ToString());
        Assert.True(report.Executions >= 150, report.ToString());
    }
}

/// Inputs the fuzzer found, kept as plain tests so they never come back.
public class RollFuzzFindings
{
    [Fact]
    public void Thousands_of_repeated_headings_are_refused_quickly_not_deduplicated_for_minutes()
    {
        // Found by Csv_roll_files_never_throw_or_hang (seed 11): a heading row of 2,669 "A"s took minutes, because each
        // heading was made unique by scanning all the earlier ones.
        var csv = "UPN,Surname," + string.Join(',', Enumerable.Repeat("A", 2_669)) + "\r\nH801200001001,Fuzzby\r\n";
        var (file, error) = Senco.Web.Features.Imports.RollFileReader.Read(Encoding.UTF8.GetBytes(csv), "roll.csv");
        Assert.Null(file);
        Assert.Contains("more than 250 columns", error);
        Assert.StartsWith("Row 1 ", error);
    }

    [Fact]
    public void Repeated_headings_within_the_limit_are_numbered()
    {
        var csv = "UPN,A,A,a,A (2)\r\nH801200001001,1,2,3,4\r\n";
        var (file, _) = Senco.Web.Features.Imports.RollFileReader.Read(Encoding.UTF8.GetBytes(csv), "roll.csv");
        Assert.Equal(["UPN", "A", "A (2)", "a (3)", "A (2) (2)"], file!.Headings);
    }

    [Fact]
    public void A_cell_reference_beyond_the_last_excel_column_is_refused_not_allocated()
    {
        var sheet = RollFuzzTargets.SheetSeed.Replace("<c r=\"G2\"", "<c r=\"ZZZZZZZZZ2\"");
        var (file, error) = Senco.Web.Features.Imports.RollFileReader.Read(RollFuzzTargets.Workbook(Encoding.UTF8.GetBytes(sheet)), "roll.xlsx");
        Assert.Null(file);
        Assert.Contains("(ZZZZZZZZZ2) beyond Excel's last column, XFD", error);
    }
}
