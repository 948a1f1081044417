// <govuk-date-input asp-for="Input.DateOfBirth" legend="Date of birth" hint="For example, 27 3 2015" autocomplete="bday" />
// <govuk-date-input asp-for="Input.EffectiveFrom" legend="When does this start?" legend-is-heading="true" />
// For a DateOnly or DateOnly? property. Posts {Name}.Day, {Name}.Month and {Name}.Year, which
// DateOnlyPartsModelBinder (registered in Program.cs) turns back into a DateOnly, keeping what was
// typed and adding a GOV.UK-style error ("Date of birth must be a real date") when it cannot.
// Ids are {id}-Day, {id}-Month, {id}-Year; the error summary links to {id}-Day.

using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Senco.Web.Features.Shared.TagHelpers;

[HtmlTargetElement("govuk-date-input", Attributes = "asp-for")]
public sealed class GovukDateInputTagHelper : GovukFieldTagHelper
{
    [HtmlAttributeName("legend")]
    public string? Legend { get; set; }

    [HtmlAttributeName("legend-is-heading")]
    public bool LegendIsHeading { get; set; }

    [HtmlAttributeName("legend-size")]
    public string? LegendSize { get; set; }

    /// <summary>"bday" for a date of birth: the parts get bday-day, bday-month and bday-year.</summary>
    [HtmlAttributeName("autocomplete")]
    public string? Autocomplete { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var extra = TakeUnboundAttributes(output);
        var (day, month, year) = CurrentParts();
        var hasError = ErrorMessage is not null;

        // GOV.UK: highlight only the parts that are wrong (empty or not a number); if each part is
        // fine on its own but the date is not real (31 2 2026), highlight them all.
        bool Bad(string value) => string.IsNullOrWhiteSpace(value) || !DateOnlyPartsModelBinder.LooksLikeNumberOrMonth(value);
        var anyBad = Bad(day) || Bad(month) || Bad(year);
        bool Highlight(string value) => hasError && (!anyBad || Bad(value));

        var parts = new TagBuilder("div");
        parts.AddCssClass("govuk-date-input");
        parts.Attributes["id"] = Id;
        parts.InnerHtml.AppendHtml(Part("Day", day, 2, Highlight(day), "day"));
        parts.InnerHtml.AppendHtml(Part("Month", month, 2, Highlight(month), "month"));
        parts.InnerHtml.AppendHtml(Part("Year", year, 4, Highlight(year), "year"));

        var inner = new HtmlContentBuilder();
        inner.AppendHtml(HintHtml());
        inner.AppendHtml(ErrorHtml());
        inner.AppendHtml(parts);
        RenderFormGroup(output, FieldsetHtml(Legend ?? DisplayName, LegendIsHeading, LegendSize, inner, isGroup: true), ClassOf(extra));
    }

    private (string Day, string Month, string Year) CurrentParts()
    {
        string? Attempted(string part) =>
            ModelState.TryGetValue($"{Name}.{part}", out var entry) ? entry.AttemptedValue ?? "" : null;

        var day = Attempted("Day");
        var month = Attempted("Month");
        var year = Attempted("Year");
        if (day is not null || month is not null || year is not null) return (day ?? "", month ?? "", year ?? "");

        return For.Model is DateOnly date
            ? (date.Day.ToString(), date.Month.ToString(), date.Year.ToString())
            : ("", "", "");
    }

    private TagBuilder Part(string part, string value, int width, bool error, string autocompleteSuffix)
    {
        var id = $"{Id}-{part}";

        var label = new TagBuilder("label");
        label.AddCssClass("govuk-label govuk-date-input__label");
        label.Attributes["for"] = id;
        label.InnerHtml.Append(part);

        var input = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
        input.AddCssClass($"govuk-input govuk-date-input__input govuk-input--width-{width}");
        if (error) input.AddCssClass("govuk-input--error");
        input.Attributes["id"] = id;
        input.Attributes["name"] = $"{Name}.{part}";
        input.Attributes["type"] = "text";
        input.Attributes["inputmode"] = "numeric";
        input.Attributes["value"] = value;
        if (Autocomplete is not null) input.Attributes["autocomplete"] = $"{Autocomplete}-{autocompleteSuffix}";

        var group = new TagBuilder("div");
        group.AddCssClass("govuk-form-group");
        group.InnerHtml.AppendHtml(label).AppendHtml(input);

        var item = new TagBuilder("div");
        item.AddCssClass("govuk-date-input__item");
        item.InnerHtml.AppendHtml(group);
        return item;
    }
}
