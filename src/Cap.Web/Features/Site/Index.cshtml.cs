using Cap.Data;
using Cap.Domain.Catalogue;
using Cap.Domain.Platform;
using Cap.Web.Shared;
using Cap.Web.Shared.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Site;

[AllowAnonymous]
public sealed class IndexModel(CapDbContext db, CurrentUser currentUser, ProductFlags productFlags) : PageModel
{
    public Person? Person { get; private set; }
    public IReadOnlyList<(Phase Phase, int Count)> ByPhase { get; private set; } = [];
    public IReadOnlyList<(string Slug, string Name, ProductRole Role)> MyProducts { get; private set; } = [];
    /// <summary>The points of attention of the person's products (those that have some), one product after the other.</summary>
    public IReadOnlyList<(string Slug, string Name, IReadOnlyList<ProductFlag> Flags)> MyFlags { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Person = await currentUser.GetAsync(ct);
        if (Person is null)
        {
            return Page();
        }
        // An account waiting for a role sees nothing of the portfolio, not even its counts.
        if (await currentUser.IsAwaitingAccessAsync(ct))
        {
            return Redirect(AuthSetup.PendingPath);
        }
        var counts = await db.Products.AsNoTracking().Where(p => !p.IsArchived)
            .GroupBy(p => p.Phase).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        ByPhase = Enum.GetValues<Phase>().Select(p => (p, counts.FirstOrDefault(c => c.Key == p)?.Count ?? 0)).ToList();
        var mine = await db.TeamMembers.AsNoTracking().Where(m => m.PersonId == Person.Id)
            .OrderBy(m => m.Product!.Name)
            .Select(m => new { m.ProductId, m.Product!.Slug, m.Product.Name, m.Role }).ToListAsync(ct);
        MyProducts = mine.Select(m => (m.Slug, m.Name, m.Role)).ToList();
        if (mine.Count > 0)
        {
            var flags = await productFlags.ForProductsAsync(mine.Select(m => m.ProductId).ToList(), ct);
            MyFlags = mine.Where(m => flags[m.ProductId].Any())
                .Select(m => (m.Slug, m.Name, (IReadOnlyList<ProductFlag>)flags[m.ProductId].ToList())).ToList();
        }
        return Page();
    }
}
