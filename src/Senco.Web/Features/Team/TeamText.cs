using Microsoft.AspNetCore.Mvc.Rendering;
using Senco.Core.Model;

namespace Senco.Web.Features.Team;

/// The words a SENCO reads for each value.
public static class TeamText
{
    public static string Kind(AgencyKind k) => k switch
    {
        AgencyKind.EducationalPsychology => "Educational psychology",
        AgencyKind.SpeechAndLanguageTherapy => "Speech and language therapy",
        AgencyKind.OccupationalTherapy => "Occupational therapy",
        AgencyKind.Camhs => "CAMHS",
        AgencyKind.SpecialistTeacher => "Specialist teacher",
        AgencyKind.SensoryService => "Sensory service",
        AgencyKind.SocialCare => "Social care",
        AgencyKind.SchoolNursing => "School nursing",
        AgencyKind.LaSenTeam => "Local authority SEN team",
        _ => "Other",
    };

    public static string Kind(MeetingKind k) => k switch
    {
        MeetingKind.Review => "Review meeting",
        MeetingKind.PupilProgress => "Pupil progress meeting",
        MeetingKind.MultiAgency => "Multi-agency meeting",
        MeetingKind.ParentsEvening => "Parents' evening",
        MeetingKind.EarlyHelp => "Early Help meeting",
        _ => "Meeting",
    };

    public static string Kind(CommunicationKind k) => k switch
    {
        CommunicationKind.Call => "Phone call",
        CommunicationKind.ParentsEvening => "Parents' evening",
        _ => k.ToString(),
    };

    public static string Method(ContactMethod m) => m switch
    {
        ContactMethod.InPerson => "In person",
        ContactMethod.Text => "Text message",
        _ => m.ToString(),
    };

    public static string Status(ReferralStatus s) => s switch
    {
        ReferralStatus.Draft => "Not sent yet",
        ReferralStatus.Sent => "Sent, waiting",
        ReferralStatus.Accepted => "Accepted, waiting",
        ReferralStatus.Seen => "Seen",
        ReferralStatus.Closed => "Closed",
        _ => "Declined",
    };

    public static string StatusColour(ReferralStatus s) => s switch
    {
        ReferralStatus.Draft => "grey",
        ReferralStatus.Sent or ReferralStatus.Accepted => "yellow",
        ReferralStatus.Seen => "green",
        ReferralStatus.Declined => "red",
        _ => "grey",
    };

    public static string Context(VoiceContext c) => c switch
    {
        VoiceContext.SupportPlan => "SEN support plan",
        VoiceContext.Passport => "Learning passport",
        VoiceContext.Review => "Review",
        VoiceContext.EhcPlan => "EHC plan (section A)",
        _ => "Other",
    };

    public static string Status(EarlyHelpStatus s) => s switch
    {
        EarlyHelpStatus.Open => "Open",
        EarlyHelpStatus.Stepped => "Stepped up or down",
        _ => "Closed",
    };

    public static string Size(long bytes) => bytes >= 1024 * 1024 ? $"{bytes / 1024.0 / 1024.0:0.0} MB" : $"{Math.Max(1, bytes / 1024)} KB";

    public static IEnumerable<SelectListItem> Items<T>(Func<T, string> label, string? selected = null) where T : struct, Enum =>
        Enum.GetValues<T>().Select(v => new SelectListItem(label(v), v.ToString(), v.ToString() == selected));
}
