using System.Text;
using Senco.Fuzzing;
using Senco.Web.Features.Imports;
using Xunit;

namespace Senco.Web.Tests.Fuzzing;

/// Inputs found by coverage-guided fuzzing (bench/fuzz-afl.sh, AFL++ with SharpFuzz), kept as regression tests.
public class AflRegressionTests
{
    [Theory]
    [InlineData(new byte[] { 0x50 })]          // "P": found by AFL (csv), IndexOutOfRangeException in the ZIP check
    [InlineData(new byte[] { 0x50, 0x4B })]
    public void A_one_byte_file_starting_with_P_is_reported_not_thrown(byte[] content)
    {
        var (file, error) = RollFileReader.Read(content, "roll.csv");
        Assert.True(file is not null || !string.IsNullOrWhiteSpace(error));
    }

    [Fact]
    public void A_cell_reference_beyond_column_XFD_is_reported_not_hung()
    {
        // Found by AFL (xlsx-sheet, a hang): r="DlineStr" is column 26^8-ish, and the reader padded the row to it.
        var sheet = RollFuzzTargets.SheetSeed.Replace("r=\"D2\"", "r=\"DlineStr\"");
        var task = Task.Run(() => RollFileReader.Read(RollFuzzTargets.Workbook(Encoding.UTF8.GetBytes(sheet)), "roll.xlsx"));
        Assert.True(task.Wait(TimeSpan.FromSeconds(10)), "the reader hung");
        var (file, error) = task.Result;
        Assert.Null(file);
        Assert.Contains("XFD", error);
    }

    [Fact]
    public void Column_XFD_is_a_column_but_a_heading_there_is_past_the_column_limit()
    {
        // XFD is Excel's last column and not damage, but a roll file with a value 16,384 columns across is refused with
        // the column limit's message (rows × columns of memory otherwise); empty formatted cells there are skipped.
        var sheet = RollFuzzTargets.SheetSeed.Replace("r=\"G1\"", "r=\"XFD1\"");
        var (file, error) = RollFileReader.Read(RollFuzzTargets.Workbook(Encoding.UTF8.GetBytes(sheet)), "roll.xlsx");
        Assert.Null(file);
        Assert.Contains("more than 250 columns", error);

        var styledOnly = RollFuzzTargets.SheetSeed.Replace("</row>", "<c r=\"XFD1\" s=\"1\"/></row>");
        var (read, none) = RollFileReader.Read(RollFuzzTargets.Workbook(Encoding.UTF8.GetBytes(styledOnly)), "roll.xlsx");
        Assert.Null(none);
        Assert.Equal(7, read!.Headings.Count);
    }
}
