namespace Senco.Core.Access;

/// Roles a person holds in a school (see the API contract). A person may hold roles in several schools.
public enum SchoolRole
{
    Senco,
    AssistantSenco,
    Teacher,
    TeachingAssistant,
    SeniorLeader,
    Governor,
    TrustLead,
    SchoolAdmin,
}

/// What a role may do within a school it can see. Kept as one table so the whole policy is reviewable at a glance
/// and unit-tested cell by cell.
public enum Permission
{
    /// Counts and aggregates with no pupil named: everyone in the school, governors included.
    ViewAggregates,
    /// The register and pupil records with names.
    ViewPupils,
    ExportRegister,
    EditPupilDetails,
    ChangeSenStatus,
    ViewAudit,
    /// EHC needs assessments, plans, reviews and the statutory deadlines, with pupils named.
    ViewEhc,
    /// Record and change them: requests, plans, reviews, documents.
    ManageEhc,

    // Graduated approach (assess, plan, do, review). SEN support plans hold the assessment picture and the views of
    // the pupil and parents: special category data (send-facts.md §9), so only those who lead or oversee SEN support
    // read them. Office staff keep the roll but have no need to read a plan; teachers and teaching assistants get
    // what they act on (the passport and the strategies agreed) rather than the whole plan.
    /// Support plans: every cycle, its outcomes and reviews.
    ViewPlans,
    /// Write and review support plans, record that parents were told, keep the strategy bank.
    ManagePlans,
    /// Learning passports (one-page profiles) and the strategies of the current plan. A teacher only for the pupils
    /// they teach (see <see cref="RolePermissions.OnlyForPupilsTaught"/>).
    ViewPassports,
    /// Suggest changes to a passport, which someone who may approve them then approves or declines.
    ProposePassportChange,
    /// Write passports directly and approve or decline proposed changes.
    ApprovePassport,
    /// Classes and teaching groups: which pupils each teacher teaches.
    ManageTeachingGroups,
    /// School settings of the graduated approach (how often passports are reviewed).
    ManageGraduatedSettings,

    // Provision and interventions.
    /// The provision map, intervention groups and their impact, with pupils named.
    ViewProvision,
    /// Keep the provision catalogue, run intervention groups, record funding and deploy staff.
    ManageProvision,
    /// Take the register of an intervention group and record its scores: any group for those who manage
    /// provision, otherwise only the groups the person runs (a teaching assistant's own groups).
    RecordSessions,
    /// Staff deployment: everyone's timetable, contracted hours and line manager (a person always sees their own).
    ViewDeployment,

    // Data exchange (issue 7). Common Transfer Files and the census are run by the school office in most schools, with
    // the SENCO: so the SENCO, the assistant SENCO and the school administrator import and export CTFs (a CTF import
    // brings the SEN history the previous school recorded; it is that school's record, not a new SEN decision here) and
    // check the census. Leaders, teachers, assistants and governors have no part in it.
    /// Import and export Common Transfer Files; the census SEN items and their check.
    ExchangeData,
    /// Make the transfer pack (CTF plus support plan, passport, EHC plan and review) and record that it was sent. The
    /// pack holds support plans, which office staff do not read (ViewPlans), so only the SENCO and assistant SENCO.
    SendTransferPacks,
    // Team around the child (issue 6). Referrals, parents' contacts, consent and the communication log are personal
    // data of families as well as the child: those who lead or oversee SEN read them; only the SENCOs record them.
    // Restricted notes are not a role cell: see Features/Team/TeamAccess (the SENCO, the designated safeguarding leads
    // and the roles the school allows). Appraisals follow line management, not roles.
    /// Agencies, referrals, contacts, consent, communication log, meetings, pupil voice, flags, Early Help, documents.
    ViewTeam,
    /// Record and change them.
    ManageTeam,
    /// Name the DSL, deputy and designated teacher and choose who else opens restricted notes (the head or the SENCO).
    ManageSafeguardingSettings,
    /// Training records, the training-needs analysis and the INSET log; ManageTeam records them.
    ViewStaffDevelopment,
    // Data exchange and data protection (issue 7).
    /// Import the roll from the school's MIS (CSV or XLSX). SEN status changes in a file still need ChangeSenStatus.
    ImportPupils,
    /// Keep the log of subject access requests and their deadlines. Office staff usually receive and log them.
    LogSubjectAccess,
    /// Export everything held about one pupil (the answer to a subject access request). It gathers every record,
    /// support plans and audit entries included, so only the SENCO makes it: the person who holds all of those
    /// records already and can judge what a third party's data in them needs. There is no data-protection-officer role
    /// in Senco; a DPO who needs to make the export is given the SENCO role for the time, which the audit trail shows.
    ExportPupilRecord,
    /// Set retention periods and delete the records of pupils past retention: irreversible, so the SENCO only.
    ManageRetention,
    // Provision delivered (issue 11). A delivery log is evidence a tribunal may read, so it is written by the person who
    // delivered the session: a teacher or TA logs only the lines and groups they deliver (their staff record is named on
    // the line); the SENCO and assistant SENCO log or correct any line.
    /// Log delivered or missed sessions of the provision lines this person delivers.
    LogDelivery,
    /// Planned against delivered for every pupil, the alerts and the exports, with pupils named.
    ViewDelivery,
    /// Log or correct any line's sessions and set the school's threshold and shortfall reasons.
    ManageDelivery,
    /// Raise a concern about a pupil not on the register (the monitoring list) and add observations to one.
    RaiseConcern,
    /// Decide on concerns: escalate the pupil to SEN support or close the concern with a reason.
    ManageConcerns,
    /// The school calendar: term dates and closures (INSET days, half terms), from which school days are counted. The
    /// office usually keeps it, with the SENCOs; everyone reads it through the figures it changes.
    ManageSchoolCalendar,
    // Leadership (issue 8). The SEN information report is published on the school's website, so everyone who may see
    // aggregates reads it (ViewAggregates); the SENCO, the assistant SENCO and senior leaders write it and record the
    // governors' approval. Exam access arrangements hold Form 8 scores and evidence of need (special category data):
    // the SENCOs keep them; leaders and the exam officer (usually a SchoolAdmin) read the lists to run the exams;
    // teachers and teaching assistants do not see assessment scores.
    /// Write the SEN information report, start next year's, record the governors' approval.
    ManageInformationReport,
    /// Candidates' access arrangements with their evidence, the checks and the exam officer's lists and downloads.
    ViewExamAccess,
    /// Record and change access arrangements and their evidence.
    ManageExamAccess,
    // Leadership and analysis (issue 8). Attainment is personal data, not special category, but a pupil's scores next to
    // their SEN status are: so named results are read by those who already read the register with names, and recorded by
    // those who keep the school's data (the SENCOs and the office, who import the MIS's assessment exports). Governors
    // read the analysis through ViewAggregates, with small groups withheld.
    /// Each pupil's assessment results, named; the analysis without small groups withheld.
    ViewAssessments,
    /// Enter and import assessment results and keep the school's own scales.
    RecordAssessments,
    // The leaders' and governors' dashboard (issue 8, point 4): the school's register, term's changes, statutory dates,
    // funding and impact as counts only. For those who hold the school to account or lead SEN (governors, leaders, the
    // SENCOs, the trust's SEND lead); not teachers, teaching assistants or the office, who have their own pages. It names
    // no pupil, so governors hold it beside ViewAggregates; small groups of needs are withheld for whoever cannot read
    // the register (ViewPupils).
    /// The leaders' and governors' dashboard.
    ViewSchoolDashboard,
    // Equality Act duties (issue 8, point 6). The accessibility plan names no pupil and is published, so everyone who sees
    // aggregates reads it (governors approve it); the SENCOs and senior leaders write it. Reasonable adjustments of one
    // pupil rest on their disability (special category data): teachers and teaching assistants read them for every pupil
    // they may see, because they are the ones who make them (in lessons, on trips, in tests); the SENCOs and leaders
    // decide them. Office staff and governors see only the counts.
    /// Write the accessibility plan: its period, objectives and actions, progress, the governors' approval and review.
    ManageAccessibilityPlan,
    /// Each pupil's reasonable adjustments with the pupil named.
    ViewReasonableAdjustments,
    /// Record adjustments requested or considered, decide them (a refusal with its reason) and review them.
    ManageReasonableAdjustments,
}

public static class RolePermissions
{
    private static readonly Dictionary<SchoolRole, Permission[]> Table = new()
    {
        [SchoolRole.Senco] = [Permission.ViewAggregates, Permission.ViewPupils, Permission.ExportRegister, Permission.EditPupilDetails, Permission.ChangeSenStatus, Permission.ViewAudit,
            Permission.ViewEhc, Permission.ManageEhc,
            Permission.ViewPlans, Permission.ManagePlans, Permission.ViewPassports, Permission.ApprovePassport, Permission.ManageTeachingGroups, Permission.ManageGraduatedSettings,
            Permission.ViewProvision, Permission.ManageProvision, Permission.RecordSessions, Permission.ViewDeployment,
            Permission.ExchangeData, Permission.SendTransferPacks,
            Permission.ViewTeam, Permission.ManageTeam, Permission.ManageSafeguardingSettings, Permission.ViewStaffDevelopment,
            Permission.ImportPupils, Permission.LogSubjectAccess, Permission.ExportPupilRecord, Permission.ManageRetention,
            Permission.LogDelivery, Permission.ViewDelivery, Permission.ManageDelivery, Permission.RaiseConcern, Permission.ManageConcerns,
            Permission.ManageSchoolCalendar, Permission.ManageInformationReport, Permission.ViewExamAccess, Permission.ManageExamAccess,
            Permission.ViewAssessments, Permission.RecordAssessments, Permission.ViewSchoolDashboard, Permission.ManageAccessibilityPlan, Permission.ViewReasonableAdjustments, Permission.ManageReasonableAdjustments],
        [SchoolRole.AssistantSenco] = [Permission.ViewAggregates, Permission.ViewPupils, Permission.ExportRegister, Permission.EditPupilDetails, Permission.ChangeSenStatus,
            Permission.ViewEhc, Permission.ManageEhc,
            Permission.ViewPlans, Permission.ManagePlans, Permission.ViewPassports, Permission.ApprovePassport,
            Permission.ViewProvision, Permission.ManageProvision, Permission.RecordSessions, Permission.ViewDeployment,
            Permission.ExchangeData, Permission.SendTransferPacks,
            Permission.ViewTeam, Permission.ManageTeam, Permission.ViewStaffDevelopment,
            Permission.ImportPupils,
            Permission.LogDelivery, Permission.ViewDelivery, Permission.ManageDelivery, Permission.RaiseConcern, Permission.ManageConcerns,
            Permission.ManageSchoolCalendar, Permission.ManageInformationReport, Permission.ViewExamAccess, Permission.ManageExamAccess,
            Permission.ViewAssessments, Permission.RecordAssessments, Permission.ViewSchoolDashboard, Permission.ManageAccessibilityPlan, Permission.ViewReasonableAdjustments, Permission.ManageReasonableAdjustments],
        // Teachers read passports and strategies of the pupils they teach, and may suggest changes to those passports;
        // they take the registers of the intervention groups they run.
        [SchoolRole.Teacher] = [Permission.ViewAggregates, Permission.ViewPupils, Permission.ViewEhc, Permission.ViewPassports, Permission.ProposePassportChange,
            Permission.ViewProvision, Permission.RecordSessions, Permission.LogDelivery, Permission.RaiseConcern, Permission.ViewAssessments,
            Permission.ViewReasonableAdjustments],
        // Teaching assistants work across classes and keep passports up to date: they read every passport in the
        // school and propose changes, which the SENCO approves; they take the registers of their own groups.
        [SchoolRole.TeachingAssistant] = [Permission.ViewAggregates, Permission.ViewPupils, Permission.ViewEhc, Permission.ViewPassports, Permission.ProposePassportChange,
            Permission.ViewProvision, Permission.RecordSessions, Permission.LogDelivery, Permission.RaiseConcern,
            Permission.ViewReasonableAdjustments],
        // Leaders oversee SEN support: they read plans, passports, provision and deployment but do not write them.
        [SchoolRole.SeniorLeader] = [Permission.ViewAggregates, Permission.ViewPupils, Permission.ExportRegister, Permission.ViewEhc, Permission.ViewPlans, Permission.ViewPassports,
            Permission.ViewProvision, Permission.ViewDeployment, Permission.ViewTeam, Permission.ManageSafeguardingSettings, Permission.ViewStaffDevelopment,
            Permission.ViewDelivery, Permission.RaiseConcern, Permission.ManageInformationReport, Permission.ViewExamAccess, Permission.ViewAssessments,
            Permission.ViewSchoolDashboard, Permission.ManageAccessibilityPlan, Permission.ViewReasonableAdjustments, Permission.ManageReasonableAdjustments],
        // Governors hold the school to account through aggregates; they never see a named pupil.
        [SchoolRole.Governor] = [Permission.ViewAggregates, Permission.ViewSchoolDashboard],
        [SchoolRole.TrustLead] = [Permission.ViewAggregates, Permission.ViewPupils, Permission.ExportRegister, Permission.ViewEhc, Permission.ViewPlans, Permission.ViewPassports,
            Permission.ViewProvision, Permission.ViewDeployment, Permission.ViewTeam, Permission.ViewStaffDevelopment, Permission.ViewDelivery, Permission.ViewExamAccess,
            Permission.ViewAssessments, Permission.ViewSchoolDashboard, Permission.ViewReasonableAdjustments],
        // Office staff keep the roll (admissions, census, classes) but do not decide SEN status, run EHC work or read
        // SEN support plans; they may see EHC plans and deadlines (they book review meetings and send the letters) and
        // the provision map (they help cost it).
        [SchoolRole.SchoolAdmin] = [Permission.ViewAggregates, Permission.ViewPupils, Permission.ExportRegister, Permission.EditPupilDetails, Permission.ViewAudit, Permission.ViewEhc,
            Permission.ManageTeachingGroups, Permission.ViewProvision, Permission.ExchangeData,
            Permission.ImportPupils, Permission.LogSubjectAccess, Permission.ManageSchoolCalendar, Permission.ViewExamAccess,
            Permission.ViewAssessments, Permission.RecordAssessments],
    };

    public static bool Has(SchoolRole role, Permission permission) => Table[role].Contains(permission);

    /// Permissions that show counts and never a pupil's name: the only ones a governor may hold.
    public static readonly IReadOnlySet<Permission> AggregatesOnly = new HashSet<Permission> { Permission.ViewAggregates, Permission.ViewSchoolDashboard };

    public static bool Has(IEnumerable<SchoolRole> roles, Permission permission) => roles.Any(r => Has(r, permission));

    /// Cells of the table that hold only for the pupils the person teaches (their teaching groups): a class teacher
    /// reads the passports of their own pupils, not of the whole school.
    private static readonly HashSet<(SchoolRole, Permission)> TaughtPupilsOnly =
    [
        (SchoolRole.Teacher, Permission.ViewPassports),
        (SchoolRole.Teacher, Permission.ProposePassportChange),
    ];

    /// True when every role of <paramref name="roles"/> that grants <paramref name="permission"/> grants it only for
    /// the pupils the person teaches. A teacher who is also the assistant SENCO sees every passport.
    public static bool OnlyForPupilsTaught(IEnumerable<SchoolRole> roles, Permission permission)
    {
        var granting = roles.Where(r => Has(r, permission)).ToList();
        return granting.Count > 0 && granting.All(r => TaughtPupilsOnly.Contains((r, permission)));
    }

    public static string Describe(SchoolRole role) => role switch
    {
        SchoolRole.Senco => "SENCO",
        SchoolRole.AssistantSenco => "Assistant SENCO",
        SchoolRole.Teacher => "Teacher",
        SchoolRole.TeachingAssistant => "Teaching assistant",
        SchoolRole.SeniorLeader => "Senior leader",
        SchoolRole.Governor => "Governor",
        SchoolRole.TrustLead => "Trust SEND lead",
        SchoolRole.SchoolAdmin => "School administrator",
        _ => role.ToString(),
    };
}
