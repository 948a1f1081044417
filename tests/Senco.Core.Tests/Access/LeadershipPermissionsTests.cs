using Senco.Core.Access;

namespace Senco.Core.Tests.Access;

public class LeadershipPermissionsTests
{
    [Theory]
    // role, view assessments (named), record assessments
    [InlineData(SchoolRole.Senco, true, true)]
    [InlineData(SchoolRole.AssistantSenco, true, true)]
    [InlineData(SchoolRole.Teacher, true, false)]
    [InlineData(SchoolRole.TeachingAssistant, false, false)]
    [InlineData(SchoolRole.SeniorLeader, true, false)]
    [InlineData(SchoolRole.Governor, false, false)]   // the analysis only, small groups withheld
    [InlineData(SchoolRole.TrustLead, true, false)]
    [InlineData(SchoolRole.SchoolAdmin, true, true)]
    public void Assessment_permissions(SchoolRole role, bool view, bool record)
    {
        Assert.Equal(view, RolePermissions.Has(role, Permission.ViewAssessments));
        Assert.Equal(record, RolePermissions.Has(role, Permission.RecordAssessments));
        Assert.True(RolePermissions.Has(role, Permission.ViewAggregates));
    }

    [Fact]
    public void Whoever_records_results_reads_them_and_only_those_who_read_pupils_read_results() =>
        Assert.All(Enum.GetValues<SchoolRole>(), r =>
        {
            if (RolePermissions.Has(r, Permission.RecordAssessments)) Assert.True(RolePermissions.Has(r, Permission.ViewAssessments));
            if (RolePermissions.Has(r, Permission.ViewAssessments)) Assert.True(RolePermissions.Has(r, Permission.ViewPupils));
        });
}
