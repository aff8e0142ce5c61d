using Cap.Domain.Platform;
using Cap.Web.Shared.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cap.Web.Features.Account;

public sealed record MeResponse(string Name, string Email, IReadOnlyList<GlobalRoles> Roles);

public static class MeEndpoints
{
    public static RouteGroupBuilder MapMeEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/me", GetMe).WithTags("Compte").WithName("GetMe").AllowProductToken().WithSummary("Dit qui est authentifié (utile pour vérifier un jeton).");
        return api;
    }

    /// <summary>La personne authentifiée et ses rôles globaux.</summary>
    public static async Task<Ok<MeResponse>> GetMe(CurrentUser currentUser, CancellationToken ct)
    {
        var person = (await currentUser.GetAsync(ct))!;
        return TypedResults.Ok(new MeResponse(person.DisplayName, person.Email,
            GlobalRolesExtensions.All.Where(person.Has).ToList()));
    }
}
