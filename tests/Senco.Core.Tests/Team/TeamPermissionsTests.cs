using Senco.Core.Access;

namespace Senco.Core.Tests.Team;

public sealed class TeamPermissionsTests
{
    [Theory]
    [InlineData(SchoolRole.Senco, true, true, true, true)]
    [InlineData(SchoolRole.AssistantSenco, true, true, false, true)]
    [InlineData(SchoolRole.SeniorLeader, true, false, true, true)]
    [InlineData(SchoolRole.TrustLead, true, false, false, true)]
    [InlineData(SchoolRole.Teacher, false, false, false, false)]
    [InlineData(SchoolRole.TeachingAssistant, false, false, false, false)]
    [InlineData(SchoolRole.SchoolAdmin, false, false, false, false)]
    [InlineData(SchoolRole.Governor, false, false, false, false)]
    public void Team_cells_of_the_role_table(SchoolRole role, bool view, bool manage, bool settings, bool development)
    {
        Assert.Equal(view, RolePermissions.Has(role, Permission.ViewTeam));
        Assert.Equal(manage, RolePermissions.Has(role, Permission.ManageTeam));
        Assert.Equal(settings, RolePermissions.Has(role, Permission.ManageSafeguardingSettings));
        Assert.Equal(development, RolePermissions.Has(role, Permission.ViewStaffDevelopment));
    }

    [Fact]
    public void Whoever_sees_the_team_sees_named_pupils_and_whoever_records_it_sees_it()
    {
        foreach (var role in Enum.GetValues<SchoolRole>())
        {
            if (RolePermissions.Has(role, Permission.ViewTeam)) Assert.True(RolePermissions.Has(role, Permission.ViewPupils), role.ToString());
            if (RolePermissions.Has(role, Permission.ManageTeam)) Assert.True(RolePermissions.Has(role, Permission.ViewTeam), role.ToString());
        }
    }
}
