using Cap.Data;
using Cap.Web.Shared;
using Cap.Web.Shared.Auth;
using Microsoft.AspNetCore.Mvc;

namespace Cap.Web.Features.Retrospectives;

/// <summary>Base of the retrospectives' pages: under the « Itérations » tab, with the rhythm sub-navigation.</summary>
public abstract class RetrospectivePageModel(CapDbContext db, CurrentUser currentUser) : ProductPageModel(db, currentUser)
{
    public override string TabKey => "iterations";

    public string ListUrl => $"/produits/{Product.Slug}/retrospectives";

    /// <summary>Null when the page may go on, else the answer (404, or 403 when <paramref name="edit"/> and the person is not of the team).</summary>
    protected async Task<IActionResult?> GuardAsync(bool edit, CancellationToken ct)
    {
        if (!await LoadProductAsync(ct))
        {
            return NotFound();
        }
        return edit && !CanEdit ? Forbid() : null;
    }

    /// <summary>Copies a refused command's errors into ModelState (prefixed) and sets the answer's status (409 or 422).</summary>
    protected void Refuse<T>(RetroResult<T> result, string prefix)
    {
        foreach (var (field, message) in result.Errors)
        {
            ModelState.AddModelError(field.Length == 0 ? string.Empty : $"{prefix}.{field}", message);
        }
        Response.StatusCode = result.Status;
    }
}
