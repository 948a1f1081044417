using Senco.Core.Access;

namespace Senco.Core.Tests.Delivery;

public class DeliveryPermissionsTests
{
    [Theory]
    //                       log    view   manage raise  decide
    [InlineData(SchoolRole.Senco, true, true, true, true, true)]
    [InlineData(SchoolRole.AssistantSenco, true, true, true, true, true)]
    [InlineData(SchoolRole.Teacher, true, false, false, true, false)]
    [InlineData(SchoolRole.TeachingAssistant, true, false, false, true, false)]
    [InlineData(SchoolRole.SeniorLeader, false, true, false, true, false)]
    [InlineData(SchoolRole.TrustLead, false, true, false, false, false)]
    [InlineData(SchoolRole.SchoolAdmin, false, false, false, false, false)]
    [InlineData(SchoolRole.Governor, false, false, false, false, false)]
    public void Delivery_and_monitoring_cells(SchoolRole role, bool log, bool view, bool manage, bool raise, bool decide)
    {
        Assert.Equal(log, RolePermissions.Has(role, Permission.LogDelivery));
        Assert.Equal(view, RolePermissions.Has(role, Permission.ViewDelivery));
        Assert.Equal(manage, RolePermissions.Has(role, Permission.ManageDelivery));
        Assert.Equal(raise, RolePermissions.Has(role, Permission.RaiseConcern));
        Assert.Equal(decide, RolePermissions.Has(role, Permission.ManageConcerns));
    }

    [Fact]
    public void Every_role_that_sees_named_delivery_or_concerns_sees_pupils()
    {
        foreach (var role in Enum.GetValues<SchoolRole>())
            foreach (var p in new[] { Permission.LogDelivery, Permission.ViewDelivery, Permission.RaiseConcern, Permission.ManageConcerns })
                if (RolePermissions.Has(role, p)) Assert.True(RolePermissions.Has(role, Permission.ViewPupils), $"{role} {p}");
    }
}
