using Microsoft.AspNetCore.Identity;
using Senco.Core.Model;

namespace Senco.Data;

public class SencoUser : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = "";
    /// Installs and configures Senco (schools, users). Sees no pupil unless also a member of a school.
    public bool IsSystemAdmin { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<SchoolMembership> Memberships { get; set; } = [];
}
