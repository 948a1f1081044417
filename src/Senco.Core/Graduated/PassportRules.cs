namespace Senco.Core.Graduated;

/// <summary>
/// The content of a learning passport (one-page profile, Helen Sanderson Associates' headings; send-facts.md §7):
/// what people like and admire about me, what is important to me, how best to support me, and the key strategies.
/// Each section records whether it is in the pupil's own words.
/// </summary>
public sealed record PassportContent(
    string? AboutMe,
    bool AboutMeOwnWords,
    string? ImportantToMe,
    bool ImportantToMeOwnWords,
    string? HowToSupportMe,
    bool HowToSupportMeOwnWords,
    IReadOnlyList<string>? KeyStrategies)
{
    public static PassportContent Empty { get; } = new(null, false, null, false, null, false, []);
}

/// <summary>One field of a passport, before and after a proposed change.</summary>
public sealed record PassportFieldChange(string Field, string Label, string Before, string After)
{
    public bool Changed => !string.Equals(Before, After, StringComparison.Ordinal);
}

public static class PassportRules
{
    /// <summary>Per section: the whole passport must fit one A4 page.</summary>
    public const int MaxSection = 1500;
    public const int MaxStrategies = 10;
    public const int MaxStrategy = 300;
    public const int MaxNote = 1000;

    public const string AboutMeLabel = "What people like and admire about me";
    public const string ImportantToMeLabel = "What is important to me";
    public const string HowToSupportMeLabel = "How best to support me";
    public const string KeyStrategiesLabel = "Key strategies";

    public static ValidationErrors Validate(PassportContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var errors = new ValidationErrors();
        SupportPlanRules.Text(errors, "aboutMe", content.AboutMe, "what people like and admire about the pupil", AboutMeLabel, MaxSection, required: true);
        SupportPlanRules.Text(errors, "importantToMe", content.ImportantToMe, "what is important to the pupil", ImportantToMeLabel, MaxSection, required: true);
        SupportPlanRules.Text(errors, "howToSupportMe", content.HowToSupportMe, "how best to support the pupil", HowToSupportMeLabel, MaxSection, required: true);
        var strategies = NormaliseStrategies(content.KeyStrategies);
        if (strategies.Count > MaxStrategies) errors.Add("keyStrategies", $"List at most {MaxStrategies} key strategies, so the passport fits on one page");
        var tooLong = strategies.FindIndex(s => s.Length > MaxStrategy);
        if (tooLong >= 0) errors.Add("keyStrategies", $"Key strategy {tooLong + 1} must be {MaxStrategy} characters or fewer");
        return errors;
    }

    /// <summary>Trimmed, blank lines dropped, repeats removed (a strategy picked from the bank and also typed).</summary>
    public static List<string> NormaliseStrategies(IEnumerable<string?>? strategies) =>
        (strategies ?? []).Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>Key strategies typed one per line in a text box.</summary>
    public static List<string> StrategiesFromLines(string? text) =>
        NormaliseStrategies((text ?? "").Split('\n').Select(l => l.TrimStart('-', '•', '*', ' ', '\t').TrimEnd('\r')));

    /// <summary>
    /// Every field of two versions side by side, in the passport's order: what a person approving a proposed change
    /// reads. The "own words" marks are shown with their section.
    /// </summary>
    public static IReadOnlyList<PassportFieldChange> Diff(PassportContent before, PassportContent after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        static string Section(string? text, bool ownWords) =>
            (text?.Trim() ?? "") + (ownWords && !string.IsNullOrWhiteSpace(text) ? "\n(in the pupil's own words)" : "");
        return
        [
            new("aboutMe", AboutMeLabel, Section(before.AboutMe, before.AboutMeOwnWords), Section(after.AboutMe, after.AboutMeOwnWords)),
            new("importantToMe", ImportantToMeLabel, Section(before.ImportantToMe, before.ImportantToMeOwnWords), Section(after.ImportantToMe, after.ImportantToMeOwnWords)),
            new("howToSupportMe", HowToSupportMeLabel, Section(before.HowToSupportMe, before.HowToSupportMeOwnWords), Section(after.HowToSupportMe, after.HowToSupportMeOwnWords)),
            new("keyStrategies", KeyStrategiesLabel, string.Join("\n", NormaliseStrategies(before.KeyStrategies)), string.Join("\n", NormaliseStrategies(after.KeyStrategies))),
        ];
    }

    public static bool SameContent(PassportContent a, PassportContent b) => Diff(a, b).All(c => !c.Changed);
}

/// <summary>
/// Checks an uploaded passport photo by its content, not its name or declared type: only PNG and JPEG, recognised by
/// their magic bytes, and no larger than <see cref="MaxBytes"/>.
/// </summary>
public static class PhotoRules
{
    public const int MaxBytes = 2 * 1024 * 1024;
    public const string Png = "image/png";
    public const string Jpeg = "image/jpeg";

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The content type the bytes really are, or the reason they are refused.</summary>
    public static (string? ContentType, string? Error) Check(ReadOnlySpan<byte> data)
    {
        if (data.Length == 0) return (null, "The selected file is empty");
        if (data.Length > MaxBytes) return (null, "The photo must be smaller than 2 MB");
        if (data.Length >= PngSignature.Length && data[..PngSignature.Length].SequenceEqual(PngSignature)) return (Png, null);
        // JPEG: SOI marker FF D8 followed by another marker (FF); the JFIF/Exif variants all start so.
        if (data.Length >= 4 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF) return (Jpeg, null);
        return (null, "The photo must be a PNG or JPEG image");
    }
}
