// <govuk-radios asp-for="Input.Status" legend="SEN status" asp-items="Model.StatusOptions" />
// <govuk-radios asp-for="Input.HasConsent" legend="Have the parents agreed?" inline="true"
//               asp-items="@(new SelectListItem[] { new("Yes", "true"), new("No", "false") })" />
// <govuk-radios asp-for="Input.Role" legend="What is their role?" legend-is-heading="true" asp-items="Model.Roles" />
// Works for strings, bools, numbers and enums (item values may be enum names or numbers).
// The first radio's id is the field id (what the error summary links to), the others get -2, -3…

using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Senco.Web.Features.Shared.TagHelpers;

[HtmlTargetElement("govuk-radios", Attributes = "asp-for")]
public sealed class GovukRadiosTagHelper : GovukFieldTagHelper
{
    /// <summary>The question; defaults to the display name. "label" is accepted as a synonym.</summary>
    [HtmlAttributeName("legend")]
    public string? Legend { get; set; }

    [HtmlAttributeName("label")]
    public string? Label { get; set; }

    [HtmlAttributeName("legend-is-heading")]
    public bool LegendIsHeading { get; set; }

    [HtmlAttributeName("legend-size")]
    public string? LegendSize { get; set; }

    [HtmlAttributeName("asp-items")]
    public IEnumerable<SelectListItem> Items { get; set; } = [];

    /// <summary>Side by side: only for two short options such as Yes and No.</summary>
    [HtmlAttributeName("inline")]
    public bool Inline { get; set; }

    [HtmlAttributeName("small")]
    public bool Small { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var extra = TakeUnboundAttributes(output);
        var current = CurrentValues();

        var radios = new TagBuilder("div");
        radios.AddCssClass("govuk-radios");
        if (Inline) radios.AddCssClass("govuk-radios--inline");
        if (Small) radios.AddCssClass("govuk-radios--small");
        radios.Attributes["data-module"] = "govuk-radios";

        var i = 0;
        foreach (var item in Items)
        {
            var id = i == 0 ? Id : $"{Id}-{i + 1}";
            i++;

            var input = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
            input.AddCssClass("govuk-radios__input");
            input.Attributes["id"] = id;
            input.Attributes["name"] = Name;
            input.Attributes["type"] = "radio";
            input.Attributes["value"] = item.Value ?? item.Text;
            if (IsSelected(item, current)) input.Attributes["checked"] = "checked";
            if (item.Disabled) input.Attributes["disabled"] = "disabled";

            var label = new TagBuilder("label");
            label.AddCssClass("govuk-label govuk-radios__label");
            label.Attributes["for"] = id;
            label.InnerHtml.Append(item.Text);

            var row = new TagBuilder("div");
            row.AddCssClass("govuk-radios__item");
            row.InnerHtml.AppendHtml(input).AppendHtml(label);
            radios.InnerHtml.AppendHtml(row);
        }

        var inner = new HtmlContentBuilder();
        inner.AppendHtml(HintHtml());
        inner.AppendHtml(ErrorHtml());
        inner.AppendHtml(radios);
        RenderFormGroup(output, FieldsetHtml(Legend ?? Label ?? DisplayName, LegendIsHeading, LegendSize, inner), ClassOf(extra));
    }
}
