using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace Cap.Web.Tests.Fuzz;

/// <summary>
/// Checks an answer against the operation's declared responses: the status must be declared (never a 5xx), the body's
/// media type must be declared for that status and the body must validate (NJsonSchema) against its schema.
/// The schemas come from the document's JSON: its components become the definitions of one JSON schema, every
/// <c>#/components/schemas/X</c> reference pointing to <c>#/definitions/X</c>.
/// </summary>
public sealed class ResponseValidator(ApiDescription api)
{
    private readonly JsonObject _definitions = Definitions(api.Raw);
    private readonly ConcurrentDictionary<string, Task<JsonSchema>> _schemas = new();

    /// <summary>The reasons why this answer is not what the document describes (empty when it is).</summary>
    public async Task<IReadOnlyList<string>> ValidateAsync(ApiOperation operation, int status, string? mediaType, string body)
    {
        var problems = new List<string>();
        if (status >= 500)
        {
            problems.Add($"server error {status}");
        }
        var code = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var responses = api.Raw["paths"]![operation.PathTemplate]![operation.Method.ToLowerInvariant()]!["responses"]!.AsObject();
        var declared = responses[code] ?? responses[$"{code[0]}XX"] ?? responses["default"];
        if (declared is null)
        {
            problems.Add($"status {status} not declared (declared: {string.Join(", ", responses.Select(r => r.Key))})");
            return problems;
        }
        var content = declared["content"]?.AsObject();
        if (body.Length == 0)
        {
            if (content is { Count: > 0 })
            {
                problems.Add($"empty body where the document declares {string.Join(", ", content.Select(c => c.Key))}");
            }
            return problems;
        }
        if (content is null || content.Count == 0)
        {
            problems.Add($"a {mediaType} body where the document declares none");
            return problems;
        }
        if (mediaType is null || content[mediaType] is not { } media)
        {
            problems.Add($"media type {mediaType ?? "(none)"} not declared for {status} (declared: {string.Join(", ", content.Select(c => c.Key))})");
            return problems;
        }
        if (media["schema"] is not { } schemaNode)
        {
            return problems;
        }
        JToken token;
        try
        {
            token = JsonConvert.DeserializeObject<JToken>(body, new JsonSerializerSettings { DateParseHandling = DateParseHandling.None })!;
        }
        catch (JsonException e)
        {
            problems.Add($"body is not JSON: {e.Message}");
            return problems;
        }
        var schema = await _schemas.GetOrAdd(schemaNode.ToJsonString(), SchemaAsync);
        foreach (var error in schema.Validate(token))
        {
            problems.Add($"body does not match the {status} schema: {error}");
        }
        return problems;
    }

    private Task<JsonSchema> SchemaAsync(string schemaJson)
    {
        // The response's schema under allOf, beside the definitions (a $ref's siblings are ignored by JSON Schema draft 4).
        var root = new JsonObject
        {
            ["definitions"] = _definitions.DeepClone(),
            ["allOf"] = new JsonArray(JsonNode.Parse(Rewrite(schemaJson))),
        };
        return JsonSchema.FromJsonAsync(root.ToJsonString());
    }

    private static JsonObject Definitions(JsonObject document)
    {
        var schemas = document["components"]?["schemas"]?.ToJsonString() ?? "{}";
        return JsonNode.Parse(Rewrite(schemas))!.AsObject();
    }

    private static string Rewrite(string json) => json.Replace("\"#/components/schemas/", "\"#/definitions/", StringComparison.Ordinal);
}
