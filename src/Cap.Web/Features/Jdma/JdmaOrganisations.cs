using Cap.Data;
using Cap.Domain;
using Cap.Domain.Connectors;
using Cap.Domain.Satisfaction;
using Cap.Web.Shared;
using Cap.Web.Shared.Connectors;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Jdma;

/// <summary>What an organisation's connection is saved from: its name, the address, the key (required the first time; empty keeps the saved one).</summary>
public sealed record JdmaOrganisationInput(string? Name, string? BaseUrl, string? ApiKey);

/// <summary>
/// The organisations' JDMA connections, kept by the administrators (decision 0021): save one (name, address, key —
/// encrypted at once), list the services and forms its key reads, map each form to the Cap product it feeds (a form feeds
/// one product: <see cref="JdmaFormOwnership"/>), delete it. Pages and API share it.
/// </summary>
public sealed class JdmaOrganisations(CapDbContext db, ConnectorSecrets secrets, JdmaClient client, ISatisfactionIndicatorFeed feed, TimeProvider time)
{
    public async Task<List<JdmaOrganisationConnection>> ListAsync(CancellationToken ct)
    {
        var all = await db.JdmaOrganisationConnections.AsNoTracking().Include(c => c.Forms).ToListAsync(ct);
        return [.. all.OrderBy(c => c.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), true))];
    }

    public Task<JdmaOrganisationConnection?> FindAsync(int id, CancellationToken ct) =>
        db.JdmaOrganisationConnections.AsNoTracking()
            .Include(c => c.Forms.OrderBy(f => f.ServiceTitle).ThenBy(f => f.FormTitle)).ThenInclude(f => f.Product)
            .FirstOrDefaultAsync(c => c.Id == id, ct);

    /// <summary>Creates (<paramref name="id"/> null) or updates a connection. <paramref name="version"/>: the version read (ignored on creation).</summary>
    public async Task<Result<JdmaOrganisationConnection>> SaveAsync(int? id, JdmaOrganisationInput input, int version, CancellationToken ct)
    {
        JdmaOrganisationConnection? connection = null;
        if (id is { } existing)
        {
            connection = await db.JdmaOrganisationConnections.FirstOrDefaultAsync(c => c.Id == existing, ct);
            if (connection is null)
            {
                return Refusal.NotFound("Cette connexion JDMA d’organisation n’existe pas (ou plus).");
            }
        }
        // Each field's own message, and only for that field: a refused address leaves the key's field unflagged.
        var errors = new Dictionary<string, string>();
        var name = Text.Clean(input.Name);
        if (name is null)
        {
            errors[nameof(input.Name)] = "Saisissez le nom de l’organisation, par exemple « DNUM des ministères sociaux ».";
        }
        else if (Text.TooLong("Le nom", name, JdmaOrganisationConnection.NameMaxLength) is { } tooLong)
        {
            errors[nameof(input.Name)] = tooLong;
        }
        else if (await db.JdmaOrganisationConnections.AnyAsync(c => c.Name == name && c.Id != (id ?? 0), ct))
        {
            errors[nameof(input.Name)] = $"Une connexion d’organisation s’appelle déjà « {name} ».";
        }
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
        if (connection is not null && connection.Version != version)
        {
            return Refusal.Conflict("La connexion a été modifiée entre-temps : relisez-la avant de l’enregistrer.", currentVersion: connection.Version);
        }
        var now = time.GetUtcNow();
        var baseUrl = JdmaRules.NormalizeBaseUrl(input.BaseUrl!);
        var changed = connection is null || key is not null || connection.BaseUrl != baseUrl;
        if (connection is null)
        {
            connection = new JdmaOrganisationConnection { Version = 1 };
            db.JdmaOrganisationConnections.Add(connection);
        }
        connection.Name = name!;
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
        catch (DbUpdateConcurrencyException)
        {
            return Refusal.Conflict("La connexion a été modifiée entre-temps : relisez-la avant de l’enregistrer.");
        }
        catch (DbUpdateException) when (id is null)
        {
            return Refusal.Invalid(nameof(input.Name), $"Une connexion d’organisation s’appelle déjà « {name} ».");
        }
        await ConnectorRunner.EnsureStateAsync(db, ConnectorKind.JdmaOrganisation, connection.Id, null, now, ct);
        if (changed)
        {
            await ConnectorRunner.MakeDueAsync(db, ConnectorKind.JdmaOrganisation, connection.Id, now, ct);
        }
        return connection;
    }

    /// <summary>The services and forms the connection's key reads, as JDMA lists them.</summary>
    public async Task<Result<List<JdmaService>>> ServicesAsync(int id, CancellationToken ct)
    {
        var connection = await db.JdmaOrganisationConnections.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (connection is null)
        {
            return Refusal.NotFound("Cette connexion JDMA d’organisation n’existe pas (ou plus).");
        }
        return await ServicesAsync(connection, ct);
    }

    private Task<Result<List<JdmaService>>> ServicesAsync(JdmaOrganisationConnection connection, CancellationToken ct) =>
        JdmaReadable.ServicesAsync(client, secrets, connection.BaseUrl, connection.ProtectedKey, ct);

    /// <summary>
    /// Maps the connection's forms to products (<paramref name="products"/>: JDMA form id → Cap product id; a form left out
    /// feeds nothing), checked against what the key reads now and against every other connection (a form feeds one
    /// product). A form no longer mapped, or mapped to another product, takes its synced days with it; a new mapping
    /// makes the next synchronisation read twelve months again, due at once.
    /// </summary>
    public async Task<Result<JdmaOrganisationConnection>> SaveFormsAsync(int id, IReadOnlyDictionary<int, int> products, CancellationToken ct)
    {
        var connection = await db.JdmaOrganisationConnections.Include(c => c.Forms).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (connection is null)
        {
            return Refusal.NotFound("Cette connexion JDMA d’organisation n’existe pas (ou plus).");
        }
        if (products.Count == 0)
        {
            return Refusal.Invalid("Forms", "Associez au moins un formulaire JDMA à un produit.");
        }
        var productIds = products.Values.Distinct().ToList();
        var known = await db.Products.AsNoTracking().Where(p => productIds.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct);
        var missing = productIds.Where(p => !known.Contains(p)).ToList();
        if (missing.Count > 0)
        {
            return Refusal.Invalid("Forms", "Un des produits choisis n’existe pas (ou plus).");
        }
        var services = await ServicesAsync(connection, ct);
        if (services.Refusal is { } refusal)
        {
            return refusal;
        }
        var readable = JdmaReadable.FormsById(services.Value!);
        var unknown = products.Keys.Where(formId => !readable.ContainsKey(formId)).ToList();
        if (unknown.Count > 0)
        {
            return Refusal.Invalid("Forms", $"La clé ne donne pas accès au formulaire JDMA n° {string.Join(", ", unknown)}.");
        }
        var taken = await JdmaFormOwnership.TakenAsync(db, connection.BaseUrl, [.. products.Keys], ConnectorKind.JdmaOrganisation, connection.Id, ct);
        if (taken.Count > 0)
        {
            return Refusal.Rule(taken.ToDictionary(t => FieldOf(t.Key), t => JdmaFormOwnership.Message(t.Key, readable[t.Key].Form.Title, t.Value)));
        }
        // A form no longer mapped is removed; a form moved to another product keeps its row, and loses its days (they were
        // the other product's); a new one is added. Both moved and new forms are read again over twelve months.
        var removed = connection.Forms.Where(f => !products.ContainsKey(f.FormId)).ToList();
        var moved = connection.Forms.Where(f => products.TryGetValue(f.FormId, out var productId) && productId != f.ProductId).ToList();
        var added = products.Where(p => connection.Forms.All(f => f.FormId != p.Key)).ToList();
        db.JdmaOrganisationForms.RemoveRange(removed);
        foreach (var form in moved)
        {
            form.ProductId = products[form.FormId];
        }
        foreach (var (formId, productId) in added)
        {
            var (service, form) = readable[formId];
            connection.Forms.Add(new JdmaOrganisationForm
            {
                ProductId = productId, ServiceId = service.Id, ServiceTitle = Text.Truncate(service.Title, JdmaFormMapping.TitleMaxLength), FormId = form.Id, FormTitle = Text.Truncate(form.Title, JdmaFormMapping.TitleMaxLength),
            });
        }
        var now = time.GetUtcNow();
        var touched = new Dictionary<int, DateOnly>();
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            var removedIds = removed.Concat(moved).Select(f => f.FormId).ToList();
            if (removedIds.Count > 0)
            {
                touched = await db.ExternalSatisfactionDays
                    .Where(d => d.Kind == ConnectorKind.JdmaOrganisation && d.ConnectionId == connection.Id && d.Source == SatisfactionSource.Jdma && removedIds.Contains(d.FormId))
                    .GroupBy(d => d.ProductId).Select(g => new { g.Key, First = g.Min(d => d.Day) }).ToDictionaryAsync(x => x.Key, x => x.First, ct);
                await db.ExternalSatisfactionDays
                    .Where(d => d.Kind == ConnectorKind.JdmaOrganisation && d.ConnectionId == connection.Id && d.Source == SatisfactionSource.Jdma && removedIds.Contains(d.FormId))
                    .ExecuteDeleteAsync(ct);
            }
            var state = await ConnectorRunner.EnsureStateAsync(db, ConnectorKind.JdmaOrganisation, connection.Id, null, now, ct);
            if (added.Count > 0 || moved.Count > 0)
            {
                await db.ConnectorSyncStates.Where(s => s.Id == state.Id)
                    .ExecuteUpdateAsync(u => u.SetProperty(s => s.SyncedThrough, (DateOnly?)null).SetProperty(s => s.NextAttemptAt, now), ct);
            }
            await transaction.CommitAsync(ct);
        });
        if (touched.Count > 0)
        {
            await PortfolioChanges.MarkAsync(db, [.. touched.Keys], now, ct);
            PortfolioChanges.Committed();
            foreach (var (productId, first) in touched)
            {
                await feed.RefreshAsync(productId, first, ct);
            }
        }
        return connection;
    }

    /// <summary>Deletes the connection, its mappings, its synchronisation state and the days it wrote (audited).</summary>
    public async Task<Result<int>> DeleteAsync(int id, CancellationToken ct)
    {
        var connection = await db.JdmaOrganisationConnections.Include(c => c.Forms).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (connection is null)
        {
            return Refusal.NotFound("Cette connexion JDMA d’organisation n’existe pas (ou plus).");
        }
        db.JdmaOrganisationConnections.Remove(connection);
        return await JdmaDeletion.DeleteAsync(db, feed, time, ConnectorKind.JdmaOrganisation, connection.Id, ct);
    }

    /// <summary>The model-state key of a form's product choice (the page's select, named <c>Produits[formId]</c>).</summary>
    public static string FieldOf(int formId) => $"Produits[{formId}]";
}
