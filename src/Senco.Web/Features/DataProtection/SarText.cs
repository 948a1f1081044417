using Microsoft.AspNetCore.Html;
using Senco.Core.Exchange;
using Senco.Core.Model;

namespace Senco.Web.Features.DataProtection;

public static class SarText
{
    public static string Status(SubjectAccessStatus s) => s switch
    {
        SubjectAccessStatus.Received => "Received",
        SubjectAccessStatus.InProgress => "In progress",
        SubjectAccessStatus.Completed => "Answered",
        _ => "Withdrawn",
    };

    /// The status, and for an open request how long is left (red when overdue, yellow within a week).
    public static IHtmlContent Tag(SubjectAccessRequest r, DateOnly today)
    {
        if (!r.IsOpen) return new HtmlString($"<strong class=\"govuk-tag govuk-tag--{(r.Status == SubjectAccessStatus.Completed ? "green" : "grey")}\">{Status(r.Status)}</strong>");
        var days = SubjectAccessRules.DaysLeft(r.DueOn, today);
        var (colour, text) = days < 0 ? ("red", $"Overdue by {-days} day{(days == -1 ? "" : "s")}")
            : days == 0 ? ("red", "Due today")
            : days <= 7 ? ("yellow", $"Due in {days} day{(days == 1 ? "" : "s")}")
            : ("blue", $"{Status(r.Status)}, {days} days left");
        return new HtmlString($"<strong class=\"govuk-tag govuk-tag--{colour}\">{text}</strong>");
    }
}
