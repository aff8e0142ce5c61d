using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi;

namespace Cap.Web.Shared.Hosting;

/// <summary>
/// The published OpenAPI document (/openapi/v1.json, committed in docs/api/openapi.v1.json): its description, the
/// bearer token scheme, and the error answers every operation can give whatever its handler says, declared once here
/// rather than on each endpoint: 400 (unreadable parameters or body), 401/403 (authentication, rights), 404 (an
/// unknown path value), 409 (a write that lost a race), 413/415 (body too large, not JSON). The OpenAPI fuzz test
/// (tests/Cap.Web.Tests/Platform/OpenApiFuzzTests.cs) fails on any answer the document does not describe.
/// </summary>
public static class OpenApiSetup
{
    public const string SecuritySchemeName = "jeton";
    private const string ProblemSchema = "ProblemDetails";
    private const string ValidationProblemSchema = "HttpValidationProblemDetails";

    public static IServiceCollection AddCapOpenApi(this IServiceCollection services) =>
        services.AddOpenApi("v1", o =>
        {
            o.AddDocumentTransformer((doc, _, _) =>
            {
                // The document is the same whatever host serves it: no server list from the request.
                doc.Servers = [];
                doc.Info.Title = "API Cap";
                doc.Info.Version = "v1";
                doc.Info.Description = "API de Cap, la plateforme de pilotage des produits numériques des ministères sociaux. " +
                    "Authentification : jeton d’API personnel dans l’en-tête « Authorization: Bearer cap_… » (créé dans Cap, page « Jetons d’API »). " +
                    "Les erreurs sont des ProblemDetails (RFC 9457).";
                doc.Components ??= new OpenApiComponents();
                doc.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                doc.Components.SecuritySchemes[SecuritySchemeName] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "Jeton d’API personnel (cap_…), créé dans Cap sur la page « Mon compte ».",
                };
                return Task.CompletedTask;
            });
            o.AddOperationTransformer((operation, context, _) =>
            {
                DeclareRouteParameters(operation, context);
                DeclareCommonProblems(operation, context);
                return Task.CompletedTask;
            });
            o.AddSchemaTransformer((schema, context, _) =>
            {
                DeclareNullableReadOnlyProperties(schema, context);
                return Task.CompletedTask;
            });
        });

    /// <summary>
    /// A read-only property whose type is annotated nullable (a computed <c>Current</c> that may be null) is declared
    /// nullable: the generator reads nullability from setters and constructor parameters only, so the document
    /// promised an object where the API sends null.
    /// </summary>
    private static void DeclareNullableReadOnlyProperties(OpenApiSchema schema, OpenApiSchemaTransformerContext context)
    {
        if (schema.Properties is not { Count: > 0 } properties || context.JsonTypeInfo.Kind != System.Text.Json.Serialization.Metadata.JsonTypeInfoKind.Object)
        {
            return;
        }
        foreach (var property in context.JsonTypeInfo.Properties)
        {
            if (property.AttributeProvider is not System.Reflection.PropertyInfo { SetMethod: null } clr || clr.PropertyType.IsValueType
                || !properties.TryGetValue(property.Name, out var declared))
            {
                continue;
            }
            if (new System.Reflection.NullabilityInfoContext().Create(clr).ReadState != System.Reflection.NullabilityState.Nullable)
            {
                continue;
            }
            if (declared is OpenApiSchema { Type: { } type } inline && inline.OneOf is not { Count: > 0 }
                && (type & (JsonSchemaType.Object | JsonSchemaType.Null)) == 0)
            {
                inline.Type = type | JsonSchemaType.Null;
            }
            else if (declared.OneOf?.Any(o => o.Type == JsonSchemaType.Null) != true)
            {
                properties[property.Name] = new OpenApiSchema { OneOf = [new OpenApiSchema { Type = JsonSchemaType.Null }, declared] };
            }
        }
    }

    /// <summary>
    /// Declares every parameter of the route as a path parameter, in the route's order, also when no handler parameter
    /// binds it: the endpoints under <c>/products/{slug}</c> receive their product through
    /// <see cref="Products.ProductAccess"/>, resolved by their group's filter, not as a <c>string slug</c> (the generator
    /// describes only what the handler binds).
    /// </summary>
    private static void DeclareRouteParameters(OpenApiOperation operation, OpenApiOperationTransformerContext context)
    {
        if (context.Description.RelativePath is not { Length: > 0 } path)
        {
            return;
        }
        var route = Microsoft.AspNetCore.Routing.Patterns.RoutePatternFactory.Parse(path);
        if (route.Parameters.Count == 0)
        {
            return;
        }
        var existing = operation.Parameters ?? [];
        var parameters = new List<IOpenApiParameter>(existing.Count + 1);
        foreach (var routeParameter in route.Parameters)
        {
            parameters.Add(existing.FirstOrDefault(p => p.In == ParameterLocation.Path && p.Name == routeParameter.Name)
                ?? new OpenApiParameter
                {
                    Name = routeParameter.Name,
                    In = ParameterLocation.Path,
                    Required = true,
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                });
        }
        parameters.AddRange(existing.Where(p => p.In != ParameterLocation.Path));
        operation.Parameters = parameters;
    }

    /// <summary>Adds the error answers the pipeline itself can give for this operation, where the endpoint did not declare them.</summary>
    private static void DeclareCommonProblems(OpenApiOperation operation, OpenApiOperationTransformerContext context)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var anonymous = metadata.OfType<IAllowAnonymous>().Any();
        var parameters = operation.Parameters ?? [];
        var hasBody = operation.RequestBody is not null;
        var isWrite = !string.Equals(context.Description.HttpMethod, HttpMethods.Get, StringComparison.OrdinalIgnoreCase);

        operation.Responses ??= [];
        if (parameters.Count > 0 || hasBody)
        {
            Add(operation, context, StatusCodes.Status400BadRequest, ValidationProblemSchema);
        }
        if (!anonymous)
        {
            Add(operation, context, StatusCodes.Status401Unauthorized, ProblemSchema);
            Add(operation, context, StatusCodes.Status403Forbidden, ProblemSchema);
            operation.Security ??= [];
            if (operation.Security.Count == 0)
            {
                operation.Security.Add(new OpenApiSecurityRequirement
                {
                    [new OpenApiSecuritySchemeReference(SecuritySchemeName, context.Document)] = [],
                });
            }
        }
        if (parameters.Any(p => p.In == ParameterLocation.Path))
        {
            Add(operation, context, StatusCodes.Status404NotFound, ProblemSchema);
        }
        if (isWrite && !anonymous)
        {
            Add(operation, context, StatusCodes.Status409Conflict, ProblemSchema);
        }
        if (hasBody)
        {
            Add(operation, context, StatusCodes.Status413PayloadTooLarge, ProblemSchema);
            Add(operation, context, StatusCodes.Status415UnsupportedMediaType, ProblemSchema);
        }
    }

    private static void Add(OpenApiOperation operation, OpenApiOperationTransformerContext context, int status, string schema)
    {
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation.Responses!.ContainsKey(key))
        {
            return;
        }
        operation.Responses[key] = new OpenApiResponse
        {
            Description = ReasonPhrases.GetReasonPhrase(status),
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(schema, context.Document) },
                ["application/json"] = new() { Schema = new OpenApiSchemaReference(schema, context.Document) },
            },
        };
    }
}
