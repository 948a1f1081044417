using System.Net;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Senco.Core;
using Senco.Core.Leadership;
using Senco.Core.Model;

namespace Senco.Web.Features.InformationReport;

/// <summary>
/// The SEN information report as a Word document (to edit and take to governors) and as one standalone HTML page (to
/// publish on the school's website). Both carry every Schedule 1 item as a heading, the school's words, and the live
/// facts under "This year in numbers". Both are built from <see cref="ReportView"/>, which holds aggregates only.
/// </summary>
public static class InformationReportDocument
{
    public const string WordContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string HtmlContentType = "text/html; charset=utf-8";

    public static string FileName(ReportView v, string extension) =>
        $"sen-information-report-{v.Report.YearStart}-{(v.Report.YearStart + 1) % 100:00}.{extension}";

    private static string Title(ReportView v) => $"SEN information report {v.Report.Year.Label}";

    private static string StatusLine(ReportView v) => v.Report.Status == InformationReportStatus.Approved && v.Report.ApprovedOn is { } on
        ? $"Approved by {v.Report.ApprovedBy} on {Dates.Long(on)}."
        : "Draft: not yet approved by the governing body.";

    private static IEnumerable<string> Paragraphs(string text) =>
        text.Replace("\r\n", "\n").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static byte[] Word(ReportView v)
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
            body.Append(Para("This report sets out how the school meets the needs of pupils with special educational needs, as the Special Educational Needs and Disability Regulations 2014 (regulation 51 and Schedule 1) require."));
            foreach (var s in v.Sections)
            {
                body.Append(Para(InformationReportSchedule.Title(s.Item), "Heading2"));
                var any = false;
                foreach (var p in Paragraphs(s.Text)) { body.Append(Para(p)); any = true; }
                if (!any) body.Append(Para("[The school has not written this section yet.]"));
                if (s.Facts.Count > 0)
                {
                    body.Append(Para("This year in numbers", "Heading3"));
                    foreach (var f in s.Facts) body.Append(new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "ListBullet" }, new Indentation { Left = "360", Hanging = "240" }),
                        new Run(new Text("• " + f) { Space = SpaceProcessingModeValues.Preserve })));
                }
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
            // Real heading styles with outline levels, so Word's navigation pane and screen readers find the sections.
            Style("Heading2", "heading 2", "26", true, 1, "240"),
            Style("Heading3", "heading 3", "22", true, 2, "120"),
            Style("ListBullet", "List Bullet", null, false, null));
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
        if (id != "Normal" && id != "ListBullet") rp.Append(new Color { Val = "00594F" });
        if (size is not null) rp.Append(new FontSize { Val = size });
        style.Append(rp);
        return style;
    }

    /// <summary>
    /// One HTML file with nothing outside it: no script, no external style sheet, font or image, so it can be uploaded
    /// to any school website as it is. Headings in order, a contents list of links, British English, readable without
    /// its style sheet. Every text is HTML-encoded.
    /// </summary>
    public static string Html(ReportView v)
    {
        static string E(string s) => WebUtility.HtmlEncode(s);
        var b = new StringBuilder();
        b.Append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        b.Append("<title>").Append(E($"{Title(v)}: {v.SchoolName}")).Append("</title>\n");
        b.Append("<style>\nbody{font-family:Arial,Helvetica,sans-serif;font-size:1.1875rem;line-height:1.5;color:#0b0c0c;background:#fff;margin:0}\n")
            .Append("main{max-width:46em;margin:0 auto;padding:1.5em}\nh1{font-size:2rem;line-height:1.2}\nh2{font-size:1.5rem;margin-top:2em;line-height:1.25}\nh3{font-size:1.1875rem}\n")
            .Append("a{color:#1d70b8}\na:focus{outline:3px solid #fd0;background:#fd0;color:#0b0c0c}\n.facts{border-left:5px solid #b1b4b6;padding-left:1em}\n.status{font-weight:bold}\n</style>\n");
        b.Append("</head>\n<body>\n<main>\n");
        b.Append("<h1>").Append(E(v.SchoolName)).Append(": ").Append(E(Title(v))).Append("</h1>\n");
        b.Append("<p class=\"status\">").Append(E(StatusLine(v))).Append("</p>\n");
        b.Append("<p>This report sets out how the school meets the needs of pupils with special educational needs, as the Special Educational Needs and Disability Regulations 2014 (regulation 51 and Schedule 1) require.</p>\n");
        b.Append("<nav aria-labelledby=\"contents\">\n<h2 id=\"contents\">Contents</h2>\n<ol>\n");
        foreach (var s in v.Sections) b.Append("<li><a href=\"#").Append(s.Item.Key).Append("\">").Append(E(InformationReportSchedule.Title(s.Item))).Append("</a></li>\n");
        b.Append("</ol>\n</nav>\n");
        foreach (var s in v.Sections)
        {
            b.Append("<section aria-labelledby=\"").Append(s.Item.Key).Append("\">\n<h2 id=\"").Append(s.Item.Key).Append("\">").Append(E(InformationReportSchedule.Title(s.Item))).Append("</h2>\n");
            var any = false;
            foreach (var p in Paragraphs(s.Text)) { b.Append("<p>").Append(E(p)).Append("</p>\n"); any = true; }
            if (!any) b.Append("<p>The school has not written this section yet.</p>\n");
            if (s.Facts.Count > 0)
            {
                b.Append("<div class=\"facts\">\n<h3>This year in numbers</h3>\n<ul>\n");
                foreach (var f in s.Facts) b.Append("<li>").Append(E(f)).Append("</li>\n");
                b.Append("</ul>\n</div>\n");
            }
            b.Append("</section>\n");
        }
        b.Append("<p>Numbers from 1 to 4 are shown as \u201cfewer than 5\u201d so that no pupil can be identified.</p>\n");
        b.Append("</main>\n</body>\n</html>\n");
        return b.ToString();
    }
}
