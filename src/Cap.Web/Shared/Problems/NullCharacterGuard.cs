using System.Text.Json;
using Microsoft.AspNetCore.Mvc;

namespace Cap.Web.Shared.Problems;

/// <summary>
/// The NUL character (U+0000) is refused wherever text enters Cap. It is never meaningful in text, PostgreSQL cannot
/// store it in a <c>text</c> column nor receive it as a query parameter (the save or the search failed with a 500),
/// and SQLite would keep it silently. This middleware refuses it in query strings and in the API's JSON bodies
/// (400, the field named); the server itself already refuses it in the path (Kestrel) and in a posted form (the form
/// reader: the page answers 400 « Requête invalide »).
/// </summary>
public static class NullCharacterGuard
{
    public const string FieldMessage = "Ce champ contient un caractère nul (U+0000), que Cap n’enregistre pas : retirez-le.";

    public static bool Contains(string? value) => value is not null && value.Contains('\0', StringComparison.Ordinal);

    /// <summary>
    /// After authorization (a refused caller's body is never read): 400 for a query value or a JSON string holding a NUL,
    /// ProblemDetails for the API, the French error page for screens.
    /// </summary>
    public static IApplicationBuilder UseNullCharacterGuard(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        var offending = request.Query.FirstOrDefault(q => Contains(q.Key) || q.Value.Any(Contains)).Key;
        if (offending is null && request.Path.StartsWithSegments("/api") && request.HasJsonContentType() && request.ContentLength != 0)
        {
            // Buffered so that the endpoint reads the same body afterwards (the API's body limit still applies).
            request.EnableBuffering();
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body, context.RequestAborted);
            request.Body.Position = 0;
            offending = FieldWithNull(body.GetBuffer().AsSpan(0, (int)body.Length));
        }
        if (offending is null)
        {
            await next();
            return;
        }
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        if (request.Path.StartsWithSegments("/api"))
        {
            await Results.Problem(new ValidationProblemDetails(new Dictionary<string, string[]> { [offending] = [FieldMessage] })
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "Requête invalide",
                Detail = $"« {offending} » contient un caractère nul (U+0000) : retirez-le.",
            }).ExecuteAsync(context);
        }
    });

    /// <summary>
    /// The path (<c>name</c>, <c>items[2].label</c>) of the first JSON string, value or property name, that holds a NUL;
    /// null when there is none or when the JSON is malformed (the endpoint then answers its own 400).
    /// </summary>
    public static string? FieldWithNull(ReadOnlySpan<byte> json)
    {
        // A NUL can only be written \u0000 in JSON: only escaped strings need decoding.
        if (json.IndexOf("\\u0000"u8) < 0)
        {
            return null;
        }
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
        // One frame per open object or array: the segment that leads to it, and the next index or the last property name.
        var frames = new List<(string Segment, bool IsArray, int Next, string? Property)>();
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
                {
                    frames.RemoveAt(frames.Count - 1);
                    continue;
                }
                if (reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = reader.GetString()!;
                    frames[^1] = frames[^1] with { Property = name };
                    if (reader.ValueIsEscaped && Contains(name))
                    {
                        return PathOf(frames, "." + name);
                    }
                    continue;
                }
                // A value: its segment is the property that names it, or its index in the array.
                var segment = string.Empty;
                if (frames.Count > 0)
                {
                    var top = frames[^1];
                    segment = top.IsArray ? $"[{top.Next}]" : "." + top.Property;
                    frames[^1] = top with { Next = top.Next + 1 };
                }
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    frames.Add((segment, reader.TokenType == JsonTokenType.StartArray, 0, null));
                }
                else if (reader.TokenType == JsonTokenType.String && reader.ValueIsEscaped && Contains(reader.GetString()))
                {
                    return PathOf(frames, segment);
                }
            }
        }
        catch (JsonException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
        return null;
    }

    private static string PathOf(List<(string Segment, bool IsArray, int Next, string? Property)> frames, string last)
    {
        var path = string.Concat(frames.Select(f => f.Segment)) + last;
        return path.Length == 0 ? "$" : path.TrimStart('.');
    }
}
