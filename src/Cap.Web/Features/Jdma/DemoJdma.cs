using System.Globalization;
using System.Text.Json;
using Cap.Data;
using Cap.Domain.Connectors;
using Cap.Web.Shared.Connectors;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Jdma;

/// <summary>
/// The demo's JDMA: when the demo is on (<c>Database:SeedDemoData</c>), Cap itself serves a JDMA-shaped open API under
/// <see cref="PathBase"/> (same contract: Bearer key, <c>GET /services</c>, <c>POST /statistiques</c> by day, 400 on
/// unknown ids or more than 10 services) with plausible daily figures generated from the date, and the demo product
/// <see cref="ProductSlug"/> is connected to it, as is the organisation <see cref="OrganisationName"/> whose connection
/// feeds two more products (<see cref="OrganisationForms"/>). Once the server has started, <see cref="DemoJdmaTarget"/> points the
/// connection at the application's own address (the server's first http address), so the background synchronisation
/// fills the product's JDMA figures a moment after start-up.
/// </summary>
public static class DemoJdma
{
    public const string PathBase = "/demo/jdma";
    public const string Key = "demo-jdma-cle-de-demonstration";
    public const string ProductSlug = "mes-aides-sociales";
    public const int ServiceId = 9001;
    public const int FormId = 90011;
    private const int OtherServiceId = 9002;
    private const int OtherFormId = 90021;

    /// <summary>The demo organisation's connection (an « entité » key reading every service) and the products its forms feed.</summary>
    public const string OrganisationName = "DNUM des ministères sociaux";
    public static readonly (string Slug, int ServiceId, string ServiceTitle, int FormId, string FormTitle)[] OrganisationForms =
    [
        ("ruptures-conventionnelles", 9003, "Ruptures conventionnelles — demande d’homologation", 90031, "Formulaire après le dépôt de la demande"),
        ("index-egalite", 9004, "Index Égalité — déclaration", 90041, "Formulaire après la déclaration"),
    ];

    /// <summary>Every service the demo JDMA serves: id, title, its one form.</summary>
    private static readonly (int Id, string Title, int FormId, string FormTitle)[] Services =
    [
        (ServiceId, "Mes aides sociales — simulateur", FormId, "Formulaire après la simulation"),
        (OtherServiceId, "Démarche de démonstration", OtherFormId, "Formulaire de la démarche"),
        .. OrganisationForms.Select(f => (f.ServiceId, f.ServiceTitle, f.FormId, f.FormTitle)),
    ];

    public static async Task SeedAsync(CapDbContext db, ConnectorSecrets secrets, TimeProvider time)
    {
        await SeedOrganisationAsync(db, secrets, time);
        var productId = await db.Products.Where(p => p.Slug == ProductSlug).Select(p => (int?)p.Id).FirstOrDefaultAsync();
        if (productId is not { } id || await db.JdmaConnections.AnyAsync(c => c.ProductId == id))
        {
            return;
        }
        var now = time.GetUtcNow();
        var connection = new JdmaConnection
        {
            // Replaced by the application's own address once it has started (DemoJdmaTarget).
            ProductId = id, BaseUrl = "http://localhost" + PathBase, ProtectedKey = secrets.Protect(ConnectorKind.Jdma, Key), KeySavedAt = now, Version = 1,
            Forms = [new JdmaFormMapping { ProductId = id, ServiceId = ServiceId, ServiceTitle = "Mes aides sociales — simulateur", FormId = FormId, FormTitle = "Formulaire après la simulation" }],
        };
        db.JdmaConnections.Add(connection);
        await db.SaveChangesAsync();
        var state = await ConnectorRunner.EnsureStateAsync(db, ConnectorKind.Jdma, connection.Id, id, now, CancellationToken.None);
        // Not due until DemoJdmaTarget has pointed it at this instance (which makes it due): no failed first attempt.
        state.NextAttemptAt = now.AddDays(1);
        await db.SaveChangesAsync();
    }

    /// <summary>The demo organisation's connection, feeding <see cref="OrganisationForms"/>' products (those that exist).</summary>
    private static async Task SeedOrganisationAsync(CapDbContext db, ConnectorSecrets secrets, TimeProvider time)
    {
        if (await db.JdmaOrganisationConnections.AnyAsync(c => c.Name == OrganisationName))
        {
            return;
        }
        var slugs = OrganisationForms.Select(f => f.Slug).ToList();
        var products = await db.Products.Where(p => slugs.Contains(p.Slug)).ToDictionaryAsync(p => p.Slug, p => p.Id);
        if (products.Count == 0)
        {
            return;
        }
        var now = time.GetUtcNow();
        var connection = new JdmaOrganisationConnection
        {
            Name = OrganisationName, BaseUrl = "http://localhost" + PathBase, ProtectedKey = secrets.Protect(ConnectorKind.Jdma, Key), KeySavedAt = now, Version = 1,
            Forms = [.. OrganisationForms.Where(f => products.ContainsKey(f.Slug)).Select(f => new JdmaOrganisationForm
            {
                ProductId = products[f.Slug], ServiceId = f.ServiceId, ServiceTitle = f.ServiceTitle, FormId = f.FormId, FormTitle = f.FormTitle,
            })],
        };
        db.JdmaOrganisationConnections.Add(connection);
        await db.SaveChangesAsync();
        var state = await ConnectorRunner.EnsureStateAsync(db, ConnectorKind.JdmaOrganisation, connection.Id, null, now, CancellationToken.None);
        // Not due until DemoJdmaTarget has pointed it at this instance.
        state.NextAttemptAt = now.AddDays(1);
        await db.SaveChangesAsync();
    }

    /// <summary>Maps the demo's JDMA-shaped API (demo only).</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        // JDMA's callers are not signed in to Cap: the Bearer key is the API's own authentication.
        var group = app.MapGroup(PathBase + "/api/open-api").ExcludeFromDescription().AllowAnonymous();
        group.MapGet("/services", (HttpContext context) => Authorized(context) ? Results.Json(new
        {
            data = Services.Select(s => new { id = s.Id, title = s.Title, entity = "Ministères sociaux", forms = new[] { new { id = s.FormId, title = s.FormTitle } } }),
        }) : Unauthorized());
        group.MapPost("/statistiques", async (HttpContext context) =>
        {
            if (!Authorized(context))
            {
                return Unauthorized();
            }
            using var body = await JsonDocument.ParseAsync(context.Request.Body);
            var root = body.RootElement;
            var ids = root.TryGetProperty("product_ids", out var p) ? p.EnumerateArray().Select(e => e.GetInt32()).ToList() : [.. Services.Select(s => s.Id)];
            if (ids.Count > 10)
            {
                return Results.Json(new { message = "Vous ne pouvez pas demander plus de 10 produits à la fois." }, statusCode: 400);
            }
            if (ids.FirstOrDefault(i => Services.All(s => s.Id != i)) is var unknown and not 0)
            {
                return Results.Json(new { message = $"Le produit {unknown} n’existe pas ou n’est pas accessible avec cette clé." }, statusCode: 400);
            }
            if (!DateOnly.TryParse(root.GetProperty("start_date").GetString(), CultureInfo.InvariantCulture, out var from)
                || !DateOnly.TryParse(root.GetProperty("end_date").GetString(), CultureInfo.InvariantCulture, out var to) || to < from || to.DayNumber - from.DayNumber > 400)
            {
                return Results.Json(new { message = "Les dates de début et de fin sont obligatoires (AAAA-MM-JJ), sur 400 jours au plus." }, statusCode: 400);
            }
            var data = ids.Select(id => Services.First(s => s.Id == id)).Select(service => new
            {
                product_id = service.Id.ToString(CultureInfo.InvariantCulture),
                product_name = service.Title,
                forms = new[]
                {
                    new
                    {
                        form_id = service.FormId.ToString(CultureInfo.InvariantCulture),
                        form_name = service.FormTitle,
                        intervals = Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(i => from.AddDays(i)).Select(day => new
                        {
                            date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                            length_interval = "day",
                            data = Day(service.Id, day),
                        }),
                    },
                },
            });
            return Results.Json(new { data });
        });
    }

    private static bool Authorized(HttpContext context) => context.Request.Headers.Authorization.ToString() == "Bearer " + Key;

    private static IResult Unauthorized() => Results.Json(new { message = "Clé API invalide ou expirée." }, statusCode: 401);

    /// <summary>A day's plausible answers: more on weekdays, satisfaction around 7.5/10 slowly improving over the year.</summary>
    private static object[] Day(int serviceId, DateOnly day)
    {
        var n = day.DayNumber + serviceId;
        var weekday = day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
        var volume = (weekday ? 24 : 8) + n % 9;
        var trend = (day.DayOfYear % 120) / 40;
        var good = volume * (55 + trend * 5 + n % 7) / 100;
        var bad = volume * (10 + n % 5) / 100;
        var medium = volume - good - bad;
        var answered = volume * 2 / 3;
        int[] clarity = [answered / 12, answered / 8, answered / 5, answered / 3, answered - answered / 12 - answered / 8 - answered / 5 - answered / 3];
        var help = volume / 5;
        return
        [
            new { category = "satisfaction", label = "De façon générale, comment ça s’est passé ?", number_hits = new object[] {
                new { intention = "good", label = "Très bien", count = good }, new { intention = "medium", label = "Moyen", count = medium }, new { intention = "bad", label = "Mal", count = bad } } },
            new { category = "comprehension", label = "Qu’avez-vous pensé des informations et des instructions fournies ?",
                number_hits = clarity.Select((count, i) => (object)new { intention = i < 2 ? "bad" : i == 2 ? "medium" : "good", label = (i + 1).ToString(CultureInfo.InvariantCulture), count }).ToArray() },
            new { category = "contact_reached", label = "Avez-vous réussi à joindre l’administration ?", number_hits = new object[] {
                new { intention = "good", label = "Oui", count = help * 2 / 3 }, new { intention = "bad", label = "Non", count = help - help * 2 / 3 } } },
        ];
    }
}

/// <summary>Demo only: the demo product's JDMA connection and the organisation's, pointed at this instance.</summary>
public sealed class DemoJdmaTarget : IDemoConnectorTarget
{
    public async Task PointAsync(CapDbContext db, string origin, DateTimeOffset now)
    {
        var baseUrl = origin + DemoJdma.PathBase;
        var connection = await db.JdmaConnections.FirstOrDefaultAsync(c => c.Product!.Slug == DemoJdma.ProductSlug && c.Forms.Any(f => f.FormId == DemoJdma.FormId));
        if (connection is not null && connection.BaseUrl != baseUrl)
        {
            connection.BaseUrl = baseUrl;
            await db.SaveChangesAsync();
            await ConnectorRunner.MakeDueAsync(db, ConnectorKind.Jdma, connection.Id, now, CancellationToken.None);
        }
        var organisation = await db.JdmaOrganisationConnections.FirstOrDefaultAsync(c => c.Name == DemoJdma.OrganisationName);
        if (organisation is not null && organisation.BaseUrl != baseUrl)
        {
            organisation.BaseUrl = baseUrl;
            await db.SaveChangesAsync();
            await ConnectorRunner.MakeDueAsync(db, ConnectorKind.JdmaOrganisation, organisation.Id, now, CancellationToken.None);
        }
    }
}
