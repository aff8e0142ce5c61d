using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cap.Web.Features.Site;

/// <summary>The French page shown for an error status (re-executed by the status code pages middleware).</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public int Code { get; private set; }
    public string Title { get; private set; } = string.Empty;
    public string Message { get; private set; } = string.Empty;

    // Read from the route, not bound: re-executed after a POST whose form cannot be read, model binding fails as a whole.
    public void OnGet() => Describe(RouteCode);

    public void OnPost() => Describe(RouteCode);

    private int RouteCode =>
        int.TryParse(Convert.ToString(RouteData.Values["code"], System.Globalization.CultureInfo.InvariantCulture), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var code) ? code : 0;

    private void Describe(int code)
    {
        // After an exception the middleware chose the status (400, 413 or 500); the path always says 500.
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerPathFeature>() is not null)
        {
            code = Response.StatusCode;
        }
        Code = code;
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerPathFeature>()?.Error is { } error
            && Shared.Hosting.ReverseProxy.IsInsecureRequestRefusal(error))
        {
            (Title, Message) = ("Connexion non sécurisée", "Cap ne s’utilise qu’en HTTPS : ouvrez cette page à une adresse qui commence par https://. Si c’est déjà le cas, prévenez l’équipe qui exploite Cap : le proxy HTTPS placé devant Cap n’est pas déclaré dans sa configuration (ReverseProxy).");
            return;
        }
        (Title, Message) = code switch
        {
            403 => ("Accès refusé", "Vos droits ne permettent pas d’afficher cette page ou de faire cette action. Si vous pensez qu’il s’agit d’une erreur, adressez-vous au responsable du produit ou à un administrateur."),
            404 => ("Page non trouvée", "La page que vous cherchez est introuvable. Vérifiez l’adresse, ou repartez du catalogue des produits."),
            413 => ("Envoi trop volumineux", "Les données envoyées dépassent la taille autorisée. Réduisez la longueur des textes ou la taille du fichier, puis recommencez."),
            429 => ("Trop d’envois", "Trop de demandes sont arrivées en peu de temps depuis votre connexion. Patientez une minute, puis recommencez."),
            400 => ("Requête invalide", "La requête n’a pas pu être traitée. Si vous envoyiez un formulaire, rechargez la page et recommencez."),
            _ => ("Erreur inattendue", "Une erreur s’est produite. Elle a été enregistrée ; réessayez dans quelques instants."),
        };
        // Keep the original status code when re-executed.
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null)
        {
            Response.StatusCode = code is >= 400 and < 600 ? code : 404;
        }
    }
}
