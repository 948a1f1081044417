// <govuk-error-summary />
// Put it first in <main>, above the h1. Renders nothing while ModelState is valid; otherwise the
// GOV.UK error summary: "There is a problem" and one link per field error, in the order the model
// declares its properties (so keep them in page order), each pointing at the same
// id the field has (Input.Email -> #Input-Email; a date input -> its Day box). Errors added with
// an empty key (ModelState.AddModelError("", "…")) are listed without a link. govuk-frontend's
// ErrorSummary component (data-module) moves focus to it on load and makes the links focus the field.
// The layout also puts "Error: " in front of the page title then, as GOV.UK advises.

using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Senco.Web.Features.Shared.TagHelpers;

[HtmlTargetElement("govuk-error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukErrorSummaryTagHelper : TagHelper
{
    [HtmlAttributeName("title")]
    public string Title { get; set; } = "There is a problem";

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var modelState = ViewContext.ViewData.ModelState;
        // ModelState keeps its keys sorted by length, not in page order; GOV.UK lists errors in the
        // order of the fields, which is the order the model declares its properties in.
        var rootMetadata = ViewContext.ViewData.ModelMetadata;
        var errors = modelState
            .Where(e => e.Value is { Errors.Count: > 0 })
            .Select(e => (Key: e.Key, Message: GovukErrors.Message(e.Value!.Errors[0])))
            .OrderBy(e => PositionOf(e.Key, rootMetadata), PositionComparer.Instance)
            .ToList();

        if (errors.Count == 0)
        {
            output.SuppressOutput();
            return;
        }

        var list = new TagBuilder("ul");
        list.AddCssClass("govuk-list govuk-error-summary__list");
        foreach (var (key, message) in errors)
        {
            var li = new TagBuilder("li");
            if (key.Length == 0)
            {
                li.InnerHtml.Append(message);
            }
            else
            {
                var id = GovukIds.FromName(key);
                if (modelState.ContainsKey(key + ".Day")) id += "-Day"; // a <govuk-date-input>
                var a = new TagBuilder("a");
                a.Attributes["href"] = "#" + id;
                a.InnerHtml.Append(message);
                li.InnerHtml.AppendHtml(a);
            }
            list.InnerHtml.AppendHtml(li);
        }

        var title = new TagBuilder("h2");
        title.AddCssClass("govuk-error-summary__title");
        title.InnerHtml.Append(Title);

        var body = new TagBuilder("div");
        body.AddCssClass("govuk-error-summary__body");
        body.InnerHtml.AppendHtml(list);

        // role="alert" sits on an inner element, as in govuk-frontend, so the focus move and the
        // announcement do not race each other.
        var alert = new TagBuilder("div");
        alert.Attributes["role"] = "alert";
        alert.InnerHtml.AppendHtml(title).AppendHtml(body);

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "govuk-error-summary");
        output.Attributes.SetAttribute("data-module", "govuk-error-summary");
        output.Attributes.SetAttribute("tabindex", "-1");
        output.Content.SetHtmlContent(alert);
    }

    /// <summary>
    /// "Input.Needs[2].Code" -> the declaration position of Input, then of Needs (then the index 2),
    /// then of Code. Errors without a key (about the whole form) come first; unknown names last.
    /// </summary>
    private static List<int> PositionOf(string key, ModelMetadata? metadata)
    {
        var position = new List<int>();
        if (key.Length == 0) return [-1];

        foreach (var segment in key.Split('.'))
        {
            var bracket = segment.IndexOf('[');
            var name = bracket < 0 ? segment : segment[..bracket];
            var property = metadata?.Properties.FirstOrDefault(p => string.Equals(p.PropertyName, name, StringComparison.OrdinalIgnoreCase));
            position.Add(property is null ? int.MaxValue : metadata!.Properties.ToList().IndexOf(property));
            metadata = property;

            if (bracket >= 0)
            {
                position.Add(int.TryParse(segment[(bracket + 1)..].TrimEnd(']'), out var index) ? index : int.MaxValue);
                metadata = metadata?.ElementMetadata;
            }
        }
        return position;
    }

    private sealed class PositionComparer : IComparer<List<int>>
    {
        public static readonly PositionComparer Instance = new();

        public int Compare(List<int>? x, List<int>? y)
        {
            for (var i = 0; i < Math.Min(x!.Count, y!.Count); i++)
            {
                var c = x[i].CompareTo(y[i]);
                if (c != 0) return c;
            }
            return x.Count.CompareTo(y.Count);
        }
    }
}
