using Cap.Data;
using Cap.Web.Shared;
using Cap.Web.Shared.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Cap.Web.Features.Roadmap;

/// <summary>Base of the roadmap's team-only forms: rights, and the service's errors shown beside the fields.</summary>
public abstract class RoadmapFormPage(CapDbContext db, CurrentUser currentUser) : ProductPageModel(db, currentUser)
{
    public override string TabKey => "feuille-de-route";

    protected string RoadmapUrl => $"/produits/{Product.Slug}/feuille-de-route";

    /// <summary>Null when the page may go on, else the answer (404 or 403).</summary>
    protected async Task<IActionResult?> GuardAsync(CancellationToken ct)
    {
        if (!await LoadProductAsync(ct))
        {
            return NotFound();
        }
        return CanEdit ? null : Forbid();
    }

    /// <summary>Copies a refused write into ModelState; true when the write succeeded.</summary>
    protected bool Apply(RoadmapWriteResult result, string what)
    {
        foreach (var (field, message) in result.Errors)
        {
            ModelState.AddModelError($"Input.{field}", message);
        }
        if (result.ConflictVersion is not null)
        {
            ModelState.AddModelError(string.Empty, $"{what} a été modifié(e) par quelqu’un d’autre pendant votre saisie : rechargez la page, vos valeurs sont conservées ci-dessous.");
        }
        return result.Succeeded;
    }

    /// <summary>Binding errors (an unknown choice) are replaced by the service's French messages.</summary>
    protected void ClearBindingErrors() => ModelState.Clear();

}
