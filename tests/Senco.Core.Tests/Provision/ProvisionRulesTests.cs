using Senco.Core.Model;
using Senco.Core.Provision;
using static Senco.Core.Tests.Provision.Money;

namespace Senco.Core.Tests.Provision;

public class ProvisionRulesTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s);

    private static ProvisionOfferInput Offer(string? name = "Toe by Toe", string? area = "CognitionAndLearning", int? wave = 2, string? role = null,
        int? size = null, int? sessions = null, int? minutes = null, int? weeks = null, string? hourly = null, string? resources = null, string? description = null) =>
        new(name, description, area, wave, role, size, sessions, minutes, weeks, hourly is null ? null : M(hourly), resources is null ? null : M(resources));

    public static TheoryData<ProvisionOfferInput, string[]> OfferCases => new()
    {
        { Offer(), [] },
        { Offer(role: "TeachingAssistant", size: 6, sessions: 3, minutes: 30, weeks: 10, hourly: "14.50", resources: "25"), [] },
        { Offer(area: "sensoryphysical"), [] },
        { Offer(name: " "), ["name"] },
        { Offer(name: new string('x', 121)), ["name"] },
        { Offer(area: null), ["areaOfNeed"] },
        { Offer(area: "Literacy"), ["areaOfNeed"] },
        { Offer(area: "2"), ["areaOfNeed"] },                  // enum numbers are not names
        { Offer(wave: 0), ["wave"] },
        { Offer(wave: 4), ["wave"] },
        { Offer(wave: null), ["wave"] },
        { Offer(role: "Wizard"), ["usualStaffRole"] },
        { Offer(size: 0), ["groupSize"] },
        { Offer(size: 61), ["groupSize"] },
        { Offer(sessions: 0, minutes: -5, weeks: 53), ["sessionsPerWeek", "minutesPerSession", "weeks"] },
        { Offer(hourly: "-1"), ["staffHourlyCost"] },
        { Offer(resources: "-0.01"), ["resourceCost"] },
        { Offer(resources: "1.005"), ["resourceCost"] },
        { Offer(description: new string('d', 2001)), ["description"] },
    };

    [Theory]
    [MemberData(nameof(OfferCases))]
    public void Validate_offer(ProvisionOfferInput input, string[] fields) =>
        Assert.Equal(fields, ProvisionRules.ValidateOffer(input).Select(e => e.Key));

    [Fact]
    public void Offer_messages()
    {
        var errors = ProvisionRules.ValidateOffer(Offer(hourly: "-3", wave: 5));
        Assert.Equal("Select the wave: 1, 2 or 3", errors.For("wave").Single());
        Assert.Equal("The hourly cost of staff cannot be negative", errors.For("staffHourlyCost").Single());
    }

    private static GroupInput Group(int? sessions = 2, int? minutes = 30, string? hourly = "15", string? resources = "0", params SlotInput[] slots) =>
        new(Guid.NewGuid(), null, null, D("2026-09-07"), 10, sessions, minutes, hourly is null ? null : M(hourly), resources is null ? null : M(resources),
            slots, null, null, null, null, null);

    private static SlotInput S(string? day, string? start, string? end) => new(day, start, end);

    public static TheoryData<GroupInput, string[]> GroupCases => new()
    {
        { Group(), [] },
        { Group(2, 30, "15", "0", S("Monday", "09:00", "09:30"), S("thu", "13:15", "13:45")), [] },
        { Group(2, 30, "15", "0", S("", "", ""), S(null, null, null)), [] },                       // blank rows are no slots
        { Group(2, 30, "15", "0", S("Monday", "09:00", "09:30")), ["slots"] },                     // 2 a week, 1 slot
        { Group(1, 30, "15", "0", S("Saturday", "09:00", "09:30")), ["slots[0].day"] },
        { Group(1, 30, "15", "0", S("Monday", "nine", "09:30")), ["slots[0].start"] },
        { Group(1, 30, "15", "0", S("Monday", "09:30", "09:00")), ["slots[0].end"] },
        { Group(1, 30, "15", "0", S("Monday", "09:00", "09:20")), ["slots[0].end"] },              // shorter than a session
        { Group(2, 30, "15", "0", S("Monday", "09:00", "09:30"), S("Monday", "09:15", "09:45")), ["slots[1].start"] },
        { Group(2, -30, "-15", "-1"), ["staffHourlyCost", "minutesPerSession", "resourceCost"] },
        { Group(0, 30), ["sessionsPerWeek"] },
        { Group(hourly: null), ["staffHourlyCost"] },
    };

    [Theory]
    [MemberData(nameof(GroupCases))]
    public void Validate_group(GroupInput input, string[] fields)
    {
        var errors = ProvisionRules.ValidateGroup(input, out var slots);
        Assert.Equal(fields, errors.Select(e => e.Key));
        if (fields.Length == 0) Assert.Equal(input.Slots!.Count(s => !string.IsNullOrWhiteSpace(s.Day)), slots.Count);
        else Assert.Empty(slots);
    }

    [Fact]
    public void Group_needs_a_provision_and_a_start_date()
    {
        var errors = ProvisionRules.ValidateGroup(new GroupInput(null, null, null, null, 10, 1, 30, 15m, 0m, null, null, null, null, null, null), out _);
        Assert.Equal(["provisionId", "startOn"], errors.Select(e => e.Key));
    }

    [Fact]
    public void Slot_messages_say_what_to_type()
    {
        var errors = ProvisionRules.ValidateGroup(Group(1, 30, "15", "0", S("Monday", "09:00", "09:20")), out _);
        Assert.Equal("Slot 1 is shorter than a session (30 minutes): it should end at 09:30 or later", errors.For("slots[0].end").Single());
        errors = ProvisionRules.ValidateGroup(Group(3, 30, "15", "0", S("Monday", "09:00", "09:30")), out _);
        Assert.Equal("The group meets 3 times a week: give 3 timetable slots, or leave them all empty", errors.For("slots").Single());
    }

    [Theory]
    [InlineData(null, null, null, null, false, "")]
    [InlineData(null, null, null, null, true, "measure")]
    [InlineData("ReadingAgeMonths", null, null, null, true, "")]
    [InlineData("standardisedscore", null, null, null, true, "")]
    [InlineData("Vibes", null, null, null, false, "measure")]
    [InlineData("SchoolMeasure", "Boxall profile", 0, 136, false, "")]
    [InlineData("SchoolMeasure", "", 0, 136, false, "ownMeasureName")]
    [InlineData("SchoolMeasure", "Boxall profile", null, 136, false, "ownMeasureMin")]
    [InlineData("SchoolMeasure", "Boxall profile", 10, 10, false, "ownMeasureMax")]
    [InlineData("SchoolMeasure", "Boxall profile", 0, 1000000, false, "ownMeasureMax")]
    public void Validate_measure(string? measure, string? name, int? min, int? max, bool required, string field) =>
        Assert.Equal(field == "" ? [] : [field], ProvisionRules.ValidateMeasure(measure, name, min, max, required).Select(e => e.Key));

    [Theory]
    [InlineData("2026-09-07", null, "")]
    [InlineData("2026-09-01", null, "")]                 // joined before it started: fine, counted from the start
    [InlineData(null, null, "joinedOn")]
    [InlineData("2026-11-16", null, "joinedOn")]         // after the group's last day
    [InlineData("2026-09-07", "2026-09-07", "")]         // left on the day they joined
    [InlineData("2026-09-14", "2026-09-13", "leftOn")]   // left before joining
    public void Validate_membership(string? joined, string? left, string field) =>
        Assert.Equal(field == "" ? [] : [field],
            ProvisionRules.ValidateMembership(joined is null ? null : D(joined), left is null ? null : D(left), D("2026-11-15")).Select(e => e.Key));

    [Fact]
    public void Left_before_joining_names_the_join_date() =>
        Assert.Equal("The date the pupil left must be on or after they joined, 14 September 2026",
            ProvisionRules.ValidateMembership(D("2026-09-14"), D("2026-09-13"), D("2026-11-15")).For("leftOn").Single());

    [Theory]
    [InlineData("Dan Hughes", "TeachingAssistant", "27.5", "14.20", "")]
    [InlineData("Dan Hughes", "teachingassistant", null, null, "")]
    [InlineData("", "TeachingAssistant", null, null, "name")]
    [InlineData("Dan Hughes", "Caretaker", null, null, "role")]
    [InlineData("Dan Hughes", "TeachingAssistant", "0", null, "contractedHoursPerWeek")]
    [InlineData("Dan Hughes", "TeachingAssistant", "61", null, "contractedHoursPerWeek")]
    [InlineData("Dan Hughes", "TeachingAssistant", "27.555", null, "contractedHoursPerWeek")]
    [InlineData("Dan Hughes", "TeachingAssistant", null, "-1", "hourlyCost")]
    public void Validate_staff(string name, string role, string? hours, string? cost, string field) =>
        Assert.Equal(field == "" ? [] : [field],
            ProvisionRules.ValidateStaff(new StaffInput(name, role, hours is null ? null : M(hours), cost is null ? null : M(cost), null, null)).Select(e => e.Key));

    [Theory]
    [InlineData("Class", "Tuesday", "09:00", "10:00", "Year 4 maths", null, null, "")]
    [InlineData("OneToOne", "fri", "13:00", "15:15", "1:1 support", "2026-09-01", "2027-07-22", "")]
    [InlineData("Lunch", "Tuesday", "09:00", "10:00", "x", null, null, "kind")]
    [InlineData("Class", "Sunday", "09:00", "10:00", "x", null, null, "day")]
    [InlineData("Class", "Tuesday", "", "10:00", "x", null, null, "start")]
    [InlineData("Class", "Tuesday", "10:00", "10:00", "x", null, null, "end")]
    [InlineData("Class", "Tuesday", "09:00", "10:00", "", null, null, "description")]
    [InlineData("Class", "Tuesday", "09:00", "10:00", "x", "2027-01-01", "2026-12-31", "to")]
    public void Validate_timetable_entry(string kind, string day, string start, string end, string description, string? from, string? to, string field)
    {
        var errors = ProvisionRules.ValidateTimetableEntry(new TimetableEntryInput(kind, day, start, end, description, null,
            from is null ? null : D(from), to is null ? null : D(to)), out var slot);
        Assert.Equal(field == "" ? [] : [field], errors.Select(e => e.Key));
        Assert.Equal(field == "", slot is not null);
    }

    [Theory]
    [InlineData("Monday", DayOfWeek.Monday)]
    [InlineData("wed", DayOfWeek.Wednesday)]
    [InlineData(" FRIDAY ", DayOfWeek.Friday)]
    [InlineData("Saturday", null)]
    [InlineData("1", null)]
    [InlineData("", null)]
    public void Parse_day(string s, DayOfWeek? expected) => Assert.Equal(expected, ProvisionRules.ParseDay(s));

    [Fact]
    public void Area_names_read_as_a_senco_says_them()
    {
        Assert.Equal("Social, emotional and mental health", ProvisionMap.Describe(AreaOfNeed.SocialEmotionalMentalHealth));
        Assert.Equal("Wave 3: individual or specialist", ProvisionMap.DescribeWave(3));
    }
}
