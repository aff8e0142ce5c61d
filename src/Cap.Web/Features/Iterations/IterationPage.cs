using System.Globalization;
using Cap.Data;
using Cap.Domain;
using Cap.Web.Shared;
using Cap.Web.Shared.Auth;
using Cap.Web.Shared.Refusals;
using Microsoft.AspNetCore.Mvc;

namespace Cap.Web.Features.Iterations;

/// <summary>Base of the iteration pages: the « Itérations » tab, rights, and a refused write shown beside the fields.</summary>
public abstract class IterationPage(CapDbContext db, CurrentUser currentUser) : ProductPageModel(db, currentUser)
{
    public override string TabKey => "iterations";

    protected string ListUrl => $"/produits/{Product.Slug}/iterations";

    protected string IterationUrl(int number) => $"{ListUrl}/{number}";

    /// <summary>
    /// Places a refused write's messages beside the fields of <c>Input</c> and sets the response status (422 or 409).
    /// Without a refusal the form itself refused (a date it could not read, already in ModelState): 422.
    /// </summary>
    protected void Apply(Refusal? refusal)
    {
        if (refusal is null)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return;
        }
        ModelState.AddRefusal(refusal, "Input.");
        Response.StatusCode = refusal.PageStatus();
    }

    /// <summary>A date typed in a form (jj/mm/aaaa or aaaa-mm-jj); a French error when it is not one.</summary>
    protected DateOnly? ParseDate(string? raw, string field, string what)
    {
        if (Text.Clean(raw) is not { } text)
        {
            return null;
        }
        if (DateOnly.TryParseExact(text, ["yyyy-MM-dd", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }
        ModelState.AddModelError($"Input.{field}", $"Saisissez {what} sous la forme jj/mm/aaaa, par exemple 02/03/2027.");
        return null;
    }

    protected static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
