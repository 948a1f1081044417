using Microsoft.EntityFrameworkCore;
using Senco.Core.Model;

namespace Senco.Data;

// The graduated approach: support plans and their cycles, passports, teaching groups, the strategy bank.
public abstract partial class SencoDbContext
{
    public DbSet<TeachingGroup> TeachingGroups => Set<TeachingGroup>();
    public DbSet<TeachingGroupPupil> TeachingGroupPupils => Set<TeachingGroupPupil>();
    public DbSet<TeachingGroupTeacher> TeachingGroupTeachers => Set<TeachingGroupTeacher>();
    public DbSet<Strategy> Strategies => Set<Strategy>();
    public DbSet<GraduatedSettings> GraduatedSettings => Set<GraduatedSettings>();
    public DbSet<ParentsInformed> ParentsInformed => Set<ParentsInformed>();
    public DbSet<SupportPlan> SupportPlans => Set<SupportPlan>();
    public DbSet<PlanOutcome> PlanOutcomes => Set<PlanOutcome>();
    public DbSet<PlanStrategy> PlanStrategies => Set<PlanStrategy>();
    public DbSet<PlanReview> PlanReviews => Set<PlanReview>();
    public DbSet<LearningPassport> Passports => Set<LearningPassport>();
    public DbSet<PassportPhoto> PassportPhotos => Set<PassportPhoto>();
    public DbSet<PassportProposal> PassportProposals => Set<PassportProposal>();
    public DbSet<PassportReading> PassportReadings => Set<PassportReading>();
}
