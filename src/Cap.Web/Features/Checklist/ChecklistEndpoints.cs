using Cap.Data;
using Cap.Domain;
using Cap.Domain.Checklist;
using Cap.Web.Shared;
using Cap.Web.Shared.Products;
using Cap.Web.Shared.Refusals;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Checklist;

/// <summary>
/// /api/v1/products/{slug}/checklist: the guide's product checklist, read by every signed-in person, answered by the
/// product's team. A new assessment is saved whole: an unknown question key, a key given twice, a missing or unknown
/// answer, a comment over 2000 characters: 400; a question left out: 422. Nothing is saved when it is refused.
/// /api/v1/checklist/latest: every product's latest assessment (date, overall score), for the portfolio.
/// </summary>
public static class ChecklistEndpoints
{
    public const int MaxPageSize = 500;

    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapProductGroup("/checklist").WithTags("Check-list produit");
        group.MapGet("/", Get).WithName("GetProductChecklist").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/assessments", List).WithName("ListChecklistAssessments").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/assessments/{id:int}", GetAssessment).WithName("GetChecklistAssessment").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/assessments", Create).WithName("CreateChecklistAssessment").RequireProductEdit()
            .Produces<ChecklistAssessmentResponse>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);

        var portfolio = api.MapGroup("/checklist").WithTags("Check-list produit");
        portfolio.MapGet("/latest", Latest).WithName("ListLatestChecklistAssessments");
    }

    /// <summary>Lit la check-list du produit : les questions de la version en cours du guide (par bloc, avec le lien vers le guide), ce que Cap sait de chaque question quand il sait quelque chose (phrase, lien, réponse suggérée — jamais enregistrée sans l’équipe), l’échelle de réponse, le mode de calcul du score et la dernière auto-évaluation.</summary>
    public static async Task<Ok<ProductChecklistResponse>> Get(ProductAccess product, ChecklistQueries queries, CancellationToken ct)
    {
        var evidence = await queries.EvidenceAsync(product.Id, ct);
        var latest = await queries.LatestAsync(product.Id, ct);
        return TypedResults.Ok(new ProductChecklistResponse(product.Slug, Catalogue(product.Slug, evidence),
            latest is null ? null : ChecklistAssessmentResponse.Of(latest),
            latest is null || ChecklistRules.IsStale(latest.Row.AssessedAt, queries.Now)));
    }

    /// <summary>Liste les auto-évaluations du produit, de la plus récente à la plus ancienne : date, auteur, score global.</summary>
    public static async Task<Ok<List<ChecklistAssessmentSummaryResponse>>> List(ProductAccess product, ChecklistQueries queries, CancellationToken ct) =>
        TypedResults.Ok((await queries.HistoryAsync(product.Id, ct))
            .Select(r => new ChecklistAssessmentSummaryResponse(r.Id, r.Number, r.AssessedAt, r.AuthorName, r.CatalogueVersion, r.ScorePercent, r.UnknownCount)).ToList());

    /// <summary>Lit une auto-évaluation : réponses, commentaires, score par bloc et global, avec la formulation de la version du guide à laquelle elle a répondu.</summary>
    public static async Task<Results<Ok<ChecklistAssessmentResponse>, ProblemHttpResult>> GetAssessment(int id, ProductAccess product, ChecklistQueries queries, CancellationToken ct) =>
        await queries.LoadAsync(product.Id, id, ct) is { } view ? TypedResults.Ok(ChecklistAssessmentResponse.Of(view)) : NotFound();

    /// <summary>Enregistre une auto-évaluation entière : answers contient une réponse (yes, partly, no, unknown) pour chacune des questions de la version en cours, un commentaire facultatif (2000 caractères au plus). Datée du moment de l’enregistrement ; jamais modifiée ensuite.</summary>
    public static async Task<Results<Created<ChecklistAssessmentResponse>, Refused>> Create(ChecklistAssessmentRequest input, ProductAccess product, ChecklistRecorder recorder, CancellationToken ct)
    {
        var answers = input.Answers?.Select(a => new ChecklistAnswerInput(a.QuestionKey, a.Answer, a.Comment)).ToList();
        var result = await recorder.RecordAsync(product.Id, product.Person, answers, ct);
        return result.Refusal is { } refusal
            ? new Refused(refusal)
            : TypedResults.Created($"/api/v1/products/{product.Slug}/checklist/assessments/{result.Value!.Id}", ChecklistAssessmentResponse.Of(ChecklistQueries.View(result.Value)));
    }

    /// <summary>Liste, pour chaque produit non archivé (par ordre de nom), sa dernière auto-évaluation de la check-list : date, score global, « ne sait pas », et si elle date de plus de six mois (isStale, vrai aussi sans auto-évaluation). page (à partir de 1), pageSize (1 à 500, 100 par défaut).</summary>
    public static async Task<Results<Ok<PortfolioChecklistPage>, Refused>> Latest(
        [FromQuery(Name = "page")] int? page, [FromQuery(Name = "pageSize")] int? pageSize,
        CapDbContext db, ChecklistSummaries summaries, TimeProvider time, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        if (page is < 1)
        {
            errors["page"] = "La page commence à 1.";
        }
        if (pageSize is < 1 or > MaxPageSize)
        {
            errors["pageSize"] = $"La taille de page va de 1 à {MaxPageSize}.";
        }
        if (errors.Count > 0)
        {
            return new Refused(Refusal.Invalid(errors));
        }
        var (p, size) = (page ?? 1, pageSize ?? 100);
        var products = db.Products.AsNoTracking().Where(x => !x.IsArchived);
        var total = await products.CountAsync(ct);
        var rows = await products.OrderBy(x => x.Name).ThenBy(x => x.Id).Skip((p - 1) * size).Take(size)
            .Select(x => new { x.Id, x.Slug, x.Name, x.Phase }).ToListAsync(ct);
        var latest = await summaries.LatestAsync([.. rows.Select(r => r.Id)], ct);
        var now = time.GetUtcNow();
        return TypedResults.Ok(new PortfolioChecklistPage(
            [.. rows.Select(r => latest.TryGetValue(r.Id, out var l)
                ? new PortfolioChecklistRow(r.Slug, r.Name, r.Phase, l.AssessmentId, l.AssessedAt, l.ScorePercent, l.UnknownCount, ChecklistRules.IsStale(l.AssessedAt, now))
                : new PortfolioChecklistRow(r.Slug, r.Name, r.Phase, null, null, null, null, true))],
            total, p, size));
    }

    /// <summary>How the score is computed, in one French sentence (the page and the API say the same).</summary>
    public const string Scoring = "Oui vaut 1 point, partiellement ½ point, non 0 ; « ne sait pas » n’entre pas dans le calcul et est compté à part. Le score d’un bloc est la part des points obtenus sur ses questions ainsi notées, en pourcentage ; le score global fait le même calcul sur les vingt questions, chacune pesant autant.";

    private static ChecklistCatalogueResponse Catalogue(string slug, IReadOnlyDictionary<string, ChecklistEvidence> evidence)
    {
        var c = ChecklistCatalogue.Current;
        return new ChecklistCatalogueResponse(c.Version, ChecklistCatalogue.ChecklistUrl, Scoring,
            [.. Enum.GetValues<ChecklistAnswerValue>().Select(v => new ChecklistScaleValue(v, v.Label()))],
            [.. c.Blocks.Select(b => new ChecklistBlockResponse(b.Key, b.Title, b.FurtherUrl,
                [.. b.Questions.Select(q => new ChecklistQuestionResponse(q.Key, q.Text, evidence.TryGetValue(q.Key, out var e)
                    ? new ChecklistEvidenceResponse(e.Sentence, ChecklistQueries.SourceUrl(slug, e.Source), e.Suggested, e.Suggested?.Label())
                    : null))]))]);
    }

    private static ProblemHttpResult NotFound() => TypedResults.Problem(new ProblemDetails
    {
        Status = StatusCodes.Status404NotFound,
        Title = "Introuvable",
        Detail = ChecklistQueries.NotFoundMessage,
    });
}
