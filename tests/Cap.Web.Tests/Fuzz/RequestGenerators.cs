using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using Microsoft.OpenApi;

namespace Cap.Web.Tests.Fuzz;

/// <summary>One generated request: what the fuzz test sends (and what CsCheck prints once it has shrunk a failure).</summary>
public sealed record FuzzRequest(string Method, string Url, string? ContentType, string? Body)
{
    public override string ToString()
    {
        var body = Body is null ? "(no body)" : Body.Length > 300 ? $"{Body[..300]}… ({Body.Length} chars)" : Body;
        return $"{Method} {(Url.Length > 300 ? Url[..300] + "…" : Url)} [{ContentType ?? "no content type"}] {body}";
    }
}

/// <summary>
/// CsCheck generators of requests from an operation's OpenAPI description: path values (real ones from the demo data
/// or random ones), query parameters (valid for their schema, or wrong-typed, out of range, huge) and JSON bodies
/// (built from the body's schema, or null, an array, a scalar, malformed, a field of the wrong type or out of range,
/// a huge string, another content type). Everything is composed of CsCheck generators, so a failure shrinks.
/// </summary>
public static class RequestGenerators
{
    private const int MaxDepth = 5;

    /// <summary>A string far over any field's limit but under the API's body limit (8 MiB): 413 is not what it tests.</summary>
    private const int HugeLength = 100_000;

    private static readonly string[] Words = ["a", "Produit", "équipe", "Été 2026", "l’usager", "x y z", "<b>gras</b>", "'; DROP TABLE x; --", "😀", "\u0000", "null", "0"];

    public static Gen<FuzzRequest> For(ApiOperation operation, IReadOnlyList<string> validPaths)
    {
        var path = PathGen(operation, validPaths);
        var query = QueryGen(operation);
        var body = operation.BodySchema is { } schema ? BodyGen(schema) : Gen.Const<(string?, string?)>((null, null));
        return from p in path
               from q in query
               from b in body
               select new FuzzRequest(operation.Method, p + q, b.Item1, b.Item2);
    }

    private static Gen<string> PathGen(ApiOperation operation, IReadOnlyList<string> validPaths)
    {
        var names = operation.PathParameters.Select(p => p.Name!).ToList();
        if (names.Count == 0)
        {
            return Gen.Const(operation.PathTemplate);
        }
        var random = names.Aggregate(Gen.Const(operation.PathTemplate), (gen, name) =>
            from template in gen
            from value in InvalidPathValue
            select template.Replace("{" + name + "}", Uri.EscapeDataString(value), StringComparison.Ordinal));
        return validPaths.Count == 0 ? random : Gen.Frequency<string>((4, Gen.OneOf(validPaths.ToArray())), (1, random));
    }

    private static readonly Gen<string> InvalidPathValue = Gen.OneOf<string>(
        Gen.OneOf("0", "-1", "2147483648", "-2147483649", "99999999999999999999", "1.5", "1e3", "abc", "é", " ", "null", "%", "a/b", "..."),
        Gen.String[Gen.Char.AlphaNumeric, 1, 30],
        Gen.Int.Select(i => i.ToString(CultureInfo.InvariantCulture)),
        Gen.Const(new string('x', 2000)));

    private static Gen<string> QueryGen(ApiOperation operation)
    {
        var parameters = operation.QueryParameters.ToList();
        if (parameters.Count == 0)
        {
            return Gen.Const(string.Empty);
        }
        Gen<List<string>> pairs = Gen.Const(new List<string>());
        foreach (var parameter in parameters)
        {
            var name = parameter.Name!;
            var valid = parameter.Schema is { } s ? ValidValue(s, 1).Select(AsQueryValue) : Gen.String[Gen.Char.AlphaNumeric, 0, 10];
            var value = Gen.Frequency<string?>(
                (3, Gen.Const<string?>((string?)null)),
                (4, valid.Select(v => (string?)v)),
                (1, InvalidScalar.Select(v => (string?)v)));
            pairs = from list in pairs
                    from v in value
                    select v is null ? list : [.. list, $"{Uri.EscapeDataString(name)}={Uri.EscapeDataString(v)}"];
        }
        return pairs.Select(list => list.Count == 0 ? string.Empty : "?" + string.Join('&', list));
    }

    private static string AsQueryValue(JsonNode? node) => node switch
    {
        null => string.Empty,
        JsonValue value when value.TryGetValue<string>(out var s) => s,
        _ => node.ToJsonString(),
    };

    private static readonly Gen<string> InvalidScalar = Gen.OneOf<string>(
        Gen.OneOf("", "abc", "-1", "0", "2147483648", "-99999999999999999999", "1e308", "NaN", "true", "2026-13-45", "[]", "{}", "é&=?"),
        Gen.Const(new string('z', HugeLength / 10)));

    private static Gen<(string? ContentType, string? Body)> BodyGen(IOpenApiSchema schema)
    {
        var valid = ValidValue(schema, 0).Select(n => n?.ToJsonString() ?? "null");
        var wrongField = InvalidObject(schema).Select(n => n.ToJsonString());
        var malformed = Gen.OneOf("null", "[]", "[{}]", "[null]", "\"texte\"", "0", "-1", "true", "{}", "{", "}", "{\"a\":", "{} {}", "\"\\ud800\"", "[1,2,3]");
        var json = Gen.Frequency<string>((5, valid), (3, wrongField), (2, malformed));
        return Gen.Frequency<(string?, string?)>(
            (9, json.Select(b => ((string?)"application/json", (string?)b))),
            (1, Gen.Const<(string?, string?)>(("application/json", null))),
            (1, valid.Select(b => ((string?)"text/plain", (string?)b))),
            (1, valid.Select(b => ((string?)"application/x-www-form-urlencoded", (string?)"a=1&b=2"))),
            (1, valid.Select(b => ((string?)"application/xml", (string?)"<a>1</a>"))));
    }

    /// <summary>A value the schema allows (its enums, formats, ranges and nullability; strings short and varied).</summary>
    public static Gen<JsonNode?> ValidValue(IOpenApiSchema schema, int depth)
    {
        var alternatives = (schema.OneOf ?? []).Concat(schema.AnyOf ?? []).ToList();
        if (alternatives.Count > 0)
        {
            return Gen.OneOf<JsonNode?>(alternatives.Select(a => ValidValue(a, depth + 1)).ToArray<IGen<JsonNode?>>());
        }
        if (schema.AllOf is { Count: > 0 } all)
        {
            return ValidValue(all[0], depth + 1);
        }
        if (schema.Enum is { Count: > 0 } values)
        {
            return Gen.OneOf([.. values]).Select(v => v?.DeepClone());
        }
        var type = schema.Type ?? 0;
        Gen<JsonNode?> value;
        if (type.HasFlag(JsonSchemaType.Object) || schema.Properties is { Count: > 0 })
        {
            value = depth > MaxDepth ? Gen.Const<JsonNode?>(() => new JsonObject()) : ObjectValue(schema, depth).Select(o => (JsonNode?)o);
        }
        else if (type.HasFlag(JsonSchemaType.Array))
        {
            value = depth > MaxDepth || schema.Items is null
                ? Gen.Const<JsonNode?>(() => new JsonArray())
                : ValidValue(schema.Items, depth + 1).List[0, 3].Select(items => (JsonNode?)new JsonArray([.. items]));
        }
        else if (type.HasFlag(JsonSchemaType.Integer))
        {
            value = IntegerValue(schema).Select(i => (JsonNode?)JsonValue.Create(i));
        }
        else if (type.HasFlag(JsonSchemaType.Number))
        {
            value = Gen.Int[-1000, 100_000].Select(i => (JsonNode?)JsonValue.Create(i / 100.0));
        }
        else if (type.HasFlag(JsonSchemaType.Boolean))
        {
            value = Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b));
        }
        else if (type.HasFlag(JsonSchemaType.String))
        {
            value = StringValue(schema).Select(s => (JsonNode?)JsonValue.Create(s));
        }
        else
        {
            // No type (any JSON value): a small object.
            value = Gen.Const<JsonNode?>(() => new JsonObject { ["a"] = 1 });
        }
        return type.HasFlag(JsonSchemaType.Null) ? Gen.Frequency<JsonNode?>((1, Gen.Const<JsonNode?>((JsonNode?)null)), (5, value)) : value;
    }

    private static Gen<JsonObject> ObjectValue(IOpenApiSchema schema, int depth)
    {
        Gen<List<KeyValuePair<string, JsonNode?>>> fields = Gen.Const(new List<KeyValuePair<string, JsonNode?>>());
        foreach (var (name, property) in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
        {
            var required = schema.Required?.Contains(name) == true;
            var field = ValidValue(property, depth + 1).Select(v => (Present: true, Value: v));
            var maybe = required ? field : Gen.Frequency<(bool Present, JsonNode? Value)>((1, Gen.Const((Present: false, Value: (JsonNode?)null))), (6, field));
            fields = from list in fields
                     from f in maybe
                     select f.Present ? [.. list, new KeyValuePair<string, JsonNode?>(name, f.Value)] : list;
        }
        return fields.Select(list => new JsonObject(list));
    }

    /// <summary>An object of the body's schema with one field replaced by a value of the wrong type, out of range or huge.</summary>
    private static Gen<JsonNode> InvalidObject(IOpenApiSchema schema)
    {
        var names = (schema.Properties ?? new Dictionary<string, IOpenApiSchema>()).Keys.ToArray();
        var bad = InvalidJsonValue(schema);
        if (names.Length == 0)
        {
            return bad.Select(v => (JsonNode)new JsonObject { ["inconnu"] = v });
        }
        return from body in ObjectValue(schema, 0)
               from name in Gen.OneOf(names)
               from value in InvalidJsonValue(schema.Properties![name])
               select (JsonNode)Replace(body, name, value);
    }

    private static JsonObject Replace(JsonObject body, string name, JsonNode? value)
    {
        body[name] = value;
        return body;
    }

    /// <summary>A JSON value this schema does not describe, or describes at the edge of what the API can take.</summary>
    private static Gen<JsonNode?> InvalidJsonValue(IOpenApiSchema schema)
    {
        var type = schema.Type ?? 0;
        var wrongType = Gen.OneOf<Func<JsonNode?>>(
            () => JsonValue.Create("texte"), () => JsonValue.Create(42), () => JsonValue.Create(true), () => new JsonArray(1, 2),
            () => new JsonObject { ["a"] = "b" }, () => null).Select(f => f());
        var edges = new List<Gen<JsonNode?>> { wrongType };
        if (type.HasFlag(JsonSchemaType.Integer) || type.HasFlag(JsonSchemaType.Number))
        {
            edges.Add(Gen.OneOf<Func<JsonNode?>>(
                () => JsonValue.Create(int.MaxValue), () => JsonValue.Create(int.MinValue), () => JsonValue.Create(2147483648L),
                () => JsonValue.Create(-9_000_000_000_000_000_000L), () => JsonValue.Create(1e300), () => JsonValue.Create(0.5),
                () => JsonValue.Create(-1), () => JsonValue.Create(0), () => JsonValue.Create("12")).Select(f => f()));
        }
        if (type.HasFlag(JsonSchemaType.String) || type == 0)
        {
            edges.Add(Gen.OneOf<Func<JsonNode?>>(
                () => JsonValue.Create(new string('é', HugeLength)), () => JsonValue.Create(""), () => JsonValue.Create("   "),
                () => JsonValue.Create("0001-01-01"), () => JsonValue.Create("9999-12-31"), () => JsonValue.Create("2026-02-30"),
                () => JsonValue.Create("9999-12-31T23:59:59+14:00"), () => JsonValue.Create("\u0000\u001f"), () => JsonValue.Create("2026-06-01T10:00:00+02:00")).Select(f => f()));
        }
        if (type.HasFlag(JsonSchemaType.Array))
        {
            edges.Add(Gen.OneOf<Func<JsonNode?>>(
                () => new JsonArray([.. Enumerable.Range(0, 5000).Select(i => (JsonNode?)JsonValue.Create(i))]),
                () => new JsonArray((JsonNode?)null), () => new JsonArray(new JsonArray())).Select(f => f()));
        }
        return Gen.OneOf<JsonNode?>(edges.ToArray<IGen<JsonNode?>>());
    }

    private static Gen<long> IntegerValue(IOpenApiSchema schema)
    {
        var min = ParseBound(schema.Minimum) ?? -5;
        var max = ParseBound(schema.Maximum) ?? 300;
        if (max < min)
        {
            (min, max) = (max, min);
        }
        // Small values most of the time (ids, versions, ratings), the edges of the declared range sometimes.
        return Gen.Frequency<long>(
            (6, Gen.Long[Math.Max(min, -5), Math.Max(Math.Min(max, 30), Math.Max(min, -5))]),
            (2, Gen.Long[min, max]),
            (1, Gen.OneOf(min, max)));
    }

    private static long? ParseBound(string? bound) =>
        decimal.TryParse(bound, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? (long)Math.Clamp(d, int.MinValue, int.MaxValue) : null;

    private static Gen<string> StringValue(IOpenApiSchema schema)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        switch (schema.Format)
        {
            case "date":
                return Gen.Int[-800, 800].Select(d => today.AddDays(d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            case "date-time":
                return Gen.Int[-800, 800].Select(d => new DateTimeOffset(today.AddDays(d).ToDateTime(new TimeOnly(9, 30)), TimeSpan.Zero).ToString("O", CultureInfo.InvariantCulture));
            case "uuid":
                return Gen.Const(Guid.NewGuid().ToString());
            case "uri":
                return Gen.OneOf("https://exemple.gouv.fr/", "https://exemple.gouv.fr/produit?x=1", "pas-une-url");
            case "email":
                return Gen.OneOf("camille@exemple.gouv.fr", "pas-un-courriel");
            default:
                break;
        }
        var max = schema.MaxLength is > 0 and var m ? Math.Min(m, 60) : 60;
        return Gen.Frequency<string>(
            (4, Gen.String[Gen.Char.AlphaNumeric, 1, Math.Max(1, max)]),
            (3, Gen.OneOf(Words).List[1, 4].Select(w => string.Join(' ', w))),
            (1, Gen.Const(string.Empty)),
            (1, Gen.String[Gen.Char, 0, 20].Select(Sanitize)));
    }

    /// <summary>Random UTF-16 may hold lone surrogates, which no JSON writer can send: they become U+FFFD.</summary>
    private static string Sanitize(string value)
    {
        var builder = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                builder.Append(c).Append(value[++i]);
            }
            else
            {
                builder.Append(char.IsSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return builder.ToString();
    }
}
