using Cap.Data;
using Cap.Domain;
using Cap.Web.Shared;
using Cap.Web.Shared.Auth;
using Cap.Web.Shared.Refusals;
using Microsoft.AspNetCore.Mvc;

namespace Cap.Web.Features.Retrospectives;

/// <summary>Base of the retrospectives' pages: under the « Itérations » tab, with the rhythm sub-navigation.</summary>
public abstract class RetrospectivePageModel(CapDbContext db, CurrentUser currentUser) : ProductPageModel(db, currentUser)
{
    public override string TabKey => "iterations";

    public string ListUrl => $"/produits/{Product.Slug}/retrospectives";

    /// <summary>Places a refusal's messages beside the fields of <paramref name="prefix"/> and sets the answer's status (409 or 422).</summary>
    protected void Refuse(Refusal refusal, string prefix)
    {
        ModelState.AddRefusal(refusal, prefix + ".");
        Response.StatusCode = refusal.PageStatus();
    }
}
