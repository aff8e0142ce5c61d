using Cap.Data;
using Cap.Domain;
using Cap.Domain.Connectors;
using Cap.Domain.Satisfaction;
using Cap.Web.Shared;
using Cap.Web.Shared.Connectors;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Jdma;

/// <summary>What a connection is saved from: the address, and the key (required the first time; empty keeps the saved one).</summary>
public sealed record JdmaConnectionInput(string? BaseUrl, string? ApiKey);

/// <summary>
/// A product's JDMA connection: save it (address, key — encrypted at once, see <see cref="ConnectorSecrets"/>), list the
/// JDMA services and forms its key can read, choose which ones feed the product. Pages and API share it.
/// </summary>
public sealed class JdmaConnections(CapDbContext db, ConnectorSecrets secrets, JdmaClient client, ISatisfactionIndicatorFeed feed, TimeProvider time)
{
    /// <summary>The organisations' connections that feed this product (read-only for its team), with the forms mapped to it.</summary>
    public async Task<List<JdmaOrganisationConnection>> OrganisationFeedsAsync(int productId, CancellationToken ct)
    {
        var connections = await db.JdmaOrganisationConnections.AsNoTracking().Where(c => c.Forms.Any(f => f.ProductId == productId))
            .Include(c => c.Forms.Where(f => f.ProductId == productId).OrderBy(f => f.ServiceTitle).ThenBy(f => f.FormTitle))
            .ToListAsync(ct);
        return [.. connections.OrderBy(c => c.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), true))];
    }

    /// <summary>
    /// Deletes the product's connection: its forms, its synchronisation state and the days it wrote go with it (the
    /// Satisfaction tab falls back to Cap's form); audited. Refused while a synchronisation of it is running.
    /// </summary>
    public async Task<Result<int>> DeleteAsync(int productId, CancellationToken ct)
    {
        var connection = await db.JdmaConnections.Include(c => c.Forms).FirstOrDefaultAsync(c => c.ProductId == productId, ct);
        if (connection is null)
        {
            return Refusal.NotFound("Ce produit n’a pas de connexion JDMA.");
        }
        db.JdmaConnections.Remove(connection);
        return await JdmaDeletion.DeleteAsync(db, feed, time, ConnectorKind.Jdma, connection.Id, ct);
    }

    public Task<JdmaConnection?> FindAsync(int productId, CancellationToken ct) =>
        db.JdmaConnections.AsNoTracking().Include(c => c.Forms.OrderBy(f => f.ServiceTitle).ThenBy(f => f.FormTitle))
            .FirstOrDefaultAsync(c => c.ProductId == productId, ct);

    /// <summary>Creates or updates the connection. <paramref name="version"/>: the version read (0 when there was none).</summary>
    public async Task<Result<JdmaConnection>> SaveAsync(int productId, JdmaConnectionInput input, int version, CancellationToken ct)
    {
        var connection = await db.JdmaConnections.Include(c => c.Forms).FirstOrDefaultAsync(c => c.ProductId == productId, ct);
        var errors = new Dictionary<string, string>();
        if (JdmaRules.BaseUrlError(input.BaseUrl) is { } urlError)
        {
            errors[nameof(input.BaseUrl)] = urlError;
        }
        var key = Text.Clean(input.ApiKey);
        if ((connection is null || key is not null) && JdmaRules.KeyError(key) is { } keyError)
        {
            errors[nameof(input.ApiKey)] = keyError;
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
        var baseUrl = JdmaRules.NormalizeBaseUrl(input.BaseUrl!);
        var changed = connection is null || key is not null || connection.BaseUrl != baseUrl;
        if (connection is null)
        {
            // Version 1 once stored: 0 means « not connected yet », so a second first save is told it comes late.
            connection = new JdmaConnection { ProductId = productId, Version = 1 };
            db.JdmaConnections.Add(connection);
        }
        connection.BaseUrl = baseUrl;
        if (key is not null)
        {
            connection.ProtectedKey = secrets.Protect(ConnectorKind.Jdma, key);
            connection.KeySavedAt = now;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (version == 0)
        {
            return Refusal.Conflict("Une connexion JDMA vient d’être enregistrée pour ce produit : relisez-la.", currentVersion: 1);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Refusal.Conflict("La connexion a été modifiée entre-temps : relisez-la avant de l’enregistrer.");
        }
        await ConnectorRunner.EnsureStateAsync(db, ConnectorKind.Jdma, connection.Id, productId, now, ct);
        if (changed)
        {
            await ConnectorRunner.MakeDueAsync(db, ConnectorKind.Jdma, connection.Id, now, ct);
        }
        return connection;
    }

    /// <summary>The services and forms the saved key can read, as JDMA lists them.</summary>
    public async Task<Result<List<JdmaService>>> ServicesAsync(int productId, CancellationToken ct)
    {
        var connection = await FindAsync(productId, ct);
        if (connection is null)
        {
            return Refusal.NotFound("Ce produit n’a pas de connexion JDMA : enregistrez d’abord l’adresse et la clé.");
        }
        return await ServicesAsync(connection, ct);
    }

    private Task<Result<List<JdmaService>>> ServicesAsync(JdmaConnection connection, CancellationToken ct) =>
        JdmaReadable.ServicesAsync(client, secrets, connection.BaseUrl, connection.ProtectedKey, ct);

    /// <summary>
    /// Chooses the JDMA forms that feed the product (checked against what the key can read now). Forms no longer chosen
    /// take their synced days with them; a newly chosen one is back-filled by the next synchronisation, due at once.
    /// </summary>
    public async Task<Result<JdmaConnection>> SaveFormsAsync(int productId, IReadOnlyCollection<int> formIds, CancellationToken ct)
    {
        var connection = await db.JdmaConnections.Include(c => c.Forms).FirstOrDefaultAsync(c => c.ProductId == productId, ct);
        if (connection is null)
        {
            return Refusal.NotFound("Ce produit n’a pas de connexion JDMA : enregistrez d’abord l’adresse et la clé.");
        }
        if (formIds.Count == 0)
        {
            return Refusal.Invalid("FormIds", "Cochez au moins un formulaire JDMA.");
        }
        var services = await ServicesAsync(connection, ct);
        if (services.Refusal is { } refusal)
        {
            return refusal;
        }
        var readable = JdmaReadable.FormsById(services.Value!);
        var unknown = formIds.Where(id => !readable.ContainsKey(id)).ToList();
        if (unknown.Count > 0)
        {
            return Refusal.Invalid("FormIds", $"La clé ne donne pas accès au formulaire JDMA n° {string.Join(", ", unknown)}.");
        }
        var taken = await JdmaFormOwnership.TakenAsync(db, connection.BaseUrl, formIds, ConnectorKind.Jdma, connection.Id, ct);
        if (taken.Count > 0)
        {
            return Refusal.Rule("FormIds", string.Join(" ", taken.Select(t => JdmaFormOwnership.Message(t.Key, readable[t.Key].Form.Title, t.Value))));
        }
        var chosen = formIds.Distinct().ToHashSet();
        var removed = connection.Forms.Where(f => !chosen.Contains(f.FormId)).ToList();
        var added = chosen.Where(id => connection.Forms.All(f => f.FormId != id)).ToList();
        db.JdmaFormMappings.RemoveRange(removed);
        foreach (var id in added)
        {
            var (service, form) = readable[id];
            connection.Forms.Add(new JdmaFormMapping
            {
                ProductId = productId, ServiceId = service.Id, ServiceTitle = Text.Truncate(service.Title, JdmaFormMapping.TitleMaxLength), FormId = form.Id, FormTitle = Text.Truncate(form.Title, JdmaFormMapping.TitleMaxLength),
            });
        }
        var now = time.GetUtcNow();
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            var removedIds = removed.Select(f => f.FormId).ToList();
            if (removedIds.Count > 0)
            {
                await db.ExternalSatisfactionDays.Where(d => d.ConnectionId == connection.Id && d.Source == SatisfactionSource.Jdma && removedIds.Contains(d.FormId))
                    .ExecuteDeleteAsync(ct);
                await PortfolioChangesMark(productId, now, ct);
            }
            var state = await ConnectorRunner.EnsureStateAsync(db, ConnectorKind.Jdma, connection.Id, productId, now, ct);
            if (added.Count > 0)
            {
                // A new form has no history yet: the next synchronisation reads its twelve months.
                await db.ConnectorSyncStates.Where(s => s.Id == state.Id)
                    .ExecuteUpdateAsync(u => u.SetProperty(s => s.SyncedThrough, (DateOnly?)null).SetProperty(s => s.NextAttemptAt, now), ct);
            }
            await transaction.CommitAsync(ct);
        });
        return connection;
    }

    private Task<int> PortfolioChangesMark(int productId, DateTimeOffset now, CancellationToken ct) =>
        Cap.Data.PortfolioChanges.MarkAsync(db, [productId], now, ct);
}
