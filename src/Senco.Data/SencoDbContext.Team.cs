using Microsoft.EntityFrameworkCore;
using Senco.Core.Model;

namespace Senco.Data;

// Team around the child (issue 6). Every set here is school-scoped, so the tenancy filter applies.
public abstract partial class SencoDbContext
{
    public DbSet<Agency> Agencies => Set<Agency>();
    public DbSet<Referral> Referrals => Set<Referral>();
    public DbSet<PupilContact> PupilContacts => Set<PupilContact>();
    public DbSet<CommunicationEntry> CommunicationEntries => Set<CommunicationEntry>();
    public DbSet<ConsentRecord> ConsentRecords => Set<ConsentRecord>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<MeetingAction> MeetingActions => Set<MeetingAction>();
    public DbSet<PupilVoice> PupilVoices => Set<PupilVoice>();
    public DbSet<SafeguardingFlags> SafeguardingFlags => Set<SafeguardingFlags>();
    public DbSet<RestrictedNote> RestrictedNotes => Set<RestrictedNote>();
    public DbSet<EarlyHelpPlan> EarlyHelpPlans => Set<EarlyHelpPlan>();
    public DbSet<EarlyHelpReview> EarlyHelpReviews => Set<EarlyHelpReview>();
    public DbSet<TeamDocument> TeamDocuments => Set<TeamDocument>();
    public DbSet<TeamDocumentContent> TeamDocumentContents => Set<TeamDocumentContent>();
    public DbSet<TeamSettings> TeamSettings => Set<TeamSettings>();
    public DbSet<TrainingRecord> TrainingRecords => Set<TrainingRecord>();
    public DbSet<TrainingNeed> TrainingNeeds => Set<TrainingNeed>();
    public DbSet<InsetSession> InsetSessions => Set<InsetSession>();
    public DbSet<AppraisalObjective> AppraisalObjectives => Set<AppraisalObjective>();
}
