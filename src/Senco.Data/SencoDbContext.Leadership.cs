using Microsoft.EntityFrameworkCore;
using Senco.Core.Model;

namespace Senco.Data;

// Leadership (issue 8). Every set here is school-scoped, so the tenancy filter applies; the information report is
// aggregates only and is read by governors too, through an explicit school check (see InformationReportQueries).
public abstract partial class SencoDbContext
{
    public DbSet<InformationReport> InformationReports => Set<InformationReport>();
    public DbSet<InformationReportSection> InformationReportSections => Set<InformationReportSection>();
    public DbSet<ExamAccessArrangement> ExamAccessArrangements => Set<ExamAccessArrangement>();
}
