using Microsoft.AspNetCore.Identity;
using Senco.Web.Features.Account;
using Senco.Web.Features.Admin;
using Senco.Web.Features.Graduated;
using Senco.Web.Features.Provision;
using Senco.Web.Features.Pupils;
using Senco.Web.Features.Register;

namespace Senco.Web.Features.Api;

public static class ApiEndpoints
{
    /// The HTTP API of shared/api/contract.md. Everything but the token endpoint needs a bearer token.
    public static void MapSencoApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1");
        api.MapAuthApi();

        var secured = api.MapGroup("").RequireAuthorization(p => p
            .AddAuthenticationSchemes(IdentityConstants.BearerScheme)
            .RequireAuthenticatedUser());
        secured.MapSchoolsApi();
        secured.MapUsersApi();
        secured.MapPupilsApi();
        secured.MapRegisterApi();
        Senco.Web.Features.Ehc.EhcApi.MapEhcApi(secured);
        secured.MapGraduatedApi();
        secured.MapProvisionApi();
        Senco.Web.Features.Transfers.ExchangeApi.MapExchangeApi(secured);
        Senco.Web.Features.Team.TeamApi.MapTeamApi(secured);
        Senco.Web.Features.Imports.DataExchangeApi.MapDataExchangeApi(secured); // MIS import, subject access (issue 7)
        Senco.Web.Features.Delivery.DeliveryServices.MapApi(secured);
        Senco.Web.Features.Trusts.TrustApi.MapTrustApi(secured); // the trust view (issue 8)
        Senco.Web.Features.InformationReport.InformationReportApi.MapInformationReportApi(secured); // leadership (issue 8)
        Senco.Web.Features.ExamAccess.ExamAccessApi.MapExamAccessApi(secured);
        Senco.Web.Features.Leadership.LeadershipApi.MapLeadershipApi(secured);
        Senco.Web.Features.Leadership.Dashboard.SchoolDashboardApi.MapSchoolDashboardApi(secured); // leaders' and governors' dashboard (issue 8)
        Senco.Web.Features.AccessibilityPlan.AccessibilityPlanApi.MapAccessibilityPlanApi(secured); // Equality Act duties (issue 8)
    }
}
