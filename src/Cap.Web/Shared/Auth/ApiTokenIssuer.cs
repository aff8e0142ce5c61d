using Cap.Data;
using Cap.Domain.Platform;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Cap.Web.Shared.Auth;

/// <summary>What a person types to create a token (personal or product).</summary>
public sealed class ApiTokenInput
{
    public string? Name { get; set; }
    /// <summary>Days of validity, from 1 to <see cref="ApiTokenIssuer.MaxDays"/>: a token always expires.</summary>
    public int? Days { get; set; } = ApiTokenIssuer.DefaultDays;
}

/// <summary>The one way to create API tokens from a screen: checks the input, stores the hash, returns the secret once.</summary>
public static class ApiTokenIssuer
{
    public const int MaxDays = 365;
    public const int DefaultDays = 90;

    /// <summary>Adds French messages keyed <c>{prefix}.Name</c> / <c>{prefix}.Days</c>; true when the input is valid.</summary>
    public static bool Validate(ApiTokenInput input, ModelStateDictionary modelState, string prefix = "Input")
    {
        var name = input.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            modelState.AddModelError($"{prefix}.Name", "Donnez un nom au jeton (par exemple « Import mensuel des mesures »).");
        }
        else if (name.Length > ApiToken.NameMaxLength)
        {
            modelState.AddModelError($"{prefix}.Name", $"Le nom ne doit pas dépasser {ApiToken.NameMaxLength} caractères.");
        }
        if (input.Days is null)
        {
            modelState.AddModelError($"{prefix}.Days", $"Indiquez une durée de validité, de 1 à {MaxDays} jours : un jeton expire toujours.");
        }
        else if (input.Days is < 1 or > MaxDays)
        {
            modelState.AddModelError($"{prefix}.Days", $"La durée de validité va de 1 à {MaxDays} jours.");
        }
        return modelState.IsValid;
    }

    /// <summary>Stores a new token (audited by the context) and returns its secret, to show once.</summary>
    public static async Task<string> IssueAsync(CapDbContext db, int personId, int? productId, ApiTokenInput input, DateTimeOffset now, CancellationToken ct)
    {
        var (secret, hash) = ApiToken.NewSecret();
        db.ApiTokens.Add(new ApiToken
        {
            PersonId = personId,
            ProductId = productId,
            Name = input.Name!.Trim(),
            Prefix = secret[..10],
            Hash = hash,
            ExpiresAt = now.AddDays(input.Days ?? throw new ArgumentException("A token always expires: Days is required.", nameof(input))),
        });
        await db.SaveChangesAsync(ct);
        return secret;
    }

    /// <summary>Revokes a token (once; audited by the context) and returns the confirmation to show.</summary>
    public static async Task<string> RevokeAsync(CapDbContext db, ApiToken token, DateTimeOffset now, CancellationToken ct)
    {
        if (token.RevokedAt is null)
        {
            token.RevokedAt = now;
            await db.SaveChangesAsync(ct);
        }
        return $"Le jeton « {token.Name} » est révoqué : il ne donne plus accès à l’API.";
    }
}
