using System.Text.Json;
using Cap.Data.Intake;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Cap.Web.Features.Satisfaction;

/// <summary>
/// The public JSON intake, for products that build their own form: anonymous, limited by body size, origin and
/// rate (see <see cref="SatisfactionRateLimits"/>); answers 2xx only once the answer is committed.
/// </summary>
public static class SatisfactionIntakeEndpoints
{
    public const string Description =
        "Enregistre une réponse au formulaire de satisfaction d’un emplacement, sans authentification : la clé publique de l’emplacement est dans l’adresse. " +
        "Règles de calcul : l’expérience globale vaut 1 (0 point), 2 (5 points) ou 3 (10 points) ; l’indice de satisfaction est la moyenne des points, sur 10 ; " +
        "il est vert à partir de 8, orange à partir de 5, rouge en dessous ; la cible interministérielle est 8/10. " +
        "La clarté est la moyenne des notes de 1 à 5 ; le taux de contact est la part des personnes ayant cherché de l’aide qui ont joint l’administration. " +
        "Réponses : 201 enregistrée (jamais avant l’écriture en base) ; 200 déjà reçue avec la même clientKey ; 400 valeur hors bornes ou commentaire de plus de 2 000 caractères (ProblemDetails avec les erreurs par champ) ; " +
        "403 en-tête Origin présent et non autorisé pour l’emplacement ; 404 emplacement inconnu ou désactivé ; 413 corps de plus de 16 Ko ; 429 trop de requêtes (en-tête Retry-After) ; " +
        "503 file d’attente pleine ou écriture impossible (en-tête Retry-After, la réponse n’est pas confirmée : renvoyez-la avec la même clientKey).";

    /// <summary>Every request under this path takes the intake's short pipeline (see CapHost).</summary>
    public const string PathPrefix = "/api/v1/satisfaction";

    public static IEndpointRouteBuilder MapSatisfactionIntake(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(PathPrefix + "/{key}").WithTags("Satisfaction").AllowAnonymous();
        // Its services are singletons, taken once here: an intake request then needs no request scope of services.
        var services = app.ServiceProvider;
        var placements = services.GetRequiredService<OpenPlacementCache>();
        var intake = services.GetRequiredService<IAnswerIntake>();
        var time = services.GetRequiredService<TimeProvider>();
        var options = services.GetRequiredService<IOptions<SatisfactionOptions>>();
        group.MapPost("/answers", (string key, HttpContext http, CancellationToken ct) => PostAnswer(key, http, placements, intake, time, options, ct))
            .WithName("PostSatisfactionAnswer")
            .WithSummary("Enregistre une réponse au formulaire de satisfaction d’un emplacement.")
            .WithDescription(Description)
            .Accepts<AnswerRequest>("application/json")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithMetadata(new SatisfactionIntakeMarker())
            .DisableAntiforgery();
        group.MapMethods("/answers", [HttpMethods.Options], Preflight).ExcludeFromDescription();
        return app;
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Enregistre une réponse au formulaire de satisfaction d’un emplacement.</summary>
    public static async Task<Results<ReceiptResult, ValidationProblem, ProblemHttpResult>> PostAnswer(
        string key, HttpContext http, OpenPlacementCache placements, IAnswerIntake intake, TimeProvider time, IOptions<SatisfactionOptions> options, CancellationToken ct)
    {
        var limit = options.Value.MaxBodyBytes;
        if (http.Request.ContentLength > limit)
        {
            return TooLarge(limit);
        }
        var placement = await placements.FindAsync(key, ct);
        if (placement is null)
        {
            return UnknownPlacement();
        }
        var origin = http.Request.Headers.Origin.ToString();
        if (origin.Length > 0)
        {
            if (!placement.Allows(origin))
            {
                return TypedResults.Problem(new ProblemDetails
                {
                    Status = StatusCodes.Status403Forbidden,
                    Title = "Origine non autorisée",
                    Detail = $"L’emplacement n’accepte pas de réponses envoyées depuis {origin} : ajoutez cette origine à l’emplacement dans Cap.",
                });
            }
            AllowOrigin(http.Response, origin);
        }
        // The body goes through a pooled buffer: a stream of answers allocates no body copies.
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent((int)Math.Min(limit + 1, 1024 * 1024));
        AnswerRequest? request;
        try
        {
            var length = await ReadBodyAsync(http.Request, buffer, limit, ct);
            if (length < 0)
            {
                return TooLarge(limit);
            }
            if (Shared.Problems.NullCharacterGuard.FieldWithNull(buffer.AsSpan(0, length)) is { } field)
            {
                return TypedResults.ValidationProblem(
                    new Dictionary<string, string[]> { [field] = [Shared.Problems.NullCharacterGuard.FieldMessage] },
                    title: "Requête invalide", detail: $"« {field} » contient un caractère nul (U+0000) : retirez-le.");
            }
            try
            {
                request = JsonSerializer.Deserialize<AnswerRequest>(buffer.AsSpan(0, length), Json);
            }
            catch (JsonException e)
            {
                return TypedResults.Problem(new ProblemDetails
                {
                    Status = StatusCodes.Status400BadRequest,
                    Title = "JSON invalide",
                    Detail = $"Le corps n’est pas une réponse lisible{(e.Path is { Length: > 1 } path ? $" (champ {path.TrimStart('$', '.')})" : string.Empty)} : envoyez un objet JSON comme {{\"experience\": 3}}.",
                });
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
        if (request is null)
        {
            return Invalid(new() { ["experience"] = "Envoyez un objet JSON comme {\"experience\": 3}." });
        }
        var (input, errors) = request.ToInput();
        if (errors.Count > 0)
        {
            return Invalid(errors);
        }
        // Group commit: the answer waits for the transaction of its batch; nothing is acknowledged before the commit.
        if (!intake.TrySubmit(SatisfactionService.NewAnswer(placement, input, time.GetUtcNow()), out var stored))
        {
            return Unavailable(http, "Trop de réponses en attente",
                "Le service reçoit plus de réponses qu’il ne peut en enregistrer pour l’instant : renvoyez la réponse dans une seconde (même clientKey).", 1);
        }
        StoreOutcome outcome;
        try
        {
            outcome = await stored;
        }
        catch (AnswerNotStoredException)
        {
            return Unavailable(http, "Réponse non enregistrée",
                "La réponse n’a pas pu être enregistrée : renvoyez-la dans quelques secondes (même clientKey, elle ne sera comptée qu’une fois).", 5);
        }
        return ReceiptResult.For(outcome, input.Experience!.Value);
    }

    /// <summary>CORS preflight for a browser posting from an allowed origin.</summary>
    private static async Task<IResult> Preflight(string key, HttpContext http, SatisfactionService service, CancellationToken ct)
    {
        var placement = await service.OpenPlacementAsync(key, ct);
        if (placement is null)
        {
            return TypedResults.NotFound();
        }
        var origin = http.Request.Headers.Origin.ToString();
        if (origin.Length == 0 || !placement.Allows(origin))
        {
            return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
        }
        AllowOrigin(http.Response, origin);
        http.Response.Headers.AccessControlAllowMethods = "POST";
        http.Response.Headers.AccessControlAllowHeaders = "Content-Type";
        http.Response.Headers.AccessControlMaxAge = "600";
        return TypedResults.NoContent();
    }

    private static void AllowOrigin(HttpResponse response, string origin)
    {
        response.Headers.AccessControlAllowOrigin = origin;
        response.Headers.Vary = "Origin";
    }

    /// <summary>Reads the body into <paramref name="buffer"/>; its length, or -1 when it is longer than <paramref name="limit"/> (sent without Content-Length).</summary>
    private static async Task<int> ReadBodyAsync(HttpRequest request, byte[] buffer, long limit, CancellationToken ct)
    {
        var length = 0;
        int read;
        while ((read = await request.Body.ReadAsync(buffer.AsMemory(length), ct)) > 0)
        {
            length += read;
            if (length > limit)
            {
                return -1;
            }
            if (length == buffer.Length)
            {
                // Only when the pooled buffer is smaller than the limit: one more byte tells whether the body ends here.
                var probe = new byte[1];
                if (await request.Body.ReadAsync(probe, ct) > 0)
                {
                    return -1;
                }
                break;
            }
        }
        return length;
    }

    private static ProblemHttpResult TooLarge(long limit) => TypedResults.Problem(new ProblemDetails
    {
        Status = StatusCodes.Status413PayloadTooLarge,
        Title = "Requête trop volumineuse",
        Detail = $"Une réponse tient en {limit / 1024} Ko au plus.",
    });

    private static ProblemHttpResult Unavailable(HttpContext http, string title, string detail, int retryAfterSeconds)
    {
        http.Response.Headers.RetryAfter = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem(new ProblemDetails { Status = StatusCodes.Status503ServiceUnavailable, Title = title, Detail = detail });
    }

    private static ProblemHttpResult UnknownPlacement() => TypedResults.Problem(new ProblemDetails
    {
        Status = StatusCodes.Status404NotFound,
        Title = "Emplacement introuvable",
        Detail = "Aucun emplacement actif n’a cette clé : vérifiez la clé, ou demandez à l’équipe du produit d’activer le formulaire et l’emplacement.",
    });

    private static ValidationProblem Invalid(Dictionary<string, string> errors) =>
        TypedResults.ValidationProblem(
            errors.ToDictionary(e => e.Key, e => new[] { e.Value }),
            title: "Réponse invalide",
            detail: "Corrigez les champs signalés puis renvoyez la réponse.");
}

/// <summary>Marks the endpoints whose requests count against the satisfaction rate limits.</summary>
public sealed class SatisfactionIntakeMarker;
