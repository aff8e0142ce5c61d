using Cap.Data;
using Cap.Domain.Catalogue;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Administration;

/// <summary>One reference list (directions, domaines, priorités, typologies): the same screen serves the four.</summary>
public sealed class ReferencesModel(CapDbContext db) : PageModel
{
    public ReferenceKind Kind { get; private set; }
    public IReadOnlyList<ReferenceItem> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string kind, CancellationToken ct)
    {
        if (!ReferenceKindExtensions.TryParseSlug(kind, out var k))
        {
            return NotFound();
        }
        Kind = k;
        ViewData["Title"] = k.PluralLabel();
        ViewData["Breadcrumb"] = new List<Shared.Crumb> { new("Accueil", "/"), new("Administration", "/admin"), new(k.PluralLabel(), null) };
        Items = await db.References(k).AsNoTracking().OrderByDescending(r => r.IsActive).ThenBy(r => r.Name).ToListAsync(ct);
        return Page();
    }
}
