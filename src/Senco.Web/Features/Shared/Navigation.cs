using Senco.Core.Access;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.Shared;

/// <summary>
/// The school's navigation in one table: a handful of sections a SENCO thinks in (pupils, SEN support, EHC plans,
/// provision, the team around the child, data and records), each with its pages. The header shows the sections; the
/// section you are in shows its pages underneath. A section or page appears only when the person's roles allow it.
/// </summary>
public static class Navigation
{
    public sealed record Page(string Label, string Path, Func<SchoolGrant, bool> Visible);

    /// <paramref name="Owns"/>: address prefixes outside /schools/{urn}/ that belong to the section (a pupil's pages,
    /// an EHC plan's pages), so the right section is marked while you are on them.
    public sealed record Section(string Label, IReadOnlyList<Page> Pages, IReadOnlyList<string> Owns);

    private static Func<SchoolGrant, bool> Can(Permission p) => s => s.Can(p);
    private static Func<SchoolGrant, bool> Any(params Permission[] ps) => s => ps.Any(s.Can);

    public static readonly IReadOnlyList<Section> Sections =
    [
        new("Pupils",
        [
            new("SEND register", "/register", Can(Permission.ViewPupils)),
            new("All pupils", "/pupils", Can(Permission.ViewPupils)),
            new("Monitoring list", "/monitoring", Any(Permission.RaiseConcern, Permission.ManageConcerns)),
        ], ["/pupils/", "/concerns/"]),
        new("SEN support",
        [
            new("Support plans", "/support-plans", Can(Permission.ViewPlans)),
            new("Passports", "/passports", Can(Permission.ViewPassports)),
            new("Reviews due", "/reviews-due", Can(Permission.ViewPlans)),
            new("Strategy bank", "/strategies", Can(Permission.ManagePlans)),
            new("Teaching groups", "/teaching-groups", Can(Permission.ManageTeachingGroups)),
            new("Settings", "/graduated-settings", Can(Permission.ManageGraduatedSettings)),
        ], ["/support-plans/", "/passport-proposals/", "/strategies/", "/teaching-groups/"]),
        new("EHC plans",
        [
            new("EHC plans", "/ehc", Can(Permission.ViewEhc)),
            new("Statutory deadlines", "/statutory-deadlines", Can(Permission.ViewEhc)),
        ], ["/ehc-plans/", "/ehc-needs-assessments/"]),
        new("Provision",
        [
            new("Provision map", "/provision-map", Can(Permission.ViewAggregates)),
            new("Interventions", "/interventions", Can(Permission.ViewProvision)),
            new("Delivery", "/delivery", Any(Permission.ViewDelivery, Permission.LogDelivery)),
            new("Impact", "/impact", Can(Permission.ViewAggregates)),
            new("Funding", "/funding", Can(Permission.ViewAggregates)),
            new("Catalogue", "/provision", Can(Permission.ViewProvision)),
            new("Staff", "/staff", Any(Permission.ViewDeployment, Permission.ManageProvision)),
        ], ["/interventions/", "/provision/", "/staff/", "/delivery/"]),
        new("Team",
        [
            new("Team and tasks", "/team", Can(Permission.ViewPupils)),
            new("Meetings", "/meetings", Can(Permission.ViewTeam)),
            new("Agencies", "/agencies", Can(Permission.ViewTeam)),
            new("Staff development", "/staff-development", Can(Permission.ViewStaffDevelopment)),
            new("Safeguarding settings", "/team-settings", Can(Permission.ManageSafeguardingSettings)),
        ], ["/meetings/", "/referrals/", "/documents/", "/restricted-notes/", "/meeting-actions/"]),
        // Leadership (issue 8): analysis of SEN pupils' attainment, the information report governors publish, exam access.
        new("Leadership",
        [
            new("Leaders’ and governors’ dashboard", "/leadership/dashboard", Can(Permission.ViewSchoolDashboard)),
            new("Assessment analysis", "/analysis", Can(Permission.ViewAggregates)),
            new("Assessment results", "/assessments", Can(Permission.ViewAssessments)),
            new("Import results", "/assessments/import", Can(Permission.RecordAssessments)),
            new("School scales", "/assessments/scales", Can(Permission.RecordAssessments)),
            new("SEN information report", "/information-report", Can(Permission.ViewAggregates)),
            new("Exam access", "/exam-access", Can(Permission.ViewExamAccess)),
            new("Accessibility plan", "/accessibility-plan", Can(Permission.ViewAggregates)),
            new("Reasonable adjustments", "/reasonable-adjustments", Can(Permission.ViewAggregates)),
        ], ["/exam-access/", "/information-report/"]),
        new("Data and records",
        [
            new("Data and records", "/data-protection", s => Senco.Web.Features.DataProtection.IndexModel.CanUse(s)),
            new("Import pupils", "/imports/pupils", Can(Permission.ImportPupils)),
            new("Transfers", "/transfers", Can(Permission.ExchangeData)),
            new("Census", "/census", Can(Permission.ExchangeData)),
            new("Retention", "/retention", Can(Permission.ManageRetention)),
            new("School calendar", "/calendar", Can(Permission.ManageSchoolCalendar)),
            new("Audit trail", "/audit", Can(Permission.ViewAudit)),
        ], ["/transfers/"]),
    ];

    /// The sections this person sees at this school, each with its visible pages (a section with none is left out).
    public static IReadOnlyList<(Section Section, IReadOnlyList<Page> Pages)> For(SchoolGrant school) =>
        Sections.Select(s => (s, (IReadOnlyList<Page>)s.Pages.Where(p => p.Visible(school)).ToList()))
            .Where(x => x.Item2.Count > 0).ToList();

    /// Is the request's path inside this section (one of its pages, below one, or an address it owns)?
    public static bool Contains(Section section, IReadOnlyList<Page> pages, string urn, string path, string? currentSection)
    {
        if (currentSection is not null) return string.Equals(currentSection, section.Label, StringComparison.Ordinal);
        var schoolRoot = $"/schools/{urn}";
        foreach (var p in pages)
        {
            var href = schoolRoot + p.Path;
            if (path.Equals(href, StringComparison.OrdinalIgnoreCase) || path.StartsWith(href + "/", StringComparison.OrdinalIgnoreCase)) return true;
        }
        return section.Owns.Any(o => path.StartsWith(o, StringComparison.OrdinalIgnoreCase));
    }

    public static bool IsCurrent(Page page, string urn, string path)
    {
        var href = $"/schools/{urn}{page.Path}";
        return path.Equals(href, StringComparison.OrdinalIgnoreCase) || path.StartsWith(href + "/", StringComparison.OrdinalIgnoreCase);
    }
}
