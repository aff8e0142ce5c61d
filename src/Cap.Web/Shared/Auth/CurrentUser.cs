using Cap.Data;
using Cap.Domain.Catalogue;
using Cap.Domain.Platform;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Shared.Auth;

/// <summary>
/// The signed-in person for this request, loaded once from the database, and the actor recorded
/// in the audit trail.
/// </summary>
public sealed class CurrentUser(IHttpContextAccessor accessor, IServiceProvider services) : IAuditActor
{
    private Person? _person;
    private bool _loaded;
    private bool? _awaitingAccess;

    public int? PersonId => accessor.HttpContext?.User.PersonId();

    public string Name => accessor.HttpContext?.User.Identity?.Name ?? "Anonyme";

    public bool IsSignedIn => PersonId is not null;

    /// <summary>True when the request comes with a product token (see <see cref="ProductTokenScope"/>).</summary>
    public bool IsProductToken => accessor.HttpContext?.User.ProductTokenScope() is not null;

    /// <summary>The active person, or null for an anonymous visitor or a deactivated account.</summary>
    public async Task<Person?> GetAsync(CancellationToken ct = default)
    {
        if (!_loaded)
        {
            _loaded = true;
            if (PersonId is { } id)
            {
                // Resolved lazily: the context itself depends on this actor for the audit trail.
                var db = services.GetRequiredService<CapDbContext>();
                _person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id && p.IsActive, ct);
            }
        }
        return _person;
    }

    /// <summary>
    /// True for an active person with no global role and no product team (see <see cref="Access.IsAwaitingAccess"/>):
    /// signed in, but refused every product page and API route until an administrator grants a role.
    /// </summary>
    public async Task<bool> IsAwaitingAccessAsync(CancellationToken ct = default)
    {
        if (_awaitingAccess is null)
        {
            var person = await GetAsync(ct);
            _awaitingAccess = person is not null && await IsAwaitingAccessAsync(services.GetRequiredService<CapDbContext>(), person, ct);
        }
        return _awaitingAccess.Value;
    }

    /// <summary>The rule of <see cref="Access.IsAwaitingAccess"/> for any person (the team is read only when the person has no global role).</summary>
    public static async Task<bool> IsAwaitingAccessAsync(CapDbContext db, Person person, CancellationToken ct) =>
        person.Roles == GlobalRoles.None
        && Access.IsAwaitingAccess(person, await db.TeamMembers.AnyAsync(m => m.PersonId == person.Id, ct));

    public async Task<bool> IsAdminAsync(CancellationToken ct = default) =>
        await GetAsync(ct) is { } p && Access.CanAdminister(p);

    /// <summary>The person's role in a product's team, or null.</summary>
    public async Task<ProductRole?> RoleInAsync(CapDbContext db, int productId, CancellationToken ct = default)
    {
        if (PersonId is not { } id)
        {
            return null;
        }
        return await db.TeamMembers.Where(m => m.ProductId == productId && m.PersonId == id)
            .Select(m => (ProductRole?)m.Role).FirstOrDefaultAsync(ct);
    }
}
