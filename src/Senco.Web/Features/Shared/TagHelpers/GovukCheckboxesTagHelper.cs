// One checkbox for a bool:
//   <govuk-checkboxes asp-for="Input.LookedAfter" label="Looked after child" small="true" />
//   <govuk-checkboxes asp-for="Input.Confirm" legend="Declaration" label="I have told the parents about this referral" />
// Several for a collection (List<string>, string[], List<int>, List<SomeEnum>…):
//   <govuk-checkboxes asp-for="Filter.Needs" legend="Primary need" hint="Select all that apply"
//                     asp-items="Model.NeedOptions" small="true" />
// The first box's id is the field id (what the error summary links to), the others get -2, -3…
// A bool posts "true,false" when ticked and "false" when not (a hidden input follows the box).

using System.Collections;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Senco.Web.Features.Shared.TagHelpers;

[HtmlTargetElement("govuk-checkboxes", Attributes = "asp-for")]
public sealed class GovukCheckboxesTagHelper : GovukFieldTagHelper
{
    /// <summary>The question, as the fieldset's legend. Optional for a single bool checkbox.</summary>
    [HtmlAttributeName("legend")]
    public string? Legend { get; set; }

    [HtmlAttributeName("legend-is-heading")]
    public bool LegendIsHeading { get; set; }

    [HtmlAttributeName("legend-size")]
    public string? LegendSize { get; set; }

    /// <summary>For a bool: the checkbox's own label (defaults to the display name).</summary>
    [HtmlAttributeName("label")]
    public string? Label { get; set; }

    [HtmlAttributeName("asp-items")]
    public IEnumerable<SelectListItem>? Items { get; set; }

    [HtmlAttributeName("small")]
    public bool Small { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var extra = TakeUnboundAttributes(output);
        var modelType = Nullable.GetUnderlyingType(For.ModelExplorer.ModelType) ?? For.ModelExplorer.ModelType;
        var isBool = modelType == typeof(bool);
        if (!isBool && Items is null)
        {
            throw new InvalidOperationException(
                $"<govuk-checkboxes asp-for=\"{For.Name}\"> needs asp-items, or a bool property for a single checkbox.");
        }
        if (!isBool && !typeof(IEnumerable).IsAssignableFrom(modelType))
        {
            throw new InvalidOperationException($"<govuk-checkboxes asp-for=\"{For.Name}\"> with asp-items needs a collection property.");
        }

        var items = isBool
            ? [new SelectListItem(Label ?? DisplayName, "true", For.Model is true)]
            : Items!.ToList();
        var current = isBool
            ? CurrentValues().Where(v => v.Equals("true", StringComparison.OrdinalIgnoreCase)).ToList()
            : CurrentValues();

        var boxes = new TagBuilder("div");
        boxes.AddCssClass("govuk-checkboxes");
        if (Small) boxes.AddCssClass("govuk-checkboxes--small");
        boxes.Attributes["data-module"] = "govuk-checkboxes";

        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var id = i == 0 ? Id : $"{Id}-{i + 1}";

            var input = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
            input.AddCssClass("govuk-checkboxes__input");
            input.Attributes["id"] = id;
            input.Attributes["name"] = Name;
            input.Attributes["type"] = "checkbox";
            input.Attributes["value"] = item.Value ?? item.Text;
            if (isBool ? current.Count > 0 : IsSelected(item, current)) input.Attributes["checked"] = "checked";
            if (item.Disabled) input.Attributes["disabled"] = "disabled";
            // Without a fieldset there is nothing else to carry the hint and error to screen readers.
            if (Legend is null && DescribedBy() is { } describedBy) input.Attributes["aria-describedby"] = describedBy;

            var label = new TagBuilder("label");
            label.AddCssClass("govuk-label govuk-checkboxes__label");
            label.Attributes["for"] = id;
            label.InnerHtml.Append(item.Text);

            var row = new TagBuilder("div");
            row.AddCssClass("govuk-checkboxes__item");
            row.InnerHtml.AppendHtml(input).AppendHtml(label);
            boxes.InnerHtml.AppendHtml(row);
        }

        if (isBool)
        {
            // Posted after the box, so an unticked box still sends "false" and a ticked one "true,false"
            // (the bool binder reads the first value): the same convention as ASP.NET's own checkbox.
            var unticked = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
            unticked.Attributes["type"] = "hidden";
            unticked.Attributes["name"] = Name;
            unticked.Attributes["value"] = "false";
            boxes.InnerHtml.AppendHtml(unticked);
        }

        var inner = new HtmlContentBuilder();
        inner.AppendHtml(HintHtml());
        inner.AppendHtml(ErrorHtml());
        inner.AppendHtml(boxes);

        RenderFormGroup(output, Legend is null ? inner : FieldsetHtml(Legend, LegendIsHeading, LegendSize, inner), ClassOf(extra));
    }
}
