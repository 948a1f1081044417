// <govuk-textarea asp-for="Input.Strengths" label="What are the pupil's strengths?" hint="What they enjoy and do well" rows="5" />
// <govuk-textarea asp-for="Input.Outcome" label="Outcome" label-size="m" rows="3" maxlength="2000" />
// Any other attribute (maxlength, spellcheck, class, data-*) is passed to the <textarea>.

using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Senco.Web.Features.Shared.TagHelpers;

[HtmlTargetElement("govuk-textarea", Attributes = "asp-for")]
public sealed class GovukTextareaTagHelper : GovukFieldTagHelper
{
    [HtmlAttributeName("label")]
    public string? Label { get; set; }

    [HtmlAttributeName("label-is-heading")]
    public bool LabelIsHeading { get; set; }

    [HtmlAttributeName("label-size")]
    public string? LabelSize { get; set; }

    [HtmlAttributeName("rows")]
    public int Rows { get; set; } = 5;

    [HtmlAttributeName("autocomplete")]
    public string? Autocomplete { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var extra = TakeUnboundAttributes(output);

        var textarea = new TagBuilder("textarea");
        textarea.AddCssClass("govuk-textarea");
        if (ErrorMessage is not null) textarea.AddCssClass("govuk-textarea--error");
        textarea.Attributes["id"] = Id;
        textarea.Attributes["name"] = Name;
        textarea.Attributes["rows"] = Rows.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (Autocomplete is not null) textarea.Attributes["autocomplete"] = Autocomplete;
        if (DescribedBy() is { } describedBy) textarea.Attributes["aria-describedby"] = describedBy;
        ApplyAttributes(textarea, extra);
        // A newline straight after <textarea> is dropped by HTML parsers, so one that the user typed
        // first must be protected by another.
        textarea.InnerHtml.AppendLine().Append(CurrentValue ?? "");

        var content = new HtmlContentBuilder();
        content.AppendHtml(LabelHtml(Label ?? DisplayName, Id, LabelIsHeading, LabelSize));
        content.AppendHtml(HintHtml());
        content.AppendHtml(ErrorHtml());
        content.AppendHtml(textarea);
        RenderFormGroup(output, content);
    }
}
