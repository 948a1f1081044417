using System.Globalization;

namespace Senco.Core.Leadership;

public enum Term { Autumn, Spring, Summer }

public enum ScaleKind { Numeric, Grades }

public enum AssessmentMeasure
{
    /// A standardised score (mean 100, standard deviation 15), e.g. from a reading or maths test.
    StandardisedScore,
    /// Reading age in months, compared with the pupil's chronological age.
    ReadingAge,
    /// Spelling age in months, compared with the pupil's chronological age.
    SpellingAge,
    /// Teacher assessment against age-related expectations (pre-key stage, working towards, expected, greater depth).
    TeacherAssessment,
    /// A value on one of the school's own scales.
    SchoolScale,
}

/// <summary>One of the three terms of a school year. Schools report attainment at the end of each term, so a
/// result belongs to a term rather than a date; terms order Autumn, Spring, Summer within a year.</summary>
public readonly record struct AssessmentTerm(SchoolYear Year, Term Term) : IComparable<AssessmentTerm>
{
    public int Ordinal => Year.StartYear * 3 + (int)Term;

    /// "Autumn 2025/26".
    public string Label => $"{Term} {Year.Label}";

    /// "2025-autumn": for addresses and files.
    public string Key => $"{Year.StartYear}-{Term.ToString().ToLowerInvariant()}";

    public AssessmentTerm Previous => Term == Term.Autumn ? new(Year.Previous, Term.Summer) : new(Year, Term - 1);
    public AssessmentTerm Next => Term == Term.Summer ? new(Year.Next, Term.Autumn) : new(Year, Term + 1);

    /// The day a result of this term is taken to be from when no date was recorded: near the end of the term, when
    /// schools usually assess (1 December, 15 March, 1 July).
    public DateOnly AssessmentPoint => Term switch
    {
        Term.Autumn => new DateOnly(Year.StartYear, 12, 1),
        Term.Spring => new DateOnly(Year.StartYear + 1, 3, 15),
        _ => new DateOnly(Year.StartYear + 1, 7, 1),
    };

    /// The term a date falls in: September–December autumn, January–April spring (Easter moves; April is counted
    /// as spring), May–August summer.
    public static AssessmentTerm Containing(DateOnly d) => new(SchoolYear.Containing(d), d.Month switch
    {
        >= 9 => Term.Autumn,
        <= 4 => Term.Spring,
        _ => Term.Summer,
    });

    /// Accepts "2025-autumn" (the key) or "Autumn 2025/26" (the label), ignoring case.
    public static bool TryParse(string? s, out AssessmentTerm term)
    {
        term = default;
        if (string.IsNullOrWhiteSpace(s)) return false;
        s = s.Trim();
        var dash = s.Split('-');
        if (dash.Length == 2 && dash[0].Length == 4 && int.TryParse(dash[0], NumberStyles.None, CultureInfo.InvariantCulture, out var start) && start >= 1990 && start <= 2200
            && TryTerm(dash[1], out var t1))
        {
            term = new(new SchoolYear(start), t1);
            return true;
        }
        var space = s.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (space.Length == 2 && TryTerm(space[0], out var t2) && SchoolYear.TryParse(space[1], out var y))
        {
            term = new(y, t2);
            return true;
        }
        return false;
    }

    private static bool TryTerm(string s, out Term t) =>
        Enum.TryParse(s.Trim(), ignoreCase: true, out t) && Enum.IsDefined(t) && !int.TryParse(s, out _);

    public int CompareTo(AssessmentTerm other) => Ordinal.CompareTo(other.Ordinal);

    public override string ToString() => Label;
}
