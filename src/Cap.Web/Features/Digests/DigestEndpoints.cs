using Cap.Data;
using Cap.Domain.Notifications;
using Cap.Web.Shared;
using Cap.Web.Shared.Auth;
using Cap.Web.Shared.Problems;
using Cap.Web.Shared.Refusals;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Digests;

/// <summary>/api/v1/me/digests (the caller's digest choices) and the mails' one-click unsubscribe address (RFC 8058).</summary>
public static class DigestEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var me = api.MapGroup("/me/digests").WithTags("Compte");
        me.MapGet("/", GetDigests).WithName("GetMyDigests");
        me.MapPut("/", PutDigests).WithName("UpdateMyDigests").ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    /// <summary>Les résumés par courriel que la personne authentifiée reçoit (weekly : résumé hebdomadaire de ses produits ; committee : ordre du jour du comité, pour ses membres). Par défaut, chacun est reçu.</summary>
    public static async Task<Ok<List<DigestSubscriptionResponse>>> GetDigests(CurrentUser currentUser, DigestPreferences preferences, CancellationToken ct)
    {
        var person = (await currentUser.GetAsync(ct))!;
        return TypedResults.Ok((await preferences.ForAsync(person, ct)).Select(DigestSubscriptionResponse.From).ToList());
    }

    /// <summary>Choisit les résumés reçus : <c>weekly</c>, <c>committee</c> (true ou false ; absent : inchangé). Aucun choix : 400. Demander l’ordre du jour du comité sans en être membre : 422.</summary>
    public static async Task<Results<Ok<List<DigestSubscriptionResponse>>, ValidationProblem, Refused>> PutDigests(
        DigestPreferencesRequest request, CurrentUser currentUser, DigestPreferences preferences, CancellationToken ct)
    {
        var choices = new Dictionary<DigestKind, bool>();
        if (request.Weekly is { } weekly)
        {
            choices[DigestKind.Weekly] = weekly;
        }
        if (request.Committee is { } committee)
        {
            choices[DigestKind.Committee] = committee;
        }
        if (choices.Count == 0)
        {
            return ApiProblems.Invalid(new Dictionary<string, string> { ["weekly"] = "Indiquez au moins un choix : weekly ou committee (true ou false)." });
        }
        var person = (await currentUser.GetAsync(ct))!;
        var result = await preferences.SetAsync(person, choices, ct);
        if (result.Refusal is { } refusal)
        {
            return new Refused(refusal, field => field == nameof(DigestKind.Committee) ? "committee" : "weekly");
        }
        return TypedResults.Ok(result.Value!.Select(DigestSubscriptionResponse.From).ToList());
    }

    /// <summary>
    /// The address of the mails' <c>List-Unsubscribe</c> header, POSTed by mail clients without opening a page (RFC 8058:
    /// body « List-Unsubscribe=One-Click », no cookie, so no antiforgery token — the signed token is the authority).
    /// </summary>
    public static void MapOneClick(IEndpointRouteBuilder app) =>
        app.MapPost(UnsubscribeTokens.OneClickPath, OneClick).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();

    public static async Task<IResult> OneClick(HttpRequest request, UnsubscribeTokens tokens, CapDbContext db, DigestUnsubscriber unsubscriber, CancellationToken ct)
    {
        var claim = tokens.Read(request.Query["jeton"]);
        var person = claim is null ? null : await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == claim.PersonId, ct);
        if (claim is null || person is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Lien de désabonnement invalide",
                detail: "Le lien est incomplet, a été modifié ou a expiré : rien n’a été changé.");
        }
        await unsubscriber.StopAsync(person, claim.Kind, ct);
        return TypedResults.Text($"Vous ne recevrez plus « {claim.Kind.Label()} ».", "text/plain; charset=utf-8");
    }
}
