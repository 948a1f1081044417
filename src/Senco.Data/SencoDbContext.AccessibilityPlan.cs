using Microsoft.EntityFrameworkCore;
using Senco.Core.Model;

namespace Senco.Data;

// Equality Act duties (issue 8, point 6). School-scoped, so the tenancy filter applies: the accessibility plan names no
// pupil and governors read it, through an explicit school check (SchoolData), as they read the information report.
public abstract partial class SencoDbContext
{
    public DbSet<AccessibilityPlan> AccessibilityPlans => Set<AccessibilityPlan>();
    public DbSet<AccessibilityAction> AccessibilityActions => Set<AccessibilityAction>();
    public DbSet<ReasonableAdjustment> ReasonableAdjustments => Set<ReasonableAdjustment>();
}
