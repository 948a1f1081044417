namespace Senco.Data;

/// The schools whose pupil records the current request may read. Filled once per request from the signed-in
/// user's memberships; empty (nothing visible) until then, so the safe default is to see nothing.
public sealed class TenantScope
{
    public IReadOnlyCollection<int> PupilSchoolIds { get; private set; } = [];
    public bool Unrestricted { get; private set; }
    /// The one school, when there is exactly one (most staff): the filter is then a plain equality, which PostgreSQL
    /// plans well beside a query's own "this school" condition (an "= ANY (array)" beside it made it misjudge the rows
    /// and pick a worse index: 370 pages read instead of 63 for a register).
    public int? SingleSchoolId { get; private set; }
    /// More than one school (a trust lead): the filter is the list.
    public bool SeveralSchools { get; private set; }

    public void Restrict(IEnumerable<int> schoolIds)
    {
        var ids = schoolIds.Distinct().ToArray();
        PupilSchoolIds = ids;
        SingleSchoolId = ids.Length == 1 ? ids[0] : null;
        SeveralSchools = ids.Length > 1;
        Unrestricted = false;
    }

    public void RestrictToSystem()
    {
        PupilSchoolIds = [];
        SingleSchoolId = null;
        SeveralSchools = false;
        Unrestricted = true;
    }

    /// For start-up work (migrations, demo seed, background jobs) that acts for the system, not a person.
    public static TenantScope System() => new() { Unrestricted = true };
}
