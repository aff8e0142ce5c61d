using Cap.Domain.Compliance;
using Cap.Web.Shared;
using Cap.Web.Shared.Problems;
using Cap.Web.Shared.Products;
using Cap.Web.Shared.Refusals;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Cap.Web.Features.Compliance;

/// <summary>/api/v1/products/{slug}/compliance and /sig-approvals: the compliance record and the agrément SIG procedure.</summary>
public static class ComplianceEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var compliance = api.MapProductGroup("/compliance").WithTags("Conformité");
        compliance.MapGet("/", GetCompliance).WithName("GetProductCompliance").ProducesProblem(StatusCodes.Status404NotFound);
        compliance.MapPut("/", PutCompliance).WithName("UpdateProductCompliance").RequireProductEdit()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        var sig = api.MapProductGroup("/sig-approvals").WithTags("Conformité");
        sig.MapGet("/", ListSigApprovals).WithName("ListSigApprovals").ProducesProblem(StatusCodes.Status404NotFound);
        sig.MapGet("/{id:int}", GetSigApproval).WithName("GetSigApproval").ProducesProblem(StatusCodes.Status404NotFound);
        sig.MapPost("/", OpenSigApproval).WithName("OpenSigApproval").RequireProductEdit()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        sig.MapPost("/{id:int}/principle", RecordPrinciple).WithName("RecordSigPrinciple").RequireProductEdit()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        sig.MapPost("/{id:int}/final", RecordFinal).WithName("RecordSigFinal").RequireProductEdit()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    /// <summary>Lit la fiche de conformité du produit (RGAA, homologation RGS, RGPD, RGESN, exposition au public) et les points d’attention qu’elle soulève aujourd’hui. Tant que l’équipe ne l’a pas remplie : recorded false, version 0.</summary>
    public static async Task<Ok<ComplianceResponse>> GetCompliance(ProductAccess product, ComplianceRecords records, ComplianceFlagSource flags, TimeProvider time, CancellationToken ct)
    {
        var record = await records.FindAsync(product.Id, ct);
        return TypedResults.Ok(ComplianceResponse.From(product.Slug, record, await FlagsAsync(flags, product.Id, time, ct)));
    }

    /// <summary>Remplace la fiche de conformité (équipe du produit ou administrateur). <c>version</c> : la version lue (0 si la fiche n’existait pas) ; une autre version enregistrée entre-temps répond 409 avec currentVersion. Champs invalides : 400 avec un message par champ.</summary>
    public static async Task<Results<Ok<ComplianceResponse>, ValidationProblem, Refused>> PutCompliance(
        ComplianceRequest request, ProductAccess product, ComplianceRecords records, ComplianceFlagSource flags, TimeProvider time, CancellationToken ct)
    {
        var (input, errors) = request.ToInput();
        if (errors.Count > 0)
        {
            foreach (var (field, message) in ComplianceRules.Validate(input, time.ParisToday()))
            {
                errors.TryAdd(Refused.JsonField(field), message);
            }
            return ApiProblems.Invalid(errors);
        }
        var result = await records.SaveAsync(product.Id, input, request.Version!.Value, ct);
        if (result.Refusal is { } refusal)
        {
            return new Refused(refusal);
        }
        return TypedResults.Ok(ComplianceResponse.From(product.Slug, result.Value, await FlagsAsync(flags, product.Id, time, ct)));
    }

    /// <summary>Liste les demandes d’agrément SIG du produit, de la plus récente à la plus ancienne, avec leur état (framing-sent, principle-granted, final-with-reservations, principle-refused, final-granted, final-refused, superseded).</summary>
    public static async Task<Ok<List<SigApprovalResponse>>> ListSigApprovals(ProductAccess product, SigApprovals approvals, CancellationToken ct) =>
        TypedResults.Ok((await approvals.ListAsync(product.Id, ct)).Select(SigApprovalResponse.From).ToList());

    /// <summary>Lit une demande d’agrément SIG du produit.</summary>
    public static async Task<Results<Ok<SigApprovalResponse>, ProblemHttpResult>> GetSigApproval(int id, ProductAccess product, SigApprovals approvals, CancellationToken ct) =>
        await approvals.FindAsync(product.Id, id, ct) is { } a ? TypedResults.Ok(SigApprovalResponse.From(a)) : NotFound(product.Slug, id);

    /// <summary>Ouvre une demande d’agrément SIG : la fiche de cadrage a été transmise. Seul un produit exposé au public en a besoin (422 sinon). Une création ou une refonte attend que la demande précédente soit close (409) ; une évolution majeure peut être déclarée à tout moment et remplace la demande en cours.</summary>
    public static async Task<Results<Created<SigApprovalResponse>, ValidationProblem, Refused>> OpenSigApproval(
        SigApprovalRequest request, ProductAccess product, SigApprovals approvals, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        var kind = ApiNames.ParseField<SigRequestKind>(request.Kind, "kind", errors);
        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors);
        }
        var result = await approvals.OpenAsync(product.Id, kind, request.FramingSentOn, request.Note, ct);
        if (result.Refusal is { } refusal)
        {
            return new Refused(refusal);
        }
        var created = (await approvals.FindAsync(product.Id, result.Value!.Id, ct))!;
        return TypedResults.Created($"/api/v1/products/{product.Slug}/sig-approvals/{created.Id}", SigApprovalResponse.From(created));
    }

    /// <summary>Enregistre l’agrément de principe (accordé, sous réserve — réserves obligatoires —, refusé), ou le corrige tant que l’agrément définitif n’est pas enregistré (409 ensuite).</summary>
    public static async Task<Results<Ok<SigApprovalResponse>, ValidationProblem, Refused>> RecordPrinciple(
        int id, SigPrincipleRequest request, ProductAccess product, SigApprovals approvals, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        var outcome = ApiNames.ParseField<SigOutcome>(request.Outcome, "outcome", errors);
        if (request.Version is null)
        {
            errors["version"] = "Indiquez la version de la demande lue avant modification (champ version).";
        }
        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors);
        }
        var result = await approvals.RecordPrincipleAsync(product.Id, id, new SigDecisionInput(outcome, request.DecidedOn, request.Reservations, []), request.Version!.Value, ct);
        return result.Refusal is { } refusal ? new Refused(refusal) : TypedResults.Ok(SigApprovalResponse.From(result.Value!));
    }

    /// <summary>Enregistre l’agrément définitif et ses six vérifications (une vérification absente n’est pas remplie), après un agrément de principe obtenu (409 sinon). Accordé suppose toutes les vérifications remplies (422 sinon) ; sous réserve demande ses réserves et peut être enregistré à nouveau une fois celles-ci levées.</summary>
    public static async Task<Results<Ok<SigApprovalResponse>, ValidationProblem, Refused>> RecordFinal(
        int id, SigFinalRequest request, ProductAccess product, SigApprovals approvals, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        var outcome = ApiNames.ParseField<SigOutcome>(request.Outcome, "outcome", errors);
        var checks = new List<(SigCheck, bool, string?)>();
        for (var i = 0; i < (request.Checks?.Count ?? 0); i++)
        {
            var c = request.Checks![i];
            if (c is null)
            {
                errors[$"checks[{i}]"] = "Chaque vérification est un objet { check, isMet, note }.";
                continue;
            }
            var check = ApiNames.ParseField<SigCheck>(c.Check, $"checks[{i}].check", errors);
            if (check is null && !errors.ContainsKey($"checks[{i}].check"))
            {
                errors[$"checks[{i}].check"] = $"Indiquez la vérification : {ApiNames.Choices<SigCheck>()}.";
            }
            if (check is { } known)
            {
                checks.Add((known, c.IsMet ?? false, c.Note));
            }
        }
        if (request.Version is null)
        {
            errors["version"] = "Indiquez la version de la demande lue avant modification (champ version).";
        }
        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors);
        }
        var result = await approvals.RecordFinalAsync(product.Id, id, new SigDecisionInput(outcome, request.DecidedOn, request.Reservations, checks), request.Version!.Value, ct);
        return result.Refusal is { } refusal ? new Refused(refusal) : TypedResults.Ok(SigApprovalResponse.From(result.Value!));
    }

    private static async Task<IReadOnlyList<ProductFlag>> FlagsAsync(ComplianceFlagSource flags, int productId, TimeProvider time, CancellationToken ct) =>
        [.. (await flags.FlagsAsync([productId], time.ParisToday(), ct)).Select(f => f.Flag).OrderByDescending(f => f.Level)];

    private static ProblemHttpResult NotFound(string slug, int id) => TypedResults.Problem(new ProblemDetails
    {
        Status = StatusCodes.Status404NotFound,
        Title = "Demande d’agrément introuvable",
        Detail = $"Le produit « {slug} » n’a pas de demande d’agrément SIG {id}.",
    });
}
