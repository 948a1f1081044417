using System.Globalization;
using System.Net;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Senco.Core;
using Senco.Core.Leadership;
using Senco.Core.Model;

namespace Senco.Web.Features.AccessibilityPlan;

/// <summary>
/// The accessibility plan as a Word document (to take to governors and edit) and as one standalone HTML page (to
/// print or publish on the school's website). Both carry the three strands as headings, and each objective with who is
/// responsible, the target date, success criteria, resources and progress. Built from <see cref="PlanView"/>, which
/// names no pupil.
/// </summary>
public static class AccessibilityPlanDocument
{
    public const string WordContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string HtmlContentType = "text/html; charset=utf-8";

    public static string FileName(PlanView v, string extension) => $"accessibility-plan-{v.Plan.StartYear}-{v.Plan.EndYear}.{extension}";

    private static string Title(PlanView v) => $"Accessibility plan {v.Plan.Period}";

    public const string Introduction = "Under the Equality Act 2010 (Schedule 10) the school must plan, over a three-year period, to increase access to education for disabled pupils: to increase their participation in the curriculum, to improve the physical environment, and to improve the delivery of information to them.";

    public static string StatusLine(PlanView v)
    {
        var approval = v.Plan.ApprovedOn is { } on ? $"Approved by {v.Plan.ApprovedBy} on {Dates.Long(on)}." : "Not yet approved by the governing body.";
        var review = v.Plan.NextReviewOn is { } r ? $" Next review: {Dates.Long(r)}." : "";
        return approval + review;
    }

    private static string Money(decimal d) => d.ToString("£#,##0.##", CultureInfo.GetCultureInfo("en-GB"));

    /// The fields of one action in reading order, label and value, leaving out what was not recorded.
    public static IEnumerable<(string Label, string Value)> Fields(AccessibilityAction a)
    {
        if (a.Actions is not null) yield return ("Actions", a.Actions);
        yield return ("Responsible", a.Owner);
        yield return ("Target date", Dates.Long(a.TargetDate));
        if (a.SuccessCriteria is not null) yield return ("Success criteria", a.SuccessCriteria);
        if (a.Resources is not null || a.Cost is not null)
            yield return ("Resources", string.Join(", ", new[] { a.Resources, a.Cost is { } c ? $"estimated cost {Money(c)}" : null }.Where(x => x is not null)));
        yield return ("Progress", AccessibilityRules.Label(a.Status) + (a.CompletedOn is { } done ? $" on {Dates.Long(done)}" : "") + (a.Progress is null ? "" : $": {a.Progress}"));
    }

    public static byte[] Word(PlanView v)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            doc.PackageProperties.Title = $"{Title(v)}: {v.SchoolName}";
            doc.PackageProperties.Creator = "Senco";
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);
            AddStyles(main);
            body.Append(Para($"{v.SchoolName}: {Title(v)}", "Title"));
            body.Append(Para(StatusLine(v)));
            body.Append(Para(Introduction));
            foreach (var strand in Enum.GetValues<AccessibilityStrand>())
            {
                body.Append(Para(AccessibilityRules.Label(strand), "Heading2"));
                body.Append(Para(AccessibilityRules.Description(strand)));
                var any = false;
                foreach (var a in v.Strand(strand))
                {
                    any = true;
                    body.Append(Para(a.Objective, "Heading3"));
                    foreach (var (label, value) in Fields(a))
                    {
                        var p = new Paragraph();
                        p.Append(new Run(new RunProperties(new Bold()), new Text(label + ": ") { Space = SpaceProcessingModeValues.Preserve }));
                        p.Append(new Run(new Text(value) { Space = SpaceProcessingModeValues.Preserve }));
                        body.Append(p);
                    }
                }
                if (!any) body.Append(Para("[No objectives recorded for this strand yet.]"));
            }
            body.Append(new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1134U, Right = 1134U, Header = 567U, Footer = 567U, Gutter = 0U }));
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static Paragraph Para(string text, string? style = null)
    {
        var p = new Paragraph();
        if (style is not null) p.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        p.Append(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        return p;
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(new RunFonts { Ascii = "Arial", HighAnsi = "Arial", ComplexScript = "Arial" }, new FontSize { Val = "22" })),
                new ParagraphPropertiesDefault(new SpacingBetweenLines { After = "100", Line = "276", LineRule = LineSpacingRuleValues.Auto })),
            Style("Normal", "Normal", null, false, null),
            Style("Title", "Title", "36", true, null),
            // Real heading styles with outline levels, so Word's navigation pane and screen readers find the strands.
            Style("Heading2", "heading 2", "28", true, 1, "280"),
            Style("Heading3", "heading 3", "22", true, 2, "160"));
    }

    private static Style Style(string id, string name, string? size, bool bold, int? outline, string? spaceBefore = null)
    {
        var style = new Style(new StyleName { Val = name }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = id };
        if (id != "Normal") style.Append(new BasedOn { Val = "Normal" });
        var pp = new StyleParagraphProperties();
        if (spaceBefore is not null) { pp.Append(new KeepNext()); pp.Append(new SpacingBetweenLines { Before = spaceBefore, After = "80" }); }
        if (outline is not null) pp.Append(new OutlineLevel { Val = outline.Value });
        if (pp.HasChildren) style.Append(pp);
        var rp = new StyleRunProperties();
        if (bold) rp.Append(new Bold());
        if (id != "Normal") rp.Append(new Color { Val = "00594F" });
        if (size is not null) rp.Append(new FontSize { Val = size });
        style.Append(rp);
        return style;
    }

    /// <summary>
    /// One HTML file with nothing outside it (no script, style sheet, font or image), to print or to upload to the
    /// school's website as it is: headings in order, each strand's objectives in a description list, British English,
    /// every text HTML-encoded.
    /// </summary>
    /// The page's own styles: inline in the file to publish; served separately for the printable view in the app, whose
    /// Content-Security-Policy allows no inline style.
    public const string Css =
        "body{font-family:Arial,Helvetica,sans-serif;font-size:1.1875rem;line-height:1.5;color:#0b0c0c;background:#fff;margin:0}\n" +
        "main{max-width:48em;margin:0 auto;padding:1.5em}\nh1{font-size:2rem;line-height:1.2}\nh2{font-size:1.5rem;margin-top:2em;line-height:1.25;border-top:2px solid #b1b4b6;padding-top:.5em}\nh3{font-size:1.1875rem;margin-bottom:.25em}\n" +
        "dl{margin:0 0 1.5em;display:grid;grid-template-columns:max-content 1fr;gap:.25em 1em}\ndt{font-weight:bold}\ndd{margin:0}\n.status{font-weight:bold}\n" +
        "@media print{body{font-size:11pt}h2{break-after:avoid}h3{break-after:avoid}dl{break-inside:avoid}}\n";

    public static string Html(PlanView v, string? stylesheetHref = null)
    {
        static string E(string s) => WebUtility.HtmlEncode(s);
        var b = new StringBuilder();
        b.Append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        b.Append("<title>").Append(E($"{Title(v)}: {v.SchoolName}")).Append("</title>\n");
        if (stylesheetHref is null) b.Append("<style>\n").Append(Css).Append("</style>\n");
        else b.Append("<link rel=\"stylesheet\" href=\"").Append(E(stylesheetHref)).Append("\">\n");
        b.Append("</head>\n<body>\n<main>\n");
        b.Append("<h1>").Append(E(v.SchoolName)).Append(": ").Append(E(Title(v))).Append("</h1>\n");
        b.Append("<p class=\"status\">").Append(E(StatusLine(v))).Append("</p>\n");
        b.Append("<p>").Append(E(Introduction)).Append("</p>\n");
        foreach (var strand in Enum.GetValues<AccessibilityStrand>())
        {
            var key = strand.ToString().ToLowerInvariant();
            b.Append("<section aria-labelledby=\"").Append(key).Append("\">\n<h2 id=\"").Append(key).Append("\">").Append(E(AccessibilityRules.Label(strand))).Append("</h2>\n");
            b.Append("<p>").Append(E(AccessibilityRules.Description(strand))).Append("</p>\n");
            var any = false;
            foreach (var a in v.Strand(strand))
            {
                any = true;
                b.Append("<h3>").Append(E(a.Objective)).Append("</h3>\n<dl>\n");
                foreach (var (label, value) in Fields(a)) b.Append("<dt>").Append(E(label)).Append("</dt><dd>").Append(E(value)).Append("</dd>\n");
                b.Append("</dl>\n");
            }
            if (!any) b.Append("<p>No objectives recorded for this strand yet.</p>\n");
            b.Append("</section>\n");
        }
        b.Append("</main>\n</body>\n</html>\n");
        return b.ToString();
    }
}
