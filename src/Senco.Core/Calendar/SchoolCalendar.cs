using Senco.Core.Delivery;

namespace Senco.Core.Calendar;

/// The dates a school sets for one of its terms (academies and maintained schools set their own, usually close to the
/// local authority's pattern).
public sealed record TermDates(SchoolYear Year, TermName Name, DateOnly Start, DateOnly End)
{
    public Term Term => new(Year, Name);
}

/// Days inside term when the school is closed to pupils: half term, a staff training (INSET) day, a bank holiday, a
/// snow day. Inclusive dates.
public sealed record Closure(DateOnly From, DateOnly To, string Reason)
{
    public bool Covers(DateOnly d) => d >= From && d <= To;
}

/// <summary>
/// A school's calendar: the school days on which provision is owed and statutory "school day" counts run. A school day
/// is a weekday, inside one of the school's terms when it has entered that year's terms, and not a closure. A year the
/// school has not entered falls back to the conventional terms (autumn 1 September – 31 December, spring 1 January –
/// 31 March, summer 1 April – 31 August) with every weekday a school day, less the closures it has entered; pages say
/// so, because holidays then count as school days.
/// </summary>
public sealed class SchoolCalendar
{
    public static readonly SchoolCalendar Conventional = new([], []);

    private readonly Dictionary<SchoolYear, List<TermDates>> _terms;
    private readonly List<Closure> _closures;

    public SchoolCalendar(IEnumerable<TermDates> terms, IEnumerable<Closure> closures)
    {
        _terms = terms.GroupBy(t => t.Year).ToDictionary(g => g.Key, g => g.OrderBy(t => t.Start).ToList());
        _closures = closures.OrderBy(c => c.From).ToList();
    }

    public IReadOnlyList<Closure> Closures => _closures;

    /// True when the school has entered its term dates for the school year holding this date.
    public bool Knows(SchoolYear year) => _terms.ContainsKey(year);

    public IReadOnlyList<TermDates> TermsOf(SchoolYear year) =>
        _terms.TryGetValue(year, out var t) ? t : [.. Enum.GetValues<TermName>().Select(n => new TermDates(year, n, new Term(year, n).Start, new Term(year, n).End))];

    public bool IsSchoolDay(DateOnly d)
    {
        if (d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) return false;
        if (_closures.Any(c => c.Covers(d))) return false;
        return !_terms.TryGetValue(SchoolYear.Containing(d), out var terms) || terms.Any(t => d >= t.Start && d <= t.End);
    }

    /// School days from one date to another, both included.
    public int SchoolDays(DateOnly from, DateOnly to)
    {
        var n = 0;
        for (var d = from; d <= to; d = d.AddDays(1)) if (IsSchoolDay(d)) n++;
        return n;
    }

    /// The date <paramref name="days"/> school days after <paramref name="start"/> (the start itself not counted), e.g.
    /// the last day to send a pupil's records when they leave: 15 school days after the day they left.
    public DateOnly AddSchoolDays(DateOnly start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var d = start;
        // Bounded: a year of closures is refused by validation, so a school day always comes within a few months.
        for (var counted = 0; counted < days;)
        {
            d = d.AddDays(1);
            if (IsSchoolDay(d)) counted++;
            if (d > start.AddYears(2)) throw new InvalidOperationException("No school days in two years: the calendar is wrong.");
        }
        return d;
    }

    /// The term a date belongs to: the term it is in, or in a holiday the term that ended most recently (the summer
    /// holiday belongs to the summer term of the school year it ends).
    public Term TermContaining(DateOnly d)
    {
        var year = SchoolYear.Containing(d);
        if (!_terms.TryGetValue(year, out var terms)) return Term.Containing(d);
        var started = terms.LastOrDefault(t => t.Start <= d);
        return started?.Term ?? new Term(year, terms[0].Name);
    }
}

/// Checks on the dates a person enters for the calendar: every problem with the field it belongs to.
public static class SchoolCalendarRules
{
    public sealed record Problem(string Field, string Message);

    public static IReadOnlyList<Problem> CheckTerms(SchoolYear year, IReadOnlyList<(TermName Name, DateOnly? Start, DateOnly? End)> terms)
    {
        var problems = new List<Problem>();
        TermDates? previous = null;
        foreach (var (name, start, end) in terms.OrderBy(t => t.Name))
        {
            var label = name.ToString().ToLowerInvariant();
            if (start is null) problems.Add(new($"{name}Start", $"Enter the date the {label} term starts"));
            if (end is null) problems.Add(new($"{name}End", $"Enter the date the {label} term ends"));
            if (start is { } s0 && !year.Contains(s0)) problems.Add(new($"{name}Start", $"The {label} term must start within the school year {year.Label} (1 September {year.StartYear} to 31 August {year.StartYear + 1})"));
            if (end is { } e0 && !year.Contains(e0)) problems.Add(new($"{name}End", $"The {label} term must end within the school year {year.Label}"));
            if (start is null || end is null) continue;
            if (end < start) problems.Add(new($"{name}End", $"The {label} term must end on or after the day it starts"));
            else if (previous is not null && start <= previous.End)
                problems.Add(new($"{name}Start", $"The {label} term must start after the {previous.Name.ToString().ToLowerInvariant()} term ends ({previous.End:d MMMM yyyy})"));
            previous = new TermDates(year, name, start.Value, end.Value);
        }
        return problems;
    }

    public static IReadOnlyList<Problem> CheckClosure(DateOnly? from, DateOnly? to, string? reason)
    {
        var problems = new List<Problem>();
        if (from is null) problems.Add(new("From", "Enter the first day the school is closed"));
        if (to is null) problems.Add(new("To", "Enter the last day the school is closed (the same day for one day)"));
        if (string.IsNullOrWhiteSpace(reason)) problems.Add(new("Reason", "Say why the school is closed, for example half term or INSET day"));
        else if (reason.Trim().Length > 100) problems.Add(new("Reason", "The reason must be 100 characters or fewer"));
        if (from is { } f && to is { } t)
        {
            if (t < f) problems.Add(new("To", "The last day must be on or after the first day"));
            else if (t.DayNumber - f.DayNumber > 62) problems.Add(new("To", "A closure can be at most 9 weeks; enter the summer holiday by ending the summer term instead"));
        }
        return problems;
    }
}
