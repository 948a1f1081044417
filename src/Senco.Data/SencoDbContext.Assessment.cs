using Microsoft.EntityFrameworkCore;
using Senco.Core.Model;

namespace Senco.Data;

// Leadership and analysis (issue 8): assessment results and the school's own scales. Both are school-scoped, so the
// tenancy filter applies.
public abstract partial class SencoDbContext
{
    public DbSet<AssessmentScale> AssessmentScales => Set<AssessmentScale>();
    public DbSet<AssessmentResult> AssessmentResults => Set<AssessmentResult>();
}
