using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Senco.Core;
using Senco.Core.Access;
using Senco.Core.Ehc;
using Senco.Core.Model;
using Senco.Core.Pupils;
using Senco.Data;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Audit;

namespace Senco.Web.Features.Ehc;

public sealed record GeneratedDocument(string FileName, byte[] Content);

/// <summary>
/// The letters an annual review needs (reg 20): the invitation to the meeting, the request for advice, and the
/// review report to the LA. Plain Word documents built with the Open XML SDK and filled from the record, so the
/// school can put them on its letterhead, check them and send them.
/// </summary>
public static class EhcDocuments
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public static readonly string[] Kinds = ["invitation", "advice-request", "review-report"];

    public sealed record Facts(Pupil Pupil, School School, EhcPlan Plan, AnnualReview Review, DateOnly Today);

    public static GeneratedDocument Build(string kind, Facts f) => kind switch
    {
        "invitation" => new($"{FilePrefix(f)}-invitation.docx", Invitation(f)),
        "advice-request" => new($"{FilePrefix(f)}-advice-request.docx", AdviceRequest(f)),
        "review-report" => new($"{FilePrefix(f)}-review-report.docx", ReviewReport(f)),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown document"),
    };

    private static string FilePrefix(Facts f) => $"{f.Pupil.Upn}-{f.Review.MeetingOn:yyyy-MM-dd}";

    private static byte[] Invitation(Facts f)
    {
        var d = AnnualReviewRules.ReviewDeadlines(f.Review.MeetingOn);
        return Write(w =>
        {
            w.Line(f.School.Name, bold: true);
            w.Line(Dates.Long(f.Today));
            w.Heading($"Invitation to the annual review of {f.Pupil.FullName}'s EHC plan");
            w.Para("Dear parent or carer, and colleagues,");
            w.Para($"You are invited to the annual review meeting for {f.Pupil.FullName} (date of birth {Dates.Long(f.Pupil.DateOfBirth)}, {YearGroups.Label(f.Pupil.YearGroup)}), " +
                   $"whose education, health and care plan was issued by {LaName(f.Plan)} on {Dates.Long(f.Plan.IssuedOn)}.");
            w.Table([
                ("Date of the meeting", Dates.Long(f.Review.MeetingOn)),
                ("Place", f.School.Name),
                ("Pupil", $"{f.Pupil.FullName}, UPN {f.Pupil.Upn}"),
                ("Local authority", LaName(f.Plan)),
                ("Case officer", f.Plan.CaseOfficer ?? "Not recorded"),
            ]);
            w.Para($"The SEND Regulations 2014 (regulation 20) ask us to give at least two weeks' notice of the meeting: this invitation should reach you by {Dates.Long(d.InvitationsDue)}. " +
                   $"Any advice and information about {f.Pupil.Forename} will be circulated to everyone invited by {Dates.Long(d.AdviceDue)}.");
            w.Para($"Please let us know whether you can attend, and send us any views you would like us to consider. {f.Pupil.Forename}'s own views are central to the review.");
            w.Para("Yours sincerely,");
            w.Para("SENCO, " + f.School.Name);
        });
    }

    private static byte[] AdviceRequest(Facts f)
    {
        var d = AnnualReviewRules.ReviewDeadlines(f.Review.MeetingOn);
        return Write(w =>
        {
            w.Line(f.School.Name, bold: true);
            w.Line(Dates.Long(f.Today));
            w.Heading($"Request for advice: annual review of {f.Pupil.FullName}'s EHC plan");
            w.Para($"We are preparing for the annual review of the education, health and care plan of {f.Pupil.FullName} " +
                   $"(date of birth {Dates.Long(f.Pupil.DateOfBirth)}, UPN {f.Pupil.Upn}), to be held on {Dates.Long(f.Review.MeetingOn)}.");
            w.Para($"Please send your written advice and information about {f.Pupil.Forename}'s progress towards the outcomes below by {Dates.Long(d.AdviceDue)}, " +
                   "so that it can be circulated to everyone invited at least two weeks before the meeting (SEND Regulations 2014, regulation 20(4)).");
            w.Heading("Outcomes in section E of the plan", level: 2);
            foreach (var need in f.Plan.Needs.OrderBy(n => n.Order))
            {
                w.Line($"Need: {need.Description}", bold: true);
                foreach (var o in need.Outcomes) w.Bullet(o.Description);
            }
            if (f.Plan.Needs.Count == 0) w.Para("No outcomes are recorded in Senco: please refer to the plan.");
            w.Para("Thank you.");
            w.Para("SENCO, " + f.School.Name);
        });
    }

    private static byte[] ReviewReport(Facts f)
    {
        var r = f.Review;
        var when = r.HeldOn ?? r.MeetingOn;
        var d = AnnualReviewRules.ReviewDeadlines(when);
        var progress = r.Progress.ToDictionary(p => p.OutcomeId);
        return Write(w =>
        {
            w.Line(f.School.Name, bold: true);
            w.Heading($"Annual review report: {f.Pupil.FullName}");
            w.Table([
                ("Pupil", f.Pupil.FullName),
                ("Date of birth", Dates.Long(f.Pupil.DateOfBirth)),
                ("UPN", f.Pupil.Upn),
                ("Year group", YearGroups.Label(f.Pupil.YearGroup)),
                ("Plan issued", $"{Dates.Long(f.Plan.IssuedOn)} by {LaName(f.Plan)}"),
                ("Meeting held", r.HeldOn is { } h ? Dates.Long(h) : $"Not yet held (arranged for {Dates.Long(r.MeetingOn)})"),
                ("Report due to the LA", $"{Dates.Long(d.ReportDue)} (within 2 weeks of the meeting)"),
                ("LA decision due", $"{Dates.Long(d.LaDecisionDue)} (within 4 weeks of the meeting)"),
                ("Recommendation", r.Recommendation?.ToString() ?? "Not recorded"),
            ]);
            w.Heading("Who attended", level: 2);
            w.Para(r.Attendees ?? "Not recorded");
            w.Heading($"{f.Pupil.Forename}'s views", level: 2);
            w.Para(r.PupilViews ?? "Not recorded");
            w.Heading("Parents' views", level: 2);
            w.Para(r.ParentViews ?? "Not recorded");
            w.Heading("Progress towards the outcomes", level: 2);
            foreach (var need in f.Plan.Needs.OrderBy(n => n.Order))
            {
                w.Line($"Need: {need.Description}", bold: true);
                foreach (var o in need.Outcomes)
                {
                    var p = progress.GetValueOrDefault(o.Id);
                    w.Bullet($"{o.Description}: {(p is null ? "no view recorded" : Describe(p.Progress))}{(p?.Note is { } n ? $". {n}" : "")}");
                }
            }
            if (r.Recommendation == ReviewRecommendation.Amend)
            {
                w.Heading("Amendments recommended", level: 2);
                w.Para(r.Amendments ?? "Not recorded");
            }
            w.Para($"Sent to the local authority and everyone invited{(r.ReportSentOn is { } s ? $" on {Dates.Long(s)}" : "")}.");
        });
    }

    public static string Describe(OutcomeProgress p) => p switch
    {
        OutcomeProgress.NotStarted => "not started",
        OutcomeProgress.SomeProgress => "some progress",
        OutcomeProgress.GoodProgress => "good progress",
        OutcomeProgress.Achieved => "achieved",
        _ => p.ToString(),
    };

    private static string LaName(EhcPlan p) => $"{LocalAuthorities.NameOf(p.LocalAuthority) ?? "the local authority"} ({p.LocalAuthority})";

    private sealed class Writer(Body body)
    {
        public void Heading(string text, int level = 1) =>
            body.AppendChild(new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = level == 1 ? "Heading1" : "Heading2" }),
                new Run(new RunProperties(new Bold(), new FontSize { Val = level == 1 ? "32" : "26" }), new Text(text))));

        public void Para(string text) => body.AppendChild(new Paragraph(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve })));

        public void Line(string text, bool bold = false) =>
            body.AppendChild(new Paragraph(bold ? new Run(new RunProperties(new Bold()), new Text(text)) : new Run(new Text(text))));

        public void Bullet(string text) => body.AppendChild(new Paragraph(new Run(new Text("• " + text) { Space = SpaceProcessingModeValues.Preserve })));

        public void Table(IEnumerable<(string Label, string Value)> rows)
        {
            var table = new Table(new TableProperties(new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 })));
            foreach (var (label, value) in rows)
                table.AppendChild(new TableRow(
                    new TableCell(new Paragraph(new Run(new RunProperties(new Bold()), new Text(label)))),
                    new TableCell(new Paragraph(new Run(new Text(value))))));
            body.AppendChild(table);
            body.AppendChild(new Paragraph());
        }
    }

    private static byte[] Write(Action<Writer> fill)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            main.Document = new Document(new Body());
            fill(new Writer(main.Document.Body!));
            main.Document.Save();
        }
        return stream.ToArray();
    }
}

/// Loads the record for a document, checking the user may see it (404 for another school, 403 without ViewEhc).
public sealed class EhcDocumentService(SencoDbContext db, EhcFinder finder, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome<GeneratedDocument>> BuildAsync(Guid planId, Guid reviewId, string kind, CancellationToken ct)
    {
        kind = kind.EndsWith(".docx", StringComparison.OrdinalIgnoreCase) ? kind[..^5] : kind;
        if (!EhcDocuments.Kinds.Contains(kind)) return Outcome<GeneratedDocument>.NotFound();
        var found = await finder.PlanAsync(planId, Permission.ViewEhc, ct);
        if (!found.IsOk) return Outcome<GeneratedDocument>.From(found);
        var plan = found.Value!;
        var review = plan.Reviews.FirstOrDefault(r => r.Id == reviewId);
        if (review is null) return Outcome<GeneratedDocument>.NotFound();
        var pupil = await db.Pupils.IgnoreQueryFilters().AsNoTracking().Include(p => p.School).FirstAsync(p => p.Id == plan.PupilId, ct);
        audit.Read("ehc.document", $"Generated the {kind} document for the annual review of {Dates.Long(review.MeetingOn)}", plan.SchoolId, plan.PupilId);
        return Outcome<GeneratedDocument>.Ok(EhcDocuments.Build(kind, new EhcDocuments.Facts(pupil, pupil.School!, plan, review, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))));
    }
}
