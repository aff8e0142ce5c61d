using Cap.Data;
using Cap.Domain.Satisfaction;
using Cap.Web.Shared;
using Cap.Web.Shared.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Satisfaction;

/// <summary>Creates a placement (route "nouveau") or edits one: label, allowed origins, switched on or off. The public key never changes.</summary>
public sealed class PlacementEditModel(CapDbContext db, CurrentUser currentUser, SatisfactionService service) : ProductPageModel(db, currentUser)
{
    public override string TabKey => "satisfaction";
    protected override string PageTitle => IsNew ? "Nouvel emplacement" : "Modifier l’emplacement";

    /// <summary>"nouveau" or the placement's id.</summary>
    [FromRoute]
    public string Id { get; set; } = string.Empty;

    [BindProperty]
    public PlacementForm Input { get; set; } = new();

    [BindProperty]
    public int PlacementVersion { get; set; }

    public bool IsNew => Id == "nouveau";
    public string? PublicKey { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (DeniedUnlessEditable() is { } denied)
        {
            return denied;
        }
        if (!IsNew)
        {
            var placement = await FindAsync(ct);
            if (placement is null)
            {
                return NotFound();
            }
            Input = PlacementForm.From(placement);
            PlacementVersion = placement.Version;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (DeniedUnlessEditable() is { } denied)
        {
            return denied;
        }
        Placement? placement;
        if (IsNew)
        {
            var form = await service.EnsureFormAsync(Product.Id, Me.DisplayName, ct);
            placement = new Placement { ProductId = Product.Id, FormId = form.Id, PublicKey = Placement.NewKey() };
        }
        else
        {
            placement = await FindAsync(ct);
            if (placement is null)
            {
                return NotFound();
            }
            if (placement.Version != PlacementVersion)
            {
                ModelState.AddModelError(string.Empty, "L’emplacement a été modifié par quelqu’un d’autre pendant que vous le modifiiez : relisez-le puis recommencez.");
                return Page();
            }
        }
        ModelState.Clear();
        if (!Input.ApplyTo(placement, ModelState, nameof(Input)))
        {
            return Page();
        }
        if (IsNew)
        {
            Db.Placements.Add(placement);
        }
        try
        {
            await Db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, "L’emplacement a été modifié par quelqu’un d’autre pendant que vous le modifiiez : relisez-le puis recommencez.");
            return Page();
        }
        TempData["Success"] = IsNew ? $"L’emplacement « {placement.Label} » est créé : copiez l’un des codes d’intégration ci-dessous." : "L’emplacement est enregistré.";
        return Redirect($"/produits/{Product.Slug}/satisfaction/configuration#emplacement-{placement.Id}");
    }

    private async Task<Placement?> FindAsync(CancellationToken ct)
    {
        if (!int.TryParse(Id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
        {
            return null;
        }
        var placement = await Db.Placements.FirstOrDefaultAsync(p => p.Id == id && p.ProductId == Product.Id, ct);
        PublicKey = placement?.PublicKey;
        return placement;
    }
}
