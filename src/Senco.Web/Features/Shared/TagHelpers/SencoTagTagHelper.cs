// <senco-tag status="K" />                 -> <strong class="govuk-tag">SEN support</strong>
// <senco-tag status="@pupil.SenStatus.ToString()" />  ("N"/"K"/"E", or an enum name such as SenSupport or EhcPlan)
// Census SEN provision codes (DfE school census) as GOV.UK tags. The words say the status, so
// colour is never the only cue: N "No SEN" grey, K "SEN support" blue, E "EHC plan" purple.
// The historical codes (S, A, P) still appear in old records and transfer files.

using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Senco.Web.Features.Shared.TagHelpers;

[HtmlTargetElement("senco-tag", Attributes = "status")]
public sealed class SencoTagTagHelper : TagHelper
{
    [HtmlAttributeName("status")]
    public string? Status { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var (text, css) = Describe(Status);
        output.TagName = "strong";
        output.TagMode = TagMode.StartTagAndEndTag;
        var extra = output.Attributes["class"]?.Value?.ToString();
        output.Attributes.SetAttribute("class", extra is null ? css : $"{css} {extra}");
        output.Content.SetContent(text);
    }

    public static (string Text, string CssClass) Describe(string? status) =>
        Normalise(status) switch
        {
            "N" => ("No SEN", "govuk-tag govuk-tag--grey"),
            "K" => ("SEN support", "govuk-tag"),
            "E" => ("EHC plan", "govuk-tag govuk-tag--purple"),
            "S" => ("Statement (historical)", "govuk-tag govuk-tag--grey"),
            "A" => ("School Action (historical)", "govuk-tag govuk-tag--grey"),
            "P" => ("School Action Plus (historical)", "govuk-tag govuk-tag--grey"),
            _ => (string.IsNullOrWhiteSpace(status) ? "Not recorded" : status, "govuk-tag govuk-tag--grey"),
        };

    private static string? Normalise(string? status) =>
        status?.Trim().Replace(" ", "").Replace("_", "").ToUpperInvariant() switch
        {
            null or "" => null,
            "N" or "NOSEN" or "NONE" or "NOSPECIALEDUCATIONALNEED" => "N",
            "K" or "SENSUPPORT" or "SUPPORT" => "K",
            "E" or "EHCPLAN" or "EHCP" or "EHC" => "E",
            "S" or "STATEMENT" => "S",
            "A" or "SCHOOLACTION" => "A",
            "P" or "SCHOOLACTIONPLUS" => "P",
            var other => other,
        };
}
