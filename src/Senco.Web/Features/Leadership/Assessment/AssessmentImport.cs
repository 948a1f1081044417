using Senco.Core;
using Senco.Core.Exchange;
using Senco.Core.Leadership;
using Senco.Web.Features.Imports;

namespace Senco.Web.Features.Leadership.Assessment;

/// One problem of a file: its row as a spreadsheet numbers it, the column and what to fix.
public sealed record ImportProblem(int Row, string Field, string Message);

/// The defaults a file's rows take when it has no column for them (a file of one test's scores has only UPN and score).
public sealed record ImportDefaults(string? Term, string? Measure, string? Subject, Guid? ScaleId);

/// <summary>
/// Reads a CSV or XLSX of results with the roll import's reader (nothing in a cell is evaluated: a formula stays text
/// and is refused as a number) and turns each row into a <see cref="ResultInput"/>. Columns are found by heading:
/// UPN (required), Score / Value / Age in months, Grade, Term, Measure, Subject, Scale, Assessed on.
/// </summary>
public static class AssessmentImport
{
    public const int MaxBytes = 2 * 1024 * 1024;

    private static readonly Dictionary<string, string> Columns = new(StringComparer.Ordinal)
    {
        ["upn"] = "upn", ["term"] = "term", ["measure"] = "measure", ["subject"] = "subject", ["scale"] = "scale",
        ["value"] = "value", ["score"] = "value", ["result"] = "value", ["ageinmonths"] = "value", ["months"] = "value", ["standardisedscore"] = "value",
        ["grade"] = "grade", ["assessedon"] = "assessedOn", ["date"] = "assessedOn", ["dateofassessment"] = "assessedOn",
    };

    public static string Normalise(string heading) => new string(heading.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant();

    public sealed record Parsed(IReadOnlyList<ResultInput> Inputs, IReadOnlyList<int> FileRows, IReadOnlyList<ImportProblem> Problems, string? FileError);

    public static Parsed Read(byte[] content, string? fileName, ImportDefaults defaults)
    {
        if (content.Length == 0) return new([], [], [], "The file is empty");
        if (content.Length > MaxBytes) return new([], [], [], "The file must be smaller than 2 MB");
        var (file, error) = RollFileReader.Read(content, fileName);
        if (file is null) return new([], [], [], error ?? "The file could not be read");
        var map = file.Headings.Select(h => (Heading: h, Field: Columns.GetValueOrDefault(Normalise(h)))).Where(x => x.Field is not null).ToList();
        if (!map.Any(m => m.Field == "upn")) return new([], [], [], "The file has no UPN column. The first row must name the columns: UPN and Score (or Grade)");
        if (!map.Any(m => m.Field is "value" or "grade")) return new([], [], [], "The file has no Score, Value or Grade column");
        if (file.Rows.Count == 0) return new([], [], [], "The file has no rows of results under its headings");
        var inputs = new List<ResultInput>();
        var rows = new List<int>();
        var problems = new List<ImportProblem>();
        foreach (var row in file.Rows)
        {
            string? Cell(string field) => map.Where(m => m.Field == field).Select(m => row.Cells.GetValueOrDefault(m.Heading)).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();
            if (map.All(m => string.IsNullOrWhiteSpace(row.Cells.GetValueOrDefault(m.Heading)))) continue;
            decimal? value = null;
            var rawValue = Cell("value");
            if (rawValue is not null)
            {
                if (AssessmentRules.TryNumber(rawValue, out var v)) value = v;
                else problems.Add(new(row.Row, "value", ImportValues.LooksLikeFormula(rawValue) ? "Looks like a spreadsheet formula: enter the number itself" : $"\"{rawValue}\" is not a number"));
            }
            DateOnly? on = null;
            if (Cell("assessedOn") is { } rawDate)
            {
                var d = ImportValues.Date(rawDate);
                if (d.Ok) on = d.Value; else problems.Add(new(row.Row, "assessedOn", $"\"{rawDate}\" {d.Error}"));
            }
            var scaleName = Cell("scale");
            inputs.Add(new ResultInput(null, Cell("upn"), Cell("term") ?? defaults.Term, Cell("measure") ?? defaults.Measure, Cell("subject") ?? defaults.Subject,
                scaleName is null ? defaults.ScaleId : null, scaleName, value, Cell("grade"), on));
            rows.Add(row.Row);
        }
        if (inputs.Count == 0) return new([], [], [], "The file has no rows of results under its headings");
        return new(inputs, rows, problems, null);
    }

    /// The use case's errors ("rows[3].value") as problems on the file's own rows.
    public static IEnumerable<ImportProblem> ToProblems(ValidationErrors errors, IReadOnlyList<int> fileRows)
    {
        foreach (var (field, messages) in errors)
        {
            var dot = field.IndexOf("].", StringComparison.Ordinal);
            var row = field.StartsWith("rows[") && dot > 0 && int.TryParse(field[5..dot], out var i) && i < fileRows.Count ? fileRows[i] : 0;
            var name = dot > 0 ? field[(dot + 2)..] : field;
            foreach (var m in messages) yield return new ImportProblem(row, name, m);
        }
    }

    public static string ColumnName(string field) => field switch
    {
        "upn" => "UPN", "value" => "Score", "grade" => "Grade", "term" => "Term", "measure" => "Measure", "subject" => "Subject",
        "scale" => "Scale", "assessedOn" => "Assessed on", "pupilId" => "UPN", _ => field,
    };
}
