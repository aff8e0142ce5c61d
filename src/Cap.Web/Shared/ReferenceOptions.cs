using Cap.Data;
using Cap.Domain.Catalogue;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Shared;

/// <summary>Select options for the reference lists, by code (filters) or by id (forms).</summary>
public static class ReferenceOptions
{
    public static async Task<List<SelectListItem>> ByCodeAsync(CapDbContext db, ReferenceKind kind, CancellationToken ct) =>
        await db.References(kind).AsNoTracking().OrderBy(r => r.Name)
            .Select(r => new SelectListItem(r.Name, r.Code)).ToListAsync(ct);

    /// <summary>Active entries, plus the one currently set (even if inactive) so an edit never loses it silently.</summary>
    public static async Task<List<SelectListItem>> ByIdAsync(CapDbContext db, ReferenceKind kind, int? current, CancellationToken ct) =>
        await db.References(kind).AsNoTracking().Where(r => r.IsActive || r.Id == current).OrderBy(r => r.Name)
            .Select(r => new SelectListItem(r.IsActive ? r.Name : r.Name + " (inactif)", r.Id.ToString())).ToListAsync(ct);

    public static List<SelectListItem> Phases(bool bySlug) =>
        Enum.GetValues<Phase>().Select(p => new SelectListItem(p.Label(), bySlug ? p.Slug() : p.ToString())).ToList();
}
