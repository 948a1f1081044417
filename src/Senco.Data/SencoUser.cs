using Microsoft.AspNetCore.Identity;
using Senco.Core.Model;

namespace Senco.Data;

public class SencoUser : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = "";
    /// Installs and configures Senco (schools, users). Sees no pupil unless also a member of a school.
    public bool IsSystemAdmin { get; set; }
    public DateTime CreatedAt { get; set; }
    /// Set when an administrator chose the password (a new account or a reset): the person must choose their own at
    /// their next sign-in before doing anything else, and this one no longer signs in after this time (UTC). Null once
    /// they have chosen their own.
    public DateTime? TemporaryPasswordExpiresAt { get; set; }
    public List<SchoolMembership> Memberships { get; set; } = [];
}
