using System.Reflection;
using Cap.Domain;
using Cap.Web.Shared.Problems;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Cap.Web.Shared.Refusals;

/// <summary>The one place a <see cref="RefusalKind"/> becomes an HTTP status (services carry none).</summary>
public static class RefusalStatus
{
    public static int Of(RefusalKind kind) => kind switch
    {
        RefusalKind.Invalid => StatusCodes.Status400BadRequest,
        RefusalKind.Rule => StatusCodes.Status422UnprocessableEntity,
        RefusalKind.Conflict => StatusCodes.Status409Conflict,
        RefusalKind.NotFound => StatusCodes.Status404NotFound,
        RefusalKind.Forbidden => StatusCodes.Status403Forbidden,
        _ => StatusCodes.Status400BadRequest,
    };

    /// <summary>
    /// The page edge: each message beside its field (<paramref name="prefix"/> + the input's property name, e.g.
    /// "Input.Title"; the empty key goes to the form's summary), and the response status a refused form deserves.
    /// </summary>
    public static void AddRefusal(this ModelStateDictionary modelState, Refusal refusal, string prefix = "")
    {
        foreach (var (field, message) in refusal.Errors)
        {
            modelState.AddModelError(field.Length == 0 ? string.Empty : prefix + field, message);
        }
    }

    /// <summary>The status a page answers with when it shows the form again with the refusal (409 for a conflict, otherwise 422).</summary>
    public static int PageStatus(this Refusal refusal) => refusal.Kind switch
    {
        RefusalKind.Conflict => StatusCodes.Status409Conflict,
        RefusalKind.NotFound => StatusCodes.Status404NotFound,
        RefusalKind.Forbidden => StatusCodes.Status403Forbidden,
        _ => StatusCodes.Status422UnprocessableEntity,
    };
}

/// <summary>
/// The API edge: a refusal as a ProblemDetails (a ValidationProblem with an <c>errors</c> member when messages are
/// about fields, named as in the JSON body: <c>items[0].label</c>), with the status of its kind. Declares the 400
/// ValidationProblem in the OpenAPI document; endpoints declare the other statuses they can answer.
/// </summary>
public sealed class Refused(Refusal refusal, Func<string, string>? fieldName = null) : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult
{
    public Refusal Refusal { get; } = refusal;

    public int? StatusCode => RefusalStatus.Of(Refusal.Kind);

    public ProblemDetails ToProblem()
    {
        var status = RefusalStatus.Of(Refusal.Kind);
        var fields = Refusal.Errors.Where(e => e.Key.Length > 0).ToDictionary(e => (fieldName ?? JsonField)(e.Key), e => new[] { e.Value });
        ProblemDetails problem = fields.Count > 0 ? new HttpValidationProblemDetails(fields) : new ProblemDetails();
        problem.Status = status;
        problem.Title = Refusal.Kind switch
        {
            RefusalKind.Invalid => "Données invalides",
            RefusalKind.Rule => "Refusé par les règles de Cap",
            RefusalKind.Conflict when Refusal.CurrentVersion is not null => "Modification concurrente",
            _ => StatusCodeResponses.TitleFor(status),
        };
        problem.Detail = Refusal.Kind == RefusalKind.Invalid && fields.Count > 0
            ? "Corrigez les champs signalés puis renvoyez la requête."
            : Refusal.Message + (Refusal.Kind == RefusalKind.Rule ? " Rien n’a été enregistré." : "");
        if (Refusal.CurrentVersion is { } version)
        {
            problem.Extensions["currentVersion"] = version;
        }
        return problem;
    }

    public Task ExecuteAsync(HttpContext httpContext) => TypedResults.Problem(ToProblem()).ExecuteAsync(httpContext);

    /// <summary>A C# property path as the JSON body names it: "Items[0].Label" → "items[0].label".</summary>
    public static string JsonField(string field) =>
        string.Join('.', field.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status400BadRequest, typeof(HttpValidationProblemDetails), ["application/problem+json"]));
}
