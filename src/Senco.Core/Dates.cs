using System.Globalization;

namespace Senco.Core;

/// <summary>Date wording for user-facing messages.</summary>
public static class Dates
{
    /// <summary>
    /// "3 September 2026": the GOV.UK style for dates in text. Invariant culture, whose month names are
    /// English, so the server's locale cannot change what a parent reads.
    /// </summary>
    public static string Long(DateOnly d) => d.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>
    /// Whole years between <paramref name="dob"/> and <paramref name="on"/>. A child born on 29 February
    /// is treated as having their birthday on 1 March in a common year (a decision: the law is not explicit,
    /// and 1 March never makes a child older than they are).
    /// </summary>
    public static int AgeOn(DateOnly dob, DateOnly on)
    {
        var age = on.Year - dob.Year;
        if (on.Month < dob.Month || (on.Month == dob.Month && on.Day < dob.Day)) age--;
        return age;
    }
}
