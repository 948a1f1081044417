using Microsoft.EntityFrameworkCore;
using Senco.Core;
using Senco.Core.Leadership;
using Senco.Core.Model;
using Senco.Core.Provision;
using Senco.Core.Pupils;
using Senco.Core.Sen;
using Senco.Data;
using Senco.Web.Features.Provision;
using Senco.Web.Features.Shared.Access;
using Senco.Web.Features.Team;

namespace Senco.Web.Features.InformationReport;

/// One section of a report as a page, the API and the exports show it: the Schedule 1 item, the live facts offered,
/// and the school's own words with the version an editor must send back.
public sealed record ReportSectionView(ScheduleItem Item, IReadOnlyList<string> Facts, string Text, int Version, string? UpdatedBy, DateTime? UpdatedAt);

/// A report with every section in Schedule 1 order. <see cref="ReadOnly"/>: an earlier year, kept as it was.
public sealed record ReportView(Core.Model.InformationReport Report, IReadOnlyList<ReportSectionView> Sections, bool ReadOnly, string SchoolName);

/// <summary>
/// Reading SEN information reports and gathering the live facts they offer. Everything here is aggregates (counts,
/// catalogue names, agencies, training titles): no pupil is named, so governors read it too. Because the tenancy filter
/// hides pupil records from roles without ViewPupils, the counts are made through <see cref="SchoolData"/>, which
/// scopes every query to the one school the caller was authorised for.
/// </summary>
public sealed class InformationReportQueries(SencoDbContext db, TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<IReadOnlyList<Core.Model.InformationReport>> YearsAsync(SchoolGrant school, CancellationToken ct) =>
        await new SchoolData(db, school).Q<Core.Model.InformationReport>().OrderByDescending(r => r.YearStart).ToListAsync(ct);

    public async Task<ReportView?> ReportAsync(SchoolGrant school, int yearStart, CancellationToken ct)
    {
        var data = new SchoolData(db, school);
        var report = await data.Q<Core.Model.InformationReport>().Include(r => r.Sections).FirstOrDefaultAsync(r => r.YearStart == yearStart, ct);
        if (report is null) return null;
        var latest = await data.Q<Core.Model.InformationReport>().MaxAsync(r => r.YearStart, ct);
        var facts = InformationReportAssembly.Assemble(await FactsAsync(school, report.Year, ct));
        var sections = InformationReportSchedule.Items.Select(item =>
        {
            var s = report.Sections.FirstOrDefault(x => x.ItemKey == item.Key);
            return new ReportSectionView(item, facts[item.Key], s?.Text ?? "", s?.Version ?? 0, s?.UpdatedBy, s?.UpdatedAt);
        }).ToList();
        return new ReportView(report, sections, report.YearStart < latest, school.Name);
    }

    /// <summary>The live numbers for the year: the register as it stands today (the report describes the school now),
    /// and the year's interventions, reviews, training, referrals and pupil voice.</summary>
    public async Task<InformationReportFacts> FactsAsync(SchoolGrant school, SchoolYear year, CancellationToken ct)
    {
        var data = new SchoolData(db, school);
        var (from, to) = (year.Start, year.End);
        var pupils = data.Q<Pupil>().Where(p => p.OnRoll);
        var onRoll = await pupils.CountAsync(ct);
        var byStatus = await pupils.GroupBy(p => p.SenStatus).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
        var needs = await pupils.Where(p => p.SenStatus != SenStatus.N && p.PrimaryNeed != null).GroupBy(p => p.PrimaryNeed!).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
        var joined = await pupils.CountAsync(p => p.OnRegisterSince >= from && p.OnRegisterSince <= to, ct);
        var planReviews = await data.Q<PlanReview>().CountAsync(r => r.HeldOn >= from && r.HeldOn <= to, ct);
        var annualReviews = await data.Q<AnnualReview>().CountAsync(r => r.HeldOn >= from && r.HeldOn <= to, ct);
        var catalogue = (await data.Q<ProvisionOffer>().Where(o => !o.Archived).ToListAsync(ct))
            .Select(o => new CatalogueLine(o.Name, ProvisionMap.Describe(o.AreaOfNeed), o.Wave, o.AreaOfNeed == AreaOfNeed.SocialEmotionalMentalHealth)).ToList();
        var impact = await ProvisionQueries.SchoolImpactAsync(data, year, ct);
        var interventions = impact.ByProvision.Select(r => new InterventionLine(r.Key, r.Groups, r.Pupils, r.Summary?.Included ?? 0, r.Summary?.MeanGain,
            r.Scale?.IsAge == true ? "months" : "points", r.Summary?.MeanRatioGain)).ToList();
        var training = await data.Q<TrainingRecord>().Where(t => t.CompletedOn >= from && t.CompletedOn <= to).Select(t => new { t.Title, t.Hours }).ToListAsync(ct);
        var inset = await data.Q<InsetSession>().Where(i => i.On >= from && i.On <= to).OrderBy(i => i.On).Select(i => i.Title).ToListAsync(ct);
        var agencies = (await data.Q<Agency>().OrderBy(a => a.Name).ToListAsync(ct)).Select(a => new AgencyLine(a.Name, TeamText.Kind(a.Kind))).ToList();
        var referrals = await data.Q<Referral>().CountAsync(r => r.SentOn >= from && r.SentOn <= to, ct);
        var views = await data.Q<PupilVoice>().CountAsync(v => v.On >= from && v.On <= to, ct);
        var sencoIds = await db.Memberships.AsNoTracking().Where(m => m.SchoolId == school.SchoolId && m.Role == Core.Access.SchoolRole.Senco).Select(m => m.UserId).ToListAsync(ct);
        var sencos = await db.Users.AsNoTracking().Where(u => sencoIds.Contains(u.Id)).OrderBy(u => u.DisplayName)
            .Select(u => new SencoContact(u.DisplayName, u.Email ?? "")).ToListAsync(ct);
        var la = await db.Schools.AsNoTracking().Where(s => s.Id == school.SchoolId).Select(s => s.LaCode).FirstAsync(ct);

        int Count(SenStatus s) => byStatus.FirstOrDefault(x => x.Key == s)?.N ?? 0;
        return new InformationReportFacts(year, onRoll, Count(SenStatus.K), Count(SenStatus.E),
            needs.Select(n => new KeyValuePair<string, int>(NeedTypes.NameOf(n.Key), n.N)).ToList(),
            joined, planReviews, annualReviews, catalogue, interventions,
            training.Count, training.Sum(t => t.Hours), training.Select(t => t.Title).Distinct().Order(StringComparer.Ordinal).ToList(), inset.Distinct().ToList(),
            agencies, referrals, sencos, views, LocalAuthorities.NameOf(la));
    }
}
