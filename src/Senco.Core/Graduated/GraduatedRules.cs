using Senco.Core.Pupils;
using Senco.Core.Sen;

namespace Senco.Core.Graduated;

/// <summary>How parents were told that SEN support had started (Children and Families Act 2014 s68).</summary>
public enum ParentContactMethod { Meeting, Letter, Phone, Email, Other }

/// <summary>Rules of the smaller records of the graduated approach: teaching groups, the strategy bank, parent notices.</summary>
public static class GraduatedRules
{
    public const int MaxGroupName = 60;
    public const int MaxStrategyTitle = 150;
    public const int MaxStrategyDescription = 1000;
    public const int MaxNote = 1000;

    public static ValidationErrors ValidateTeachingGroup(string? name, string? yearGroup)
    {
        var errors = new ValidationErrors();
        SupportPlanRules.Text(errors, "name", name, "the name of the class or group, for example 4B or Y9 Maths set 2", "The name", MaxGroupName, required: true);
        if (!string.IsNullOrWhiteSpace(yearGroup) && !YearGroups.IsValid(yearGroup))
            errors.Add("yearGroup", "Select a year group from the list, or none for a mixed-age group");
        return errors;
    }

    /// <summary>The strategy bank is organised by the four broad areas of need; "Other" is not offered.</summary>
    public static IReadOnlyList<BroadArea> StrategyAreas { get; } =
        [BroadArea.CognitionAndLearning, BroadArea.CommunicationAndInteraction, BroadArea.SocialEmotionalMentalHealth, BroadArea.SensoryPhysical];

    public static bool TryParseArea(string? s, out BroadArea area)
    {
        area = default;
        // By name only: Enum.TryParse would also take "2", which no one means.
        return !string.IsNullOrWhiteSpace(s) && !char.IsDigit(s.Trim()[0]) && Enum.TryParse(s.Trim(), ignoreCase: true, out area) && StrategyAreas.Contains(area);
    }

    public static ValidationErrors ValidateStrategy(string? area, string? title, string? description)
    {
        var errors = new ValidationErrors();
        if (!TryParseArea(area, out _))
            errors.Add("area", "Select the area of need: CognitionAndLearning, CommunicationAndInteraction, SocialEmotionalMentalHealth or SensoryPhysical");
        SupportPlanRules.Text(errors, "title", title, "the strategy, in a few words", "The strategy", MaxStrategyTitle, required: true);
        SupportPlanRules.Text(errors, "description", description, null, "The description", MaxStrategyDescription, required: false);
        return errors;
    }

    public static ValidationErrors ValidateParentsInformed(DateOnly? toldOn, string? how, string? note, DateOnly today)
    {
        var errors = new ValidationErrors();
        if (toldOn is not { } d) errors.Add("toldOn", "Enter the date the parents were told");
        else if (d > today) errors.Add("toldOn", "The date the parents were told must be today or in the past");
        if (!Enum.TryParse<ParentContactMethod>(how?.Trim(), ignoreCase: true, out _) || int.TryParse(how, out _))
            errors.Add("how", "Select how the parents were told: Meeting, Letter, Phone, Email or Other");
        SupportPlanRules.Text(errors, "note", note, null, "The note", MaxNote, required: false);
        return errors;
    }

    public static string Describe(ParentContactMethod m) => m switch
    {
        ParentContactMethod.Meeting => "At a meeting",
        ParentContactMethod.Letter => "By letter",
        ParentContactMethod.Phone => "By phone",
        ParentContactMethod.Email => "By email",
        _ => "Other",
    };
}
