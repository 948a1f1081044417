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
    /// The provision map, intervention groups and their impact, with pupils named.
    ViewProvision,
    /// Keep the provision catalogue, run intervention groups, record funding and deploy staff.
    ManageProvision,
    /// Take the register of an intervention group and record its scores: any group for those who manage
    /// provision, otherwise only the groups the person runs (a teaching assistant's own groups).
    RecordSessions,
    /// Staff deployment: everyone's timetable, contracted hours and line manager (a person always sees their own).
    ViewDeployment,
}

public static class RolePermissions
{
    private static readonly Dictionary<SchoolRole, Permission[]> Table = new()
    {
        [SchoolRole.Senco] = [Permission.ViewAggregates, Permission.ViewPupils, Permission.ExportRegister, Permission.EditPupilDetails, Permission.ChangeSenStatus, Permission.ViewAudit, Permission.ViewProvision, Permission.ManageProvision, Permission.RecordSessions, Permission.ViewDeployment],
        [SchoolRole.AssistantSenco] = [Permission.ViewAggregates, Permission.ViewPupils, Permission.ExportRegister, Permission.EditPupilDetails, Permission.ChangeSenStatus, Permission.ViewProvision, Permission.ManageProvision, Permission.RecordSessions, Permission.ViewDeployment],
        [SchoolRole.Teacher] = [Permission.ViewAggregates, Permission.ViewPupils, Permission.ViewProvision, Permission.RecordSessions],
        [SchoolRole.TeachingAssistant] = [Permission.ViewAggregates, Permission.ViewPupils, Permission.ViewProvision, Permission.RecordSessions],
        [SchoolRole.SeniorLeader] = [Permission.ViewAggregates, Permission.ViewPupils, Permission.ExportRegister, Permission.ViewProvision, Permission.ViewDeployment],
        // Governors hold the school to account through aggregates; they never see a named pupil.
        [SchoolRole.Governor] = [Permission.ViewAggregates],
        [SchoolRole.TrustLead] = [Permission.ViewAggregates, Permission.ViewPupils, Permission.ExportRegister, Permission.ViewProvision, Permission.ViewDeployment],
        // Office staff keep the roll (admissions, census) but do not decide SEN status.
        [SchoolRole.SchoolAdmin] = [Permission.ViewAggregates, Permission.ViewPupils, Permission.ExportRegister, Permission.EditPupilDetails, Permission.ViewAudit, Permission.ViewProvision],
    };

    public static bool Has(SchoolRole role, Permission permission) => Table[role].Contains(permission);

    public static bool Has(IEnumerable<SchoolRole> roles, Permission permission) => roles.Any(r => Has(r, permission));

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
