using System.Globalization;
using Cap.Data;
using Cap.Domain.Connectors;
using Cap.Domain.Steering;
using Cap.Web.Shared.Connectors;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Matomo;

/// <summary>
/// The demo's Matomo: when the demo is on (<c>Database:SeedDemoData</c>), Cap itself serves a Matomo-shaped Reporting API
/// at <see cref="PathBase"/><c>/index.php</c> (same contract: POST form fields, <c>token_auth</c> in the body, errors as
/// HTTP 200 with <c>result: error</c>, <c>VisitsSummary.get</c> and <c>Goals.get</c> by day, week, month, year or range)
/// with plausible daily audience generated from the date, and the demo product <see cref="ProductSlug"/> is connected to
/// it with two indicators fed from it. Once the server has started, <see cref="DemoMatomoTarget"/> points the connection
/// at the application's own address, so the background synchronisation fills the indicators a moment after start-up.
/// </summary>
public static class DemoMatomo
{
    public const string PathBase = "/demo/matomo";
    public const string Token = "demo-matomo-jeton-de-demonstration";
    public const string ProductSlug = "emplois-inclusion";
    public const int SiteId = 7;
    public const int GoalId = 1;

    public static async Task SeedAsync(CapDbContext db, ConnectorSecrets secrets, TimeProvider time)
    {
        var productId = await db.Products.Where(p => p.Slug == ProductSlug).Select(p => (int?)p.Id).FirstOrDefaultAsync();
        if (productId is not { } id || await db.MatomoConnections.AnyAsync(c => c.ProductId == id))
        {
            return;
        }
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var position = await db.Indicators.Where(i => i.ProductId == id).MaxAsync(i => (int?)i.Position) ?? -1;
        var visitors = new Indicator
        {
            ProductId = id, Kind = IndicatorKind.Direction, Name = "Visiteurs uniques par semaine",
            Definition = "Visiteurs uniques de la semaine (lundi à dimanche) mesurés par Matomo, en mode exempté de consentement.",
            Unit = IndicatorUnit.Number, Direction = WantedDirection.Up, Baseline = 9000, BaselineDate = today.AddMonths(-12),
            Target = 12000, TargetDate = today.AddMonths(6), Frequency = UpdateFrequency.Weekly, DataSource = "Matomo (synchronisé par Cap)",
            Position = position + 1,
        };
        var bounce = new Indicator
        {
            ProductId = id, Kind = IndicatorKind.Direction, Name = "Taux de rebond mensuel",
            Definition = "Part des visites d’une seule page, sur le mois, mesurée par Matomo.",
            Unit = IndicatorUnit.Percent, Direction = WantedDirection.Down, Baseline = 48, BaselineDate = today.AddMonths(-12),
            Target = 40, TargetDate = today.AddMonths(6), Frequency = UpdateFrequency.Monthly, DataSource = "Matomo (synchronisé par Cap)",
            Position = position + 2,
        };
        db.Indicators.AddRange(visitors, bounce);
        await db.SaveChangesAsync();
        var connection = new MatomoConnection
        {
            // Replaced by the application's own address once it has started (DemoMatomoTarget).
            ProductId = id, BaseUrl = "http://localhost" + PathBase, SiteId = SiteId, ProtectedToken = secrets.Protect(ConnectorKind.Matomo, Token),
            TokenSavedAt = now, Version = 1,
            Mappings =
            [
                new MatomoMetricMapping { ProductId = id, Metric = MatomoMetric.UniqueVisitors, IndicatorId = visitors.Id },
                new MatomoMetricMapping { ProductId = id, Metric = MatomoMetric.BounceRate, IndicatorId = bounce.Id },
            ],
        };
        db.MatomoConnections.Add(connection);
        await db.SaveChangesAsync();
        var state = await ConnectorRunner.EnsureStateAsync(db, ConnectorKind.Matomo, connection.Id, id, now, CancellationToken.None);
        // Not due until DemoMatomoTarget has pointed it at this instance (which makes it due): no failed first attempt.
        state.NextAttemptAt = now.AddDays(1);
        await db.SaveChangesAsync();
    }

    /// <summary>Maps the demo's Matomo-shaped API (demo only).</summary>
    public static void Map(IEndpointRouteBuilder app) =>
        // Matomo's callers are not signed in to Cap: the token is the API's own authentication.
        app.MapPost(PathBase + "/index.php", (Delegate)AnswerAsync).ExcludeFromDescription().AllowAnonymous().DisableAntiforgery();

    private static async Task<IResult> AnswerAsync(HttpContext context)
    {
        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync() : null;
        if (form is null || form["module"] != "API" || !string.Equals(form["format"], "JSON", StringComparison.OrdinalIgnoreCase))
        {
            return Error("Le paramètre module=API et format=JSON sont attendus.");
        }
        if (form["token_auth"] != Token || context.Request.Query.ContainsKey("token_auth"))
        {
            return Error("You can't access this resource as it requires 'view' access for the website id = " + form["idSite"] + ".");
        }
        if (form["idSite"] != SiteId.ToString(CultureInfo.InvariantCulture))
        {
            return Error("The website id " + form["idSite"] + " is not valid.");
        }
        var method = form["method"].ToString();
        if (method is not (MatomoRules.VisitsSummaryMethod or MatomoRules.GoalsMethod))
        {
            return Error($"The method '{method}' does not exist or is not available in the module 'API'.");
        }
        var dates = form["date"].ToString().Split(',');
        if (dates.Length != 2 || !DateOnly.TryParseExact(dates[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
            || !DateOnly.TryParseExact(dates[1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to) || to < from)
        {
            return Error("Date format must be: YYYY-MM-DD,YYYY-MM-DD.");
        }
        var period = form["period"].ToString();
        Func<DateOnly, DateOnly, object?> figures = method == MatomoRules.GoalsMethod ? Goal : Visits;
        return period switch
        {
            "range" => Results.Json(figures(from, to)),
            "day" or "week" or "month" or "year" => Results.Json(Periods(period, from, to).ToDictionary(p => p.Key, p => figures(p.From, p.To) ?? Array.Empty<object>())),
            _ => Error("The period '" + period + "' is not supported. Try any of the following instead: day, week, month, year, range"),
        };
    }

    private static IResult Error(string message) => Results.Json(new { result = "error", message });

    /// <summary>Matomo's periods between two days, keyed as Matomo keys them.</summary>
    public static IEnumerable<(string Key, DateOnly From, DateOnly To)> Periods(string period, DateOnly from, DateOnly to)
    {
        var frequency = period switch { "week" => UpdateFrequency.Weekly, "month" => UpdateFrequency.Monthly, _ => UpdateFrequency.Yearly };
        for (var day = from; day <= to;)
        {
            if (period == "day")
            {
                yield return (day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), day, day);
                day = day.AddDays(1);
                continue;
            }
            var p = MatomoRules.PeriodOf(frequency, day);
            var key = period switch
            {
                "week" => $"{p.From:yyyy-MM-dd},{p.To:yyyy-MM-dd}",
                "month" => p.From.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                _ => p.From.ToString("yyyy", CultureInfo.InvariantCulture),
            };
            yield return (key, p.From, p.To);
            day = p.To.AddDays(1);
        }
    }

    /// <summary>A day's plausible audience: more on weekdays, slowly growing over the year, a bounce rate around 45 %.</summary>
    private static (int Visits, int Unique, int Bounces, int Seconds, int Conversions) Day(DateOnly day)
    {
        var weekday = day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
        var growth = day.DayNumber % 365;
        var visits = (weekday ? 1800 : 600) + growth + day.DayNumber % 97;
        var unique = visits * (80 + day.DayNumber % 7) / 100;
        var bounces = visits * (42 + day.DayNumber % 9) / 100;
        return (visits, unique, bounces, 150 + day.DayNumber % 60, visits / 25);
    }

    private static object? Visits(DateOnly from, DateOnly to)
    {
        var days = Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(i => Day(from.AddDays(i))).ToList();
        var visits = days.Sum(d => d.Visits);
        return new
        {
            nb_uniq_visitors = days.Sum(d => d.Unique) * (days.Count > 1 ? 85 : 100) / 100,
            nb_visits = visits,
            nb_actions = visits * 3,
            bounce_rate = $"{Math.Round(100.0 * days.Sum(d => d.Bounces) / visits):0}%",
            avg_time_on_site = days.Sum(d => d.Seconds * d.Visits) / visits,
            nb_actions_per_visit = 3,
        };
    }

    private static object? Goal(DateOnly from, DateOnly to)
    {
        var conversions = Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Sum(i => Day(from.AddDays(i)).Conversions);
        return new { nb_conversions = conversions, nb_visits_converted = conversions, conversion_rate = "4%", revenue = 0 };
    }
}

/// <summary>Demo only: the demo product's Matomo connection, pointed at this instance.</summary>
public sealed class DemoMatomoTarget : IDemoConnectorTarget
{
    public async Task PointAsync(CapDbContext db, string origin, DateTimeOffset now)
    {
        var baseUrl = origin + DemoMatomo.PathBase;
        var connection = await db.MatomoConnections.FirstOrDefaultAsync(c => c.Product!.Slug == DemoMatomo.ProductSlug && c.SiteId == DemoMatomo.SiteId);
        if (connection is null || connection.BaseUrl == baseUrl)
        {
            return;
        }
        connection.BaseUrl = baseUrl;
        await db.SaveChangesAsync();
        await ConnectorRunner.MakeDueAsync(db, ConnectorKind.Matomo, connection.Id, now, CancellationToken.None);
    }
}
