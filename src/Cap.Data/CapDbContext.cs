using System.Reflection;
using System.Text.Json;
using Cap.Domain;
using Cap.Domain.Catalogue;
using Cap.Domain.Platform;
using Cap.Domain.Satisfaction;
using Cap.Domain.Steering;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Cap.Data.Saving;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Cap.Data;

/// <summary>
/// The one database context. Saving stamps times, increments versions (optimistic concurrency
/// on every provider), writes an <see cref="AuditEntry"/> for every created, updated or deleted
/// entity and refreshes the indicators' kept summaries, in the same transaction, through the
/// <see cref="SaveBookkeeping"/> interceptor: features never write audit entries themselves.
/// </summary>
public class CapDbContext(DbContextOptions<CapDbContext> options, IAuditActor? actor = null, TimeProvider? time = null)
    : DbContext(options), IDataProtectionKeyContext
{
    /// <summary>Who makes the changes saved through this context (the audit trail's actor).</summary>
    internal IAuditActor Actor { get; } = actor ?? SystemActor.Instance;

    /// <summary>The clock that stamps the changes.</summary>
    internal TimeProvider Time { get; } = time ?? TimeProvider.System;

    /// <summary>The bookkeeping of the save in progress (set and cleared by <see cref="SaveBookkeeping"/>).</summary>
    internal SaveBookkeeping.PendingSave? PendingSave { get; set; }

    public DbSet<Person> People => Set<Person>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Directorate> Directorates => Set<Directorate>();
    public DbSet<BusinessDomain> Domains => Set<BusinessDomain>();
    public DbSet<MinistryPriority> MinistryPriorities => Set<MinistryPriority>();
    public DbSet<Typology> Typologies => Set<Typology>();
    public DbSet<Product> Products => Set<Product>();
    public DbSet<TeamMember> TeamMembers => Set<TeamMember>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Vision> Visions => Set<Vision>();
    public DbSet<VisionContribution> VisionContributions => Set<VisionContribution>();
    public DbSet<Objective> Objectives => Set<Objective>();
    public DbSet<ObjectivePriority> ObjectivePriorities => Set<ObjectivePriority>();
    public DbSet<Indicator> Indicators => Set<Indicator>();
    public DbSet<Measurement> Measurements => Set<Measurement>();
    public DbSet<IndicatorTemplate> IndicatorTemplates => Set<IndicatorTemplate>();
    public DbSet<PendingImport> PendingImports => Set<PendingImport>();
    public DbSet<FeedbackForm> FeedbackForms => Set<FeedbackForm>();
    public DbSet<FeedbackFormVersion> FeedbackFormVersions => Set<FeedbackFormVersion>();
    public DbSet<Placement> Placements => Set<Placement>();
    public DbSet<FeedbackAnswer> FeedbackAnswers => Set<FeedbackAnswer>();
    public DbSet<FeedbackDailyRollup> FeedbackDailyRollups => Set<FeedbackDailyRollup>();
    public DbSet<VerbatimModeration> VerbatimModerations => Set<VerbatimModeration>();
    public DbSet<Cap.Domain.LifeCycle.PhaseChange> PhaseChanges => Set<Cap.Domain.LifeCycle.PhaseChange>();
    public DbSet<Cap.Domain.LifeCycle.DeliverableRecord> DeliverableRecords => Set<Cap.Domain.LifeCycle.DeliverableRecord>();
    public DbSet<Cap.Domain.Committee.GateRequest> GateRequests => Set<Cap.Domain.Committee.GateRequest>();
    public DbSet<Cap.Domain.Committee.CommitteeSession> CommitteeSessions => Set<Cap.Domain.Committee.CommitteeSession>();
    public DbSet<Cap.Domain.Committee.SessionMember> SessionMembers => Set<Cap.Domain.Committee.SessionMember>();
    public DbSet<Cap.Domain.Committee.GateDecision> GateDecisions => Set<Cap.Domain.Committee.GateDecision>();
    public DbSet<Cap.Domain.Committee.AspectAssessment> AspectAssessments => Set<Cap.Domain.Committee.AspectAssessment>();
    public DbSet<Cap.Domain.Committee.GateCondition> GateConditions => Set<Cap.Domain.Committee.GateCondition>();
    public DbSet<Cap.Domain.Roadmap.ProductRoadmap> Roadmaps => Set<Cap.Domain.Roadmap.ProductRoadmap>();
    public DbSet<Cap.Domain.Roadmap.RoadmapPriority> RoadmapPriorities => Set<Cap.Domain.Roadmap.RoadmapPriority>();
    public DbSet<Cap.Domain.Roadmap.Initiative> Initiatives => Set<Cap.Domain.Roadmap.Initiative>();
    public DbSet<Cap.Domain.Roadmap.RoadmapDependency> RoadmapDependencies => Set<Cap.Domain.Roadmap.RoadmapDependency>();
    public DbSet<Cap.Domain.Roadmap.Risk> Risks => Set<Cap.Domain.Roadmap.Risk>();
    public DbSet<Cap.Domain.Roadmap.RoadmapRevision> RoadmapRevisions => Set<Cap.Domain.Roadmap.RoadmapRevision>();
    public DbSet<Cap.Domain.Roadmap.RoadmapShareLink> RoadmapShareLinks => Set<Cap.Domain.Roadmap.RoadmapShareLink>();
    public DbSet<Cap.Domain.Iterations.Iteration> Iterations => Set<Cap.Domain.Iterations.Iteration>();
    public DbSet<Cap.Domain.Iterations.IterationInitiative> IterationInitiatives => Set<Cap.Domain.Iterations.IterationInitiative>();
    public DbSet<Cap.Domain.Iterations.IterationFeedbackLink> IterationFeedbackLinks => Set<Cap.Domain.Iterations.IterationFeedbackLink>();
    public DbSet<Cap.Domain.Iterations.Ritual> Rituals => Set<Cap.Domain.Iterations.Ritual>();
    public DbSet<Cap.Domain.Iterations.RitualFeed> RitualFeeds => Set<Cap.Domain.Iterations.RitualFeed>();
    public DbSet<Cap.Domain.Retrospectives.Retrospective> Retrospectives => Set<Cap.Domain.Retrospectives.Retrospective>();
    public DbSet<Cap.Domain.Retrospectives.RetroItem> RetroItems => Set<Cap.Domain.Retrospectives.RetroItem>();
    public DbSet<Cap.Domain.Retrospectives.RetroAction> RetroActions => Set<Cap.Domain.Retrospectives.RetroAction>();
    public DbSet<Cap.Domain.Notifications.OutboxMail> OutboxMails => Set<Cap.Domain.Notifications.OutboxMail>();
    public DbSet<Cap.Domain.Notifications.DigestRun> DigestRuns => Set<Cap.Domain.Notifications.DigestRun>();
    public DbSet<Cap.Domain.Notifications.DigestPreference> DigestPreferences => Set<Cap.Domain.Notifications.DigestPreference>();
    public DbSet<Cap.Domain.Notifications.IndicatorStatusMark> IndicatorStatusMarks => Set<Cap.Domain.Notifications.IndicatorStatusMark>();
    public DbSet<Cap.Domain.Coaching.CoachingIntervention> CoachingInterventions => Set<Cap.Domain.Coaching.CoachingIntervention>();
    public DbSet<Cap.Domain.Coaching.CoachingRequest> CoachingRequests => Set<Cap.Domain.Coaching.CoachingRequest>();
    public DbSet<Cap.Domain.Coaching.CoachingAssignment> CoachingAssignments => Set<Cap.Domain.Coaching.CoachingAssignment>();
    public DbSet<Cap.Domain.Coaching.CoachingMessage> CoachingMessages => Set<Cap.Domain.Coaching.CoachingMessage>();
    public DbSet<Cap.Domain.Coaching.CoachingSession> CoachingSessions => Set<Cap.Domain.Coaching.CoachingSession>();
    public DbSet<Cap.Domain.Coaching.ProductWeather> ProductWeathers => Set<Cap.Domain.Coaching.ProductWeather>();
    public DbSet<Cap.Domain.Compliance.ProductCompliance> ProductCompliances => Set<Cap.Domain.Compliance.ProductCompliance>();
    public DbSet<Cap.Domain.Compliance.SigApproval> SigApprovals => Set<Cap.Domain.Compliance.SigApproval>();
    public DbSet<Cap.Domain.Compliance.SigApprovalCheck> SigApprovalChecks => Set<Cap.Domain.Compliance.SigApprovalCheck>();
    public DbSet<Cap.Domain.Checklist.ChecklistAssessment> ChecklistAssessments => Set<Cap.Domain.Checklist.ChecklistAssessment>();
    public DbSet<Cap.Domain.Checklist.ChecklistAnswer> ChecklistAnswers => Set<Cap.Domain.Checklist.ChecklistAnswer>();
    public DbSet<Cap.Domain.Portfolio.PortfolioSummary> PortfolioSummaries => Set<Cap.Domain.Portfolio.PortfolioSummary>();
    public DbSet<Cap.Domain.OpenData.ProductOpenData> ProductOpenData => Set<Cap.Domain.OpenData.ProductOpenData>();
    public DbSet<Cap.Domain.OpenData.OpenDataIndicator> OpenDataIndicators => Set<Cap.Domain.OpenData.OpenDataIndicator>();
    public DbSet<Cap.Domain.OpenData.OpenDataRelease> OpenDataReleases => Set<Cap.Domain.OpenData.OpenDataRelease>();
    public DbSet<Cap.Domain.Connectors.JdmaConnection> JdmaConnections => Set<Cap.Domain.Connectors.JdmaConnection>();
    public DbSet<Cap.Domain.Connectors.JdmaFormMapping> JdmaFormMappings => Set<Cap.Domain.Connectors.JdmaFormMapping>();
    public DbSet<Cap.Domain.Connectors.JdmaOrganisationConnection> JdmaOrganisationConnections => Set<Cap.Domain.Connectors.JdmaOrganisationConnection>();
    public DbSet<Cap.Domain.Connectors.JdmaOrganisationForm> JdmaOrganisationForms => Set<Cap.Domain.Connectors.JdmaOrganisationForm>();
    public DbSet<Cap.Domain.Connectors.MatomoConnection> MatomoConnections => Set<Cap.Domain.Connectors.MatomoConnection>();
    public DbSet<Cap.Domain.Connectors.MatomoMetricMapping> MatomoMetricMappings => Set<Cap.Domain.Connectors.MatomoMetricMapping>();
    public DbSet<Cap.Data.Connectors.ConnectorSyncState> ConnectorSyncStates => Set<Cap.Data.Connectors.ConnectorSyncState>();
    public DbSet<Cap.Domain.Satisfaction.ExternalSatisfactionDay> ExternalSatisfactionDays => Set<Cap.Domain.Satisfaction.ExternalSatisfactionDay>();

    public bool IsSqlite => Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite";

    /// <summary>The reference list of one kind, as a queryable of the shared base type.</summary>
    public IQueryable<ReferenceItem> References(ReferenceKind kind) => kind switch
    {
        ReferenceKind.Directorate => Directorates,
        ReferenceKind.Domain => Domains,
        ReferenceKind.Priority => MinistryPriorities,
        ReferenceKind.Typology => Typologies,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static ReferenceItem NewReference(ReferenceKind kind) => kind switch
    {
        ReferenceKind.Directorate => new Directorate(),
        ReferenceKind.Domain => new BusinessDomain(),
        ReferenceKind.Priority => new MinistryPriority(),
        ReferenceKind.Typology => new Typology(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Every context, however it was built, stamps, audits and refreshes summaries when it saves.</summary>
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
        optionsBuilder.AddInterceptors(SaveBookkeeping.Instance);

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CapDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no date-time-offset type: stored as UTC ticks it sorts and compares correctly.
        if (IsSqlite)
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }
}
