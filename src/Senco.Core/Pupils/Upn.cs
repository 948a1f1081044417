namespace Senco.Core.Pupils;

/// <summary>The outcome of checking a UPN. <see cref="Normalised"/> is set only when the UPN is valid.</summary>
public sealed record UpnCheck(bool IsValid, bool IsTemporary, string? Normalised, string? Error, char? ExpectedCheckLetter);

/// <summary>
/// Unique Pupil Number. Format and check letter from the DfE UPN guide (UPN_Guide_1.2) and the GovTalk
/// UniquePupilNumber-2-0 data standard: check letter, LA (2-4), establishment (5-8), year (9-10),
/// serial (11-13); a temporary UPN has a letter in place of the last serial digit.
/// </summary>
public static class Upn
{
    public const string EmptyMessage = "Enter the pupil's UPN";
    public const string ShapeMessage =
        "A UPN is 13 characters: a letter, then 12 digits (a temporary UPN ends in a letter instead of the last digit)";
    public const string MiddleDigitsMessage = "Characters 5 to 12 of the UPN must be digits";
    public const string LastCharacterMessage =
        "Character 13 of the UPN must be a digit, or a letter other than I, O or S for a temporary UPN";

    // The check-letter table: value 0..22 maps to A..Z without I, O and S. The same table gives a
    // temporary UPN's final letter its value (A = 0, B = 1, ...), so I, O and S are never valid there either.
    private const string CheckLetters = "ABCDEFGHJKLMNPQRTUVWXYZ";

    public static UpnCheck Check(string? input)
    {
        if (string.IsNullOrWhiteSpace(input)) return Fail(EmptyMessage);
        var upn = input.Trim().ToUpperInvariant();

        if (upn.Length != 13 || !IsAsciiLetter(upn[0]) || !upn.Skip(1).All(c => IsAsciiDigit(c) || IsAsciiLetter(c)))
            return Fail(ShapeMessage);

        if (!upn[4..12].All(IsAsciiDigit)) return Fail(MiddleDigitsMessage);

        var last = upn[12];
        var isTemporary = IsAsciiLetter(last);
        if (isTemporary && !CheckLetters.Contains(last)) return Fail(LastCharacterMessage, isTemporary);

        var la = upn[1..4];
        if (!la.All(IsAsciiDigit) || !LocalAuthorities.IsRecognised(la))
            return Fail($"Characters 2 to 4 of the UPN (\"{la}\") are not a recognised local authority code", isTemporary);

        var expected = CheckLetterFor(upn[1..]);
        if (upn[0] != expected)
            return new UpnCheck(false, isTemporary, null, $"The check letter should be {expected}.", expected);

        return new UpnCheck(true, isTemporary, upn, null, null);
    }

    /// <summary>True when <paramref name="input"/> is a valid UPN (permanent or temporary).</summary>
    public static bool IsValid(string? input) => Check(input).IsValid;

    /// <summary>
    /// The check letter for characters 2-13: each character times its position (2..13), summed, mod 23,
    /// looked up in A..Z without I, O, S. A temporary UPN's final letter counts as its table value.
    /// </summary>
    /// <exception cref="ArgumentException">Not 11 digits followed by a digit or an allowed letter.</exception>
    public static char CheckLetterFor(string last12)
    {
        ArgumentNullException.ThrowIfNull(last12);
        var s = last12.ToUpperInvariant();
        if (s.Length != 12 || !s[..11].All(IsAsciiDigit) || !(IsAsciiDigit(s[11]) || CheckLetters.Contains(s[11])))
            throw new ArgumentException(
                "Expected characters 2 to 13 of a UPN: 11 digits, then a digit or a letter other than I, O or S.",
                nameof(last12));

        var sum = 0;
        for (var i = 0; i < 12; i++)
        {
            var c = s[i];
            var value = IsAsciiDigit(c) ? c - '0' : CheckLetters.IndexOf(c);
            sum += value * (i + 2);
        }
        return CheckLetters[sum % 23];
    }

    private static UpnCheck Fail(string error, bool isTemporary = false) => new(false, isTemporary, null, error, null);
    private static bool IsAsciiDigit(char c) => c is >= '0' and <= '9';
    private static bool IsAsciiLetter(char c) => c is >= 'A' and <= 'Z';
}
