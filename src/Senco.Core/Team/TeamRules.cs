using System.IO.Compression;
using Senco.Core.Model;

namespace Senco.Core.Team;

/// What a file really is, decided from its first bytes (and, for a Word document, from inside the ZIP), never from
/// its name: a renamed executable must not become a "PDF" that a colleague opens.
public static class FileTypes
{
    public const string Pdf = "application/pdf";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Png = "image/png";
    public const string Jpeg = "image/jpeg";

    public static string Extension(string contentType) => contentType switch
    {
        Pdf => ".pdf",
        Docx => ".docx",
        Png => ".png",
        Jpeg => ".jpg",
        _ => "",
    };

    /// The content type, or null when the bytes are not a PDF, a Word document, a PNG or a JPEG.
    public static string? Sniff(ReadOnlySpan<byte> data)
    {
        if (data.Length >= 5 && data[..5].SequenceEqual("%PDF-"u8)) return Pdf;
        if (data.Length >= 8 && data[..8].SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })) return Png;
        if (data.Length >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF) return Jpeg;
        if (data.Length >= 4 && data[0] == 0x50 && data[1] == 0x4B && data[2] == 0x03 && data[3] == 0x04) return IsWordDocument(data.ToArray()) ? Docx : null;
        return null;
    }

    /// A DOCX is a ZIP holding word/document.xml; any other ZIP (an XLSX, an archive of anything) is refused.
    private static bool IsWordDocument(byte[] data)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(data), ZipArchiveMode.Read);
            return zip.GetEntry("word/document.xml") is not null && zip.GetEntry("[Content_Types].xml") is not null;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    /// Checks an upload; the error names what is wrong in the words a SENCO uses.
    public static (string? ContentType, string? Error) Check(ReadOnlySpan<byte> data, int maxMegabytes)
    {
        if (data.Length == 0) return (null, "The selected file is empty");
        if (data.Length > (long)maxMegabytes * 1024 * 1024) return (null, $"The selected file must be smaller than {maxMegabytes} MB");
        var type = Sniff(data);
        return type is null ? (null, "The selected file must be a PDF, a Word document (DOCX), a PNG or a JPEG") : (type, null);
    }

    /// A file name safe to put in a Content-Disposition header and on disk: no path, no control characters, the
    /// extension matching what the file really is.
    public static string SafeName(string? name, string contentType)
    {
        var baseName = Path.GetFileNameWithoutExtension((name ?? "").Replace('\\', '/').Split('/').Last());
        var clean = new string(baseName.Where(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_' or '.' or '(' or ')').ToArray()).Trim(' ', '.');
        if (clean.Length == 0) clean = "document";
        if (clean.Length > 100) clean = clean[..100];
        return clean + Extension(contentType);
    }
}

public static class TeamRules
{
    private static bool Blank(string? s) => string.IsNullOrWhiteSpace(s);

    private static void Required(ValidationErrors e, string field, string? value, string message, int max = 2000)
    {
        if (Blank(value)) e.Add(field, message);
        else if (value!.Trim().Length > max) e.Add(field, $"Must be {max} characters or fewer");
    }

    private static void Optional(ValidationErrors e, string field, string? value, int max)
    {
        if (!Blank(value) && value!.Trim().Length > max) e.Add(field, $"Must be {max} characters or fewer");
    }

    public static TEnum? Parse<TEnum>(string? value) where TEnum : struct, System.Enum =>
        System.Enum.TryParse<TEnum>(value, ignoreCase: true, out var v) && System.Enum.IsDefined(v) && !int.TryParse(value, out _) ? v : null;

    private static void OneOf<TEnum>(ValidationErrors e, string field, string? value, string message) where TEnum : struct, System.Enum
    {
        if (Parse<TEnum>(value) is null) e.Add(field, message);
    }

    /// A date that has happened: consent cannot be given, a call made or a pupil's view captured tomorrow.
    private static void NotFuture(ValidationErrors e, string field, DateOnly? value, DateOnly today, string missing, string what)
    {
        if (value is null) e.Add(field, missing);
        else if (value > today) e.Add(field, $"{what} must be today or in the past");
    }

    public static ValidationErrors ValidateAgency(string? name, string? kind, string? email)
    {
        var e = new ValidationErrors();
        Required(e, "name", name, "Enter the name of the agency", 120);
        OneOf<AgencyKind>(e, "kind", kind, "Select the kind of service");
        if (!Blank(email) && !email!.Contains('@')) e.Add("email", "Enter an email address in the correct format, like name@example.org");
        return e;
    }

    public static ValidationErrors ValidateContact(string? name, string? relationship, string? preferred, string? email)
    {
        var e = new ValidationErrors();
        Required(e, "name", name, "Enter the contact's name", 120);
        Required(e, "relationship", relationship, "Enter their relationship to the pupil, for example Mother or Foster carer", 60);
        OneOf<ContactMethod>(e, "preferredMethod", preferred, "Select how they prefer to be contacted");
        if (!Blank(email) && !email!.Contains('@')) e.Add("email", "Enter an email address in the correct format, like name@example.org");
        return e;
    }

    public static ValidationErrors ValidateConsent(string? purpose, string? givenBy, DateOnly? givenOn, DateOnly today)
    {
        var e = new ValidationErrors();
        Required(e, "purpose", purpose, "Enter what the consent is for", 200);
        Required(e, "givenBy", givenBy, "Enter who gave consent", 120);
        NotFuture(e, "givenOn", givenOn, today, "Enter the date consent was given", "The date consent was given");
        return e;
    }

    public static ValidationErrors ValidateWithdrawal(ConsentRecord consent, DateOnly? withdrawnOn, DateOnly today)
    {
        var e = new ValidationErrors();
        if (consent.WithdrawnOn is not null) e.Add("withdrawnOn", "This consent has already been withdrawn");
        else if (withdrawnOn is null) e.Add("withdrawnOn", "Enter the date consent was withdrawn");
        else if (withdrawnOn > today) e.Add("withdrawnOn", "The date consent was withdrawn must be today or in the past");
        else if (withdrawnOn < consent.GivenOn) e.Add("withdrawnOn", "The date consent was withdrawn must be on or after the date it was given");
        return e;
    }

    public static ValidationErrors ValidateCommunication(DateOnly? on, string? kind, string? with, string? summary, DateOnly today)
    {
        var e = new ValidationErrors();
        NotFuture(e, "on", on, today, "Enter the date", "The date");
        OneOf<CommunicationKind>(e, "kind", kind, "Select a call, email, meeting or letter");
        Required(e, "with", with, "Enter who it was with", 120);
        Required(e, "summary", summary, "Enter what was said or agreed", 4000);
        return e;
    }

    public static ValidationErrors ValidateReferral(string? reason, string? status, DateOnly? sentOn, DateOnly? seenOn, string? outcome, DateOnly today)
    {
        var e = new ValidationErrors();
        Required(e, "reason", reason, "Enter the reason for the referral", 4000);
        var s = Parse<ReferralStatus>(status);
        if (s is null) e.Add("status", "Select the status of the referral");
        if (sentOn > today) e.Add("sentOn", "The date sent must be today or in the past");
        if (seenOn > today) e.Add("seenOn", "The date seen must be today or in the past");
        if (s is not null and not ReferralStatus.Draft && sentOn is null) e.Add("sentOn", "Enter the date the referral was sent");
        if (s is ReferralStatus.Seen && seenOn is null) e.Add("seenOn", "Enter the date the pupil was seen");
        if (sentOn is { } a && seenOn is { } b && b < a) e.Add("seenOn", "The date seen must be on or after the date sent");
        Optional(e, "outcome", outcome, 4000);
        return e;
    }

    /// Days from sending to being seen: the wait a family experiences.
    public static int? WaitDays(Referral r) => r.SentOn is { } sent && r.SeenOn is { } seen ? seen.DayNumber - sent.DayNumber : null;

    public sealed record WaitingTime(int Seen, double? AverageDays, int? LongestDays, int Waiting, int? LongestWaitingDays);

    /// Waiting times of one agency: the average and longest wait of referrals seen, and how many are still waiting
    /// (sent, not yet seen, not closed) with the longest of those waits so far.
    public static WaitingTime Waits(IEnumerable<Referral> referrals, DateOnly today)
    {
        var list = referrals.ToList();
        var seen = list.Select(WaitDays).Where(d => d is not null).Select(d => d!.Value).ToList();
        var waiting = list.Where(r => r.SentOn is not null && r.SeenOn is null && r.Status is ReferralStatus.Sent or ReferralStatus.Accepted).ToList();
        return new WaitingTime(seen.Count, seen.Count == 0 ? null : Math.Round(seen.Average(), 1), seen.Count == 0 ? null : seen.Max(),
            waiting.Count, waiting.Count == 0 ? null : waiting.Max(r => today.DayNumber - r.SentOn!.Value.DayNumber));
    }

    public static ValidationErrors ValidateMeeting(string? title, string? kind, DateTime? startsAt, int? duration)
    {
        var e = new ValidationErrors();
        Required(e, "title", title, "Enter a title for the meeting", 200);
        OneOf<MeetingKind>(e, "kind", kind, "Select the kind of meeting");
        if (startsAt is null) e.Add("startsAt", "Enter the date and time of the meeting");
        if (duration is null or < 5 or > 480) e.Add("durationMinutes", "Enter how long the meeting lasts, between 5 and 480 minutes");
        return e;
    }

    /// An action without an owner is lost: nobody's task list would show it.
    public static ValidationErrors ValidateAction(string? description, Guid? ownerUserId, DateOnly? dueOn)
    {
        var e = new ValidationErrors();
        Required(e, "description", description, "Enter the action", 1000);
        if (ownerUserId is null || ownerUserId == Guid.Empty) e.Add("ownerUserId", "Choose who will do this action: every action needs an owner");
        if (dueOn is null) e.Add("dueOn", "Enter the date the action is due");
        return e;
    }

    public static ValidationErrors ValidateVoice(DateOnly? on, string? context, string? words, string? capturedBy, DateOnly today)
    {
        var e = new ValidationErrors();
        NotFuture(e, "on", on, today, "Enter the date the views were captured", "The date the views were captured");
        OneOf<VoiceContext>(e, "context", context, "Select what the views are for");
        Required(e, "words", words, "Enter the pupil's views in their own words", 4000);
        Required(e, "capturedBy", capturedBy, "Enter who captured the views", 120);
        return e;
    }

    public static ValidationErrors ValidateFlags(bool lookedAfter, string? virtualSchool, string? designatedTeacher)
    {
        var e = new ValidationErrors();
        if (lookedAfter && Blank(virtualSchool)) e.Add("virtualSchoolContact", "Enter the virtual school contact for a looked-after child");
        if (lookedAfter && Blank(designatedTeacher)) e.Add("designatedTeacher", "Enter the designated teacher for a looked-after child");
        Optional(e, "virtualSchoolContact", virtualSchool, 200);
        Optional(e, "designatedTeacher", designatedTeacher, 200);
        return e;
    }

    public static ValidationErrors ValidateNote(string? category, string? title, string? text)
    {
        var e = new ValidationErrors();
        OneOf<RestrictedNoteCategory>(e, "category", category, "Select safeguarding or health");
        Required(e, "title", title, "Enter a short title", 200);
        Required(e, "text", text, "Enter the note", 8000);
        return e;
    }

    public static ValidationErrors ValidateEarlyHelp(DateOnly? startedOn, string? lead, string? needs, string? outcomes, DateOnly? nextReviewOn, DateOnly today)
    {
        var e = new ValidationErrors();
        NotFuture(e, "startedOn", startedOn, today, "Enter the date the plan started", "The date the plan started");
        Required(e, "leadProfessional", lead, "Enter the lead professional", 120);
        Required(e, "needs", needs, "Enter the family's needs", 4000);
        Required(e, "outcomes", outcomes, "Enter the outcomes the plan aims for", 4000);
        if (nextReviewOn is null) e.Add("nextReviewOn", "Enter the date of the first review");
        else if (startedOn is { } s && nextReviewOn < s) e.Add("nextReviewOn", "The review must be on or after the date the plan started");
        return e;
    }

    public static ValidationErrors ValidateEarlyHelpReview(DateOnly? heldOn, string? progress, DateOnly? nextReviewOn, string? status, DateOnly startedOn, DateOnly today)
    {
        var e = new ValidationErrors();
        NotFuture(e, "heldOn", heldOn, today, "Enter the date of the review", "The date of the review");
        if (heldOn < startedOn) e.Add("heldOn", "The review must be on or after the date the plan started");
        Required(e, "progress", progress, "Enter the progress made", 4000);
        var s = Parse<EarlyHelpStatus>(status);
        if (s is null) e.Add("status", "Select whether the plan continues, is stepped up or down, or closes");
        if (s == EarlyHelpStatus.Open && nextReviewOn is null) e.Add("nextReviewOn", "Enter the date of the next review");
        if (nextReviewOn is { } n && heldOn is { } h && n <= h) e.Add("nextReviewOn", "The next review must be after this one");
        return e;
    }

    public static ValidationErrors ValidateTraining(string? title, DateOnly? completedOn, decimal? hours, DateOnly? renewBy, DateOnly today)
    {
        var e = new ValidationErrors();
        Required(e, "title", title, "Enter the training", 200);
        NotFuture(e, "completedOn", completedOn, today, "Enter the date the training was completed", "The date completed");
        if (hours is null or <= 0 or > 500) e.Add("hours", "Enter the hours, between 0.5 and 500");
        if (renewBy is { } r && completedOn is { } c && r <= c) e.Add("renewBy", "The renewal date must be after the date completed");
        return e;
    }

    public static ValidationErrors ValidateTrainingNeed(string? area, string? reason, string? priority)
    {
        var e = new ValidationErrors();
        Required(e, "area", area, "Enter the area of training needed", 200);
        Required(e, "reason", reason, "Enter why it is needed", 2000);
        OneOf<NeedPriority>(e, "priority", priority, "Select a priority");
        return e;
    }

    public static ValidationErrors ValidateInset(DateOnly? on, string? title, string? ledBy, string? attendees)
    {
        var e = new ValidationErrors();
        if (on is null) e.Add("on", "Enter the date of the session");
        Required(e, "title", title, "Enter what the session covered", 200);
        Required(e, "ledBy", ledBy, "Enter who led it", 120);
        Required(e, "attendees", attendees, "Enter who attended", 4000);
        return e;
    }

    public static ValidationErrors ValidateObjective(string? year, string? objective)
    {
        var e = new ValidationErrors();
        if (Blank(year) || !System.Text.RegularExpressions.Regex.IsMatch(year!.Trim(), @"^\d{4}/\d{2}$")) e.Add("academicYear", "Enter the academic year like 2026/27");
        Required(e, "objective", objective, "Enter the objective", 2000);
        return e;
    }

    /// Who may read an appraisal objective: the member of staff, their line manager, and senior leaders.
    public static bool MayReadAppraisal(Guid? viewerUserId, bool viewerIsSeniorLeader, Guid? staffUserId, Guid? lineManagerUserId) =>
        viewerIsSeniorLeader || (viewerUserId is { } v && (v == staffUserId || v == lineManagerUserId));
}

/// Who may open restricted (safeguarding and health) notes in a school. Not a cell of the role table: the SENCO
/// always may (they hold the SEN picture and liaise with the DSL), the people the school names as designated
/// safeguarding lead and deputy always may, and the school may add whole roles (for example senior leaders).
/// A trust lead or anyone else sees that notes exist, never what they say.
public static class RestrictedNoteRules
{
    public static IReadOnlySet<Access.SchoolRole> AllowedRoles(string? setting) =>
        (setting ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(r => Enum.TryParse<Access.SchoolRole>(r, out var role) ? role : (Access.SchoolRole?)null)
            .Where(r => r is not null).Select(r => r!.Value).ToHashSet();

    /// Roles a school may allow: never governors (no named pupils) and never trust leads (outside the school).
    public static readonly Access.SchoolRole[] Allowable =
        [Access.SchoolRole.AssistantSenco, Access.SchoolRole.SeniorLeader, Access.SchoolRole.Teacher, Access.SchoolRole.TeachingAssistant, Access.SchoolRole.SchoolAdmin];

    public static bool MayOpen(IReadOnlySet<Access.SchoolRole> roles, Guid userId, Guid? dsl, Guid? deputyDsl, string? allowedRoles)
    {
        if (!Access.RolePermissions.Has(roles, Access.Permission.ViewPupils)) return false;
        if (roles.Contains(Access.SchoolRole.Senco)) return true;
        if (userId != Guid.Empty && (userId == dsl || userId == deputyDsl)) return true;
        var allowed = AllowedRoles(allowedRoles);
        return roles.Any(r => allowed.Contains(r) && Allowable.Contains(r));
    }
}
