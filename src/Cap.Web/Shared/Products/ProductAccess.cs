using Cap.Data;
using Cap.Domain.Catalogue;
using Cap.Domain.Platform;
using Cap.Web.Shared.Auth;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Shared.Products;

/// <summary>
/// The product an API endpoint under <c>/products/{slug}</c> works on, and the caller's rights on it. The group's filter
/// (<see cref="ProductGroup.MapProductGroup"/>) resolves it once per request, before the handler runs; a handler takes
/// it as a parameter (it is a scoped service) and never looks the slug up again.
/// </summary>
public sealed class ProductAccess(CapDbContext db, CurrentUser currentUser)
{
    private Resolved? _resolved;

    /// <summary>The product's identifier.</summary>
    public int Id => Current.Id;

    /// <summary>The product's slug, as in the route.</summary>
    public string Slug => Current.Slug;

    /// <summary>The caller: the signed-in person, or the creator of the product token used.</summary>
    public Person Person => Current.Person ?? throw new InvalidOperationException("No active person is signed in for this request.");

    /// <summary>The caller's role in the product's team, or null when not a member.</summary>
    public ProductRole? Role => Current.Role;

    /// <summary>Whether the caller holds <paramref name="right"/> on this product.</summary>
    public bool Has(ProductRight right) => Current.Person is { } person && right switch
    {
        ProductRight.Read => true,
        ProductRight.Edit => Access.CanEditProduct(person, Role),
        ProductRight.Archive => Access.CanArchiveProduct(person, Role),
        ProductRight.ManageTeam => Access.CanManageTeam(person, Role),
        ProductRight.ChangePhase => Access.CanChangePhase(person),
        _ => false,
    };

    /// <summary>Loads the product named <paramref name="slug"/> and the caller's role in its team; false when no product has this slug.</summary>
    public async Task<bool> ResolveAsync(string slug, CancellationToken ct)
    {
        var personId = currentUser.PersonId;
        var row = await db.Products.AsNoTracking()
            .Where(p => p.Slug == slug)
            .Select(p => new { p.Id, p.Slug, Role = p.Team.Where(m => m.PersonId == personId).Select(m => (ProductRole?)m.Role).FirstOrDefault() })
            .FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return false;
        }
        _resolved = new Resolved(row.Id, row.Slug, await currentUser.GetAsync(ct), row.Role);
        return true;
    }

    private Resolved Current => _resolved
        ?? throw new InvalidOperationException("ProductAccess is resolved by the product group's filter: map the endpoint with MapProductGroup.");

    private sealed record Resolved(int Id, string Slug, Person? Person, ProductRole? Role);
}

/// <summary>What an endpoint under <c>/products/{slug}</c> requires of the caller, declared by its metadata.</summary>
public enum ProductRight
{
    /// <summary>Every person the API's reader policy lets in.</summary>
    Read,

    /// <summary>The product's team or an administrator (<see cref="Access.CanEditProduct"/>).</summary>
    Edit,

    /// <summary>The product's owners or an administrator (<see cref="Access.CanArchiveProduct"/>).</summary>
    Archive,

    /// <summary>An administrator (<see cref="Access.CanChangePhase"/>).</summary>
    ChangePhase,

    /// <summary>The product's owners or an administrator (<see cref="Access.CanManageTeam"/>): the team's composition.</summary>
    ManageTeam,
}

/// <summary>Endpoint metadata: the right the caller needs on the route's product, checked by the product group's filter (403 otherwise).</summary>
public sealed record RequiresProductRight(ProductRight Right);
