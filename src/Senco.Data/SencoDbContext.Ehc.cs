using Microsoft.EntityFrameworkCore;
using Senco.Core.Model;

namespace Senco.Data;

public abstract partial class SencoDbContext
{
    public DbSet<EhcNeedsAssessment> EhcNeedsAssessments => Set<EhcNeedsAssessment>();
    public DbSet<EhcEvidence> EhcEvidence => Set<EhcEvidence>();
    public DbSet<EhcTimescaleException> EhcTimescaleExceptions => Set<EhcTimescaleException>();
    public DbSet<EhcPlan> EhcPlans => Set<EhcPlan>();
    public DbSet<EhcNeed> EhcNeeds => Set<EhcNeed>();
    public DbSet<EhcOutcome> EhcOutcomes => Set<EhcOutcome>();
    public DbSet<EhcProvision> EhcProvision => Set<EhcProvision>();
    public DbSet<AnnualReview> AnnualReviews => Set<AnnualReview>();
    public DbSet<ReviewOutcomeProgress> ReviewOutcomeProgress => Set<ReviewOutcomeProgress>();
    public DbSet<CalendarFeedToken> CalendarFeedTokens => Set<CalendarFeedToken>();
}
