using Microsoft.EntityFrameworkCore;
using Senco.Core.Model;

namespace Senco.Data;

// Data exchange (issue 7): transfers of leavers to their next school. School-scoped, so the tenancy filter applies.
public abstract partial class SencoDbContext
{
    public DbSet<PupilTransfer> PupilTransfers => Set<PupilTransfer>();
}
