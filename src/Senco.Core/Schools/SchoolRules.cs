using Senco.Core.Pupils;

namespace Senco.Core.Schools;

/// <summary>Phase of education, close to Get Information About Schools' "phase of education" values.</summary>
public enum Phase { Primary, Secondary, AllThrough, Special, Nursery, AlternativeProvision }

public static class SchoolRules
{
    public const int MaxNameLength = 200;

    /// <summary>
    /// URN: the 6-digit Unique Reference Number from Get Information About Schools. DfE number: the LA's
    /// 3-digit code (a current English authority) plus the 4-digit establishment number.
    /// </summary>
    public static ValidationErrors Validate(string? urn, string? name, string? laCode, string? estab, string? phase)
    {
        var errors = new ValidationErrors();

        var u = urn?.Trim();
        if (string.IsNullOrEmpty(u)) errors.Add("urn", "Enter the school's URN");
        else if (!IsDigits(u, 6)) errors.Add("urn", "The URN must be 6 digits, for example 100000");

        var n = name?.Trim();
        if (string.IsNullOrEmpty(n)) errors.Add("name", "Enter the school's name");
        else if (n.Length > MaxNameLength) errors.Add("name", $"The school's name must be {MaxNameLength} characters or fewer");
        else if (n.Any(char.IsControl)) errors.Add("name", "The school's name must not contain tabs, line breaks or other hidden characters");

        var la = laCode?.Trim();
        if (string.IsNullOrEmpty(la)) errors.Add("laCode", "Enter the local authority code");
        else if (!IsDigits(la, 3)) errors.Add("laCode", "The local authority code must be 3 digits, for example 801");
        else if (!LocalAuthorities.IsCurrentEnglish(la))
            errors.Add("laCode", $"\"{la}\" is not the code of a current English local authority");

        var e = estab?.Trim();
        if (string.IsNullOrEmpty(e)) errors.Add("estab", "Enter the establishment number");
        else if (!IsDigits(e, 4)) errors.Add("estab", "The establishment number must be 4 digits, for example 2000");

        if (!TryParsePhase(phase, out _))
            errors.Add("phase", "Select the phase: " + string.Join(", ", Enum.GetNames<Phase>()));

        return errors;
    }

    /// <summary>An enum name, ignoring case and spaces. Numbers ("1") are not accepted.</summary>
    public static bool TryParsePhase(string? s, out Phase phase)
    {
        phase = default;
        var t = s?.Trim();
        if (string.IsNullOrEmpty(t)) return false;
        foreach (var p in Enum.GetValues<Phase>())
            if (string.Equals(p.ToString(), t, StringComparison.OrdinalIgnoreCase)) { phase = p; return true; }
        return false;
    }

    private static bool IsDigits(string s, int length) => s.Length == length && s.All(c => c is >= '0' and <= '9');
}
