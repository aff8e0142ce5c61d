using Cap.Data;
using Cap.Domain;
using Cap.Web.Shared;
using Cap.Web.Shared.Auth;
using Cap.Web.Shared.Refusals;
using Microsoft.AspNetCore.Mvc;

namespace Cap.Web.Features.Roadmap;

/// <summary>Base of the roadmap's team-only forms: rights, and the service's errors shown beside the fields.</summary>
public abstract class RoadmapFormPage(CapDbContext db, CurrentUser currentUser) : ProductPageModel(db, currentUser)
{
    public override string TabKey => "feuille-de-route";

    protected string RoadmapUrl => $"/produits/{Product.Slug}/feuille-de-route";

    /// <summary>
    /// Places a refused write's messages beside the fields of <c>Input</c>; true when the write succeeded. For a conflict,
    /// the summary says what the form keeps (the service's message is written for an API client). The form is shown
    /// again with the page's ordinary status, as it always was.
    /// </summary>
    protected bool Apply(Result<RoadmapView> result, string what)
    {
        if (result.Refusal is not { } refusal)
        {
            return true;
        }
        if (refusal.Kind == RefusalKind.Conflict)
        {
            ModelState.AddRefusal(refusal with { Errors = refusal.Errors.Where(e => e.Key.Length > 0).ToDictionary() }, "Input.");
            ModelState.AddModelError(string.Empty, $"{what} a été modifié(e) par quelqu’un d’autre pendant votre saisie : rechargez la page, vos valeurs sont conservées ci-dessous.");
        }
        else
        {
            ModelState.AddRefusal(refusal, "Input.");
        }
        return false;
    }

    /// <summary>Binding errors (an unknown choice) are replaced by the service's French messages.</summary>
    protected void ClearBindingErrors() => ModelState.Clear();

}
