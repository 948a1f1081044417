// <senco-pupil-picker asp-for="Input.PupilId" state="Model.Picker" legend="About" none-label="Not about one pupil" />
// A pupil field for a school of any size: a "Find a pupil" search box and button (which posts the surrounding form,
// so it works without JavaScript and keeps the other fields) and the matches as radios, with the pupil already chosen
// and a "none" choice. The page handles the search with PupilPicker (Features/Shared/PupilPicker). The first radio's
// id is the field id, so the error summary links to it (the search box's, while there is no radio); the search box
// posts {search-name}.Query and the button {search-name}.Find.

using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;


namespace Senco.Web.Features.Shared.TagHelpers;

[HtmlTargetElement("senco-pupil-picker", Attributes = "asp-for", TagStructure = TagStructure.WithoutEndTag)]
public sealed class SencoPupilPickerTagHelper : GovukFieldTagHelper
{
    [HtmlAttributeName("state")]
    public PupilPickerState State { get; set; } = new();

    [HtmlAttributeName("legend")]
    public string? Legend { get; set; }

    /// The choice of no pupil ("Not about one pupil"); leave out when a pupil is required.
    [HtmlAttributeName("none-label")]
    public string? NoneLabel { get; set; }

    [HtmlAttributeName("search-name")]
    public string SearchName { get; set; } = "PupilSearch";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        TakeUnboundAttributes(output);
        var current = CurrentValue ?? "";
        var choices = new List<(string Value, string Text)>();
        if (NoneLabel is not null) choices.Add(("", NoneLabel));
        if (State.Selected is { } chosen) choices.Add((chosen.Id.ToString(), chosen.Label));
        foreach (var m in State.Matches)
            if (m.Id != State.Selected?.Id) choices.Add((m.Id.ToString(), m.Label));
        // With no radio yet (a required pupil, nothing searched), the search box carries the field's id, so that the
        // error summary's "Select a pupil" link lands somewhere.
        var searchId = choices.Count == 0 ? Id : GovukIds.FromName(SearchName + ".Query");
        var searchHintId = GovukIds.FromName(SearchName + ".Query") + "-hint";
        var statusId = Id + "-status";

        var search = new TagBuilder("div");
        search.AddCssClass("govuk-form-group senco-pupil-picker__search");
        var label = new TagBuilder("label");
        label.AddCssClass("govuk-label govuk-label--s");
        label.Attributes["for"] = searchId;
        label.InnerHtml.Append("Find a pupil");
        var hint = new TagBuilder("div");
        hint.AddCssClass("govuk-hint");
        hint.Attributes["id"] = searchHintId;
        hint.InnerHtml.Append("Part of their name, their UPN or a year group, for example Sam, or Year 5");
        var input = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
        input.AddCssClass("govuk-input govuk-!-width-one-half senco-pupil-picker__query");
        input.Attributes["id"] = searchId;
        input.Attributes["name"] = SearchName + ".Query";
        input.Attributes["type"] = "search";
        input.Attributes["value"] = State.Query ?? "";
        input.Attributes["autocomplete"] = "off";
        input.Attributes["spellcheck"] = "false";
        input.Attributes["maxlength"] = "100";
        input.Attributes["aria-describedby"] = searchHintId;
        var button = new TagBuilder("button");
        button.AddCssClass("govuk-button govuk-button--secondary senco-pupil-picker__find");
        button.Attributes["type"] = "submit";
        button.Attributes["name"] = SearchName + ".Find";
        button.Attributes["value"] = Name;
        button.Attributes["formnovalidate"] = "formnovalidate";
        button.Attributes["data-module"] = "govuk-button";
        button.InnerHtml.Append("Find a pupil");
        var row = new TagBuilder("div");
        row.AddCssClass("senco-pupil-picker__row");
        row.InnerHtml.AppendHtml(input).AppendHtml(button);
        search.InnerHtml.AppendHtml(label).AppendHtml(hint).AppendHtml(row);

        var status = new TagBuilder("p");
        status.AddCssClass("govuk-body senco-pupil-picker__status");
        status.Attributes["id"] = statusId;
        status.Attributes["role"] = "status";
        status.InnerHtml.Append(StatusText());

        var radios = new TagBuilder("div");
        radios.AddCssClass("govuk-radios govuk-radios--small");
        radios.Attributes["data-module"] = "govuk-radios";
        var i = 0;
        foreach (var (value, text) in choices)
        {
            var id = i == 0 ? Id : $"{Id}-{i + 1}";
            i++;
            var radio = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
            radio.AddCssClass("govuk-radios__input");
            radio.Attributes["id"] = id;
            radio.Attributes["name"] = Name;
            radio.Attributes["type"] = "radio";
            radio.Attributes["value"] = value;
            if (string.Equals(value, current, StringComparison.OrdinalIgnoreCase)) radio.Attributes["checked"] = "checked";
            var radioLabel = new TagBuilder("label");
            radioLabel.AddCssClass("govuk-label govuk-radios__label");
            radioLabel.Attributes["for"] = id;
            radioLabel.InnerHtml.Append(text);
            var item = new TagBuilder("div");
            item.AddCssClass("govuk-radios__item");
            item.InnerHtml.AppendHtml(radio).AppendHtml(radioLabel);
            radios.InnerHtml.AppendHtml(item);
        }

        var inner = new HtmlContentBuilder();
        inner.AppendHtml(HintHtml());
        inner.AppendHtml(ErrorHtml());
        inner.AppendHtml(search);
        inner.AppendHtml(status);
        inner.AppendHtml(radios);
        RenderFormGroup(output, FieldsetHtml(Legend ?? DisplayName, false, "s", inner), "senco-pupil-picker");
    }

    private string StatusText()
    {
        if (State.Message is { } message) return message;
        if (!State.Searched)
            return State.Selected is null ? "Search to find the pupil, then choose them below." : "";
        var asked = (State.Query ?? "").Trim();
        var c = CultureInfo.InvariantCulture;
        return State.Total switch
        {
            0 => $"No pupils on roll match “{asked}”. Check the spelling, or try their UPN or year group.",
            1 => $"1 pupil matches “{asked}”. Choose them below.",
            var n when n <= PupilPicker.Limit => string.Create(c, $"{n} pupils match “{asked}”. Choose one below."),
            var n => string.Create(c, $"{n} pupils match “{asked}”; the first {PupilPicker.Limit} are shown. Add more of the name, or a year group, to narrow them down."),
        };
    }
}
