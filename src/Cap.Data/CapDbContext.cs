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
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Cap.Data;

/// <summary>
/// The one database context. Saving stamps times, increments versions (optimistic concurrency
/// on every provider) and writes an <see cref="AuditEntry"/> for every created, updated or deleted
/// entity in the same transaction: features never write audit entries themselves.
/// </summary>
public class CapDbContext(DbContextOptions<CapDbContext> options, IAuditActor? actor = null, TimeProvider? time = null)
    : DbContext(options), IDataProtectionKeyContext
{
    private readonly IAuditActor _actor = actor ?? SystemActor.Instance;
    private readonly TimeProvider _time = time ?? TimeProvider.System;

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
    public DbSet<Cap.Domain.Coaching.CoachingIntervention> CoachingInterventions => Set<Cap.Domain.Coaching.CoachingIntervention>();
    public DbSet<Cap.Domain.Coaching.CoachingRequest> CoachingRequests => Set<Cap.Domain.Coaching.CoachingRequest>();
    public DbSet<Cap.Domain.Coaching.CoachingAssignment> CoachingAssignments => Set<Cap.Domain.Coaching.CoachingAssignment>();
    public DbSet<Cap.Domain.Coaching.CoachingMessage> CoachingMessages => Set<Cap.Domain.Coaching.CoachingMessage>();
    public DbSet<Cap.Domain.Coaching.CoachingSession> CoachingSessions => Set<Cap.Domain.Coaching.CoachingSession>();
    public DbSet<Cap.Domain.Coaching.ProductWeather> ProductWeathers => Set<Cap.Domain.Coaching.ProductWeather>();

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

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveWithAuditAsync(sync: true, CancellationToken.None).GetAwaiter().GetResult();

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default) =>
        SaveWithAuditAsync(sync: false, cancellationToken);

    private async Task<int> SaveWithAuditAsync(bool sync, CancellationToken ct)
    {
        ChangeTracker.DetectChanges();
        var now = _time.GetUtcNow();
        var pending = new List<PendingAudit>();
        // Measurements changed here: their indicators' kept summaries are refreshed in the same transaction
        // (ids read after the save, when new indicators have theirs; a moved measurement touches both).
        var measurements = new List<Measurement>();
        var formerIndicators = new HashSet<int>();
        foreach (var entry in ChangeTracker.Entries().ToList())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }
            if (entry.Entity is Measurement measurement)
            {
                measurements.Add(measurement);
                if (entry.State == EntityState.Modified)
                {
                    formerIndicators.Add(entry.Property(nameof(Measurement.IndicatorId)).OriginalValue as int? ?? measurement.IndicatorId);
                }
            }
            Stamp(entry, now);
            // Bookkeeping rows, not people's changes: a pending import is audited through the measurements it writes.
            if (entry.Entity is AuditEntry or DataProtectionKey or PendingImport or IAuditExempt)
            {
                continue;
            }
            var audit = Describe(entry, now);
            if (audit is not null)
            {
                pending.Add(new PendingAudit(entry, audit));
            }
        }

        if (pending.Count == 0 && measurements.Count == 0)
        {
            return sync ? base.SaveChanges(true) : await base.SaveChangesAsync(true, ct);
        }

        // Keys of new rows are known only after the first save: both saves share one transaction.
        var ownTransaction = Database.CurrentTransaction is null
            ? (sync ? Database.BeginTransaction() : await Database.BeginTransactionAsync(ct))
            : null;
        try
        {
            var count = sync ? base.SaveChanges(true) : await base.SaveChangesAsync(true, ct);
            foreach (var p in pending)
            {
                p.Audit.EntityId = KeyOf(p.Entry, p.Audit.EntityId);
                if (p.Audit.Action == AuditAction.Created)
                {
                    p.Audit.After = Snapshot(p.Entry, current: true);
                    if (p.Entry.Entity is Product product)
                    {
                        p.Audit.ProductId = product.Id;
                    }
                    else if (p.Entry.Entity is IProductScoped scoped)
                    {
                        // Added with its new product (a creation's first phase change): the key is known only now.
                        p.Audit.ProductId = scoped.ProductId;
                    }
                }
                AuditEntries.Add(p.Audit);
            }
            _ = sync ? base.SaveChanges(true) : await base.SaveChangesAsync(true, ct);
            if (measurements.Count > 0)
            {
                formerIndicators.UnionWith(measurements.Select(m => m.IndicatorId));
                await IndicatorSummaries.RefreshAsync(this, formerIndicators, ct);
            }
            if (ownTransaction is not null)
            {
                if (sync)
                {
                    ownTransaction.Commit();
                }
                else
                {
                    await ownTransaction.CommitAsync(ct);
                }
            }
            return count;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                if (sync)
                {
                    ownTransaction.Dispose();
                }
                else
                {
                    await ownTransaction.DisposeAsync();
                }
            }
        }
    }

    private static void Stamp(EntityEntry entry, DateTimeOffset now)
    {
        if (entry.Entity is ITimestamped stamped)
        {
            if (entry.State == EntityState.Added)
            {
                stamped.CreatedAt = now;
            }
            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                stamped.UpdatedAt = now;
            }
        }
        if (entry.Entity is IVersioned versioned && entry.State == EntityState.Modified)
        {
            versioned.Version++;
        }
        if (entry.Entity is Product product && entry.State is EntityState.Added or EntityState.Modified)
        {
            product.RefreshSearchText();
        }
    }

    private AuditEntry? Describe(EntityEntry entry, DateTimeOffset now)
    {
        var audit = new AuditEntry
        {
            At = now,
            PersonId = _actor.PersonId,
            ActorName = _actor.Name,
            EntityType = entry.Metadata.ClrType.Name,
            EntityLabel = LabelOf(entry.Entity),
            ProductId = entry.Entity switch
            {
                Product p => p.Id == 0 ? null : p.Id,
                IProductScoped s => s.ProductId,
                ApiToken t => t.ProductId,
                _ => null,
            },
        };
        switch (entry.State)
        {
            case EntityState.Added:
                audit.Action = AuditAction.Created;
                break;
            case EntityState.Deleted:
                audit.Action = AuditAction.Deleted;
                audit.EntityId = KeyOf(entry, string.Empty);
                audit.Before = Snapshot(entry, current: false);
                break;
            default:
                audit.Action = AuditAction.Updated;
                audit.EntityId = KeyOf(entry, string.Empty);
                var changed = entry.Properties
                    .Where(p => p.IsModified && IsAudited(p) && !Equals(p.OriginalValue, p.CurrentValue))
                    .ToList();
                if (changed.Count == 0)
                {
                    return null;
                }
                audit.Before = Json(changed.ToDictionary(p => p.Metadata.Name, p => p.OriginalValue));
                audit.After = Json(changed.ToDictionary(p => p.Metadata.Name, p => p.CurrentValue));
                break;
        }
        return audit;
    }

    private static bool IsAudited(PropertyEntry property) =>
        property.Metadata.Name is not (nameof(IVersioned.Version) or nameof(ITimestamped.UpdatedAt) or nameof(ITimestamped.CreatedAt))
        && property.Metadata.PropertyInfo?.GetCustomAttribute<AuditIgnoreAttribute>() is null;

    private static string Snapshot(EntityEntry entry, bool current) =>
        Json(entry.Properties.Where(IsAudited).ToDictionary(p => p.Metadata.Name, p => current ? p.CurrentValue : p.OriginalValue));

    private static string KeyOf(EntityEntry entry, string fallback)
    {
        var key = entry.Metadata.FindPrimaryKey();
        if (key is null)
        {
            return fallback;
        }
        return string.Join(",", key.Properties.Select(p => entry.Property(p.Name).CurrentValue?.ToString()));
    }

    private static string? LabelOf(object entity) => entity switch
    {
        Product p => p.Name,
        Person p => p.DisplayName,
        ReferenceItem r => r.Name,
        ApiToken t => t.Name,
        TeamMember m => m.Person is null ? m.Role.Label() : $"{m.Person.DisplayName} ({m.Role.Label()})",
        Vision v => $"version {v.Number}",
        Objective o => o.Title,
        Indicator i => i.Name,
        Measurement m => m.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        IndicatorTemplate t => t.Name,
        Placement p => p.Label,
        FeedbackForm f => $"formulaire de satisfaction, version {f.ConfigVersion}",
        FeedbackFormVersion v => $"questions du formulaire, version {v.Number}",
        VerbatimModeration m => $"verbatim n° {m.AnswerId}",
        Cap.Domain.Committee.GateRequest r => $"demande de passage {r.FromPhase.Label()} → {r.TargetPhase.Label()}",
        Cap.Domain.Committee.CommitteeSession s => $"séance du comité du {s.Date.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)}",
        Cap.Domain.Committee.GateDecision d => $"décision « {Cap.Domain.Committee.CommitteeLabels.Label(d.Outcome)} » ({d.FromPhase.Label()} → {d.TargetPhase.Label()})",
        Cap.Domain.Committee.GateCondition c => $"condition « {c.Description} »",
        Cap.Domain.Committee.AspectAssessment a => Cap.Domain.Committee.CommitteeLabels.Label(a.Aspect),
        _ => null,
    };

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private static string Json(Dictionary<string, object?> values) => JsonSerializer.Serialize(values, JsonOptions);

    private sealed record PendingAudit(EntityEntry Entry, AuditEntry Audit);
}
