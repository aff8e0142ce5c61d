using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Cap.Web.Tests.Connectors;

/// <summary>
/// A JDMA-shaped HTTP server (Kestrel on a free loopback port) implementing the published open API
/// (../shared/reference/connectors.md): <c>GET /api/open-api/services</c> and <c>POST /api/open-api/statistiques</c> behind
/// a Bearer key — an unknown or revoked key answers 401, an unknown service or form id 400 with a French message, more
/// than <see cref="MaxProductsPerCall"/> services in one call 400 — and the daily counts the test sets
/// (<see cref="SetDay"/>). It records the calls it answered. Also compiled into bench/Cap.Bench (the « jdma » scenario).
/// </summary>
public sealed class JdmaServer : IAsyncDisposable
{
    public const int MaxProductsPerCall = 10;

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, bool> _keys = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(int FormId, DateOnly Day), DayCounts> _days = new();
    private readonly List<(int Id, string Title, string Entity, List<(int Id, string Title)> Forms)> _services = [];

    /// <summary>The statistics calls answered (their services, dates), and every key that reached the server.</summary>
    public ConcurrentQueue<StatisticsCall> Calls { get; } = new();
    public ConcurrentQueue<string> SeenKeys { get; } = new();

    /// <summary>When set, statistics calls wait for it (a synchronisation held in the middle).</summary>
    public TaskCompletionSource? Gate { get; set; }

    /// <summary>When set, every call answers this status (a JDMA outage).</summary>
    public int? FailWith { get; set; }

    /// <summary>Counts generated for a day without counts set (the benchmark's twelve months), or null for none.</summary>
    public Func<int, DateOnly, DayCounts?>? Generator { get; set; }

    public Uri BaseUrl { get; private set; } = default!;

    private JdmaServer(WebApplication app) => _app = app;

    public static async Task<JdmaServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new JdmaServer(app);
        app.MapGet("/api/open-api/services", (Delegate)server.Services);
        app.MapPost("/api/open-api/statistiques", (Delegate)server.StatisticsAsync);
        await app.StartAsync();
        server.BaseUrl = new Uri(app.Urls.First());
        return server;
    }

    public string AddKey()
    {
        var key = "jdma_" + Guid.NewGuid().ToString("N");
        _keys[key] = true;
        return key;
    }

    /// <summary>The key stops working (expired or revoked in JDMA's back-office).</summary>
    public void Revoke(string key) => _keys[key] = false;

    public void AddService(int id, string title, string entity, params (int Id, string Title)[] forms)
    {
        lock (_services)
        {
            _services.Add((id, title, entity, [.. forms]));
        }
    }

    public void SetDay(int formId, DateOnly day, DayCounts counts) => _days[(formId, day)] = counts;

    public void ClearDays() => _days.Clear();

    private IResult? Refuse(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        var key = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..] : null;
        if (key is not null)
        {
            SeenKeys.Enqueue(key);
        }
        if (key is null || !_keys.TryGetValue(key, out var valid) || !valid)
        {
            return Results.Json(new { message = "Clé API invalide ou expirée." }, statusCode: StatusCodes.Status401Unauthorized);
        }
        return FailWith is { } status ? Results.Json(new { message = "Erreur interne." }, statusCode: status) : null;
    }

    private IResult Services(HttpContext context)
    {
        if (Refuse(context) is { } refused)
        {
            return refused;
        }
        lock (_services)
        {
            return Results.Json(new
            {
                data = _services.Select(s => new { id = s.Id, title = s.Title, entity = s.Entity, forms = s.Forms.Select(f => new { id = f.Id, title = f.Title }) }),
            });
        }
    }

    private async Task<IResult> StatisticsAsync(HttpContext context)
    {
        if (Refuse(context) is { } refused)
        {
            return refused;
        }
        var body = await JsonNode.ParseAsync(context.Request.Body) as JsonObject;
        var productIds = (body?["product_ids"] as JsonArray)?.Select(n => n!.GetValue<int>()).ToList() ?? [];
        var formIds = (body?["form_ids"] as JsonArray)?.Select(n => n!.GetValue<int>()).ToList() ?? [];
        if (!DateOnly.TryParseExact(body?["start_date"]?.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
            || !DateOnly.TryParseExact(body?["end_date"]?.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to) || to < from)
        {
            return Results.Json(new { message = "Les dates de début et de fin sont obligatoires (AAAA-MM-JJ)." }, statusCode: 400);
        }
        if (body?["interval"]?.GetValue<string>() != "day")
        {
            return Results.Json(new { message = "Ce serveur de test ne répond qu’à interval = day." }, statusCode: 400);
        }
        if (productIds.Count > MaxProductsPerCall)
        {
            return Results.Json(new { message = $"Vous ne pouvez pas demander plus de {MaxProductsPerCall} produits à la fois." }, statusCode: 400);
        }
        List<(int Id, string Title, string Entity, List<(int Id, string Title)> Forms)> services;
        lock (_services)
        {
            services = [.. _services];
        }
        foreach (var id in productIds.Where(id => services.All(s => s.Id != id)))
        {
            return Results.Json(new { message = $"Le produit {id} n’existe pas ou n’est pas accessible avec cette clé." }, statusCode: 400);
        }
        foreach (var id in formIds.Where(id => !services.Any(s => s.Forms.Any(f => f.Id == id))))
        {
            return Results.Json(new { message = $"Le formulaire {id} n’existe pas ou n’est pas accessible avec cette clé." }, statusCode: 400);
        }
        Calls.Enqueue(new StatisticsCall(productIds, from, to, body?["field_codes"]?.ToJsonString() ?? ""));
        if (Gate is { } gate)
        {
            await gate.Task;
        }
        var data = services.Where(s => productIds.Count == 0 || productIds.Contains(s.Id)).Select(s => new
        {
            product_id = s.Id.ToString(CultureInfo.InvariantCulture),
            product_name = s.Title,
            forms = s.Forms.Where(f => formIds.Count == 0 || formIds.Contains(f.Id)).Select(f => new
            {
                form_id = f.Id.ToString(CultureInfo.InvariantCulture),
                form_name = f.Title,
                intervals = Days(from, to).Select(day => (Day: day, Counts: Counts(f.Id, day))).Where(d => d.Counts is not null).Select(d => new
                {
                    date = d.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    length_interval = "day",
                    data = d.Counts!.Fields(),
                }),
            }),
        });
        return Results.Json(new { data });
    }

    private DayCounts? Counts(int formId, DateOnly day) => _days.TryGetValue((formId, day), out var c) ? c : Generator?.Invoke(formId, day);

    private static IEnumerable<DateOnly> Days(DateOnly from, DateOnly to)
    {
        for (var d = from; d <= to; d = d.AddDays(1))
        {
            yield return d;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Gate?.TrySetResult();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public sealed record StatisticsCall(List<int> ProductIds, DateOnly From, DateOnly To, string FieldCodes);
}

/// <summary>One day's answers to a JDMA form: the smiley question, comprehension (by value 1–5), reached the administration.</summary>
public sealed record DayCounts(int Good, int Medium, int Bad, int[]? Comprehension = null, int ReachedYes = 0, int ReachedNo = 0)
{
    public object[] Fields()
    {
        var fields = new List<object>
        {
            new
            {
                category = "satisfaction", label = "De façon générale, comment ça s’est passé ?",
                number_hits = new object[]
                {
                    new { intention = "good", label = "Très bien", count = Good },
                    new { intention = "medium", label = "Moyen", count = Medium },
                    new { intention = "bad", label = "Mal", count = Bad },
                },
            },
        };
        if (Comprehension is { } c)
        {
            fields.Add(new
            {
                category = "comprehension", label = "Qu’avez-vous pensé des informations et des instructions fournies ?",
                number_hits = c.Select((count, i) => (object)new { intention = i < 2 ? "bad" : i == 2 ? "medium" : "good", label = (i + 1).ToString(CultureInfo.InvariantCulture), count }).ToArray(),
            });
        }
        if (ReachedYes + ReachedNo > 0)
        {
            fields.Add(new
            {
                category = "contact_reached", label = "Avez-vous réussi à joindre l’administration ?",
                number_hits = new object[] { new { intention = "good", label = "Oui", count = ReachedYes }, new { intention = "bad", label = "Non", count = ReachedNo } },
            });
        }
        return [.. fields];
    }
}
