using System.Globalization;

namespace Senco.Core.Leadership;

/// The access arrangements of the JCQ's "Adjustments for candidates with disabilities and learning difficulties"
/// (AARA) that a centre records for a candidate (send-facts.md §8).
public enum ExamArrangementKind
{
    ExtraTime25, ExtraTime50, RestBreaks, Reader, ComputerReader, ReadAloud, Scribe, SpeechRecognition, WordProcessor,
    SeparateInvigilation, Prompter, ModifiedPapers, PracticalAssistant, Transcript, BilingualDictionary,
}

/// The evidence an arrangement rests on.
public enum ExamEvidenceKind { Form8, EhcPlan, ProfessionalReport, HistoryOfNeed }

public enum ExamFlagKind { MissingEvidence, Expired, ExpiringSoon, OlderEdition }

public sealed record ExamAccessFlag(ExamFlagKind Kind, string Message);

/// A standardised score from a Form 8 assessment, with the area it measures ("reading speed", "writing speed").
public sealed record StandardisedScore(string Area, int Score);

/// <summary>What the checks need to know about one arrangement of one candidate; no names.</summary>
public sealed record ExamAccessCase(
    ExamArrangementKind Kind,
    ExamEvidenceKind? Evidence,
    DateOnly? AssessedOn,
    string? Assessor,
    IReadOnlyList<StandardisedScore> Scores,
    string? NormalWayOfWorking,
    int? EditionStartYear,
    DateOnly? ApprovedOn,
    DateOnly CandidateDateOfBirth);

/// <summary>
/// The JCQ rules Senco checks, as summarised in send-facts.md §8 (AARA 2025–26). They change each year, which is why
/// every approval carries the edition it was made under and an approval under an older edition is flagged for the
/// SENCO to check against the current one.
/// </summary>
public static class ExamAccessRules
{
    /// An approval through Access Arrangements Online lasts 26 months, so that one assessment covers a two-year
    /// course (AARA: "valid for 26 months").
    public const int ApprovalMonths = 26;
    /// How far ahead an expiry is flagged: long enough to assess again before the next exam series.
    public const int ExpiringWithinDays = 90;
    /// Below average on a standardised scale (mean 100, SD 15).
    public const int BelowAverage = 84;
    /// Low average: 85–89.
    public const int LowAverageTop = 89;

    public static string Label(ExamArrangementKind k) => k switch
    {
        ExamArrangementKind.ExtraTime25 => "25% extra time",
        ExamArrangementKind.ExtraTime50 => "50% extra time",
        ExamArrangementKind.RestBreaks => "Supervised rest breaks",
        ExamArrangementKind.Reader => "Reader",
        ExamArrangementKind.ComputerReader => "Computer reader",
        ExamArrangementKind.ReadAloud => "Read aloud",
        ExamArrangementKind.Scribe => "Scribe",
        ExamArrangementKind.SpeechRecognition => "Speech recognition",
        ExamArrangementKind.WordProcessor => "Word processor",
        ExamArrangementKind.SeparateInvigilation => "Separate invigilation",
        ExamArrangementKind.Prompter => "Prompter",
        ExamArrangementKind.ModifiedPapers => "Modified papers",
        ExamArrangementKind.PracticalAssistant => "Practical assistant",
        ExamArrangementKind.Transcript => "Transcript",
        ExamArrangementKind.BilingualDictionary => "Bilingual dictionary",
        _ => k.ToString(),
    };

    public static string Label(ExamEvidenceKind k) => k switch
    {
        ExamEvidenceKind.Form8 => "Form 8 assessment",
        ExamEvidenceKind.EhcPlan => "EHC plan",
        ExamEvidenceKind.ProfessionalReport => "Report from a professional",
        ExamEvidenceKind.HistoryOfNeed => "History of need (centre evidence)",
        _ => k.ToString(),
    };

    /// Arrangements the awarding bodies approve through Access Arrangements Online; the others are the centre's
    /// decision on its own evidence of need and normal way of working, and do not expire.
    public static bool NeedsOnlineApproval(ExamArrangementKind k) => k is ExamArrangementKind.ExtraTime25 or ExamArrangementKind.ExtraTime50
        or ExamArrangementKind.Reader or ExamArrangementKind.Scribe or ExamArrangementKind.SpeechRecognition or ExamArrangementKind.ModifiedPapers
        or ExamArrangementKind.PracticalAssistant or ExamArrangementKind.Transcript;

    public static DateOnly? ExpiresOn(ExamArrangementKind kind, DateOnly? approvedOn) =>
        NeedsOnlineApproval(kind) && approvedOn is { } a ? a.AddMonths(ApprovalMonths) : null;

    /// The JCQ edition in force on a day: editions run with the academic year, 1 September to 31 August.
    public static int EditionOn(DateOnly day) => SchoolYear.Containing(day).StartYear;

    /// 1 September of the school year in which a child born on <paramref name="dob"/> starts Year 9 (the earliest a
    /// Form 8 assessment for extra time may be done). Reception starts in the September after the fourth birthday.
    public static DateOnly Year9Starts(DateOnly dob) => new(SchoolYear.Containing(dob).StartYear + 14, 9, 1);

    /// <summary>25% extra time on Form 8 scores: two below-average scores (≤84) in different areas, or one below
    /// average and one low average (85–89) in another area.</summary>
    public static bool ScoresSupportExtraTime(IReadOnlyList<StandardisedScore> scores)
    {
        var below = scores.Where(s => s.Score <= BelowAverage).ToList();
        foreach (var b in below)
            if (scores.Any(o => !ReferenceEquals(o, b) && o.Score <= LowAverageTop && !SameArea(o, b))) return true;
        return false;
    }

    private static bool SameArea(StandardisedScore a, StandardisedScore b) =>
        string.Equals(a.Area.Trim(), b.Area.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>Everything wrong or about to go wrong with one arrangement, most serious first.</summary>
    public static IReadOnlyList<ExamAccessFlag> Check(ExamAccessCase c, DateOnly today)
    {
        var flags = new List<ExamAccessFlag>();
        void Missing(string m) => flags.Add(new(ExamFlagKind.MissingEvidence, m));

        if (string.IsNullOrWhiteSpace(c.NormalWayOfWorking)) Missing("No evidence that this is the candidate's normal way of working");
        var online = NeedsOnlineApproval(c.Kind);
        if (online && c.ApprovedOn is null) Missing("Not yet approved through Access Arrangements Online");

        var form8 = c.Evidence == ExamEvidenceKind.Form8;
        if (form8)
        {
            if (string.IsNullOrWhiteSpace(c.Assessor)) Missing("The Form 8 does not name the assessor");
            if (c.AssessedOn is null) Missing("The Form 8 has no assessment date");
            else if (c.AssessedOn < Year9Starts(c.CandidateDateOfBirth))
                Missing($"The Form 8 assessment was before the start of Year 9 ({Dates.Long(Year9Starts(c.CandidateDateOfBirth))}): assess again");
        }

        switch (c.Kind)
        {
            case ExamArrangementKind.ExtraTime25:
                if (c.Evidence is null) Missing("Record the evidence: a Form 8 assessment, an EHC plan or a professional's report");
                else if (c.Evidence == ExamEvidenceKind.HistoryOfNeed) Missing("25% extra time needs a Form 8 assessment, an EHC plan or a professional's report, not centre evidence alone");
                else if (form8 && !ScoresSupportExtraTime(c.Scores))
                    Missing("The Form 8 scores do not support 25% extra time: it needs two below-average scores (84 or less) in different areas of speed of working, or one below average and one low average (85–89)");
                break;
            case ExamArrangementKind.ExtraTime50:
                if (c.Evidence is not (ExamEvidenceKind.EhcPlan or ExamEvidenceKind.ProfessionalReport))
                    Missing("More than 25% extra time is exceptional: it needs an EHC plan or a professional's report");
                break;
            case ExamArrangementKind.Reader or ExamArrangementKind.Scribe or ExamArrangementKind.SpeechRecognition:
                if (c.Evidence is null or ExamEvidenceKind.HistoryOfNeed) Missing($"A {Label(c.Kind).ToLowerInvariant()} needs a Form 8 assessment, an EHC plan or a professional's report");
                else if (form8 && !c.Scores.Any(s => s.Score <= BelowAverage)) Missing($"The Form 8 has no below-average score (84 or less) to support a {Label(c.Kind).ToLowerInvariant()}");
                break;
            case ExamArrangementKind.ModifiedPapers or ExamArrangementKind.PracticalAssistant or ExamArrangementKind.Transcript:
                if (c.Evidence is null or ExamEvidenceKind.HistoryOfNeed) Missing($"{Label(c.Kind)} needs an EHC plan, a professional's report or a Form 8 assessment");
                break;
            default:
                if (c.Evidence is null) Missing("Record the centre's evidence of need (history of need, a report or an EHC plan)");
                break;
        }

        if (ExpiresOn(c.Kind, c.ApprovedOn) is { } expires)
        {
            if (expires < today) flags.Add(new(ExamFlagKind.Expired, $"The approval expired on {Dates.Long(expires)}: apply again"));
            else if (expires <= today.AddDays(ExpiringWithinDays)) flags.Add(new(ExamFlagKind.ExpiringSoon, $"The approval expires on {Dates.Long(expires)}"));
        }

        var current = EditionOn(today);
        if (c.EditionStartYear is { } e && e < current)
            flags.Add(new(ExamFlagKind.OlderEdition, $"Approved under the {EditionLabel(e)} regulations: check it still meets the {EditionLabel(current)} edition"));
        return flags;
    }

    public static string EditionLabel(int startYear) => new SchoolYear(startYear).Label;

    /// <summary>Field errors of a recorded arrangement, in the order of the form.</summary>
    public static ValidationErrors Validate(string? kind, string? evidence, DateOnly? assessedOn, string? assessor, IReadOnlyList<(string Field, string? Area, int? Score)> scores,
        int? editionStartYear, DateOnly? approvedOn, DateOnly today)
    {
        var e = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(kind)) e.Add("kind", "Select the arrangement");
        else if (!Enum.TryParse<ExamArrangementKind>(kind, false, out _) || int.TryParse(kind, out _)) e.Add("kind", "Select one of the arrangements listed");
        ExamEvidenceKind? ev = null;
        if (!string.IsNullOrWhiteSpace(evidence))
        {
            if (Enum.TryParse<ExamEvidenceKind>(evidence, false, out var parsed) && !int.TryParse(evidence, out _)) ev = parsed;
            else e.Add("evidence", "Select one of the kinds of evidence listed");
        }
        if (assessedOn is { } a && a > today) e.Add("assessedOn", "The assessment date must be today or in the past");
        if (ev == ExamEvidenceKind.Form8)
        {
            if (string.IsNullOrWhiteSpace(assessor)) e.Add("assessor", "Enter who carried out the Form 8 assessment");
            if (assessedOn is null) e.Add("assessedOn", "Enter the date of the Form 8 assessment");
            if (!scores.Any(s => s.Score is not null)) e.Add("score1", "Enter at least one standardised score from the Form 8");
        }
        if (assessor is { Length: > 120 }) e.Add("assessor", "The assessor's name must be 120 characters or fewer");
        foreach (var (field, area, score) in scores)
        {
            if (score is { } s && (s < 40 || s > 160)) e.Add(field, "A standardised score must be between 40 and 160");
            if (score is not null && string.IsNullOrWhiteSpace(area)) e.Add(field + "Area", "Enter what the score measures, for example reading speed");
            if (area is { Length: > 80 }) e.Add(field + "Area", "The area must be 80 characters or fewer");
        }
        if (editionStartYear is null) e.Add("edition", "Select the JCQ edition the arrangement was approved under");
        else if (editionStartYear < 2015 || editionStartYear > EditionOn(today)) e.Add("edition", $"Select an edition from 2015/16 to {EditionLabel(EditionOn(today))}");
        if (approvedOn is { } ap)
        {
            if (ap > today) e.Add("approvedOn", "The approval date must be today or in the past");
            else if (assessedOn is { } asd && ap < asd) e.Add("approvedOn", "The approval date must be on or after the assessment date");
            else if (editionStartYear is { } ed && EditionOn(ap) != ed) e.Add("edition", $"An approval on {Dates.Long(ap)} was made under the {EditionLabel(EditionOn(ap))} edition");
        }
        return e;
    }

    public static string Score(int s) => s.ToString(CultureInfo.InvariantCulture);
}
