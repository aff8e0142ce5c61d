using Cap.Data;
using Cap.Domain.Steering;
using Cap.Web.Shared;
using Cap.Web.Shared.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Vision;

/// <summary>The product's objectives in the order the team chose; the team reorders them.</summary>
public sealed class ObjectivesModel(CapDbContext db, CurrentUser currentUser, VisionService vision) : ProductPageModel(db, currentUser)
{
    public override string TabKey => "objectifs";
    protected override string PageTitle => "Objectifs";

    public IReadOnlyList<Objective> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Items = await vision.ObjectivesAsync(Product.Id, tracking: false, ct);
        return Page();
    }

    /// <summary>Moves an objective one place up or down (direction "haut" or "bas").</summary>
    public async Task<IActionResult> OnPostMoveAsync(int objectiveId, string? direction, CancellationToken ct)
    {
        if (DeniedUnlessEditable() is { } denied)
        {
            return denied;
        }
        var items = (await vision.ObjectivesAsync(Product.Id, tracking: true, ct)).ToList();
        var index = items.FindIndex(o => o.Id == objectiveId);
        if (index < 0)
        {
            return NotFound();
        }
        var target = direction == "haut" ? index - 1 : direction == "bas" ? index + 1 : -1;
        if (target >= 0 && target < items.Count)
        {
            (items[index], items[target]) = (items[target], items[index]);
            // Renumbered from 0 so that positions stay dense whatever happened before.
            for (var i = 0; i < items.Count; i++)
            {
                items[i].Position = i;
            }
            await Db.SaveChangesAsync(ct);
            TempData["Success"] = $"« {items[target].Title} » est maintenant en position {target + 1}.";
        }
        return Redirect($"/produits/{Product.Slug}/objectifs");
    }
}
