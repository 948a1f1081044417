using Senco.Core.Access;
using Senco.Core.Graduated;
using Senco.Core.Sen;

namespace Senco.Core.Tests.Graduated;

public class GraduatedRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Theory]
    [InlineData("4B", null, true)]
    [InlineData("Y9 Maths set 2", "9", true)]
    [InlineData("Owls", "r", true)]
    [InlineData("", null, false)]
    [InlineData("4B", "15", false)]
    public void Teaching_groups_have_a_name_and_perhaps_a_year(string name, string? year, bool valid) =>
        Assert.Equal(valid, GraduatedRules.ValidateTeachingGroup(name, year).IsValid);

    [Fact]
    public void A_group_name_is_bounded() =>
        Assert.Equal(["The name must be 60 characters or fewer"], GraduatedRules.ValidateTeachingGroup(new string('x', 61), null).For("name"));

    [Theory]
    [InlineData("CognitionAndLearning", true)]
    [InlineData("sensoryphysical", true)]
    [InlineData("Other", false)]     // the bank is by the four broad areas
    [InlineData("2", false)]
    [InlineData(null, false)]
    public void Strategy_areas_are_the_four_broad_areas(string? area, bool valid) =>
        Assert.Equal(valid, GraduatedRules.ValidateStrategy(area, "Visual timetable", null).IsValid);

    [Fact]
    public void A_strategy_needs_a_title()
    {
        var e = GraduatedRules.ValidateStrategy("CognitionAndLearning", " ", new string('d', 1001));
        Assert.Equal(["title", "description"], e.Select(kv => kv.Key));
    }

    [Theory]
    [InlineData(0, "Meeting", true)]
    [InlineData(-30, "letter", true)]
    [InlineData(1, "Meeting", false)]    // not in the future
    [InlineData(0, "Carrier pigeon", false)]
    [InlineData(0, "1", false)]          // enum numbers are not accepted
    [InlineData(null, "Meeting", false)]
    public void Parents_informed_rules(int? offset, string how, bool valid) =>
        Assert.Equal(valid, GraduatedRules.ValidateParentsInformed(offset is { } o ? Today.AddDays(o) : null, how, null, Today).IsValid);

    // Who may do what in the graduated approach: the whole matrix, cell by cell.
    [Theory]
    //            role                          viewPlans managePlans viewPassports propose approve groups settings
    [InlineData(SchoolRole.Senco,               true,  true,  true,  false, true,  true,  true)]
    [InlineData(SchoolRole.AssistantSenco,      true,  true,  true,  false, true,  false, false)]
    [InlineData(SchoolRole.Teacher,             false, false, true,  true,  false, false, false)]
    [InlineData(SchoolRole.TeachingAssistant,   false, false, true,  true,  false, false, false)]
    [InlineData(SchoolRole.SeniorLeader,        true,  false, true,  false, false, false, false)]
    [InlineData(SchoolRole.TrustLead,           true,  false, true,  false, false, false, false)]
    [InlineData(SchoolRole.SchoolAdmin,         false, false, false, false, false, true,  false)]
    [InlineData(SchoolRole.Governor,            false, false, false, false, false, false, false)]
    public void Role_matrix(SchoolRole role, bool viewPlans, bool managePlans, bool viewPassports, bool propose, bool approve, bool groups, bool settings)
    {
        Assert.Equal(viewPlans, RolePermissions.Has(role, Permission.ViewPlans));
        Assert.Equal(managePlans, RolePermissions.Has(role, Permission.ManagePlans));
        Assert.Equal(viewPassports, RolePermissions.Has(role, Permission.ViewPassports));
        Assert.Equal(propose, RolePermissions.Has(role, Permission.ProposePassportChange));
        Assert.Equal(approve, RolePermissions.Has(role, Permission.ApprovePassport));
        Assert.Equal(groups, RolePermissions.Has(role, Permission.ManageTeachingGroups));
        Assert.Equal(settings, RolePermissions.Has(role, Permission.ManageGraduatedSettings));
    }

    [Fact]
    public void Only_a_teacher_is_limited_to_the_pupils_they_teach()
    {
        Assert.True(RolePermissions.OnlyForPupilsTaught([SchoolRole.Teacher], Permission.ViewPassports));
        Assert.True(RolePermissions.OnlyForPupilsTaught([SchoolRole.Teacher], Permission.ProposePassportChange));
        Assert.False(RolePermissions.OnlyForPupilsTaught([SchoolRole.TeachingAssistant], Permission.ViewPassports));
        // A teacher who is also the assistant SENCO sees every passport.
        Assert.False(RolePermissions.OnlyForPupilsTaught([SchoolRole.Teacher, SchoolRole.AssistantSenco], Permission.ViewPassports));
        // ... and one who is also a TA may propose for any pupil.
        Assert.False(RolePermissions.OnlyForPupilsTaught([SchoolRole.Teacher, SchoolRole.TeachingAssistant], Permission.ProposePassportChange));
        // No role granting it: not "limited", simply not allowed.
        Assert.False(RolePermissions.OnlyForPupilsTaught([SchoolRole.Governor], Permission.ViewPassports));
    }

    [Fact]
    public void Governors_see_no_named_pupil_in_the_graduated_approach() =>
        Assert.DoesNotContain(Enum.GetValues<Permission>().Where(p => !RolePermissions.AggregatesOnly.Contains(p)), p => RolePermissions.Has(SchoolRole.Governor, p));

    [Fact]
    public void Strategy_bank_areas()
    {
        Assert.Equal(4, GraduatedRules.StrategyAreas.Count);
        Assert.DoesNotContain(BroadArea.Other, GraduatedRules.StrategyAreas);
    }
}
