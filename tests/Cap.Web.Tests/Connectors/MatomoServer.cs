using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Cap.Web.Tests.Connectors;

/// <summary>
/// A Matomo-shaped HTTP server (Kestrel on a free loopback port) implementing the published Reporting API
/// (../shared/reference/connectors.md): <c>POST /index.php</c> with the form fields <c>module=API</c>, <c>method</c>
/// (<c>VisitsSummary.get</c>, <c>Goals.get</c> with <c>idGoal</c>), <c>idSite</c>, <c>period</c> (day, week, month, year,
/// range), <c>date=a,b</c>, <c>format=JSON</c>, <c>token_auth</c>. Like Matomo, its errors are HTTP 200 with
/// <c>{"result":"error","message":…}</c>: an unknown or revoked token, an unknown site or goal, a token sent in the query
/// string (which Cap must never do: it is also recorded in <see cref="TokensInQuery"/>). Periods with several days answer
/// an object keyed by period (<c>2026-11-30</c>, <c>2026-11-30,2026-12-06</c>, <c>2026-11</c>, <c>2026</c>), a period
/// without data <c>[]</c>. The daily figures are set by the test (<see cref="SetDay"/>) or generated
/// (<see cref="Generator"/>); weeks, months, years and ranges add them up. Also compiled into bench/Cap.Bench.
/// </summary>
public sealed class MatomoServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, bool> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(int Site, DateOnly Day), MatomoDay> _days = new();
    private readonly ConcurrentDictionary<int, HashSet<int>> _sites = new();

    /// <summary>The report calls answered (after the token and site checks).</summary>
    public ConcurrentQueue<ReportCall> Calls { get; } = new();

    /// <summary>Every token that reached the server in the body, and any that came in the query string.</summary>
    public ConcurrentQueue<string> SeenTokens { get; } = new();
    public ConcurrentQueue<string> TokensInQuery { get; } = new();

    /// <summary>When set, report calls wait for it (a synchronisation held in the middle).</summary>
    public TaskCompletionSource? Gate { get; set; }

    /// <summary>When set, every call answers this HTTP status (a Matomo outage).</summary>
    public int? FailWith { get; set; }

    /// <summary>When set, every call answers an HTML page with status 200 (a proxy's page, a wrong address).</summary>
    public bool AnswerHtml { get; set; }

    /// <summary>Figures for a day without figures set (the benchmark's year), or null for none.</summary>
    public Func<int, DateOnly, MatomoDay?>? Generator { get; set; }

    public Uri BaseUrl { get; private set; } = default!;

    private MatomoServer(WebApplication app) => _app = app;

    public static async Task<MatomoServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new MatomoServer(app);
        app.MapPost("/index.php", (Delegate)server.AnswerAsync);
        await app.StartAsync();
        server.BaseUrl = new Uri(app.Urls.First());
        return server;
    }

    public string AddToken()
    {
        var token = Guid.NewGuid().ToString("N");
        _tokens[token] = true;
        return token;
    }

    /// <summary>The token stops working (deleted in Matomo's personal security settings).</summary>
    public void Revoke(string token) => _tokens[token] = false;

    /// <summary>A site the tokens can read, with its goals.</summary>
    public void AddSite(int siteId, params int[] goals) => _sites[siteId] = [.. goals];

    public void SetDay(int siteId, DateOnly day, MatomoDay figures) => _days[(siteId, day)] = figures;

    public void RemoveDay(int siteId, DateOnly day) => _days.TryRemove((siteId, day), out _);

    private async Task<IResult> AnswerAsync(HttpContext context)
    {
        if (context.Request.Query.TryGetValue("token_auth", out var inQuery))
        {
            TokensInQuery.Enqueue(inQuery.ToString());
            return Error("token_auth must be sent in the POST body, not in the URL.");
        }
        if (FailWith is { } status)
        {
            return Results.Text("<html><body>Service Unavailable</body></html>", "text/html", statusCode: status);
        }
        if (AnswerHtml)
        {
            return Results.Text("<!DOCTYPE html><html><body>Matomo › Connexion</body></html>", "text/html");
        }
        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync() : null;
        if (form is null || form["module"] != "API" || form["format"] != "JSON")
        {
            return Error("Please specify module=API and format=JSON.");
        }
        var token = form["token_auth"].ToString();
        SeenTokens.Enqueue(token);
        if (!int.TryParse(form["idSite"], NumberStyles.None, CultureInfo.InvariantCulture, out var site))
        {
            return Error("The parameter 'idSite' is missing or invalid.");
        }
        if (!_tokens.TryGetValue(token, out var valid) || !valid || !_sites.TryGetValue(site, out var goals))
        {
            // What Matomo answers for an unknown token and for a site the token cannot read alike.
            return Error($"You can't access this resource as it requires 'view' access for the website id = {site}.");
        }
        var method = form["method"].ToString();
        int? goal = null;
        if (method == "Goals.get")
        {
            if (!int.TryParse(form["idGoal"], NumberStyles.None, CultureInfo.InvariantCulture, out var g) || !goals.Contains(g))
            {
                return Error($"The goal id {form["idGoal"]} is not valid for this website.");
            }
            goal = g;
        }
        else if (method != "VisitsSummary.get")
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
        if (period is not ("day" or "week" or "month" or "year" or "range"))
        {
            return Error($"The period '{period}' is not supported. Try any of the following instead: day, week, month, year, range");
        }
        Calls.Enqueue(new ReportCall(method, period, from, to, goal));
        if (Gate is { } gate)
        {
            await gate.Task;
        }
        if (period == "range")
        {
            return Results.Json(Figures(site, goal, from, to) ?? (object)Array.Empty<object>());
        }
        var answer = new Dictionary<string, object>();
        foreach (var (key, pFrom, pTo) in Periods(period, from, to))
        {
            answer[key] = Figures(site, goal, pFrom, pTo) ?? (object)Array.Empty<object>();
        }
        return Results.Json(answer);
    }

    private static IResult Error(string message) => Results.Json(new { result = "error", message });

    /// <summary>The sum of the days' figures, as Matomo reports them, or null when no day has any.</summary>
    private object? Figures(int site, int? goal, DateOnly from, DateOnly to)
    {
        var days = new List<MatomoDay>();
        for (var d = from; d <= to; d = d.AddDays(1))
        {
            if ((_days.TryGetValue((site, d), out var day) ? day : Generator?.Invoke(site, d)) is { } found)
            {
                days.Add(found);
            }
        }
        if (days.Count == 0)
        {
            return null;
        }
        var visits = days.Sum(d => d.Visits);
        if (goal is not null)
        {
            var conversions = days.Sum(d => d.Conversions);
            return new { nb_conversions = conversions, nb_visits_converted = conversions, conversion_rate = visits == 0 ? "0%" : $"{Math.Round(100.0 * conversions / visits, 1).ToString(CultureInfo.InvariantCulture)}%", revenue = 0 };
        }
        return new
        {
            nb_uniq_visitors = days.Sum(d => d.UniqueVisitors),
            nb_visits = visits,
            nb_actions = visits * 3,
            // Matomo writes the rate as a string with its percent sign.
            bounce_rate = visits == 0 ? "0%" : $"{Math.Round(100.0 * days.Sum(d => d.Bounces) / visits).ToString(CultureInfo.InvariantCulture)}%",
            avg_time_on_site = visits == 0 ? 0 : days.Sum(d => d.TotalSeconds) / visits,
            nb_actions_per_visit = 3,
        };
    }

    /// <summary>Matomo's periods between two days, keyed as Matomo keys them (weeks from Monday).</summary>
    private static IEnumerable<(string Key, DateOnly From, DateOnly To)> Periods(string period, DateOnly from, DateOnly to)
    {
        for (var day = from; day <= to;)
        {
            DateOnly start, end;
            string key;
            switch (period)
            {
                case "day":
                    (start, end, key) = (day, day, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                    break;
                case "week":
                    start = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
                    end = start.AddDays(6);
                    key = $"{start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)},{end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
                    break;
                case "month":
                    start = new DateOnly(day.Year, day.Month, 1);
                    end = start.AddMonths(1).AddDays(-1);
                    key = start.ToString("yyyy-MM", CultureInfo.InvariantCulture);
                    break;
                default:
                    start = new DateOnly(day.Year, 1, 1);
                    end = start.AddYears(1).AddDays(-1);
                    key = start.ToString("yyyy", CultureInfo.InvariantCulture);
                    break;
            }
            yield return (key, start, end);
            day = end.AddDays(1);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Gate?.TrySetResult();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public sealed record ReportCall(string Method, string Period, DateOnly From, DateOnly To, int? GoalId);
}

/// <summary>One day of a site's audience: visits, unique visitors, visits of one page, the seconds spent in all, goal conversions.</summary>
public sealed record MatomoDay(int Visits, int UniqueVisitors, int Bounces = 0, int TotalSeconds = 0, int Conversions = 0);
