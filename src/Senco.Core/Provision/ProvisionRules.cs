using System.Globalization;
using Senco.Core.Model;

namespace Senco.Core.Provision;

/// <summary>A catalogue entry as typed or sent. Enum values are strings so that a wrong one gets a message naming the field.</summary>
public sealed record ProvisionOfferInput(
    string? Name, string? Description, string? AreaOfNeed, int? Wave, string? UsualStaffRole, int? GroupSize,
    int? SessionsPerWeek, int? MinutesPerSession, int? Weeks, decimal? StaffHourlyCost, decimal? ResourceCost);

/// <summary>A weekly slot as typed: day name and 24-hour times ("Monday", "09:00", "09:30").</summary>
public sealed record SlotInput(string? Day, string? Start, string? End);

public sealed record WeeklySlot(DayOfWeek Day, TimeOnly Start, TimeOnly End);

/// <summary>An intervention group as typed or sent (pupils are added separately or alongside, by the caller).</summary>
public sealed record GroupInput(
    Guid? ProvisionId, string? Name, Guid? StaffMemberId, DateOnly? StartOn, int? Weeks, int? SessionsPerWeek, int? MinutesPerSession,
    decimal? StaffHourlyCost, decimal? ResourceCost, IReadOnlyList<SlotInput>? Slots,
    string? Measure, string? OwnMeasureName, int? OwnMeasureMin, int? OwnMeasureMax, string? Notes);

public sealed record StaffInput(string? Name, string? Role, decimal? ContractedHoursPerWeek, decimal? HourlyCost, Guid? LineManagerId, Guid? UserId, bool Active = true);

public sealed record TimetableEntryInput(string? Kind, string? Day, string? Start, string? End, string? Description, Guid? PupilId, DateOnly? From, DateOnly? To);

/// <summary>Validation of the provision records, with messages that name the field (GOV.UK error message style).</summary>
public static class ProvisionRules
{
    public const int MaxNameLength = 120;
    public const int MaxDescriptionLength = 2000;
    public const int MaxGroupSize = 60;
    public const decimal MaxContractedHours = 60m;
    public const int MaxMeasureName = 60;
    public const int MeasureLimit = 100_000;
    private static readonly string Limit = MeasureLimit.ToString("N0", CultureInfo.InvariantCulture);

    public static ValidationErrors ValidateOffer(ProvisionOfferInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new ValidationErrors();
        Text(errors, "name", input.Name, "Enter the name of the provision", MaxNameLength, "The name");
        if (input.Description is { Length: > MaxDescriptionLength })
            errors.Add("description", $"The description must be {MaxDescriptionLength.ToString("N0", CultureInfo.InvariantCulture)} characters or fewer");
        if (ParseArea(input.AreaOfNeed) is null)
            errors.Add("areaOfNeed", "Select the area of need: CognitionAndLearning, CommunicationAndInteraction, SocialEmotionalMentalHealth or SensoryPhysical");
        if (input.Wave is not (1 or 2 or 3)) errors.Add("wave", "Select the wave: 1, 2 or 3");
        if (!string.IsNullOrWhiteSpace(input.UsualStaffRole) && ParseStaffRole(input.UsualStaffRole) is null)
            errors.Add("usualStaffRole", $"Select who usually delivers it: {string.Join(", ", Enum.GetNames<StaffRole>())}");
        if (input.GroupSize is { } size && (size < 1 || size > MaxGroupSize))
            errors.Add("groupSize", $"The usual group size must be between 1 and {MaxGroupSize}");
        OptionalCount(errors, "sessionsPerWeek", input.SessionsPerWeek, InterventionCost.MaxSessionsPerWeek, "sessions each week");
        OptionalCount(errors, "minutesPerSession", input.MinutesPerSession, InterventionCost.MaxMinutesPerSession, "minutes per session");
        OptionalCount(errors, "weeks", input.Weeks, InterventionCost.MaxWeeks, "weeks");
        Money(errors, "staffHourlyCost", "the hourly cost of staff", input.StaffHourlyCost, InterventionCost.MaxHourlyCost, required: false);
        Money(errors, "resourceCost", "the cost of resources", input.ResourceCost, InterventionCost.MaxResourceCost, required: false);
        return errors;
    }

    /// <summary>
    /// Field errors for a group, and its slots when they are valid. Slots are optional; when given there must be one
    /// per session a week, each on a school day, at least a session long, and not overlapping one another.
    /// </summary>
    public static ValidationErrors ValidateGroup(GroupInput input, out IReadOnlyList<WeeklySlot> slots)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new ValidationErrors();
        if (input.ProvisionId is null || input.ProvisionId == Guid.Empty) errors.Add("provisionId", "Select the provision this group runs");
        if (input.Name is { } n && n.Trim().Length > MaxNameLength) errors.Add("name", $"The name must be {MaxNameLength} characters or fewer");
        if (input.StartOn is null) errors.Add("startOn", "Enter the date the group starts");
        errors.Merge(InterventionCost.Validate(input.StaffHourlyCost, input.MinutesPerSession, input.SessionsPerWeek, input.Weeks, input.ResourceCost));
        var parsed = new List<WeeklySlot>();
        var given = (input.Slots ?? []).Select((s, i) => (s, i)).Where(x => !IsBlank(x.s)).ToList();
        foreach (var (s, i) in given)
        {
            var key = $"slots[{i}]";
            var day = ParseDay(s.Day);
            var start = Timetable.ParseTime(s.Start);
            var end = Timetable.ParseTime(s.End);
            if (day is null) errors.Add(key + ".day", $"Select the day of slot {i + 1}, Monday to Friday");
            if (start is null) errors.Add(key + ".start", $"Enter the start time of slot {i + 1} as hours and minutes, for example 09:15");
            if (end is null) errors.Add(key + ".end", $"Enter the end time of slot {i + 1} as hours and minutes, for example 09:45");
            else if (start is { } st && end <= st) errors.Add(key + ".end", $"Slot {i + 1} must end after it starts, {Timetable.Time(st)}");
            else if (start is { } st2 && input.MinutesPerSession is > 0 and var m && (end.Value - st2).TotalMinutes < m)
                errors.Add(key + ".end", $"Slot {i + 1} is shorter than a session ({m} minutes): it should end at {Timetable.Time(st2.AddMinutes(m))} or later");
            if (day is { } d && start is { } a && end is { } b && b > a)
            {
                var slot = new WeeklySlot(d, a, b);
                var other = parsed.FindIndex(p => p.Day == d && p.Start < b && a < p.End);
                if (other >= 0) errors.Add(key + ".start", $"Slot {i + 1} overlaps slot {other + 1} of the same group");
                parsed.Add(slot);
            }
        }
        if (given.Count > 0 && input.SessionsPerWeek is > 0 and var spw && given.Count != spw)
            errors.Add("slots", $"The group meets {spw} {(spw == 1 ? "time" : "times")} a week: give {spw} timetable {(spw == 1 ? "slot" : "slots")}, or leave them all empty");
        errors.Merge(ValidateMeasure(input.Measure, input.OwnMeasureName, input.OwnMeasureMin, input.OwnMeasureMax, required: false));
        if (input.Notes is { Length: > MaxDescriptionLength })
            errors.Add("notes", $"The notes must be {MaxDescriptionLength.ToString("N0", CultureInfo.InvariantCulture)} characters or fewer");
        slots = errors.IsValid ? parsed : [];
        return errors;
    }

    public static ValidationErrors ValidateMeasure(string? measure, string? ownName, int? ownMin, int? ownMax, bool required)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(measure))
        {
            if (required) errors.Add("measure", "Select how progress is measured");
            return errors;
        }
        if (ParseMeasure(measure) is not { } kind)
        {
            errors.Add("measure", $"Select how progress is measured: {string.Join(", ", Enum.GetNames<MeasureKind>())}");
            return errors;
        }
        if (kind != MeasureKind.SchoolMeasure) return errors;
        Text(errors, "ownMeasureName", ownName, "Enter the name of the school's own measure", MaxMeasureName, "The name of the measure");
        if (ownMin is null) errors.Add("ownMeasureMin", "Enter the lowest score the measure allows");
        else if (Math.Abs(ownMin.Value) > MeasureLimit) errors.Add("ownMeasureMin", $"The lowest score must be between -{Limit} and {Limit}");
        if (ownMax is null) errors.Add("ownMeasureMax", "Enter the highest score the measure allows");
        else if (Math.Abs(ownMax.Value) > MeasureLimit) errors.Add("ownMeasureMax", $"The highest score must be between -{Limit} and {Limit}");
        else if (ownMin is { } lo && ownMax <= lo) errors.Add("ownMeasureMax", $"The highest score must be more than the lowest, {lo}");
        return errors;
    }

    /// <summary>A pupil's time in a group: joined on or before the group ends, left on or after joining.</summary>
    public static ValidationErrors ValidateMembership(DateOnly? joinedOn, DateOnly? leftOn, DateOnly groupEnd)
    {
        var errors = new ValidationErrors();
        if (joinedOn is not { } j) errors.Add("joinedOn", "Enter the date the pupil joined the group");
        else if (j > groupEnd) errors.Add("joinedOn", $"The pupil must join by the group's last day, {Dates.Long(groupEnd)}");
        if (leftOn is { } l && joinedOn is { } j2 && l < j2) errors.Add("leftOn", $"The date the pupil left must be on or after they joined, {Dates.Long(j2)}");
        return errors;
    }

    public static ValidationErrors ValidateStaff(StaffInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new ValidationErrors();
        Text(errors, "name", input.Name, "Enter the name of the member of staff", MaxNameLength, "The name");
        if (ParseStaffRole(input.Role) is null) errors.Add("role", $"Select the role: {string.Join(", ", Enum.GetNames<StaffRole>())}");
        if (input.ContractedHoursPerWeek is { } h)
        {
            if (h <= 0) errors.Add("contractedHoursPerWeek", "Contracted hours must be more than 0");
            else if (h > MaxContractedHours) errors.Add("contractedHoursPerWeek", $"Contracted hours must be {MaxContractedHours} a week or fewer");
            else if (decimal.Round(h, 2) != h) errors.Add("contractedHoursPerWeek", "Contracted hours can have at most 2 decimal places, for example 27.5");
        }
        Money(errors, "hourlyCost", "the hourly cost", input.HourlyCost, InterventionCost.MaxHourlyCost, required: false);
        return errors;
    }

    public static ValidationErrors ValidateTimetableEntry(TimetableEntryInput input, out WeeklySlot? slot)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new ValidationErrors();
        slot = null;
        if (ParseKind(input.Kind) is null) errors.Add("kind", "Select what it is: OneToOne, Class or Other");
        var day = ParseDay(input.Day);
        var start = Timetable.ParseTime(input.Start);
        var end = Timetable.ParseTime(input.End);
        if (day is null) errors.Add("day", "Select the day, Monday to Friday");
        if (start is null) errors.Add("start", "Enter the start time as hours and minutes, for example 09:15");
        if (end is null) errors.Add("end", "Enter the end time as hours and minutes, for example 10:15");
        else if (start is { } s && end <= s) errors.Add("end", $"The end time must be after the start time, {Timetable.Time(s)}");
        Text(errors, "description", input.Description, "Enter a description, for example 'Year 4 maths' or '1:1 support'", 200, "The description");
        if (input.From is { } f && input.To is { } t && t < f) errors.Add("to", $"The last date must be on or after the first, {Dates.Long(f)}");
        if (errors.IsValid) slot = new WeeklySlot(day!.Value, start!.Value, end!.Value);
        return errors;
    }

    public static AreaOfNeed? ParseArea(string? s) => ParseEnum<AreaOfNeed>(s);

    public static StaffRole? ParseStaffRole(string? s) => ParseEnum<StaffRole>(s);

    public static MeasureKind? ParseMeasure(string? s) => ParseEnum<MeasureKind>(s);

    public static TimetableKind? ParseKind(string? s) => ParseEnum<TimetableKind>(s);

    /// <summary>A school day by name or three-letter abbreviation ("Monday", "mon"); weekends are not school days.</summary>
    public static DayOfWeek? ParseDay(string? s)
    {
        if (string.IsNullOrWhiteSpace(s)) return null;
        var t = s.Trim();
        foreach (var d in Timetable.SchoolDays)
        {
            var name = Timetable.DayName(d);
            if (t.Equals(name, StringComparison.OrdinalIgnoreCase) || t.Equals(name[..3], StringComparison.OrdinalIgnoreCase)) return d;
        }
        return null;
    }

    private static T? ParseEnum<T>(string? s) where T : struct, Enum =>
        !string.IsNullOrWhiteSpace(s) && !s.Trim().All(c => char.IsDigit(c) || c == '-') && Enum.TryParse<T>(s.Trim(), true, out var v) && Enum.IsDefined(v) ? v : null;

    private static bool IsBlank(SlotInput s) => string.IsNullOrWhiteSpace(s.Day) && string.IsNullOrWhiteSpace(s.Start) && string.IsNullOrWhiteSpace(s.End);

    private static void Text(ValidationErrors errors, string field, string? value, string missing, int max, string label)
    {
        if (string.IsNullOrWhiteSpace(value)) errors.Add(field, missing);
        else if (value.Trim().Length > max) errors.Add(field, $"{label} must be {max} characters or fewer");
    }

    private static void OptionalCount(ValidationErrors errors, string field, int? value, int max, string what)
    {
        if (value is not { } v) return;
        if (v <= 0) errors.Add(field, $"The usual number of {what} must be at least 1");
        else if (v > max) errors.Add(field, $"The usual number of {what} must be {max} or fewer");
    }

    /// <summary>Pounds and pence, not negative, not above a sanity limit; the same wording as InterventionCost.</summary>
    internal static void Money(ValidationErrors errors, string field, string what, decimal? value, decimal max, bool required)
    {
        if (value is not { } v)
        {
            if (required) errors.Add(field, $"Enter {what}");
            return;
        }
        var label = char.ToUpperInvariant(what[0]) + what[1..];
        if (v < 0) errors.Add(field, $"{label} cannot be negative");
        else if (v > max) errors.Add(field, $"{label} must be {InterventionCost.Pounds(max)} or less");
        else if (decimal.Round(v, 2) != v) errors.Add(field, $"{label} must be in pounds and pence, for example 14.50");
    }
}
