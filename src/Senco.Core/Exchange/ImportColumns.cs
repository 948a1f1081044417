using System.Text;

namespace Senco.Core.Exchange;

/// The pupil fields a roll file from a management information system (SIMS, Arbor, Bromcom, Scholarpack…) can fill.
/// Their names are the camelCase keys of the import's problems ("upn", "dateOfBirth"), as elsewhere in Senco.
public enum ImportField
{
    Upn, Forename, Surname, DateOfBirth, Gender, YearGroup, SenStatus, PrimaryNeed, SecondaryNeed, Eal, PupilPremium, LookedAfter, LeavingDate,
}

public static class ImportFields
{
    public static IReadOnlyList<ImportField> All { get; } = Enum.GetValues<ImportField>();

    /// Fields a new pupil cannot be added without (the same as adding a pupil by hand). An existing pupil is matched by
    /// UPN, so for updates only the UPN is needed.
    public static IReadOnlySet<ImportField> RequiredForNewPupil { get; } = new HashSet<ImportField>
        { ImportField.Upn, ImportField.Forename, ImportField.Surname, ImportField.DateOfBirth, ImportField.Gender, ImportField.YearGroup };

    public static string Key(ImportField f) => f switch
    {
        ImportField.Upn => "upn",
        _ => char.ToLowerInvariant(f.ToString()[0]) + f.ToString()[1..],
    };

    public static bool TryParseKey(string? key, out ImportField field)
    {
        foreach (var f in All)
        {
            if (string.Equals(Key(f), key, StringComparison.OrdinalIgnoreCase)) { field = f; return true; }
        }
        field = default;
        return false;
    }

    public static string Label(ImportField f) => f switch
    {
        ImportField.Upn => "UPN",
        ImportField.Forename => "Forename",
        ImportField.Surname => "Surname",
        ImportField.DateOfBirth => "Date of birth",
        ImportField.Gender => "Gender",
        ImportField.YearGroup => "Year group",
        ImportField.SenStatus => "SEN status",
        ImportField.PrimaryNeed => "Primary need",
        ImportField.SecondaryNeed => "Secondary need",
        ImportField.Eal => "EAL",
        ImportField.PupilPremium => "Pupil premium (or FSM)",
        ImportField.LookedAfter => "Looked after",
        ImportField.LeavingDate => "Leaving date",
        _ => f.ToString(),
    };
}

/// Which column of the file holds each field (by its heading). A field may be left out (null): it is then neither
/// read nor changed.
public sealed class ColumnMapping
{
    private readonly Dictionary<ImportField, string> _columns = new();

    public IReadOnlyDictionary<ImportField, string> Columns => _columns;

    public string? this[ImportField f]
    {
        get => _columns.TryGetValue(f, out var h) ? h : null;
        set
        {
            if (string.IsNullOrWhiteSpace(value)) _columns.Remove(f);
            else _columns[f] = value;
        }
    }

    public bool Has(ImportField f) => _columns.ContainsKey(f);

    /// "upn=UPN;surname=Legal Surname;…": how a mapping is remembered for a school and source.
    public string Serialise() => string.Join('\n', _columns.OrderBy(c => c.Key).Select(c => $"{ImportFields.Key(c.Key)}={c.Value}"));

    public static ColumnMapping Deserialise(string? text)
    {
        var m = new ColumnMapping();
        foreach (var line in (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = line.IndexOf('=');
            if (eq > 0 && ImportFields.TryParseKey(line[..eq], out var f)) m[f] = line[(eq + 1)..];
        }
        return m;
    }

    /// The remembered mapping still fits this file when every heading it names is in the file.
    public bool FitsHeadings(IReadOnlyList<string> headings) =>
        _columns.Count > 0 && _columns.Values.All(h => headings.Contains(h, StringComparer.OrdinalIgnoreCase));
}

/// Guesses which column holds which field from the headings MIS exports use. SIMS writes "Legal Surname",
/// "Forename", "DOB", "NC Year Actual", "SEN Provision"; Arbor "Last name", "Date of Birth", "Year", "SEN Status";
/// Bromcom and Scholarpack similar words. Headings are compared by their letters and digits only, ignoring case.
public static class ColumnGuesser
{
    // Most specific first: "Former UPN" must not become the UPN; "Primary Need" must not become the SEN status.
    private static readonly (ImportField Field, string[] Names)[] Synonyms =
    [
        (ImportField.Upn, ["upn", "uniquepupilnumber", "pupilupn", "studentupn"]),
        (ImportField.Surname, ["legalsurname", "surname", "lastname", "familyname", "legallastname", "pupilsurname", "studentsurname"]),
        (ImportField.Forename, ["legalforename", "forename", "firstname", "givenname", "legalfirstname", "forenames", "pupilforename", "studentforename"]),
        (ImportField.DateOfBirth, ["dob", "dateofbirth", "birthdate", "dateofbirthddmmyyyy"]),
        (ImportField.Gender, ["gender", "sex", "legalsex"]),
        (ImportField.YearGroup, ["ncyearactual", "ncyear", "nationalcurriculumyear", "yeargroup", "year", "curriculumyear", "ncy"]),
        (ImportField.PrimaryNeed, ["primaryneed", "senprimaryneed", "primarysenneed", "primarysentype", "sentype1", "senneed1", "needrank1", "primarysenneedtype"]),
        (ImportField.SecondaryNeed, ["secondaryneed", "sensecondaryneed", "secondarysenneed", "secondarysentype", "sentype2", "senneed2", "needrank2", "secondarysenneedtype"]),
        (ImportField.SenStatus, ["senstatus", "senprovision", "senstage", "sen", "senprovisiontype", "sencode"]),
        (ImportField.Eal, ["eal", "englishasanadditionallanguage", "ealstatus", "ealflag"]),
        (ImportField.PupilPremium, ["pupilpremium", "pp", "pupilpremiumeligible", "fsm", "fsmeligible", "freeschoolmeals", "ever6fsm", "fsm6", "fsmever6", "disadvantaged"]),
        (ImportField.LookedAfter, ["lookedafter", "cla", "inlacare", "lac", "childlookedafter", "lookedafterchild", "incare"]),
        (ImportField.LeavingDate, ["leavingdate", "dateofleaving", "leftdate", "dateleft", "leavedate", "enddate"]),
    ];

    public static string Normalise(string? heading)
    {
        var sb = new StringBuilder();
        foreach (var c in heading ?? "")
            if (char.IsLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
        return sb.ToString();
    }

    /// A mapping for <paramref name="headings"/>: each field takes the first heading whose normalised text is one of
    /// its names; a heading is used for one field at most.
    public static ColumnMapping Guess(IReadOnlyList<string> headings)
    {
        ArgumentNullException.ThrowIfNull(headings);
        var mapping = new ColumnMapping();
        var used = new HashSet<int>();
        var normalised = headings.Select(Normalise).ToList();
        foreach (var (field, names) in Synonyms)
        {
            // Name order is preference order: "Legal Surname" wins over "Surname" when a file has both (SIMS does).
            foreach (var name in names)
            {
                var i = normalised.FindIndex(h => h == name);
                if (i >= 0 && !used.Contains(i))
                {
                    mapping[field] = headings[i];
                    used.Add(i);
                    break;
                }
            }
        }
        return mapping;
    }
}
