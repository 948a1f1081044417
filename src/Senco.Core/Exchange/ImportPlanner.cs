using System.Globalization;
using Senco.Core.Pupils;
using Senco.Core.Sen;

namespace Senco.Core.Exchange;

/// One data row of a roll file: its row number as the spreadsheet shows it (the heading row is row 1) and its cells
/// by heading.
public sealed record ImportRow(int Row, IReadOnlyDictionary<string, string> Cells);

/// A pupil of the school as Senco holds them, to compare a file with.
public sealed record ExistingPupil(Guid Id, string Upn, string Forename, string Surname, DateOnly DateOfBirth, string Gender, string YearGroup,
    bool Eal, bool PupilPremium, bool LookedAfter, SenStatus Status, IReadOnlyList<string> Needs, bool OnRoll, DateOnly? LastSenChangeOn);

/// A problem in the file: the row as the spreadsheet numbers it, the field (camelCase, as ImportFields.Key) and what is
/// wrong. Row 1 is the heading row; row 0 means the file as a whole.
public sealed record ImportProblem(int Row, string Field, string Message);

public sealed record FieldChange(ImportField Field, string Before, string After);

/// The values a row gives; null where the column is not mapped (the value is then left as it is).
public sealed record PupilValues(string Upn, string? Forename, string? Surname, DateOnly? DateOfBirth, string? Gender, string? YearGroup,
    bool? Eal, bool? PupilPremium, bool? LookedAfter, SenStatus? Status, IReadOnlyList<string>? Needs, DateOnly? LeavingOn);

/// What will happen to one row's pupil.
public sealed record PlannedPupil(int Row, PupilValues Values, ExistingPupil? Existing, IReadOnlyList<FieldChange> Changes, bool SenChanges, bool Leaves, bool Returns)
{
    public bool IsNew => Existing is null;
}

public sealed record ImportPlan(int RowCount, IReadOnlyList<ImportProblem> Problems, IReadOnlyList<PlannedPupil> New, IReadOnlyList<PlannedPupil> Updated,
    int Unchanged, IReadOnlyList<PlannedPupil> Leaving, IReadOnlyList<ExistingPupil> NotInFile)
{
    public bool CanImport => Problems.Count == 0 && RowCount > 0;
}

/// Works out, without touching anything, what importing a roll file would do: every problem by row and field, the
/// pupils added, the fields that change for each pupil already held, who leaves and, for a file of the whole roll,
/// who is on Senco's roll but not in the file. The same rules as adding a pupil or changing SEN status by hand apply
/// (PupilRules, SenChangeRules), so a file can never put in what a person could not type.
public static class ImportPlanner
{
    public const string MissingUpnColumnMessage = "Choose the column that holds the UPN: pupils are matched by UPN";
    public const string NoSenPermissionMessage =
        "Your role may not change SEN status. Leave the SEN columns out of the mapping, or ask the SENCO to import this file";

    public static ImportPlan Plan(IReadOnlyList<ImportRow> rows, ColumnMapping mapping, IReadOnlyList<ExistingPupil> existing, bool fullRoll,
        bool canChangeSen, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(existing);
        var problems = new List<ImportProblem>();
        if (!mapping.Has(ImportField.Upn))
        {
            problems.Add(new ImportProblem(0, "upn", MissingUpnColumnMessage));
            return new ImportPlan(rows.Count, problems, [], [], 0, [], []);
        }

        var byUpn = existing.GroupBy(p => p.Upn, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var firstRowOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var planned = new List<PlannedPupil>();

        foreach (var row in rows)
        {
            var rowProblems = new List<ImportProblem>();
            void Problem(ImportField f, string message) => rowProblems.Add(new ImportProblem(row.Row, ImportFields.Key(f), message));
            string? Cell(ImportField f) => mapping[f] is { } h && row.Cells.TryGetValue(h, out var v) ? ImportValues.Unguard(v.Trim()) : (mapping.Has(f) ? "" : null);

            // UPN: the key. A bad one is reported with the same words as when typing it in.
            var upnText = Cell(ImportField.Upn) ?? "";
            var upnCheck = Upn.Check(upnText);
            string? upn = null;
            if (upnText.Length == 0) Problem(ImportField.Upn, "The UPN is missing: every row needs one to match the pupil");
            else if (!upnCheck.IsValid) Problem(ImportField.Upn, $"\"{upnText}\": {upnCheck.Error}");
            else
            {
                upn = upnCheck.Normalised!;
                if (firstRowOf.TryGetValue(upn, out var first))
                    Problem(ImportField.Upn, $"UPN {upn} is also on row {first}: each pupil must appear once");
                else firstRowOf[upn] = row.Row;
            }
            var current = upn is not null && byUpn.TryGetValue(upn, out var e) ? e : null;

            string? Text(ImportField f)
            {
                var v = Cell(f);
                if (v is null) return null;
                if (ImportValues.LooksLikeFormula(v))
                {
                    Problem(f, $"\"{v}\" looks like a spreadsheet formula. Senco reads cells as text and does not work formulas out: type the value itself");
                    return null;
                }
                return v.Length == 0 ? null : v;
            }
            T? Read<T>(ImportField f, Func<string?, Parsed<T>> parse) where T : struct
            {
                var v = Cell(f);
                if (v is null) return null;
                var p = parse(v);
                if (!p.Ok) { Problem(f, p.Error!); return null; }
                return v.Length == 0 && f is ImportField.DateOfBirth or ImportField.LeavingDate ? null : p.Value;
            }
            string? ReadText(ImportField f, Func<string?, Parsed<string>> parse)
            {
                var v = Cell(f);
                if (v is null) return null;
                var p = parse(v);
                if (!p.Ok) { Problem(f, p.Error!); return null; }
                return p.Value;
            }

            var forename = Text(ImportField.Forename);
            var surname = Text(ImportField.Surname);
            var dob = Read(ImportField.DateOfBirth, ImportValues.Date);
            var gender = ReadText(ImportField.Gender, ImportValues.Gender);
            var year = ReadText(ImportField.YearGroup, ImportValues.YearGroup);
            var eal = Read(ImportField.Eal, ImportValues.YesNo);
            var pp = Read(ImportField.PupilPremium, ImportValues.YesNo);
            var la = Read(ImportField.LookedAfter, ImportValues.YesNo);
            var status = Read<SenStatus>(ImportField.SenStatus, ImportValues.SenStatus);
            var primary = ReadText(ImportField.PrimaryNeed, ImportValues.Need);
            var secondary = ReadText(ImportField.SecondaryNeed, ImportValues.Need);
            var leaving = Read(ImportField.LeavingDate, ImportValues.Date);

            // Required for a new pupil: as when adding one by hand.
            if (upn is not null && current is null)
            {
                foreach (var f in ImportFields.RequiredForNewPupil.Where(f => f != ImportField.Upn))
                {
                    if (!mapping.Has(f)) Problem(f, $"{upn} is not yet in Senco, and a new pupil needs a {ImportFields.Label(f).ToLowerInvariant()}: choose the column that holds it");
                    else if (string.IsNullOrWhiteSpace(Cell(f))) Problem(f, $"The {ImportFields.Label(f).ToLowerInvariant()} is missing (needed to add {upn} as a new pupil)");
                }
            }

            // The pupil as they would be: the file's values over what Senco holds; checked by the same rules as the forms.
            if (upn is not null && rowProblems.Count == 0)
            {
                var merged = new PupilDetails(upn, forename ?? current?.Forename, surname ?? current?.Surname, dob ?? current?.DateOfBirth,
                    gender ?? current?.Gender, year ?? current?.YearGroup);
                foreach (var (key, messages) in PupilRules.Validate(merged, today))
                {
                    if (!ImportFields.TryParseKey(key, out var f)) f = ImportField.Upn;
                    foreach (var m in messages) Problem(f, m);
                }
            }

            // SEN: only what the file says; unmapped columns keep the pupil's status or needs.
            IReadOnlyList<string>? needs = null;
            if (mapping.Has(ImportField.PrimaryNeed) || mapping.Has(ImportField.SecondaryNeed))
            {
                var list = new List<string>();
                if (primary is not null) list.Add(primary);
                else if (secondary is not null && mapping.Has(ImportField.PrimaryNeed))
                    Problem(ImportField.PrimaryNeed, "There is a secondary need but no primary need: the primary need comes first");
                if (secondary is not null) list.Add(secondary);
                needs = list;
            }
            var newStatus = status ?? current?.Status ?? SenStatus.N;
            var newNeeds = needs ?? (status is SenStatus.N ? [] : current?.Needs ?? []);
            var senChanges = current is null
                ? newStatus != SenStatus.N || newNeeds.Count > 0
                : newStatus != current.Status || !newNeeds.SequenceEqual(current.Needs, StringComparer.Ordinal);
            if (senChanges && rowProblems.Count == 0)
            {
                if (!canChangeSen) Problem(ImportField.SenStatus, NoSenPermissionMessage);
                else
                {
                    var change = new SenChange(newStatus.ToString(), newNeeds, today, "Imported from the school's MIS");
                    var previous = current?.LastSenChangeOn;
                    foreach (var (key, messages) in SenChangeRules.Validate(change, previous, today))
                    {
                        var f = key switch { "needs" => ImportField.PrimaryNeed, _ => ImportField.SenStatus };
                        foreach (var m in messages) Problem(f, m);
                    }
                }
            }

            problems.AddRange(rowProblems);
            if (upn is null || rowProblems.Count > 0) continue;

            var values = new PupilValues(upn, forename, surname, dob, gender, year, eal, pp, la, status, needs, leaving);
            var changes = current is null ? [] : Changes(current, values, newStatus, newNeeds);
            var leaves = leaving is { } lo && lo <= today && (current is null || current.OnRoll);
            var returns = current is { OnRoll: false } && !(leaving is { } l2 && l2 <= today);
            planned.Add(new PlannedPupil(row.Row, values with { Status = newStatus, Needs = newNeeds }, current, changes, senChanges, leaves, returns));
        }

        if (rows.Count == 0) problems.Add(new ImportProblem(0, "file", "The file has headings but no pupils"));

        var inFile = firstRowOf.Keys.ToHashSet(StringComparer.Ordinal);
        var notInFile = fullRoll ? existing.Where(p => p.OnRoll && !inFile.Contains(p.Upn)).OrderBy(p => p.Surname).ThenBy(p => p.Forename).ToList() : [];
        return new ImportPlan(rows.Count, problems,
            planned.Where(p => p.IsNew).ToList(),
            planned.Where(p => !p.IsNew && (p.Changes.Count > 0 || p.Returns)).ToList(),
            planned.Count(p => !p.IsNew && p.Changes.Count == 0 && !p.Returns && !p.Leaves),
            planned.Where(p => p.Leaves).ToList(),
            notInFile);
    }

    private static List<FieldChange> Changes(ExistingPupil c, PupilValues v, SenStatus status, IReadOnlyList<string> needs)
    {
        var list = new List<FieldChange>();
        void Add(ImportField f, string before, string? after)
        {
            if (after is not null && !string.Equals(before, after, StringComparison.Ordinal)) list.Add(new FieldChange(f, before, after));
        }
        static string YN(bool b) => b ? "Yes" : "No";
        Add(ImportField.Forename, c.Forename, v.Forename);
        Add(ImportField.Surname, c.Surname, v.Surname);
        Add(ImportField.DateOfBirth, Dates.Long(c.DateOfBirth), v.DateOfBirth is { } d ? Dates.Long(d) : null);
        Add(ImportField.Gender, c.Gender, v.Gender);
        Add(ImportField.YearGroup, YearGroups.Label(c.YearGroup), v.YearGroup is { } y ? YearGroups.Label(y) : null);
        Add(ImportField.Eal, YN(c.Eal), v.Eal is { } eal ? YN(eal) : null);
        Add(ImportField.PupilPremium, YN(c.PupilPremium), v.PupilPremium is { } pp ? YN(pp) : null);
        Add(ImportField.LookedAfter, YN(c.LookedAfter), v.LookedAfter is { } la ? YN(la) : null);
        Add(ImportField.SenStatus, c.Status.ToString(), status.ToString());
        var before = c.Needs.Count == 0 ? "none" : string.Join(", ", c.Needs);
        var after = needs.Count == 0 ? "none" : string.Join(", ", needs);
        if (status != SenStatus.N || c.Status != SenStatus.N) Add(ImportField.PrimaryNeed, before, after);
        return list;
    }

    /// "Year group: Year 6 → Year 7; SEN status: N → K".
    public static string Describe(IEnumerable<FieldChange> changes) =>
        string.Join("; ", changes.Select(c => $"{(c.Field == ImportField.PrimaryNeed ? "Needs" : ImportFields.Label(c.Field))}: {c.Before} → {c.After}"));

    public static string Count(int n, string one, string many) => $"{n.ToString("N0", CultureInfo.InvariantCulture)} {(n == 1 ? one : many)}";
}
