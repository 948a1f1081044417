using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Senco.Web.Tests.Exchange;

/// Builds a small workbook the way Excel stores it: text as shared strings, dates as numbers with a date style, and
/// real formula cells (with a cached value), so that the reader is tested against what schools actually upload.
public static class XlsxBuilder
{
    public sealed record Formula(string Text);

    public static byte[] Build(string[] headings, object[][] rows)
    {
        using var ms = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(ms, SpreadsheetDocumentType.Workbook))
        {
            var wb = doc.AddWorkbookPart();
            wb.Workbook = new Workbook();
            var styles = wb.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new Fonts(new Font()), new Fills(new Fill(new PatternFill { PatternType = PatternValues.None })), new Borders(new Border()),
                new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }));
            var strings = new List<string>();
            uint Shared(string s)
            {
                var i = strings.IndexOf(s);
                if (i < 0) { strings.Add(s); i = strings.Count - 1; }
                return (uint)i;
            }
            var data = new SheetData();
            void AddRow(uint index, object[] values)
            {
                var row = new Row { RowIndex = index };
                for (var c = 0; c < values.Length; c++)
                {
                    var reference = $"{(char)('A' + c)}{index}";
                    row.Append(values[c] switch
                    {
                        DateTime d => new Cell { CellReference = reference, StyleIndex = 1, CellValue = new CellValue(d.ToOADate().ToString(System.Globalization.CultureInfo.InvariantCulture)) },
                        Formula f => new Cell { CellReference = reference, DataType = CellValues.String, CellFormula = new CellFormula(f.Text), CellValue = new CellValue("cached") },
                        var v => new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(Shared(v.ToString()!).ToString(System.Globalization.CultureInfo.InvariantCulture)) },
                    });
                }
                data.Append(row);
            }
            AddRow(1, headings);
            for (var r = 0; r < rows.Length; r++) AddRow((uint)r + 2, rows[r]);
            var sheetPart = wb.AddNewPart<WorksheetPart>();
            sheetPart.Worksheet = new Worksheet(data);
            var sst = wb.AddNewPart<SharedStringTablePart>();
            sst.SharedStringTable = new SharedStringTable(strings.Select(s => new SharedStringItem(new Text(s))));
            wb.Workbook.AppendChild(new Sheets(new Sheet { Id = wb.GetIdOfPart(sheetPart), SheetId = 1, Name = "Roll" }));
        }
        return ms.ToArray();
    }
}
