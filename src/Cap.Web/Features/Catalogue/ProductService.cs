using Cap.Data;
using Cap.Domain;
using Cap.Domain.Catalogue;
using Cap.Domain.LifeCycle;
using Cap.Domain.Platform;
using Cap.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Catalogue;

/// <summary>Creates, edits and archives products, for the screens and the API alike. The phase is set at creation; afterwards it changes only through a committee decision or an administrator's override (<see cref="PhaseMoves"/>).</summary>
public sealed class ProductService(CapDbContext db, PhaseMoves phaseMoves)
{
    public const string PhaseChangeRefused =
        "La phase ne se modifie pas avec les autres champs du produit : elle change par une décision du comité produit ou par une correction d’un administrateur, dans l’onglet « Cycle de vie ».";

    public async Task<Result<Product>> CreateAsync(ProductInput input, Person author, CancellationToken ct = default)
    {
        var errors = ProductRules.Validate(input);
        var slugTaken = await CheckReferencesAsync(input, errors, null, ct);
        if (input.Phase == Phase.Arret)
        {
            errors[nameof(ProductInput.Phase)] = "Un nouveau produit ne peut pas commencer en phase Arrêt.";
        }
        if (errors.Count > 0)
        {
            return Refused(errors, slugTaken);
        }
        var product = new Product();
        ProductRules.Apply(input, product);
        // The timeline starts with the phase the product is registered in.
        var refusal = phaseMoves.Stage(product, input.Phase ?? Phase.Idee, PhaseChangeKind.Creation, author.DisplayName);
        if (refusal is not null)
        {
            return Refusal.Invalid(nameof(ProductInput.Phase), refusal);
        }
        // The author steers what they create, unless an administrator registers it for a team.
        if (!Access.CanAdminister(author))
        {
            product.Team.Add(new TeamMember { PersonId = author.Id, Role = ProductRole.ResponsableProduit });
        }
        db.Products.Add(product);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (db.Entry(product).State == EntityState.Added)
        {
            // Another request took the slug between the check and the insert.
            db.Entry(product).State = EntityState.Detached;
            foreach (var change in db.ChangeTracker.Entries<PhaseChange>().Where(e => e.Entity.Product == product).ToList())
            {
                change.State = EntityState.Detached;
            }
            if (!await SlugTakenAsync(product.Slug, null, ct))
            {
                throw;
            }
            return Refusal.Conflict(SlugTakenMessage(product.Slug), nameof(ProductInput.Slug));
        }
        return product;
    }

    /// <param name="expectedVersion">The version the person started from; a different stored version is a conflict.</param>
    public async Task<Result<Product>> UpdateAsync(Product product, ProductInput input, int expectedVersion, Person editor, CancellationToken ct = default)
    {
        var errors = ProductRules.Validate(input);
        var slugTaken = await CheckReferencesAsync(input, errors, product.Id, ct);
        if (input.Phase is { } phase && phase != product.Phase)
        {
            errors[nameof(ProductInput.Phase)] = PhaseChangeRefused;
        }
        if (errors.Count > 0)
        {
            return Refused(errors, slugTaken);
        }
        if (product.Version != expectedVersion)
        {
            return Changed(product);
        }
        db.Entry(product).Property(p => p.Version).OriginalValue = expectedVersion;
        ProductRules.Apply(input, product);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            var current = await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Id == product.Id, ct);
            return current is null ? Refusal.NotFound("Ce produit a été supprimé entre-temps.") : Changed(current);
        }
        catch (DbUpdateException)
        {
            if (!await SlugTakenAsync(product.Slug, product.Id, ct))
            {
                throw;
            }
            return Refusal.Conflict(SlugTakenMessage(product.Slug), nameof(ProductInput.Slug));
        }
        return product;
    }

    public async Task<Result<Product>> SetArchivedAsync(Product product, bool archived, DateTimeOffset now, CancellationToken ct = default)
    {
        if (product.IsArchived == archived)
        {
            return product;
        }
        product.IsArchived = archived;
        product.ArchivedAt = archived ? now : null;
        await db.SaveChangesAsync(ct);
        return product;
    }

    /// <summary>Field errors (400); a slug taken by another product, alone, is a conflict (409).</summary>
    private static Refusal Refused(Dictionary<string, string> errors, bool slugTaken) =>
        slugTaken && errors.Count == 1 ? Refusal.Conflict(errors.Values.Single(), nameof(ProductInput.Slug)) : Refusal.Invalid(errors);

    /// <summary>Someone saved the product since it was read: the stored values come back to be compared.</summary>
    private static Result<Product> Changed(Product stored) => Result<Product>.Refused(
        Refusal.Conflict("Ce produit a été modifié par quelqu’un d’autre pendant que vous le modifiiez : vos changements ne sont pas enregistrés. Comparez ci-dessous, puis enregistrez à nouveau pour garder vos valeurs.",
            currentVersion: stored.Version),
        stored);

    /// <returns>Whether the slug is already taken.</returns>
    private async Task<bool> CheckReferencesAsync(ProductInput input, Dictionary<string, string> errors, int? productId, CancellationToken ct)
    {
        if (input.DirectorateId is { } d && !await db.Directorates.AnyAsync(x => x.Id == d && x.IsActive, ct))
        {
            errors[nameof(ProductInput.DirectorateId)] = "Cette direction n’existe pas ou n’est plus active.";
        }
        if (input.DomainId is { } m && !await db.Domains.AnyAsync(x => x.Id == m && x.IsActive, ct))
        {
            errors[nameof(ProductInput.DomainId)] = "Ce domaine n’existe pas ou n’est plus actif.";
        }
        if (input.TypologyId is { } t && !await db.Typologies.AnyAsync(x => x.Id == t && x.IsActive, ct))
        {
            errors[nameof(ProductInput.TypologyId)] = "Cette typologie n’existe pas ou n’est plus active.";
        }
        if (!errors.ContainsKey(nameof(ProductInput.Slug)) && !string.IsNullOrWhiteSpace(input.Name))
        {
            var slug = ProductRules.SlugFor(input);
            if (slug.Length > 0 && await SlugTakenAsync(slug, productId, ct))
            {
                errors[string.IsNullOrWhiteSpace(input.Slug) ? nameof(ProductInput.Name) : nameof(ProductInput.Slug)] = SlugTakenMessage(slug);
                return true;
            }
        }
        return false;
    }

    private Task<bool> SlugTakenAsync(string slug, int? exceptId, CancellationToken ct) =>
        db.Products.AnyAsync(p => p.Slug == slug && p.Id != exceptId, ct);

    private static string SlugTakenMessage(string slug) =>
        $"Un produit utilise déjà l’identifiant d’adresse « {slug} » : choisissez un autre nom ou saisissez un autre identifiant.";
}
