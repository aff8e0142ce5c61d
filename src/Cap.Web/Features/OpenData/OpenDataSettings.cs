using Cap.Data;
using Cap.Domain;
using Cap.Domain.OpenData;
using Cap.Domain.Steering;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.OpenData;

/// <summary>One of the product's indicators, and whether the team publishes it.</summary>
public sealed record OpenDataIndicatorChoice(int Id, string Name, IndicatorKind Kind, string Unit, decimal? LastValue, DateOnly? LastDate, bool IsPublished);

/// <summary>What the team chose (version 0 and nothing published while it has not saved).</summary>
public sealed record OpenDataChoices(
    bool IsPublished, bool PublishSatisfaction, IReadOnlyList<OpenDataIndicatorChoice> Indicators, int Version, DateTimeOffset? UpdatedAt)
{
    public IEnumerable<int> PublishedIndicatorIds => Indicators.Where(i => i.IsPublished).Select(i => i.Id);
}

/// <summary>The team's opt-ins: read, and saved against the version read (one row per product, created on first save).</summary>
public sealed class OpenDataSettings(CapDbContext db, OpenDataCache cache)
{
    public async Task<OpenDataChoices> LoadAsync(int productId, CancellationToken ct)
    {
        var record = await db.ProductOpenData.AsNoTracking().Include(o => o.Indicators).FirstOrDefaultAsync(o => o.ProductId == productId, ct);
        var chosen = record?.Indicators.Select(i => i.IndicatorId).ToHashSet() ?? [];
        var indicators = (await db.Indicators.AsNoTracking().Where(i => i.ProductId == productId).OrderBy(i => i.Position).ThenBy(i => i.Name)
                .Select(i => new { i.Id, i.Name, i.Kind, i.Unit, i.CustomUnit, i.LastValue, i.LastDate }).ToListAsync(ct))
            .Select(i => new OpenDataIndicatorChoice(i.Id, i.Name, i.Kind,
                i.Unit == IndicatorUnit.Free && !string.IsNullOrWhiteSpace(i.CustomUnit) ? i.CustomUnit : i.Unit.Label(), i.LastValue, i.LastDate, chosen.Contains(i.Id)))
            .ToList();
        return new OpenDataChoices(record?.IsPublished ?? false, record?.PublishSatisfaction ?? false, indicators, record?.Version ?? 0, record?.UpdatedAt);
    }

    /// <summary>
    /// Saves the choices if <paramref name="version"/> is the stored one (0 when there is none yet); an indicator that is not
    /// the product's is refused; a concurrent save answers a conflict with the stored choices in <see cref="Result{T}.Current"/>.
    /// </summary>
    public async Task<Result<OpenDataChoices>> SaveAsync(int productId, OpenDataInput input, int version, CancellationToken ct)
    {
        // Tracked, so that the audit names the indicators added or removed.
        var indicators = await db.Indicators.Where(i => i.ProductId == productId).ToListAsync(ct);
        var errors = OpenDataRules.Validate(input, indicators.Select(i => i.Id).ToHashSet());
        if (errors.Count > 0)
        {
            return Refusal.Invalid(errors);
        }
        var record = await db.ProductOpenData.Include(o => o.Indicators).FirstOrDefaultAsync(o => o.ProductId == productId, ct);
        if ((record?.Version ?? 0) != version)
        {
            return await ChangedAsync(productId, ct);
        }
        if (record is null)
        {
            // Version 1 once stored: 0 means « never saved », so a second first save is told it comes late.
            record = new ProductOpenData { ProductId = productId, Version = 1 };
            db.ProductOpenData.Add(record);
        }
        OpenDataRules.Apply(record, input);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A concurrent save of the same version (or the first row written twice: the unique index keeps one).
            db.ChangeTracker.Clear();
            return await ChangedAsync(productId, ct);
        }
        cache.Invalidate();
        return await LoadAsync(productId, ct);
    }

    private async Task<Result<OpenDataChoices>> ChangedAsync(int productId, CancellationToken ct) => Result<OpenDataChoices>.Refused(Refusal.Conflict(
        "La publication en données ouvertes a été modifiée par quelqu’un d’autre pendant que vous la modifiiez : vos choix ne sont pas enregistrés. Relisez-la puis recommencez.",
        currentVersion: (await LoadAsync(productId, ct)).Version), await LoadAsync(productId, ct));
}
