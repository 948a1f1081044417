using Microsoft.AspNetCore.Mvc;
using Senco.Core.Access;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.InformationReport;

/// Shared by the information report pages: who may read (everyone who sees aggregates, governors included) and who
/// may write (ManageInformationReport), and turning an outcome into the page's answer.
public abstract class ReportPageModel(UserContext user) : SchoolPageModel(user)
{
    [TempData] public string? Notice { get; set; }
    public bool CanManage => School.Can(Permission.ManageInformationReport);

    protected IActionResult? Deny(OutcomeKind kind) => kind switch
    {
        OutcomeKind.NotFound => NotFound(),
        OutcomeKind.Forbidden => StatusCode(StatusCodes.Status403Forbidden),
        _ => null,
    };

    public static string Href(string urn, int year) => $"/schools/{urn}/information-report/{year}";
}
