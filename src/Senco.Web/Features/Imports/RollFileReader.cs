using System.Globalization;
using System.Text;
using CsvHelper;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Senco.Core.Exchange;

namespace Senco.Web.Features.Imports;

/// A roll file as read: its headings (first row), its data rows by heading, and anything the reader had to assume
/// (for example the encoding of a CSV that is not UTF-8).
public sealed record RollFile(IReadOnlyList<string> Headings, IReadOnlyList<ImportRow> Rows, IReadOnlyList<string> Notices);

/// Reads CSV and XLSX exports of a school's MIS into rows of text. Nothing in a cell is evaluated: an XLSX formula is
/// read as its formula text ("=…"), never as the value Excel last worked out, and a CSV cell is only ever text.
public static class RollFileReader
{
    public const int MaxBytes = 10 * 1024 * 1024;
    public const int MaxRows = 20_000;
    /// MIS roll exports have a few dozen columns. The limit keeps a malformed or hostile file (thousands of columns in
    /// a 10 MB file) from costing rows × columns of memory and time; found by fuzzing.
    public const int MaxColumns = 250;

    private static string TooManyColumns(string where) =>
        $"{where} has more than {MaxColumns} columns. Export only the columns Senco needs (UPN, names, date of birth, gender, year group, SEN), then upload it again";

    static RollFileReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// The file, or a message saying why it cannot be read (with nothing read).
    public static (RollFile? File, string? Error) Read(byte[] content, string? fileName)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Length == 0) return (null, "The file is empty");
        if (content.Length > MaxBytes) return (null, $"The file is larger than {MaxBytes / 1024 / 1024} MB. Export only the columns Senco needs, or split the roll by year group");
        if (IsXlsx(content)) return ReadXlsx(content);
        if (content.Length >= 8 && content[0] == 0xD0 && content[1] == 0xCF && content[2] == 0x11 && content[3] == 0xE0)
            return (null, "This is an old Excel workbook (.xls). Save it as an Excel Workbook (.xlsx) or as CSV UTF-8, then upload it again");
        if (content.Length >= 4 && content[0] == 0x25 && content[1] == 0x50 && content[2] == 0x44 && content[3] == 0x46)
            return (null, "This is a PDF. Senco needs the roll as a spreadsheet: export it from your MIS as CSV or Excel (.xlsx)");
        if (content.Length >= 2 && content[0] == 0x50 && content[1] == 0x4B)
            return (null, "This is a ZIP file but not an Excel workbook. Upload a .xlsx or .csv file");
        return ReadCsv(content);
    }

    public static bool IsXlsx(byte[] content) => content.Length > 4 && content[0] == 0x50 && content[1] == 0x4B && content[2] == 0x03 && content[3] == 0x04 && LooksLikeWorkbook(content);

    private static bool LooksLikeWorkbook(byte[] content)
    {
        try
        {
            using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(content), System.IO.Compression.ZipArchiveMode.Read);
            return zip.GetEntry("xl/workbook.xml") is not null;
        }
        catch (InvalidDataException) { return false; }
    }

    /// The text of a CSV file. UTF-8 (with or without a byte-order mark) and UTF-16 with a mark are read as such;
    /// anything that is not valid UTF-8 is read as Windows-1252, the code page Excel on Windows saves "CSV" in, and
    /// the reader says so, because a wrong guess would change names such as Zoë.
    public static (string? Text, string? Notice, string? Error) Decode(byte[] b)
    {
        if (b.Length >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) return Utf8(b.AsSpan(3));
        if (b.Length >= 2 && b[0] == 0xFF && b[1] == 0xFE) return (Encoding.Unicode.GetString(b, 2, b.Length - 2), null, null);
        if (b.Length >= 2 && b[0] == 0xFE && b[1] == 0xFF) return (Encoding.BigEndianUnicode.GetString(b, 2, b.Length - 2), null, null);
        if (Array.IndexOf(b, (byte)0) >= 0)
            return (null, null, "The file is not a text (CSV) file or an Excel workbook: it holds binary data. Export the roll from your MIS as CSV or Excel (.xlsx)");
        var utf8 = Utf8(b);
        if (utf8.Error is null) return utf8;
        var text = Encoding.GetEncoding(1252).GetString(b);
        return (text, "This file is not in UTF-8, so Senco read it as Windows-1252 (Western European), the encoding Excel uses when it saves " +
                      "\"CSV\" on Windows. Check that accented names (such as Zoë or Siân) look right below; to avoid the question, save as \"CSV UTF-8\".", null);
    }

    private static (string? Text, string? Notice, string? Error) Utf8(ReadOnlySpan<byte> b)
    {
        try { return (new UTF8Encoding(false, true).GetString(b), null, null); }
        catch (DecoderFallbackException) { return (null, null, "not UTF-8"); }
    }

    private static (RollFile?, string?) ReadCsv(byte[] content)
    {
        var (text, notice, error) = Decode(content);
        if (error is not null) return (null, error);
        var records = new List<(int Row, string[] Cells)>();
        try
        {
            using var csv = CsvReader.Create(new StringReader(text!), new CsvReaderOptions { HasHeader = false, TrimWhitespace = true });
            var n = 0;
            while (csv.Read())
            {
                n++;
                if (csv.FieldCount > MaxColumns) return (null, TooManyColumns($"Row {n}"));
                var cells = new string[csv.FieldCount];
                for (var i = 0; i < cells.Length; i++) cells[i] = csv.GetString(i);
                records.Add((n, cells));
                if (records.Count > MaxRows + 1) return (null, $"The file has more than {MaxRows:N0} rows. Split it by year group");
            }
        }
        catch (Exception ex) when (ex is CsvFormatException or CsvValidationException or FormatException or InvalidDataException)
        {
            return (null, $"The CSV file could not be read: {ex.Message}");
        }
        var file = Build(records, notice is null ? [] : [notice]);
        return file;
    }

    private static (RollFile?, string?) ReadXlsx(byte[] content)
    {
        var records = new List<(int Row, string[] Cells)>();
        try
        {
            using var doc = SpreadsheetDocument.Open(new MemoryStream(content), false);
            var wb = doc.WorkbookPart ?? throw new InvalidDataException("no workbook");
            var sheet = wb.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new InvalidDataException("no worksheet");
            var part = (WorksheetPart)wb.GetPartById(sheet.Id!.Value!);
            var shared = wb.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(i => i.InnerText).ToArray() ?? [];
            var dateStyles = DateStyles(wb.WorkbookStylesPart?.Stylesheet);

            using var reader = OpenXmlReader.Create(part);
            while (reader.Read())
            {
                if (reader.ElementType != typeof(Row) || !reader.IsStartElement) continue;
                var row = (Row)reader.LoadCurrentElement()!;
                var rowNumber = (int)(row.RowIndex?.Value ?? (uint)(records.Count + 1));
                var cells = new List<string>();
                var next = 0;
                foreach (var cell in row.Elements<Cell>())
                {
                    var col = cell.CellReference?.Value is { } r && ColumnIndex(r) is var at and >= 0 ? at : next;
                    if (col == int.MaxValue)
                        return (null, $"The workbook has a cell ({Shorten(cell.CellReference?.Value)}) beyond Excel's last column, XFD: it may be damaged. Open it in Excel, save it as .xlsx again, or export CSV");
                    var text = CellText(cell, shared, dateStyles);
                    if (col >= MaxColumns)
                    {
                        // Excel keeps formatted but empty cells far to the right; they hold nothing to read.
                        if (string.IsNullOrWhiteSpace(text)) continue;
                        return (null, TooManyColumns($"Row {rowNumber} of the workbook"));
                    }
                    while (cells.Count < col) cells.Add("");
                    cells.Add(text);
                    next = col + 1;
                }
                records.Add((rowNumber, cells.ToArray()));
                if (records.Count > MaxRows + 1) return (null, $"The workbook has more than {MaxRows:N0} rows. Split it by year group");
            }
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or InvalidOperationException or FormatException or System.Xml.XmlException or KeyNotFoundException or ArgumentException)
        {
            return (null, "The Excel workbook could not be read (it may be damaged or password-protected). Open it in Excel, save it as .xlsx again, or export CSV");
        }
        return Build(records, []);
    }

    private static (RollFile?, string?) Build(List<(int Row, string[] Cells)> records, IReadOnlyList<string> notices)
    {
        var nonEmpty = records.Where(r => r.Cells.Any(c => !string.IsNullOrWhiteSpace(c))).ToList();
        if (nonEmpty.Count == 0) return (null, "The file has no rows");
        var head = nonEmpty[0];
        var headings = new List<string>();
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < head.Cells.Length; i++)
        {
            var h = head.Cells[i].Trim();
            if (h.Length == 0) h = $"Column {ColumnName(i)}";
            var unique = h;
            for (var k = 2; !taken.Add(unique); k++) unique = $"{h} ({k})";
            headings.Add(unique);
        }
        var rows = new List<ImportRow>();
        foreach (var (rowNumber, cells) in nonEmpty.Skip(1))
        {
            var dict = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < headings.Count; i++) dict[headings[i]] = i < cells.Length ? cells[i] : "";
            rows.Add(new ImportRow(rowNumber, dict));
        }
        var extra = nonEmpty.Skip(1).Where(r => r.Cells.Skip(headings.Count).Any(c => !string.IsNullOrWhiteSpace(c))).Select(r => r.Row).ToList();
        var allNotices = notices.ToList();
        if (extra.Count > 0)
            allNotices.Add($"Row{(extra.Count == 1 ? "" : "s")} {string.Join(", ", extra.Take(10))}{(extra.Count > 10 ? "…" : "")} ha{(extra.Count == 1 ? "s" : "ve")} more cells than there are headings; the cells beyond the last heading are not read.");
        return (new RollFile(headings, rows, allNotices), null);
    }

    private static string CellText(Cell cell, string[] shared, HashSet<uint> dateStyles)
    {
        // A formula is read as its text: Senco never takes the value a spreadsheet computed.
        if (cell.CellFormula is { } f && !string.IsNullOrEmpty(f.Text)) return "=" + f.Text;
        var raw = cell.CellValue?.Text ?? "";
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
            return int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < shared.Length ? shared[i] : "";
        if (type == CellValues.InlineString) return cell.InlineString?.InnerText ?? "";
        if (type == CellValues.Boolean) return raw == "1" ? "TRUE" : "FALSE";
        if (type == CellValues.Date)
            return DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var dt) ? dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : raw;
        if (type == CellValues.String || type == CellValues.Error) return raw;
        // A number: a date when its style is a date format (Excel stores dates as days since 1900).
        if (cell.StyleIndex?.Value is { } s && dateStyles.Contains(s) && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var oa) && oa is > 0 and < 2958466)
            return DateTime.FromOADate(oa).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d == Math.Floor(d) && Math.Abs(d) < 1e15)
            return ((long)d).ToString(CultureInfo.InvariantCulture);
        return raw;
    }

    /// Style indexes whose number format is a date (the built-in date formats 14–22 and 45–47, or a custom format
    /// with day, month or year parts outside quotes).
    private static HashSet<uint> DateStyles(Stylesheet? styles)
    {
        var result = new HashSet<uint>();
        if (styles?.CellFormats is null) return result;
        var custom = styles.NumberingFormats?.Elements<NumberingFormat>()
            .Where(n => n.NumberFormatId?.Value is not null)
            .ToDictionary(n => n.NumberFormatId!.Value, n => n.FormatCode?.Value ?? "") ?? [];
        uint index = 0;
        foreach (var cf in styles.CellFormats.Elements<CellFormat>())
        {
            var id = cf.NumberFormatId?.Value ?? 0;
            var isDate = id is >= 14 and <= 22 or >= 45 and <= 47 || (custom.TryGetValue(id, out var code) && IsDateFormat(code));
            if (isDate) result.Add(index);
            index++;
        }
        return result;
    }

    private static bool IsDateFormat(string code)
    {
        var inQuotes = false;
        foreach (var c in code)
        {
            if (c == '"') inQuotes = !inQuotes;
            else if (!inQuotes && c is 'd' or 'D' or 'y' or 'Y' or 'm' or 'M') return true;
        }
        return false;
    }

    /// The zero-based column of a cell reference ("C7" is 2); -1 when it names no column; int.MaxValue beyond the last
    /// column Excel has, so a reference such as "ZZZZZZZ1" cannot overflow into a huge or negative index.
    private static int ColumnIndex(string reference)
    {
        var n = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetter(c)) break;
            n = n * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
            if (n > 16_384) return int.MaxValue; // beyond XFD
        }
        return n - 1;
    }

    private static string Shorten(string? s) => s is null ? "" : s.Length <= 12 ? s : s[..12] + "…";

    public static string ColumnName(int index)
    {
        var s = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) s = (char)('A' + (n - 1) % 26) + s;
        return s;
    }
}
