using System.Buffers.Binary;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Senco.Core;
using Senco.Core.Graduated;
using Senco.Core.Model;
using Senco.Core.Pupils;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace Senco.Web.Features.Passports;

/// A learning passport as a Word document (Open XML): one A4 page with the pupil's name, the photo if there is one,
/// the three one-page-profile sections (marked where they are in the pupil's own words), the key strategies and the
/// strategies of the current support plan. Schools edit and share these, so it is plain paragraphs and headings,
/// not a layout that breaks when someone types into it.
public static class PassportDocument
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private const long EmuPerCm = 360000;

    public static string FileName(Pupil p) => $"learning-passport-{Slug(p.Forename)}-{Slug(p.Surname)}.docx";

    private static string Slug(string s) =>
        new string(s.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) && c < 128 ? c : '-').ToArray()).Trim('-') is { Length: > 0 } t ? t : "pupil";

    public static byte[] Build(Pupil pupil, LearningPassport passport, PassportPhoto? photo, IReadOnlyList<PlanStrategy> planStrategies)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            doc.PackageProperties.Title = $"Learning passport: {pupil.FullName}";
            doc.PackageProperties.Creator = "Senco";
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);
            AddStyles(main);

            body.Append(Para($"{pupil.FullName}: my learning passport", style: "Title"));
            body.Append(Para($"{YearGroups.Label(pupil.YearGroup)} · {pupil.School?.Name} · last reviewed {Dates.Long(passport.LastReviewedOn)}", size: 18, colour: "505A5F"));

            if (photo is not null) body.Append(Photo(main, photo, pupil.FullName));

            Section(body, PassportRules.AboutMeLabel, passport.AboutMe, passport.AboutMeOwnWords);
            Section(body, PassportRules.ImportantToMeLabel, passport.ImportantToMe, passport.ImportantToMeOwnWords);
            Section(body, PassportRules.HowToSupportMeLabel, passport.HowToSupportMe, passport.HowToSupportMeOwnWords);

            if (passport.KeyStrategyList.Count > 0)
            {
                body.Append(Para(PassportRules.KeyStrategiesLabel, style: "Heading2"));
                foreach (var s in passport.KeyStrategyList) body.Append(Bullet(s));
            }
            if (planStrategies.Count > 0)
            {
                body.Append(Para("Strategies agreed in my support plan", style: "Heading2"));
                foreach (var s in planStrategies)
                    body.Append(Bullet($"{s.Description} ({s.Who}{(string.IsNullOrWhiteSpace(s.HowOften) ? "" : ", " + s.HowOften)})"));
            }

            // A4 portrait with 1.5 cm margins (twentieths of a point; 1 cm = 567).
            body.Append(new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 850, Bottom = 850, Left = 850U, Right = 850U, Header = 425U, Footer = 425U, Gutter = 0U }));
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static void Section(Body body, string heading, string text, bool ownWords)
    {
        body.Append(Para(heading + (ownWords ? " (in my own words)" : ""), style: "Heading2"));
        foreach (var line in text.Replace("\r\n", "\n").Split('\n', StringSplitOptions.RemoveEmptyEntries))
            body.Append(Para(line));
    }

    private static Paragraph Para(string text, string? style = null, int? size = null, string? colour = null)
    {
        var run = new Run();
        if (size is not null || colour is not null)
        {
            var rp = new RunProperties();
            if (colour is not null) rp.Append(new Color { Val = colour });
            if (size is not null) rp.Append(new FontSize { Val = size.Value.ToString() });
            run.Append(rp);
        }
        run.Append(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        var p = new Paragraph();
        if (style is not null) p.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        p.Append(run);
        return p;
    }

    private static Paragraph Bullet(string text) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = "ListBullet" }, new Indentation { Left = "360", Hanging = "240" }),
            new Run(new Text("• " + text) { Space = SpaceProcessingModeValues.Preserve }));

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(new RunFonts { Ascii = "Arial", HighAnsi = "Arial", ComplexScript = "Arial" }, new FontSize { Val = "22" })),
                new ParagraphPropertiesDefault(new SpacingBetweenLines { After = "80", Line = "264", LineRule = LineSpacingRuleValues.Auto })),
            Style("Normal", "Normal", null, null, false),
            Style("Title", "Title", "36", "00594F", true),
            Style("Heading2", "heading 2", "26", "00594F", true, spaceBefore: "200"),
            Style("ListBullet", "List Bullet", null, null, false));
    }

    private static Style Style(string id, string name, string? size, string? colour, bool bold, string? spaceBefore = null)
    {
        var rp = new StyleRunProperties();
        if (bold) rp.Append(new Bold());
        if (colour is not null) rp.Append(new Color { Val = colour });
        if (size is not null) rp.Append(new FontSize { Val = size });
        var style = new Style(new StyleName { Val = name }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = id };
        if (id != "Normal") style.Append(new BasedOn { Val = "Normal" });
        if (spaceBefore is not null) style.Append(new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = spaceBefore, After = "60" }));
        style.Append(rp);
        return style;
    }

    private static Paragraph Photo(MainDocumentPart main, PassportPhoto photo, string name)
    {
        var part = main.AddImagePart(photo.ContentType == PhotoRules.Png ? ImagePartType.Png : ImagePartType.Jpeg);
        using (var data = new MemoryStream(photo.Content)) part.FeedData(data);
        var relId = main.GetIdOfPart(part);
        var (w, h) = PixelSize(photo);
        var cx = (long)(3.5 * EmuPerCm);
        var cy = w > 0 && h > 0 ? cx * h / w : cx;
        if (cy > 5 * EmuPerCm) { cx = cx * 5 * EmuPerCm / cy; cy = 5 * EmuPerCm; }

        var drawing = new Drawing(new DW.Inline(
            new DW.Extent { Cx = cx, Cy = cy },
            new DW.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
            new DW.DocProperties { Id = 1U, Name = "Photo", Description = $"Photo of {name}" },
            new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(
                new PIC.Picture(
                    new PIC.NonVisualPictureProperties(new PIC.NonVisualDrawingProperties { Id = 0U, Name = "photo" }, new PIC.NonVisualPictureDrawingProperties()),
                    new PIC.BlipFill(new A.Blip { Embed = relId }, new A.Stretch(new A.FillRectangle())),
                    new PIC.ShapeProperties(
                        new A.Transform2D(new A.Offset { X = 0L, Y = 0L }, new A.Extents { Cx = cx, Cy = cy }),
                        new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
            { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        { DistanceFromTop = 0U, DistanceFromBottom = 0U, DistanceFromLeft = 0U, DistanceFromRight = 0U });
        return new Paragraph(new Run(drawing));
    }

    /// Width and height in pixels from the PNG header or the JPEG start-of-frame marker; (0, 0) if unreadable.
    internal static (long Width, long Height) PixelSize(PassportPhoto photo)
    {
        var b = photo.Content;
        try
        {
            if (photo.ContentType == PhotoRules.Png && b.Length >= 24)
                return (BinaryPrimitives.ReadUInt32BigEndian(b.AsSpan(16)), BinaryPrimitives.ReadUInt32BigEndian(b.AsSpan(20)));
            var i = 2;
            while (i + 9 < b.Length)
            {
                if (b[i] != 0xFF) { i++; continue; }
                var marker = b[i + 1];
                var length = (b[i + 2] << 8) | b[i + 3];
                if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
                    return ((b[i + 7] << 8) | b[i + 8], (b[i + 5] << 8) | b[i + 6]);
                i += 2 + length;
            }
        }
        catch (ArgumentOutOfRangeException) { }
        return (0, 0);
    }
}
