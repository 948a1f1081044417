using Senco.Core.Access;

namespace Senco.Core.Tests.Access;

public class ProvisionPermissionsTests
{
    [Theory]
    // role, view provision, manage provision, record sessions, view deployment
    [InlineData(SchoolRole.Senco, true, true, true, true)]
    [InlineData(SchoolRole.AssistantSenco, true, true, true, true)]
    [InlineData(SchoolRole.Teacher, true, false, true, false)]
    [InlineData(SchoolRole.TeachingAssistant, true, false, true, false)]   // their own timetable only
    [InlineData(SchoolRole.SeniorLeader, true, false, false, true)]
    [InlineData(SchoolRole.Governor, false, false, false, false)]          // aggregates only, never names
    [InlineData(SchoolRole.TrustLead, true, false, false, true)]
    [InlineData(SchoolRole.SchoolAdmin, true, false, false, false)]
    public void Provision_permissions(SchoolRole role, bool view, bool manage, bool record, bool deployment)
    {
        Assert.Equal(deployment, RolePermissions.Has(role, Permission.ViewDeployment));
        Assert.Equal(view, RolePermissions.Has(role, Permission.ViewProvision));
        Assert.Equal(manage, RolePermissions.Has(role, Permission.ManageProvision));
        Assert.Equal(record, RolePermissions.Has(role, Permission.RecordSessions));
        Assert.True(RolePermissions.Has(role, Permission.ViewAggregates));
    }

    [Fact]
    public void Whoever_views_pupils_views_provision_and_nobody_else() =>
        Assert.All(Enum.GetValues<SchoolRole>(), r =>
            Assert.Equal(RolePermissions.Has(r, Permission.ViewPupils), RolePermissions.Has(r, Permission.ViewProvision)));
}
