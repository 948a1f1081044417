using Microsoft.AspNetCore.Html;
using Senco.Core.Model;

namespace Senco.Web.Features.Imports;

public static class ImportText
{
    public static IHtmlContent Status(PupilImportStatus s) => new HtmlString(s switch
    {
        PupilImportStatus.Uploaded => "<strong class=\"govuk-tag govuk-tag--grey\">Not imported yet</strong>",
        PupilImportStatus.Queued => "<strong class=\"govuk-tag govuk-tag--blue\">Waiting to start</strong>",
        PupilImportStatus.Running => "<strong class=\"govuk-tag govuk-tag--blue\">Importing</strong>",
        PupilImportStatus.Completed => "<strong class=\"govuk-tag govuk-tag--green\">Imported</strong>",
        _ => "<strong class=\"govuk-tag govuk-tag--red\">Failed</strong>",
    });
}
