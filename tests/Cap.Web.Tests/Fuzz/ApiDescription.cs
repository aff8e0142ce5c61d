using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace Cap.Web.Tests.Fuzz;

/// <summary>One operation of the OpenAPI document: what the fuzz test sends and what it accepts back.</summary>
public sealed record ApiOperation(string Method, string PathTemplate, OpenApiOperation Operation)
{
    public string Name => $"{Method} {PathTemplate}";

    public IReadOnlyList<IOpenApiParameter> Parameters => Operation.Parameters?.ToList() ?? [];

    public IEnumerable<IOpenApiParameter> PathParameters => Parameters.Where(p => p.In == ParameterLocation.Path);

    public IEnumerable<IOpenApiParameter> QueryParameters => Parameters.Where(p => p.In == ParameterLocation.Query);

    /// <summary>The JSON schema of the request body, when the operation takes one.</summary>
    public IOpenApiSchema? BodySchema =>
        Operation.RequestBody?.Content?.TryGetValue("application/json", out var media) == true ? media.Schema : null;

    public override string ToString() => Name;
}

/// <summary>The API's OpenAPI document read with Microsoft.OpenApi: its operations, in a stable order.</summary>
public sealed class ApiDescription
{
    private ApiDescription(OpenApiDocument document, JsonObject raw, IReadOnlyList<ApiOperation> operations)
    {
        Document = document;
        Raw = raw;
        Operations = operations;
    }

    public OpenApiDocument Document { get; }

    /// <summary>The same document as JSON (the response schemas are validated from it).</summary>
    public JsonObject Raw { get; }

    public IReadOnlyList<ApiOperation> Operations { get; }

    public static ApiDescription Parse(string json)
    {
        var settings = new OpenApiReaderSettings();
        var result = OpenApiDocument.Parse(json, OpenApiConstants.Json, settings);
        var document = result.Document ?? throw new InvalidOperationException("The OpenAPI document could not be read.");
        if (result.Diagnostic?.Errors is { Count: > 0 } errors)
        {
            throw new InvalidOperationException("The OpenAPI document has errors: " + string.Join("; ", errors.Select(e => $"{e.Pointer}: {e.Message}")));
        }
        var operations = new List<ApiOperation>();
        foreach (var (path, item) in document.Paths)
        {
            foreach (var (method, operation) in item.Operations ?? [])
            {
                operations.Add(new ApiOperation(method.Method.ToUpperInvariant(), path, operation));
            }
        }
        return new ApiDescription(document, JsonNode.Parse(json)!.AsObject(), operations);
    }
}
