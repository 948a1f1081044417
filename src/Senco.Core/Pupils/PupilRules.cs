namespace Senco.Core.Pupils;

public sealed record PupilDetails(string? Upn, string? Forename, string? Surname, DateOnly? DateOfBirth, string? Gender, string? YearGroup);

public static class PupilRules
{
    public const int MaxNameLength = 100;

    /// <summary>
    /// The SEND Code of Practice covers 0 to 25; Senco records pupils on a school roll, from nursery
    /// (the term after a child turns 2 at the earliest) until their 26th birthday.
    /// </summary>
    public const int MinAge = 2;
    public const int MaxAge = 25;

    public const string GenderMessage = "Select the pupil's gender as recorded in the census: M or F";
    public const string YearGroupMessage = "Select a year group: N1, N2, R or 1 to 14";

    public static ValidationErrors Validate(PupilDetails p, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(p);
        var errors = new ValidationErrors();

        var upn = Upn.Check(p.Upn);
        if (!upn.IsValid) errors.Add("upn", upn.Error!);

        Name(errors, "forename", "forename", p.Forename);
        Name(errors, "surname", "surname", p.Surname);

        if (p.DateOfBirth is not { } dob)
            errors.Add("dateOfBirth", "Enter the pupil's date of birth");
        else if (dob > today)
            errors.Add("dateOfBirth", "The date of birth must be in the past");
        else
        {
            var age = Dates.AgeOn(dob, today);
            if (age < MinAge)
                errors.Add("dateOfBirth", $"The pupil must be at least {MinAge} years old today: check the date of birth");
            else if (age > MaxAge)
                errors.Add("dateOfBirth", $"The pupil must be {MaxAge} or younger today: check the date of birth");
        }

        if (NormaliseGender(p.Gender) is null) errors.Add("gender", GenderMessage);
        if (!YearGroups.IsValid(p.YearGroup)) errors.Add("yearGroup", YearGroupMessage);

        return errors;
    }

    /// <summary>
    /// The form to store: names trimmed, UPN, gender and year group in their census form. Validation
    /// accepts "m", " h801200001001 " and "r"; store what this returns.
    /// </summary>
    public static PupilDetails Normalise(PupilDetails p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return p with
        {
            Upn = Upn.Check(p.Upn).Normalised ?? p.Upn?.Trim().ToUpperInvariant(),
            Forename = p.Forename?.Trim(),
            Surname = p.Surname?.Trim(),
            Gender = NormaliseGender(p.Gender) ?? p.Gender?.Trim(),
            YearGroup = YearGroups.Normalise(p.YearGroup) ?? p.YearGroup?.Trim(),
        };
    }

    /// <summary>"M" or "F" (census gender codes), ignoring case and spaces; null otherwise.</summary>
    public static string? NormaliseGender(string? g) => g?.Trim().ToUpperInvariant() switch
    {
        "M" => "M",
        "F" => "F",
        _ => null,
    };

    private static void Name(ValidationErrors errors, string field, string label, string? value)
    {
        var v = value?.Trim();
        if (string.IsNullOrEmpty(v))
            errors.Add(field, $"Enter the pupil's {label}");
        else if (v.Length > MaxNameLength)
            errors.Add(field, $"The {label} must be {MaxNameLength} characters or fewer");
        else if (v.Any(char.IsControl))
            errors.Add(field, $"The {label} must not contain tabs, line breaks or other hidden characters");
    }
}
