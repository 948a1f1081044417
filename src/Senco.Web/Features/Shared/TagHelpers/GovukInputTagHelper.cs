// <govuk-input asp-for="Input.Email" label="Email address" type="email" autocomplete="email" />
// <govuk-input asp-for="Input.Upn" label="Unique pupil number (UPN)" hint="13 characters, for example A123456789012"
//              width="20" spellcheck="false" />
// <govuk-input asp-for="Input.Name" label="What is the intervention called?" label-is-heading="true" />
// <govuk-input asp-for="Input.CostPerHour" label="Cost per hour" type="number" prefix="£" width="5" />
//
// width: 2, 3, 4, 5, 10, 20, 30 (characters) or full, three-quarters, two-thirds, one-half,
// one-third, one-quarter (of the container). Any other attribute (maxlength, spellcheck, disabled,
// class, data-*) is passed to the <input>. Passwords are never re-rendered.

using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Senco.Web.Features.Shared.TagHelpers;

[HtmlTargetElement("govuk-input", Attributes = "asp-for")]
public sealed class GovukInputTagHelper : GovukFieldTagHelper
{
    private static readonly HashSet<string> CharacterWidths = ["2", "3", "4", "5", "10", "20", "30"];
    private static readonly HashSet<string> FractionWidths =
        ["full", "three-quarters", "two-thirds", "one-half", "one-third", "one-quarter"];

    [HtmlAttributeName("label")]
    public string? Label { get; set; }

    [HtmlAttributeName("label-is-heading")]
    public bool LabelIsHeading { get; set; }

    /// <summary>s, m, l or xl; l when the label is the page heading.</summary>
    [HtmlAttributeName("label-size")]
    public string? LabelSize { get; set; }

    /// <summary>text (default), email, password, number, tel, url or search.</summary>
    [HtmlAttributeName("type")]
    public string Type { get; set; } = "text";

    [HtmlAttributeName("width")]
    public string? Width { get; set; }

    [HtmlAttributeName("autocomplete")]
    public string? Autocomplete { get; set; }

    /// <summary>Text shown before the box, such as "£".</summary>
    [HtmlAttributeName("prefix")]
    public string? Prefix { get; set; }

    /// <summary>Text shown after the box, such as "hours".</summary>
    [HtmlAttributeName("suffix")]
    public string? Suffix { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var extra = TakeUnboundAttributes(output);

        var input = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
        input.AddCssClass("govuk-input");
        if (ErrorMessage is not null) input.AddCssClass("govuk-input--error");
        if (Width is not null)
        {
            if (CharacterWidths.Contains(Width)) input.AddCssClass("govuk-input--width-" + Width);
            else if (FractionWidths.Contains(Width)) input.AddCssClass("govuk-!-width-" + Width);
            else throw new InvalidOperationException($"govuk-input width=\"{Width}\" is not one of {string.Join(", ", CharacterWidths.Concat(FractionWidths))}.");
        }

        input.Attributes["id"] = Id;
        input.Attributes["name"] = Name;

        switch (Type)
        {
            // GOV.UK advice: type="number" rounds, scrolls and rejects input in ways that confuse people,
            // so numbers are text fields that bring up the numeric keypad.
            case "number":
                input.Attributes["type"] = "text";
                input.Attributes["inputmode"] = "numeric";
                input.Attributes["spellcheck"] = "false";
                break;
            case "email":
                input.Attributes["type"] = "email";
                input.Attributes["spellcheck"] = "false";
                break;
            default:
                input.Attributes["type"] = Type;
                break;
        }

        if (Type != "password" && CurrentValue is { } value) input.Attributes["value"] = value;
        if (Autocomplete is not null) input.Attributes["autocomplete"] = Autocomplete;
        if (DescribedBy() is { } describedBy) input.Attributes["aria-describedby"] = describedBy;
        ApplyAttributes(input, extra);

        var content = new HtmlContentBuilder();
        content.AppendHtml(LabelHtml(Label ?? DisplayName, Id, LabelIsHeading, LabelSize));
        content.AppendHtml(HintHtml());
        content.AppendHtml(ErrorHtml());

        if (Prefix is null && Suffix is null)
        {
            content.AppendHtml(input);
        }
        else
        {
            var wrapper = new TagBuilder("div");
            wrapper.AddCssClass("govuk-input__wrapper");
            if (Prefix is not null) wrapper.InnerHtml.AppendHtml(Affix("govuk-input__prefix", Prefix));
            wrapper.InnerHtml.AppendHtml(input);
            if (Suffix is not null) wrapper.InnerHtml.AppendHtml(Affix("govuk-input__suffix", Suffix));
            content.AppendHtml(wrapper);
        }

        RenderFormGroup(output, content);
    }

    // Prefixes and suffixes are hidden from screen readers: the label must say the unit too
    // (GOV.UK text input guidance).
    private static TagBuilder Affix(string cssClass, string text)
    {
        var affix = new TagBuilder("div");
        affix.AddCssClass(cssClass);
        affix.Attributes["aria-hidden"] = "true";
        affix.InnerHtml.Append(text);
        return affix;
    }
}
