// <govuk-select asp-for="Input.YearGroup" label="Year group" asp-items="Model.YearGroups" />
// <govuk-select asp-for="Filter.Need" label="Primary need" hint="Census SEN type" asp-items="Model.Needs" />
// For "no choice yet", put a first SelectListItem with an empty value, e.g. new("Any need", "").
// GOV.UK advice: prefer radios for fewer than about 8 options; a select suits long lists and filters.

using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Senco.Web.Features.Shared.TagHelpers;

[HtmlTargetElement("govuk-select", Attributes = "asp-for")]
public sealed class GovukSelectTagHelper : GovukFieldTagHelper
{
    [HtmlAttributeName("label")]
    public string? Label { get; set; }

    [HtmlAttributeName("label-is-heading")]
    public bool LabelIsHeading { get; set; }

    [HtmlAttributeName("label-size")]
    public string? LabelSize { get; set; }

    [HtmlAttributeName("asp-items")]
    public IEnumerable<SelectListItem> Items { get; set; } = [];

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var extra = TakeUnboundAttributes(output);

        var select = new TagBuilder("select");
        select.AddCssClass("govuk-select");
        if (ErrorMessage is not null) select.AddCssClass("govuk-select--error");
        select.Attributes["id"] = Id;
        select.Attributes["name"] = Name;
        if (DescribedBy() is { } describedBy) select.Attributes["aria-describedby"] = describedBy;
        ApplyAttributes(select, extra);

        var current = CurrentValues();
        foreach (var item in Items)
        {
            var option = new TagBuilder("option");
            option.Attributes["value"] = item.Value ?? item.Text;
            if (IsSelected(item, current)) option.Attributes["selected"] = "selected";
            if (item.Disabled) option.Attributes["disabled"] = "disabled";
            option.InnerHtml.Append(item.Text);
            select.InnerHtml.AppendHtml(option);
        }

        var content = new HtmlContentBuilder();
        content.AppendHtml(LabelHtml(Label ?? DisplayName, Id, LabelIsHeading, LabelSize));
        content.AppendHtml(HintHtml());
        content.AppendHtml(ErrorHtml());
        content.AppendHtml(select);
        RenderFormGroup(output, content);
    }
}
