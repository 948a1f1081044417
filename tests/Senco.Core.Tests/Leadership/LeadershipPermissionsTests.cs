using Senco.Core.Access;

namespace Senco.Core.Tests.Leadership;

public sealed class LeadershipPermissionsTests
{
    [Theory]
    [InlineData(SchoolRole.Senco, true, true, true, true)]
    [InlineData(SchoolRole.AssistantSenco, true, true, true, true)]
    [InlineData(SchoolRole.SeniorLeader, true, true, true, false)]
    [InlineData(SchoolRole.TrustLead, true, false, true, false)]
    [InlineData(SchoolRole.SchoolAdmin, true, false, true, false)]
    [InlineData(SchoolRole.Teacher, true, false, false, false)]
    [InlineData(SchoolRole.TeachingAssistant, true, false, false, false)]
    [InlineData(SchoolRole.Governor, true, false, false, false)]
    public void Leadership_cells_of_the_role_table(SchoolRole role, bool readReport, bool writeReport, bool viewExamAccess, bool manageExamAccess)
    {
        Assert.Equal(readReport, RolePermissions.Has(role, Permission.ViewAggregates));
        Assert.Equal(writeReport, RolePermissions.Has(role, Permission.ManageInformationReport));
        Assert.Equal(viewExamAccess, RolePermissions.Has(role, Permission.ViewExamAccess));
        Assert.Equal(manageExamAccess, RolePermissions.Has(role, Permission.ManageExamAccess));
    }

    [Fact]
    public void Whoever_sees_access_arrangements_sees_named_pupils_and_whoever_records_them_sees_them()
    {
        foreach (var role in Enum.GetValues<SchoolRole>())
        {
            if (RolePermissions.Has(role, Permission.ViewExamAccess)) Assert.True(RolePermissions.Has(role, Permission.ViewPupils), role.ToString());
            if (RolePermissions.Has(role, Permission.ManageExamAccess)) Assert.True(RolePermissions.Has(role, Permission.ViewExamAccess), role.ToString());
        }
    }
}
