using Senco.Core.Access;

namespace Senco.Core.Tests.Access;

public class EhcPermissionsTests
{
    [Theory]
    [InlineData(SchoolRole.Senco, true, true)]
    [InlineData(SchoolRole.AssistantSenco, true, true)]
    [InlineData(SchoolRole.Teacher, true, false)]
    [InlineData(SchoolRole.TeachingAssistant, true, false)]
    [InlineData(SchoolRole.SeniorLeader, true, false)]
    [InlineData(SchoolRole.Governor, false, false)]
    [InlineData(SchoolRole.TrustLead, true, false)]
    [InlineData(SchoolRole.SchoolAdmin, true, false)]
    public void Ehc_permissions_by_role(SchoolRole role, bool view, bool manage)
    {
        Assert.Equal(view, RolePermissions.Has(role, Permission.ViewEhc));
        Assert.Equal(manage, RolePermissions.Has(role, Permission.ManageEhc));
    }

    [Fact]
    public void Whoever_views_ehc_can_view_pupils_and_whoever_manages_can_view()
    {
        foreach (var role in Enum.GetValues<SchoolRole>())
        {
            if (RolePermissions.Has(role, Permission.ViewEhc)) Assert.True(RolePermissions.Has(role, Permission.ViewPupils), role.ToString());
            if (RolePermissions.Has(role, Permission.ManageEhc)) Assert.True(RolePermissions.Has(role, Permission.ViewEhc), role.ToString());
        }
    }
}
