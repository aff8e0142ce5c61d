using Cap.Data;
using Cap.Domain.Steering;
using Cap.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Vision;

/// <summary>A ministry priority and the objectives aligned with it, across products.</summary>
public sealed class PriorityModel(CapDbContext db) : PageModel
{
    [FromRoute]
    public string Code { get; set; } = string.Empty;

    public string Name { get; private set; } = string.Empty;
    public string? Description { get; private set; }
    public bool IsActive { get; private set; }
    public IReadOnlyList<AlignedObjective> Items { get; private set; } = [];

    public sealed record AlignedObjective(string ProductSlug, string ProductName, bool ProductArchived, string Title, ObjectiveStatus Status, DateOnly? Horizon);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var priority = await db.MinistryPriorities.AsNoTracking().FirstOrDefaultAsync(p => p.Code == Code, ct);
        if (priority is null)
        {
            return NotFound();
        }
        Name = priority.Name;
        Description = priority.Description;
        IsActive = priority.IsActive;
        Items = await db.ObjectivePriorities.AsNoTracking()
            .Where(op => op.MinistryPriorityId == priority.Id)
            .OrderBy(op => op.Objective!.Product!.Name).ThenBy(op => op.Objective!.Position)
            .Select(op => new AlignedObjective(op.Objective!.Product!.Slug, op.Objective.Product.Name, op.Objective.Product.IsArchived,
                op.Objective.Title, op.Objective.Status, op.Objective.Horizon))
            .ToListAsync(ct);
        ViewData["Title"] = $"Priorité ministérielle — {priority.Name}";
        ViewData["Breadcrumb"] = new List<Crumb> { new("Accueil", "/"), new("Produits", "/produits"), new(priority.Name, null) };
        return Page();
    }
}
