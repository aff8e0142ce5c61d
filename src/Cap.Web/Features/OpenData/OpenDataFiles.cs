using System.Globalization;
using Cap.Domain.OpenData;
using Cap.Web.Shared.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;

namespace Cap.Web.Features.OpenData;

/// <summary>
/// The public files of the open data under <c>/donnees-ouvertes</c>: anonymous, GET only, no cookie read or written,
/// cacheable by anyone (<c>Cache-Control: public</c>, <c>ETag</c>, <c>Last-Modified</c>, 304 to a matching
/// <c>If-None-Match</c> or, without it, to an <c>If-Modified-Since</c> not older than the dataset), readable from any
/// origin. The data files come from <see cref="OpenDataCache"/>: a burst of requests does not reach the database.
/// </summary>
public static class OpenDataFiles
{
    public const string BasePath = "/donnees-ouvertes";
    public const string FilesPath = BasePath + "/" + OpenDataRules.MajorPath;

    /// <summary>The schemas change only with the schema's version: clients may keep them a day.</summary>
    private const int SchemaMaxAgeSeconds = 86_400;

    private static readonly OpenDataFile ProductsSchema = OpenDataFile.Of(OpenDataFormats.ProductsTableSchema, "application/schema+json");
    private static readonly OpenDataFile IndicatorsSchema = OpenDataFile.Of(OpenDataFormats.IndicatorsTableSchema, "application/schema+json");
    private static readonly OpenDataFile JsonSchema = OpenDataFile.Of(OpenDataFormats.ProductsJsonSchema, "application/schema+json");

    public static IEndpointRouteBuilder MapOpenDataFiles(this IEndpointRouteBuilder app)
    {
        var files = app.MapGroup(BasePath).WithTags("Données ouvertes").AllowAnonymous();
        files.MapGet($"/{OpenDataRules.MajorPath}/{OpenDataFormats.ProductsCsv}", GetProductsCsv).WithName("GetOpenDataProductsCsv")
            .WithSummary("Les produits publiés, un par ligne (CSV, séparateur virgule, UTF-8, schéma schema-produits.json).")
            .Declares("text/csv").Produces(StatusCodes.Status304NotModified);
        files.MapGet($"/{OpenDataRules.MajorPath}/{OpenDataFormats.IndicatorsCsv}", GetIndicatorsCsv).WithName("GetOpenDataIndicatorsCsv")
            .WithSummary("Les indicateurs publiés avec leur dernière valeur, un par ligne (CSV, séparateur virgule, UTF-8, schéma schema-indicateurs.json).")
            .Declares("text/csv").Produces(StatusCodes.Status304NotModified);
        files.MapGet($"/{OpenDataRules.MajorPath}/{OpenDataFormats.ProductsJson}", GetProductsJson).WithName("GetOpenDataProductsJson")
            .WithSummary("Les produits publiés et leurs indicateurs publiés (JSON, schéma produits.schema.json).")
            .Produces<OpenDataDocument>(StatusCodes.Status200OK, "application/json").Produces(StatusCodes.Status304NotModified);
        files.MapGet($"/{OpenDataRules.MajorPath}/{OpenDataFormats.ProductsSchema}", GetProductsSchema).WithName("GetOpenDataProductsSchema")
            .WithSummary("Le schéma (Table Schema) du fichier produits.csv.")
            .Declares("application/schema+json").Produces(StatusCodes.Status304NotModified);
        files.MapGet($"/{OpenDataRules.MajorPath}/{OpenDataFormats.IndicatorsSchema}", GetIndicatorsSchema).WithName("GetOpenDataIndicatorsSchema")
            .WithSummary("Le schéma (Table Schema) du fichier indicateurs.csv.")
            .Declares("application/schema+json").Produces(StatusCodes.Status304NotModified);
        files.MapGet($"/{OpenDataRules.MajorPath}/{OpenDataFormats.JsonSchema}", GetJsonSchema).WithName("GetOpenDataJsonSchema")
            .WithSummary("Le schéma (JSON Schema) du fichier produits.json.")
            .Declares("application/schema+json").Produces(StatusCodes.Status304NotModified);
        files.MapGet($"/{OpenDataFormats.Catalogue}", GetCatalogue).WithName("GetOpenDataCatalogue")
            .WithSummary("La description DCAT-AP (JSON-LD) du catalogue et de son jeu de données, pour data.gouv.fr.")
            .Declares("application/ld+json").Produces(StatusCodes.Status304NotModified);
        return app;
    }

    /// <summary>Declares the 200 answer's media type without a schema (a CSV file, or a JSON document of its own vocabulary).</summary>
    private static RouteHandlerBuilder Declares(this RouteHandlerBuilder builder, string contentType) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Responses ??= [];
            operation.Responses["200"] = new OpenApiResponse
            {
                Description = "OK",
                Content = new Dictionary<string, OpenApiMediaType> { [contentType] = new OpenApiMediaType() },
            };
            return Task.CompletedTask;
        });

    /// <summary>Les produits publiés (CSV).</summary>
    public static Task<IResult> GetProductsCsv(HttpContext http, OpenDataCache cache, IOptions<OpenDataOptions> options, CancellationToken ct) =>
        ServeDataAsync(http, cache, options.Value, OpenDataFormats.ProductsCsv, ct);

    /// <summary>Les indicateurs publiés (CSV).</summary>
    public static Task<IResult> GetIndicatorsCsv(HttpContext http, OpenDataCache cache, IOptions<OpenDataOptions> options, CancellationToken ct) =>
        ServeDataAsync(http, cache, options.Value, OpenDataFormats.IndicatorsCsv, ct);

    /// <summary>Les produits et leurs indicateurs publiés (JSON).</summary>
    public static Task<IResult> GetProductsJson(HttpContext http, OpenDataCache cache, IOptions<OpenDataOptions> options, CancellationToken ct) =>
        ServeDataAsync(http, cache, options.Value, OpenDataFormats.ProductsJson, ct);

    public static IResult GetProductsSchema(HttpContext http) => Serve(http, ProductsSchema, null, SchemaMaxAgeSeconds);

    public static IResult GetIndicatorsSchema(HttpContext http) => Serve(http, IndicatorsSchema, null, SchemaMaxAgeSeconds);

    public static IResult GetJsonSchema(HttpContext http) => Serve(http, JsonSchema, null, SchemaMaxAgeSeconds);

    /// <summary>Le catalogue DCAT-AP (JSON-LD), ses liens absolus sous l’adresse publique de Cap.</summary>
    public static async Task<IResult> GetCatalogue(HttpContext http, OpenDataCache cache, PublicUrls urls, IOptions<OpenDataOptions> options, CancellationToken ct)
    {
        var snapshot = await cache.GetAsync(ct);
        var file = OpenDataFile.Of(OpenDataFormats.DcatCatalogue(urls.Absolute(BasePath, http.Request), snapshot.Modified, options.Value), "application/ld+json");
        return Serve(http, file, snapshot.Modified, options.Value.MaxAgeSeconds);
    }

    private static async Task<IResult> ServeDataAsync(HttpContext http, OpenDataCache cache, OpenDataOptions options, string name, CancellationToken ct)
    {
        var snapshot = await cache.GetAsync(ct);
        return Serve(http, snapshot.Files[name], snapshot.Modified, options.MaxAgeSeconds);
    }

    private static IResult Serve(HttpContext http, OpenDataFile file, DateTimeOffset? modified, int maxAgeSeconds)
    {
        var headers = http.Response.Headers;
        headers.CacheControl = $"public, max-age={Math.Max(0, maxAgeSeconds).ToString(CultureInfo.InvariantCulture)}";
        headers.ETag = file.ETag;
        if (modified is { } m)
        {
            headers.LastModified = HeaderUtilities.FormatDate(m);
        }
        headers.AccessControlAllowOrigin = "*";
        headers["Cross-Origin-Resource-Policy"] = "cross-origin";
        if (IsNotModified(http.Request, file.ETag, modified))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }
        return TypedResults.Bytes(file.Content, file.ContentType);
    }

    /// <summary>
    /// RFC 9110: with <c>If-None-Match</c>, 304 when one of its tags matches (weak comparison, or <c>*</c>); otherwise, with
    /// <c>If-Modified-Since</c>, 304 when the dataset has not changed since. A header that cannot be read is ignored (the
    /// file is sent).
    /// </summary>
    public static bool IsNotModified(HttpRequest request, string etag, DateTimeOffset? modified)
    {
        if (request.Headers.IfNoneMatch.Count > 0)
        {
            if (!EntityTagHeaderValue.TryParseList(request.Headers.IfNoneMatch, out var tags) || tags.Count == 0)
            {
                return false;
            }
            var current = EntityTagHeaderValue.Parse(etag);
            return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(current, useStrongComparison: false));
        }
        return modified is { } m
            && request.Headers.IfModifiedSince.Count > 0
            && HeaderUtilities.TryParseDate(request.Headers.IfModifiedSince.ToString(), out var since)
            && m <= since;
    }
}
