namespace Senco.Data;

/// The schools whose pupil records the current request may read. Filled once per request from the signed-in
/// user's memberships; empty (nothing visible) until then, so the safe default is to see nothing.
public sealed class TenantScope
{
    public IReadOnlyCollection<int> PupilSchoolIds { get; private set; } = [];
    public bool Unrestricted { get; private set; }

    public void Restrict(IEnumerable<int> schoolIds)
    {
        PupilSchoolIds = schoolIds.Distinct().ToArray();
        Unrestricted = false;
    }

    public void RestrictToSystem()
    {
        PupilSchoolIds = [];
        Unrestricted = true;
    }

    /// For start-up work (migrations, demo seed, background jobs) that acts for the system, not a person.
    public static TenantScope System() => new() { Unrestricted = true };
}
