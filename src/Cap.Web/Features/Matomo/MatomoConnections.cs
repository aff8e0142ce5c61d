using Cap.Data;
using Cap.Domain;
using Cap.Domain.Connectors;
using Cap.Domain.Steering;
using Cap.Web.Shared.Connectors;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Matomo;

/// <summary>What a connection is saved from: the address, the site id, and the token (required the first time; empty keeps the saved one).</summary>
public sealed record MatomoConnectionInput(string? BaseUrl, int? SiteId, string? Token);

/// <summary>What a mapping is added from: the metric, the goal (conversions only), the indicator it feeds.</summary>
public sealed record MatomoMappingInput(MatomoMetric? Metric, int? GoalId, int? IndicatorId);

/// <summary>An indicator of the product a Matomo figure may feed.</summary>
public sealed record MappableIndicator(int Id, string Name, IndicatorUnit Unit, UpdateFrequency Frequency);

/// <summary>
/// A product's Matomo connection: save it (address, site, token — encrypted at once, see <see cref="ConnectorSecrets"/>),
/// add and remove the mappings of Matomo figures to the product's indicators. Pages and API share it.
/// </summary>
public sealed class MatomoConnections(CapDbContext db, ConnectorSecrets secrets, TimeProvider time)
{
    public Task<MatomoConnection?> FindAsync(int productId, CancellationToken ct) =>
        db.MatomoConnections.AsNoTracking().Include(c => c.Mappings.OrderBy(m => m.Id)).ThenInclude(m => m.Indicator)
            .FirstOrDefaultAsync(c => c.ProductId == productId, ct);

    /// <summary>The product's indicators a figure can feed: not the satisfaction form's, not one already fed by Matomo.</summary>
    public async Task<List<MappableIndicator>> MappableAsync(int productId, CancellationToken ct)
    {
        var mapped = db.MatomoMetricMappings.Select(m => m.IndicatorId);
        return await db.Indicators.AsNoTracking()
            .Where(i => i.ProductId == productId && !i.FedBySatisfactionForm && !mapped.Contains(i.Id))
            .OrderBy(i => i.Position).ThenBy(i => i.Id)
            .Select(i => new MappableIndicator(i.Id, i.Name, i.Unit, i.Frequency)).ToListAsync(ct);
    }

    /// <summary>Creates or updates the connection. <paramref name="version"/>: the version read (0 when there was none).</summary>
    public async Task<Result<MatomoConnection>> SaveAsync(int productId, MatomoConnectionInput input, int version, CancellationToken ct)
    {
        var connection = await db.MatomoConnections.FirstOrDefaultAsync(c => c.ProductId == productId, ct);
        var errors = new Dictionary<string, string>();
        if (MatomoRules.BaseUrlError(input.BaseUrl) is { } urlError)
        {
            errors[nameof(input.BaseUrl)] = urlError;
        }
        if (MatomoRules.SiteIdError(input.SiteId) is { } siteError)
        {
            errors[nameof(input.SiteId)] = siteError;
        }
        var token = Text.Clean(input.Token);
        if ((connection is null || token is not null) && MatomoRules.TokenError(token) is { } tokenError)
        {
            errors[nameof(input.Token)] = tokenError;
        }
        if (errors.Count > 0)
        {
            return Refusal.Invalid(errors);
        }
        if ((connection?.Version ?? 0) != version)
        {
            return Refusal.Conflict("La connexion a été modifiée entre-temps : relisez-la avant de l’enregistrer.", currentVersion: connection?.Version ?? 0);
        }
        var now = time.GetUtcNow();
        var baseUrl = MatomoRules.NormalizeBaseUrl(input.BaseUrl!);
        var siteChanged = connection is not null && (connection.BaseUrl != baseUrl || connection.SiteId != input.SiteId);
        var changed = connection is null || token is not null || siteChanged;
        if (connection is null)
        {
            // Version 1 once stored: 0 means « not connected yet », so a second first save is told it comes late.
            connection = new MatomoConnection { ProductId = productId, Version = 1 };
            db.MatomoConnections.Add(connection);
        }
        connection.BaseUrl = baseUrl;
        connection.SiteId = input.SiteId!.Value;
        if (token is not null)
        {
            connection.ProtectedToken = secrets.Protect(ConnectorKind.Matomo, token);
            connection.TokenSavedAt = now;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Refusal.Conflict("La connexion a été modifiée entre-temps : relisez-la avant de l’enregistrer.");
        }
        catch (DbUpdateException) when (version == 0)
        {
            return Refusal.Conflict("Une connexion Matomo vient d’être enregistrée pour ce produit : relisez-la.", currentVersion: 1);
        }
        var state = await ConnectorRunner.EnsureStateAsync(db, ConnectorKind.Matomo, connection.Id, productId, now, ct);
        if (siteChanged)
        {
            // Another site or instance: its figures are read again from twelve months back.
            await db.ConnectorSyncStates.Where(s => s.Id == state.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.SyncedThrough, (DateOnly?)null), ct);
        }
        if (changed)
        {
            await ConnectorRunner.MakeDueAsync(db, ConnectorKind.Matomo, connection.Id, now, ct);
        }
        return connection;
    }

    /// <summary>
    /// Adds a mapping: the metric (with its goal for conversions) feeds the indicator, at the indicator's frequency. The
    /// indicator must be the product's, not the satisfaction form's, not fed by Matomo already, and in a unit that fits
    /// the metric (<see cref="MatomoRules.UnitError"/>). The next synchronisation, due at once, reads its twelve months.
    /// </summary>
    public async Task<Result<MatomoMetricMapping>> AddMappingAsync(int productId, MatomoMappingInput input, CancellationToken ct)
    {
        var connection = await db.MatomoConnections.FirstOrDefaultAsync(c => c.ProductId == productId, ct);
        if (connection is null)
        {
            return Refusal.NotFound("Ce produit n’a pas de connexion Matomo : enregistrez d’abord l’adresse, le site et le jeton.");
        }
        var errors = new Dictionary<string, string>();
        if (input.Metric is not { } metric || !Enum.IsDefined(metric))
        {
            errors[nameof(input.Metric)] = "Choisissez la mesure de Matomo à synchroniser.";
        }
        else if (MatomoRules.GoalError(metric, input.GoalId) is { } goalError)
        {
            errors[nameof(input.GoalId)] = goalError;
        }
        if (input.IndicatorId is null)
        {
            errors[nameof(input.IndicatorId)] = "Choisissez l’indicateur que cette mesure alimente.";
        }
        if (errors.Count > 0)
        {
            return Refusal.Invalid(errors);
        }
        // Well formed: what the indicator is decides (422).
        var indicatorId = input.IndicatorId!.Value;
        var indicator = await db.Indicators.AsNoTracking().FirstOrDefaultAsync(i => i.Id == indicatorId && i.ProductId == productId, ct);
        var rule = indicator is null ? "Cet indicateur n’existe pas dans ce produit."
            : indicator.FedBySatisfactionForm ? "Cet indicateur est alimenté par la satisfaction des usagers ; choisissez-en un autre."
            : await db.MatomoMetricMappings.AnyAsync(m => m.IndicatorId == indicatorId, ct) ? "Cet indicateur est déjà alimenté par une mesure de Matomo."
            : MatomoRules.UnitError(input.Metric!.Value, indicator.Unit);
        if (rule is not null)
        {
            return Refusal.Rule(nameof(input.IndicatorId), rule);
        }
        var mapping = new MatomoMetricMapping
        {
            MatomoConnectionId = connection.Id, ProductId = productId, Metric = input.Metric!.Value,
            GoalId = input.Metric == MatomoMetric.GoalConversions ? input.GoalId : null, IndicatorId = indicatorId,
        };
        db.MatomoMetricMappings.Add(mapping);
        var now = time.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Refusal.Conflict("Cet indicateur vient d’être associé à une mesure de Matomo : relisez la page.");
        }
        var state = await ConnectorRunner.EnsureStateAsync(db, ConnectorKind.Matomo, connection.Id, productId, now, ct);
        // A new mapping has no history yet: the next synchronisation reads its twelve months.
        await db.ConnectorSyncStates.Where(s => s.Id == state.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.SyncedThrough, (DateOnly?)null).SetProperty(s => s.NextAttemptAt, now), ct);
        return mapping;
    }

    /// <summary>Removes a mapping; the indicator keeps the measurements already synchronised (its history).</summary>
    public async Task<Result<bool>> RemoveMappingAsync(int productId, int mappingId, CancellationToken ct)
    {
        var mapping = await db.MatomoMetricMappings.FirstOrDefaultAsync(m => m.Id == mappingId && m.ProductId == productId, ct);
        if (mapping is null)
        {
            return Refusal.NotFound("Cette association n’existe pas (ou plus).");
        }
        db.MatomoMetricMappings.Remove(mapping);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
