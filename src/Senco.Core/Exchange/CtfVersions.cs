namespace Senco.Core.Exchange;

/// <summary>
/// The CTF versions Senco reads and writes. DfE publishes a specification per version, one per school year; suppliers
/// accept the current version and the one before it (send-facts.md §4). 25.0 is the version for 2025/26 exports,
/// 24.0 the one used in 2024/25. A file of any other version is refused with a message that says which are read.
/// </summary>
public static class CtfVersions
{
    public const string Current = "25.0";
    public const string Previous = "24.0";
    public static readonly IReadOnlyList<string> Supported = [Current, Previous];

    /// <summary>"25.0", "25", " 24.0 " → the canonical "25.0"/"24.0"; null for anything else.</summary>
    public static string? Normalise(string? version)
    {
        var v = version?.Trim();
        if (string.IsNullOrEmpty(v)) return null;
        if (!v.Contains('.')) v += ".0";
        return Supported.FirstOrDefault(s => s == v);
    }

    public static string UnsupportedMessage(string? found) =>
        $"CTF version \"{found}\" is not one Senco reads. Senco reads version {Current} (2025/26) and {Previous} (2024/25): " +
        "ask the sending school to export the file again from an up-to-date system.";

    /// <summary>
    /// The AcademicYear a CTF exported on <paramref name="exportedOn"/> carries in its SourceSchool: the calendar year in
    /// which the school year ends, moving on to the next year for files exported on or after 1 August (send-facts.md §4:
    /// a file of 12 April 2024 says 2024; one of 1 August 2024 says 2025).
    /// </summary>
    public static int AcademicYearFor(DateOnly exportedOn) => exportedOn.Month >= 8 ? exportedOn.Year + 1 : exportedOn.Year;

    /// <summary>Destination unknown: the file goes to the Lost Pupil Database.</summary>
    public static readonly CtfSchool Unknown = new("XXX", "XXXX");
    /// <summary>Going to an independent school or outside the English/Welsh maintained sector.</summary>
    public static readonly CtfSchool OutsideMaintained = new("MMM", "MMMM");

    /// <summary>Checks a destination: 3-digit LA and 4-digit establishment, or XXX/XXXX, or MMM/MMMM. Errors keyed destLa/destEstab.</summary>
    public static ValidationErrors ValidateDestination(string? la, string? estab)
    {
        var errors = new ValidationErrors();
        la = la?.Trim().ToUpperInvariant();
        estab = estab?.Trim().ToUpperInvariant();
        var special = (la, estab) is ("XXX", "XXXX") or ("MMM", "MMMM");
        if (special) return errors;
        if (la is "XXX" or "MMM" || estab is "XXXX" or "MMMM")
        {
            errors.Add(la is "XXX" or "MMM" ? "destEstab" : "destLa",
                "Use XXX with XXXX when the destination is unknown, or MMM with MMMM for a school outside the maintained sector");
            return errors;
        }
        if (string.IsNullOrEmpty(la)) errors.Add("destLa", "Enter the destination's local authority number (3 digits), or XXX if unknown");
        else if (la.Length != 3 || !la.All(char.IsAsciiDigit)) errors.Add("destLa", "The local authority number is 3 digits, for example 873");
        if (string.IsNullOrEmpty(estab)) errors.Add("destEstab", "Enter the destination's establishment number (4 digits), or XXXX if unknown");
        else if (estab.Length != 4 || !estab.All(char.IsAsciiDigit)) errors.Add("destEstab", "The establishment number is 4 digits, for example 2001");
        return errors;
    }

    public static string DescribeDestination(string la, string estab) => (la, estab) switch
    {
        ("XXX", "XXXX") => "Destination unknown (XXX/XXXX: the file goes to the Lost Pupil Database)",
        ("MMM", "MMMM") => "Outside the maintained sector (MMM/MMMM: an independent school or outside England and Wales)",
        _ => $"{la}/{estab}",
    };
}
