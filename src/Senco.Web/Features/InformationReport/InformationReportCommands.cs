using Microsoft.EntityFrameworkCore;
using Senco.Core;
using Senco.Core.Access;
using Senco.Core.Leadership;
using Senco.Core.Model;
using Senco.Data;
using Senco.Web.Features.Provision;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.InformationReport;

public sealed record SectionInput(string? Text, int? Version);
public sealed record ApprovalInput(DateOnly? ApprovedOn, string? ApprovedBy, int? Version);

/// <summary>
/// Writing the SEN information report: start a year (from last year's words), save one section's text (optimistic
/// concurrency: the second saver is told and shown the saved text, nothing is overwritten), and record the governors'
/// approval. Earlier years are read-only. Every change is audited.
/// </summary>
public sealed class InformationReportCommands(SencoDbContext db, UserContext user, InformationReportQueries queries, TimeProvider clock)
{
    public const int MaxText = 20000;
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private Outcome<T>? Authorise<T>(string urn, out SchoolGrant school)
    {
        school = user.School(urn)!;
        if (school is null) return Outcome<T>.NotFound();
        if (!school.Can(Permission.ManageInformationReport)) return Outcome<T>.Forbidden();
        return null;
    }

    /// Starts the report for <paramref name="yearStart"/> (the current school year when null), copying the text of the
    /// latest earlier report so a school revises rather than rewrites.
    public async Task<Outcome<Core.Model.InformationReport>> StartAsync(string urn, int? yearStart, CancellationToken ct = default)
    {
        if (Authorise<Core.Model.InformationReport>(urn, out var school) is { } denied) return denied;
        var year = yearStart ?? SchoolYear.Containing(Today).StartYear;
        var current = SchoolYear.Containing(Today).StartYear;
        if (year < 2014 || year > current + 1)
            return Outcome<Core.Model.InformationReport>.Invalid(Errors("year", $"Start a report for a school year from 2014/15 to {new SchoolYear(current + 1).Label}"));
        var data = new SchoolData(db, school);
        if (await data.Q<Core.Model.InformationReport>().AnyAsync(r => r.YearStart >= year, ct))
            return Outcome<Core.Model.InformationReport>.Conflict($"There is already a report for {new SchoolYear(year).Label} or a later year.");
        var previous = await data.Q<Core.Model.InformationReport>().Include(r => r.Sections).OrderByDescending(r => r.YearStart).FirstOrDefaultAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var report = new Core.Model.InformationReport
        {
            Id = Guid.CreateVersion7(), SchoolId = school.SchoolId, YearStart = year, Status = InformationReportStatus.Draft,
            CreatedBy = user.Name, CreatedAt = now, UpdatedAt = now, Version = 1,
        };
        foreach (var item in InformationReportSchedule.Items)
            report.Sections.Add(new InformationReportSection
            {
                Id = Guid.CreateVersion7(), SchoolId = school.SchoolId, ItemKey = item.Key, Version = 1,
                Text = previous?.Sections.FirstOrDefault(s => s.ItemKey == item.Key)?.Text ?? "",
            });
        db.InformationReports.Add(report);
        db.Audit(user.Actor, "information-report.start",
            $"Started the SEN information report for {report.Year.Label}{(previous is null ? "" : $" from the {previous.Year.Label} text")}", school.SchoolId);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two people pressed "start" at once: the unique (school, year) index let one through.
            db.ChangeTracker.Clear();
            return Outcome<Core.Model.InformationReport>.Conflict($"Someone else has just started the {report.Year.Label} report.");
        }
        return Outcome<Core.Model.InformationReport>.Ok(report);
    }

    public async Task<Outcome<ReportSectionView>> SaveSectionAsync(string urn, int yearStart, string key, SectionInput input, CancellationToken ct = default)
    {
        if (Authorise<ReportSectionView>(urn, out var school) is { } denied) return denied;
        var item = InformationReportSchedule.Find(key);
        var (report, readOnly) = await LoadAsync(school, yearStart, ct);
        if (report is null || item is null) return Outcome<ReportSectionView>.NotFound();
        if (readOnly) return Outcome<ReportSectionView>.Conflict($"The {report.Year.Label} report is kept as it was published: edit the latest year's report instead.");
        var errors = new ValidationErrors();
        if (input.Text is { Length: > MaxText }) errors.Add("text", $"The text must be {MaxText:N0} characters or fewer");
        if (input.Version is null) errors.Add("version", "Send the version you last read");
        if (!errors.IsValid) return Outcome<ReportSectionView>.Invalid(errors);

        var section = report.Sections.First(s => s.ItemKey == key);
        if (section.Version != input.Version) return await ConflictAsync(school, yearStart, item);
        section.Text = (input.Text ?? "").Replace("\r\n", "\n").Trim();
        section.Version++;
        section.UpdatedBy = user.Name;
        section.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        report.UpdatedAt = section.UpdatedAt.Value;
        var reopened = report.Status == InformationReportStatus.Approved;
        if (reopened)
        {
            // The governors approved other words: the changed report needs their approval again.
            report.Status = InformationReportStatus.Draft;
            report.Version++;
        }
        db.Audit(user.Actor, "information-report.section", $"Changed section {item.Number} of the {report.Year.Label} SEN information report{(reopened ? " (back to draft)" : "")}", school.SchoolId);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return await ConflictAsync(school, yearStart, item);
        }
        db.ChangeTracker.Clear();
        var view = await queries.ReportAsync(school, yearStart, ct);
        return Outcome<ReportSectionView>.Ok(view!.Sections.First(s => s.Item.Key == key));
    }

    private async Task<Outcome<ReportSectionView>> ConflictAsync(SchoolGrant school, int yearStart, ScheduleItem item)
    {
        db.ChangeTracker.Clear();
        var view = await queries.ReportAsync(school, yearStart, CancellationToken.None);
        var current = view!.Sections.First(s => s.Item.Key == item.Key);
        return Outcome<ReportSectionView>.Conflict($"Someone else changed section {item.Number} since you opened it.", current: current);
    }

    public async Task<Outcome<Core.Model.InformationReport>> ApproveAsync(string urn, int yearStart, ApprovalInput input, CancellationToken ct = default)
    {
        if (Authorise<Core.Model.InformationReport>(urn, out var school) is { } denied) return denied;
        var (report, readOnly) = await LoadAsync(school, yearStart, ct);
        if (report is null) return Outcome<Core.Model.InformationReport>.NotFound();
        if (readOnly) return Outcome<Core.Model.InformationReport>.Conflict($"The {report.Year.Label} report is kept as it was published.");
        var errors = new ValidationErrors();
        if (input.ApprovedOn is null) errors.Add("approvedOn", "Enter the date the governors approved the report");
        else if (input.ApprovedOn > Today) errors.Add("approvedOn", "The date of approval must be today or in the past");
        else if (input.ApprovedOn < report.Year.Start.AddMonths(-6)) errors.Add("approvedOn", $"The date of approval must be after {Dates.Long(report.Year.Start.AddMonths(-6))}, close to the {report.Year.Label} school year");
        if (string.IsNullOrWhiteSpace(input.ApprovedBy)) errors.Add("approvedBy", "Enter who approved it, for example the full governing body");
        else if (input.ApprovedBy.Length > 200) errors.Add("approvedBy", "Who approved it must be 200 characters or fewer");
        if (input.Version is null) errors.Add("version", "Send the version you last read");
        if (!errors.IsValid) return Outcome<Core.Model.InformationReport>.Invalid(errors);
        if (report.Version != input.Version)
            return Outcome<Core.Model.InformationReport>.Conflict("Someone else changed the report's status since you opened it.", current: report);
        report.Status = InformationReportStatus.Approved;
        report.ApprovedOn = input.ApprovedOn;
        report.ApprovedBy = input.ApprovedBy!.Trim();
        report.Version++;
        report.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        db.Audit(user.Actor, "information-report.approve", $"Recorded the governors' approval of the {report.Year.Label} SEN information report ({report.ApprovedBy}, {Dates.Long(report.ApprovedOn!.Value)})", school.SchoolId);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Outcome<Core.Model.InformationReport>.Conflict("Someone else changed the report's status since you opened it.");
        }
        return Outcome<Core.Model.InformationReport>.Ok(report);
    }

    private async Task<(Core.Model.InformationReport? Report, bool ReadOnly)> LoadAsync(SchoolGrant school, int yearStart, CancellationToken ct)
    {
        var id = school.SchoolId;
        // Tracked and scoped explicitly to the authorised school (the tenancy filter would hide it from leaders without
        // ViewPupils, who may still write the report).
        var report = await db.InformationReports.IgnoreQueryFilters().Include(r => r.Sections)
            .FirstOrDefaultAsync(r => r.SchoolId == id && r.YearStart == yearStart, ct);
        if (report is null) return (null, false);
        var latest = await db.InformationReports.IgnoreQueryFilters().Where(r => r.SchoolId == id).MaxAsync(r => r.YearStart, ct);
        return (report, yearStart < latest);
    }

    private static ValidationErrors Errors(string field, string message)
    {
        var e = new ValidationErrors();
        e.Add(field, message);
        return e;
    }
}
