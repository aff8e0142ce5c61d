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
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Cap.Data.Saving;

/// <summary>
/// What a save of <see cref="CapDbContext"/> records beside the changes themselves, as one interceptor that every
/// context adds: times and versions stamped, an <see cref="AuditEntry"/> for every created, updated or deleted entity
/// (named by the label its configuration declares, <see cref="IAuditLabel{T}"/>), and the kept summaries of the
/// indicators whose measurements changed — all in the save's transaction. Features never write these themselves.
/// </summary>
internal sealed class SaveBookkeeping : SaveChangesInterceptor
{
    public static readonly SaveBookkeeping Instance = new();

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    /// <summary>The work a save left for after it: audit entries to complete, indicators to refresh, a transaction to end.</summary>
    internal sealed class PendingSave
    {
        public List<(EntityEntry Entry, AuditEntry Audit)> Audits { get; } = [];
        public HashSet<int> Indicators { get; } = [];
        public List<Measurement> Measurements { get; } = [];
        public IDbContextTransaction? OwnTransaction { get; set; }
        /// <summary>True while the bookkeeping rows themselves are saved (a second save inside the first).</summary>
        public bool Completing { get; set; }
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is CapDbContext db && Begin(db) is { } pending && pending.OwnTransaction is null && db.Database.CurrentTransaction is null)
        {
            pending.OwnTransaction = db.Database.BeginTransaction();
        }
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is CapDbContext db && Begin(db) is { } pending && pending.OwnTransaction is null && db.Database.CurrentTransaction is null)
        {
            pending.OwnTransaction = await db.Database.BeginTransactionAsync(cancellationToken);
        }
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is CapDbContext { PendingSave: { Completing: false } pending } db)
        {
            CompleteAsync(db, pending, sync: true, CancellationToken.None).GetAwaiter().GetResult();
        }
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is CapDbContext { PendingSave: { Completing: false } pending } db)
        {
            await CompleteAsync(db, pending, sync: false, cancellationToken);
        }
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Abandon(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Abandon(eventData.Context);
        return Task.CompletedTask;
    }

    public override InterceptionResult ThrowingConcurrencyException(ConcurrencyExceptionEventData eventData, InterceptionResult result)
    {
        Abandon(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult> ThrowingConcurrencyExceptionAsync(ConcurrencyExceptionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        Abandon(eventData.Context);
        return ValueTask.FromResult(result);
    }

    /// <summary>Stamps the changed entities and describes them; returns the work left for after the save, if any.</summary>
    private static PendingSave? Begin(CapDbContext db)
    {
        if (db.PendingSave is { Completing: true })
        {
            return null;
        }
        db.ChangeTracker.DetectChanges();
        var now = db.Time.GetUtcNow();
        var pending = new PendingSave();
        foreach (var entry in db.ChangeTracker.Entries().ToList())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }
            if (entry.Entity is Measurement measurement)
            {
                // A moved measurement touches both indicators (ids read after the save, when new indicators have theirs).
                pending.Measurements.Add(measurement);
                if (entry.State == EntityState.Modified)
                {
                    pending.Indicators.Add(entry.Property(nameof(Measurement.IndicatorId)).OriginalValue as int? ?? measurement.IndicatorId);
                }
            }
            Stamp(entry, now);
            // Bookkeeping rows, not people's changes: a pending import is audited through the measurements it writes.
            if (entry.Entity is AuditEntry or DataProtectionKey or PendingImport or IAuditExempt)
            {
                continue;
            }
            if (Describe(entry, now, db.Actor) is { } audit)
            {
                pending.Audits.Add((entry, audit));
            }
        }
        db.PendingSave = pending.Audits.Count == 0 && pending.Measurements.Count == 0 ? null : pending;
        return db.PendingSave;
    }

    /// <summary>After the save: the audit entries with the keys now known, the summaries refreshed, the transaction committed.</summary>
    private static async Task CompleteAsync(CapDbContext db, PendingSave pending, bool sync, CancellationToken ct)
    {
        try
        {
            pending.Completing = true;
            foreach (var (entry, audit) in pending.Audits)
            {
                audit.EntityId = KeyOf(entry, audit.EntityId);
                if (audit.Action == AuditAction.Created)
                {
                    audit.After = Snapshot(entry, current: true);
                    // Added with its new product (a creation's first phase change): the key is known only now.
                    audit.ProductId = entry.Entity switch
                    {
                        Product product => product.Id,
                        IProductScoped scoped => scoped.ProductId,
                        _ => audit.ProductId,
                    };
                }
                db.AuditEntries.Add(audit);
            }
            if (pending.Audits.Count > 0)
            {
                _ = sync ? db.SaveChanges() : await db.SaveChangesAsync(ct);
                var products = pending.Audits.Select(a => a.Audit.ProductId).OfType<int>().Distinct().ToList();
                await PortfolioChanges.MarkAsync(db, products, pending.Audits[0].Audit.At, ct);
            }
            if (pending.Measurements.Count > 0)
            {
                pending.Indicators.UnionWith(pending.Measurements.Select(m => m.IndicatorId));
                await IndicatorSummaries.RefreshAsync(db, pending.Indicators, ct);
            }
            if (pending.OwnTransaction is { } transaction)
            {
                if (sync)
                {
                    transaction.Commit();
                }
                else
                {
                    await transaction.CommitAsync(ct);
                }
            }
        }
        finally
        {
            db.PendingSave = null;
            pending.OwnTransaction?.Dispose();
        }
    }

    /// <summary>The save failed: its own transaction is rolled back by disposing it, and nothing is left pending.</summary>
    private static void Abandon(DbContext? context)
    {
        if (context is CapDbContext { PendingSave: { Completing: false } pending } db)
        {
            db.PendingSave = null;
            pending.OwnTransaction?.Dispose();
        }
    }

    private static void Stamp(EntityEntry entry, DateTimeOffset now)
    {
        if (entry.Entity is ITimestamped stamped)
        {
            if (entry.State == EntityState.Added)
            {
                stamped.CreatedAt = now;
                if (stamped is Product { PhaseSince.Ticks: 0 } registered)
                {
                    // Registered without a phase change staged (imports, tests): its phase starts now.
                    registered.PhaseSince = now;
                }
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

    private static AuditEntry? Describe(EntityEntry entry, DateTimeOffset now, IAuditActor actor)
    {
        var audit = new AuditEntry
        {
            At = now,
            PersonId = actor.PersonId,
            ActorName = actor.Name,
            EntityType = entry.Metadata.ClrType.Name,
            EntityLabel = AuditLabels.Of(entry.Entity),
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
        return key is null ? fallback : string.Join(",", key.Properties.Select(p => entry.Property(p.Name).CurrentValue?.ToString()));
    }

    private static string Json(Dictionary<string, object?> values) => JsonSerializer.Serialize(values, JsonOptions);
}
