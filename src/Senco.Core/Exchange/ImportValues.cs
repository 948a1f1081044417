using System.Globalization;
using System.Text.RegularExpressions;
using Senco.Core.Pupils;
using Senco.Core.Sen;

namespace Senco.Core.Exchange;

/// A value read from a cell, or the message saying why it could not be read.
public readonly record struct Parsed<T>(T? Value, string? Error)
{
    public bool Ok => Error is null;
    public static Parsed<T> Of(T? value) => new(value, null);
    public static Parsed<T> Fail(string error) => new(default, error);
}

/// Reading the values MIS exports write. Every cell is text: nothing is evaluated, so "=1+1" stays the five
/// characters it is (and is refused where a name or code is expected).
public static partial class ImportValues
{
    public const string UsDateMessage =
        "looks like a US date (month first). Use the UK order day/month/year (for example 25/12/2015) or the ISO form 2015-12-25";
    public const string AmbiguousYearMessage =
        "has a two-digit year, so the century is unclear. Write the year in full (for example 03/04/2015 or 2015-04-03)";

    /// ISO (2015-04-03) or UK day/month/year with slashes, dashes or dots and a four-digit year (3/4/2015, 03-04-2015).
    /// Refused with a message: a second number above 12 (a US month-first date such as 04/23/2015), two-digit years,
    /// and anything else that is not a real date.
    public static Parsed<DateOnly> Date(string? text)
    {
        var t = (text ?? "").Trim();
        if (t.Length == 0) return Parsed<DateOnly>.Of(default);
        // Spreadsheets often add a midnight time to a date ("2015-04-03 00:00:00", "03/04/2015 00:00").
        var m = IsoDate().Match(t);
        if (m.Success) return Make(t, Int(m.Groups[1]), Int(m.Groups[2]), Int(m.Groups[3]));
        m = UkDate().Match(t);
        if (m.Success)
        {
            int a = Int(m.Groups[1]), b = Int(m.Groups[2]);
            var yearText = m.Groups[3].Value;
            if (yearText.Length == 2) return Parsed<DateOnly>.Fail($"\"{t}\" {AmbiguousYearMessage}");
            if (b > 12 && a <= 12) return Parsed<DateOnly>.Fail($"\"{t}\" {UsDateMessage}");
            return Make(t, Int(m.Groups[3]), b, a);
        }
        if (DateOnly.TryParseExact(t, ["d MMMM yyyy", "d MMM yyyy", "dd MMM yyyy", "dd MMMM yyyy", "d-MMM-yyyy", "dd-MMM-yyyy"],
                CultureInfo.GetCultureInfo("en-GB"), DateTimeStyles.AllowWhiteSpaces, out var named))
            return Parsed<DateOnly>.Of(named);
        return Parsed<DateOnly>.Fail($"\"{t}\" is not a date. Use day/month/year (for example 25/12/2015) or 2015-12-25");
    }

    private static Parsed<DateOnly> Make(string t, int y, int mo, int d)
    {
        if (y < 1900 || y > 2200 || mo is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, mo))
            return Parsed<DateOnly>.Fail($"\"{t}\" is not a real date");
        return Parsed<DateOnly>.Of(new DateOnly(y, mo, d));
    }

    private static int Int(Group g) => int.Parse(g.Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]00:00(?::00(?:\.0+)?)?Z?)?$")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})(?: 00:00(?::00)?)?$")]
    private static partial Regex UkDate();

    /// "7", "Y7", "Year 7", "R", "Reception", "N1", "Nursery 2", "07".
    public static Parsed<string> YearGroup(string? text)
    {
        var t = (text ?? "").Trim();
        if (t.Length == 0) return Parsed<string>.Of(null);
        var n = ColumnGuesser.Normalise(t);
        string? candidate = n switch
        {
            "reception" or "rec" or "yr" or "r" => "R",
            "nursery1" or "n1" or "nur1" => "N1",
            "nursery2" or "n2" or "nur2" or "nursery" => "N2",
            _ when n.StartsWith("year", StringComparison.Ordinal) => n[4..],
            _ when n.StartsWith('y') => n[1..],
            _ => n,
        };
        if (candidate is not null && candidate.All(char.IsAsciiDigit) && candidate.Length is > 0 and <= 2)
            candidate = int.Parse(candidate, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
        var normal = YearGroups.Normalise(candidate);
        return normal is null
            ? Parsed<string>.Fail($"\"{t}\" is not a year group. Use N1, N2, R or 1 to 14")
            : Parsed<string>.Of(normal);
    }

    /// "M", "F", "Male", "Female" (census gender codes).
    public static Parsed<string> Gender(string? text)
    {
        var t = (text ?? "").Trim();
        if (t.Length == 0) return Parsed<string>.Of(null);
        return t.ToUpperInvariant() switch
        {
            "M" or "MALE" or "BOY" => Parsed<string>.Of("M"),
            "F" or "FEMALE" or "GIRL" => Parsed<string>.Of("F"),
            _ => Parsed<string>.Fail($"\"{t}\" is not a census gender. Use M or F"),
        };
    }

    /// Yes/no columns: Y, Yes, True, 1, or a non-empty MIS flag such as "FSM" or "Eligible"; blank, N, No, False, 0
    /// mean no. Anything else is refused rather than guessed.
    public static Parsed<bool> YesNo(string? text)
    {
        var t = (text ?? "").Trim().ToUpperInvariant();
        return t switch
        {
            "" or "N" or "NO" or "FALSE" or "0" or "NOT ELIGIBLE" or "NONE" => Parsed<bool>.Of(false),
            "Y" or "YES" or "TRUE" or "1" or "ELIGIBLE" or "T" => Parsed<bool>.Of(true),
            _ => Parsed<bool>.Fail($"\"{(text ?? "").Trim()}\" is not yes or no. Use Y or N"),
        };
    }

    /// N, K or E, with the words MIS exports put beside them ("K - SEN Support", "EHC Plan", "No Special Educational
    /// Need"). A blank cell is N. The historical codes S, A and P are refused with what replaced them.
    public static Parsed<SenStatus> SenStatus(string? text)
    {
        var t = (text ?? "").Trim();
        if (t.Length == 0) return Parsed<Sen.SenStatus>.Of(Sen.SenStatus.N);
        var first = t.Split([' ', '-', ':', '(', ')'], StringSplitOptions.RemoveEmptyEntries) is { Length: > 0 } parts ? parts[0] : t;
        if (first.Length == 1 && SenStatuses.TryParse(first, out var s)) return Parsed<Sen.SenStatus>.Of(s);
        var n = ColumnGuesser.Normalise(t);
        switch (n)
        {
            case "sensupport" or "support" or "senk": return Parsed<Sen.SenStatus>.Of(Sen.SenStatus.K);
            case "ehcplan" or "ehcp" or "educationhealthandcareplan" or "ehc": return Parsed<Sen.SenStatus>.Of(Sen.SenStatus.E);
            case "nosen" or "none" or "nospecialeducationalneed" or "nospecialeducationalneeds" or "no": return Parsed<Sen.SenStatus>.Of(Sen.SenStatus.N);
        }
        if (first.Length == 1 && "SAP".Contains(char.ToUpperInvariant(first[0]), StringComparison.Ordinal))
            return Parsed<Sen.SenStatus>.Fail($"\"{t}\" is a code the census no longer uses (statements became EHC plans, E; School Action and Action Plus became SEN support, K). Use N, K or E");
        return Parsed<Sen.SenStatus>.Fail($"\"{t}\" is not an SEN status code. Use N, K or E");
    }

    /// A census SEN type code ("SLCN") or its name ("Speech, language and communication needs"); blank is none.
    public static Parsed<string> Need(string? text)
    {
        var t = (text ?? "").Trim();
        if (t.Length == 0) return Parsed<string>.Of(null);
        // "SPLD - Specific learning difficulty" gives SPLD; a cell of only separators ("-", ": -") gives no code at all
        // (found by fuzzing: it used to throw).
        var code = t.Split([' ', '-', ':'], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? t;
        if (NeedTypes.TryGet(code, out var need)) return Parsed<string>.Of(need.Code);
        var byName = NeedTypes.All.FirstOrDefault(x => ColumnGuesser.Normalise(x.Name) == ColumnGuesser.Normalise(t));
        if (byName is not null) return Parsed<string>.Of(byName.Code);
        if (string.Equals(code, "BESD", StringComparison.OrdinalIgnoreCase))
            return Parsed<string>.Fail("\"BESD\" was replaced by SEMH in 2015. Use SEMH");
        return Parsed<string>.Fail($"\"{t}\" is not a census SEN type code (SPLD, MLD, SLD, PMLD, SEMH, SLCN, ASD, HI, VI, MSI, PD, OTH, NSA)");
    }

    /// True when a cell would be taken for a formula by a spreadsheet (it starts with = + @, or - followed by
    /// something other than a letter). Such cells are kept as text; where a name is expected they are refused, so
    /// that nothing which could run in someone's spreadsheet later is stored as a pupil's name.
    public static bool LooksLikeFormula(string? text)
    {
        var t = text ?? "";
        if (t.Length == 0) return false;
        return t[0] is '=' or '+' or '@' or '\t' or '\r' or '|' || (t[0] == '-' && (t.Length == 1 || !char.IsLetter(t[1])));
    }

    /// Exports written by Senco (and some MIS) put an apostrophe before a cell that would look like a formula; it
    /// is not part of the value.
    public static string Unguard(string text) =>
        text.Length > 1 && text[0] == '\'' && LooksLikeFormula(text[1..]) ? text[1..] : text;
}
