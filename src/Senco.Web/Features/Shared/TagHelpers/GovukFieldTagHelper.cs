// Shared plumbing for the GOV.UK form tag helpers (govuk-input, govuk-textarea, govuk-select,
// govuk-checkboxes, govuk-radios, govuk-date-input). Not used directly. Every field:
//   - has id = its full field name with "." and "[n]" turned into "-" (Input.Email -> Input-Email),
//     which is exactly what <govuk-error-summary /> links to;
//   - shows the first ModelState error for its name as a GOV.UK error message, with
//     govuk-form-group--error, and aria-describedby pointing at its hint and error;
//   - re-renders what the user typed (ModelState's attempted value) before the model's value.
// Usage, in a page:  <govuk-input asp-for="Input.Email" label="Email address" type="email" />

using System.Collections;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Senco.Web.Features.Shared.TagHelpers;

public abstract class GovukFieldTagHelper : TagHelper
{
    [HtmlAttributeName("asp-for")]
    public ModelExpression For { get; set; } = default!;

    /// <summary>Hint text under the label or legend; defaults to the property's [Display(Description)].</summary>
    [HtmlAttributeName("hint")]
    public string? Hint { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    protected ModelStateDictionary ModelState => ViewContext.ViewData.ModelState;

    /// <summary>The name the browser posts back, with any HtmlFieldPrefix (e.g. "Input.Email").</summary>
    protected string Name => ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);

    protected string Id => GovukIds.FromName(Name);

    protected string HintId => Id + "-hint";

    protected string ErrorId => Id + "-error";

    protected string? HintText => string.IsNullOrWhiteSpace(Hint) ? For.Metadata.Description : Hint;

    /// <summary>[Display(Name)] if set, else the property name in words ("DateOfBirth" -> "Date of birth").</summary>
    protected string DisplayName => GovukText.DisplayName(For.Metadata);

    protected string? ErrorMessage => GovukErrors.FirstMessage(ModelState, Name);

    protected string? DescribedBy(string? extra = null)
    {
        var ids = new List<string>();
        if (extra is not null) ids.Add(extra);
        if (HintText is not null) ids.Add(HintId);
        if (ErrorMessage is not null) ids.Add(ErrorId);
        return ids.Count == 0 ? null : string.Join(' ', ids);
    }

    /// <summary>
    /// The values to show as entered or selected: what the user posted if ModelState has it (so a
    /// form with an error shows exactly what was typed), otherwise the model's value(s).
    /// </summary>
    protected IReadOnlyList<string> CurrentValues()
    {
        if (ModelState.TryGetValue(Name, out var entry) && entry.RawValue is not null)
        {
            return entry.RawValue switch
            {
                string s => [s],
                IEnumerable<string?> many => many.Select(v => v ?? "").ToList(),
                _ => [entry.AttemptedValue ?? ""],
            };
        }

        return For.Model switch
        {
            null => [],
            string s => [s],
            IEnumerable items => items.Cast<object?>().SelectMany(FormatModelValue).ToList(),
            var single => FormatModelValue(single).ToList(),
        };
    }

    protected string? CurrentValue => CurrentValues().FirstOrDefault();

    private static IEnumerable<string> FormatModelValue(object? value)
    {
        switch (value)
        {
            case null:
                yield break;
            case Enum e:
                // Items may use the name or the number (Html.GetEnumSelectList uses the number).
                yield return e.ToString();
                yield return Convert.ToInt64(e, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
                break;
            case DateOnly d:
                yield return d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                break;
            case IFormattable f:
                yield return f.ToString(null, CultureInfo.CurrentCulture);
                break;
            default:
                yield return value.ToString() ?? "";
                break;
        }
    }

    protected bool IsSelected(SelectListItem item, IReadOnlyList<string> current) =>
        current.Count > 0
            ? current.Contains(item.Value ?? item.Text, StringComparer.OrdinalIgnoreCase)
            : item.Selected;

    protected IHtmlContent? HintHtml(string? cssClass = null)
    {
        if (HintText is null) return null;
        var hint = new TagBuilder("div");
        hint.AddCssClass("govuk-hint");
        if (cssClass is not null) hint.AddCssClass(cssClass);
        hint.Attributes["id"] = HintId;
        hint.InnerHtml.Append(HintText);
        return hint;
    }

    protected IHtmlContent? ErrorHtml()
    {
        var message = ErrorMessage;
        if (message is null) return null;
        var p = new TagBuilder("p");
        p.AddCssClass("govuk-error-message");
        p.Attributes["id"] = ErrorId;
        var prefix = new TagBuilder("span");
        prefix.AddCssClass("govuk-visually-hidden");
        prefix.InnerHtml.Append("Error:");
        p.InnerHtml.AppendHtml(prefix).Append(" " + message);
        return p;
    }

    /// <summary>A label, optionally the page's h1 (GOV.UK "question pages": one thing per page).</summary>
    protected static IHtmlContent LabelHtml(string text, string forId, bool isPageHeading, string? size)
    {
        var label = new TagBuilder("label");
        label.AddCssClass("govuk-label");
        size ??= isPageHeading ? "l" : null;
        if (size is not null) label.AddCssClass("govuk-label--" + size);
        label.Attributes["for"] = forId;
        label.InnerHtml.Append(text);
        if (!isPageHeading) return label;

        var h1 = new TagBuilder("h1");
        h1.AddCssClass("govuk-label-wrapper");
        h1.InnerHtml.AppendHtml(label);
        return h1;
    }

    /// <summary>A fieldset with its legend (optionally the page's h1), wrapping <paramref name="content"/>.</summary>
    protected TagBuilder FieldsetHtml(string legendText, bool isPageHeading, string? size, IHtmlContent content, bool isGroup = false)
    {
        var fieldset = new TagBuilder("fieldset");
        fieldset.AddCssClass("govuk-fieldset");
        if (isGroup) fieldset.Attributes["role"] = "group";
        var describedBy = DescribedBy();
        if (describedBy is not null) fieldset.Attributes["aria-describedby"] = describedBy;

        var legend = new TagBuilder("legend");
        legend.AddCssClass("govuk-fieldset__legend");
        size ??= isPageHeading ? "l" : null;
        if (size is not null) legend.AddCssClass("govuk-fieldset__legend--" + size);
        if (isPageHeading)
        {
            var h1 = new TagBuilder("h1");
            h1.AddCssClass("govuk-fieldset__heading");
            h1.InnerHtml.Append(legendText);
            legend.InnerHtml.AppendHtml(h1);
        }
        else
        {
            legend.InnerHtml.Append(legendText);
        }

        fieldset.InnerHtml.AppendHtml(legend);
        fieldset.InnerHtml.AppendHtml(content);
        return fieldset;
    }

    /// <summary>Turns the tag helper's element into the GOV.UK form group holding <paramref name="content"/>.</summary>
    protected void RenderFormGroup(TagHelperOutput output, IHtmlContent content, string? extraClass = null)
    {
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        var css = "govuk-form-group";
        if (ErrorMessage is not null) css += " govuk-form-group--error";
        if (extraClass is not null) css += " " + extraClass;
        output.Attributes.SetAttribute("class", css);
        output.Content.SetHtmlContent(content);
    }

    /// <summary>
    /// Attributes written on the tag helper that it does not bind itself (maxlength, spellcheck,
    /// disabled, class, data-*…): they belong on the control, not on the form group around it.
    /// </summary>
    protected static List<KeyValuePair<string, string?>> TakeUnboundAttributes(TagHelperOutput output)
    {
        var taken = output.Attributes
            .Select(a => new KeyValuePair<string, string?>(a.Name, AttributeText(a)))
            .ToList();
        output.Attributes.Clear();
        return taken;
    }

    /// <summary>For fieldset-based fields (radios, checkboxes, dates): a class written on the tag goes on the form group.</summary>
    protected static string? ClassOf(IEnumerable<KeyValuePair<string, string?>> attributes) =>
        attributes.FirstOrDefault(a => a.Key == "class").Value;

    protected static void ApplyAttributes(TagBuilder control, IEnumerable<KeyValuePair<string, string?>> attributes)
    {
        foreach (var (name, value) in attributes)
        {
            if (name == "class")
            {
                if (!string.IsNullOrWhiteSpace(value)) control.AddCssClass(value);
            }
            else
            {
                control.MergeAttribute(name, value ?? "", replaceExisting: true);
            }
        }
    }

    private static string? AttributeText(TagHelperAttribute attribute) => attribute.Value switch
    {
        null => null,
        HtmlString html => WebUtility.HtmlDecode(html.Value ?? ""),
        IHtmlContent content => WebUtility.HtmlDecode(Render(content)),
        var other => other.ToString(),
    };

    private static string Render(IHtmlContent content)
    {
        using var writer = new StringWriter();
        content.WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }
}

/// <summary>Field ids that the fields and the error summary agree on.</summary>
public static class GovukIds
{
    /// <summary>"Input.Email" -> "Input-Email"; "Items[0].Name" -> "Items-0-Name".</summary>
    public static string FromName(string name)
    {
        var id = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            switch (c)
            {
                case '.' or '[': id.Append('-'); break;
                case ']': break;
                default: id.Append(char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '-'); break;
            }
        }
        return id.ToString();
    }
}

public static class GovukErrors
{
    /// <summary>The first error recorded for exactly this key, as a sentence a user can act on.</summary>
    public static string? FirstMessage(ModelStateDictionary modelState, string key) =>
        modelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? Message(entry.Errors[0]) : null;

    public static string Message(ModelError error) =>
        string.IsNullOrWhiteSpace(error.ErrorMessage) ? "Enter a valid value" : error.ErrorMessage;
}

public static class GovukText
{
    public static string DisplayName(ModelMetadata metadata) =>
        metadata.DisplayName ?? Humanise(metadata.PropertyName ?? metadata.Name ?? "Value");

    /// <summary>"DateOfBirth" -> "Date of birth"; "UPN" stays "UPN".</summary>
    public static string Humanise(string pascal)
    {
        var words = new StringBuilder();
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            var startsWord = i > 0 && char.IsUpper(c)
                && (char.IsLower(pascal[i - 1]) || (i + 1 < pascal.Length && char.IsLower(pascal[i + 1]) && char.IsUpper(pascal[i - 1])));
            if (startsWord) words.Append(' ');
            words.Append(c);
        }

        var parts = words.ToString().Split(' ');
        for (var i = 1; i < parts.Length; i++)
        {
            // Lower-case ordinary words, keep acronyms ("EHC", "UPN") as they are.
            if (parts[i].Length > 1 && parts[i].Skip(1).All(char.IsLower)) parts[i] = parts[i].ToLowerInvariant();
        }
        return string.Join(' ', parts);
    }
}
