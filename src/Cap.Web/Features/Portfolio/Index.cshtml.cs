using System.Text.Json;
using Cap.Data;
using Cap.Domain.Catalogue;
using Cap.Domain.Portfolio;
using Cap.Domain.Steering;
using Cap.Web.Shared;
using Cap.Web.Shared.Export;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.WebUtilities;

namespace Cap.Web.Features.Portfolio;

/// <summary>
/// The portfolio dashboard: every steered product on one line, filters and order in the query string (a view is a link),
/// the figures over the filtered products (phase × health, satisfaction bands, the observatory's scorecard), and the
/// exports of exactly the filtered lines in the shown order. Read by every person who can read the portfolio.
/// </summary>
public sealed class IndexModel(CapDbContext db, PortfolioQuery query, ProductFlags flags, TimeProvider time) : PageModel
{
    public const string Path = "/pilotage";

    public PortfolioCriteria Criteria { get; private set; } = new();
    public Dictionary<string, string> FilterErrors { get; private set; } = [];
    public PortfolioView View { get; private set; } = default!;
    public IReadOnlyDictionary<string, string> FlagLabels { get; private set; } = new Dictionary<string, string>();
    public List<SelectListItem> Domains { get; private set; } = [];
    public List<SelectListItem> Directorates { get; private set; } = [];
    public List<SelectListItem> Typologies { get; private set; } = [];
    public List<SelectListItem> FlagOptions { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public static PortfolioParameters Parameters => PortfolioParameters.French;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        ViewData["Title"] = "Pilotage du portefeuille";
        ViewData["Breadcrumb"] = new List<Crumb> { new("Accueil", "/"), new("Pilotage du portefeuille", null) };
        Parse();
        Today = time.ParisToday();
        View = await query.ReadAsync(Criteria, ct);
        Domains = await ReferenceOptions.ByCodeAsync(db, ReferenceKind.Domain, ct);
        Directorates = await ReferenceOptions.ByCodeAsync(db, ReferenceKind.Directorate, ct);
        Typologies = await ReferenceOptions.ByCodeAsync(db, ReferenceKind.Typology, ct);
        return Page();
    }

    public Task<IActionResult> OnGetCsvAsync(CancellationToken ct) => ExportAsync(xlsx: false, ct);

    public Task<IActionResult> OnGetXlsxAsync(CancellationToken ct) => ExportAsync(xlsx: true, ct);

    /// <summary>Streams the filtered lines (every page, in the shown order); the page itself is not rendered.</summary>
    private async Task<IActionResult> ExportAsync(bool xlsx, CancellationToken ct)
    {
        Parse();
        var today = time.ParisToday();
        await query.EnsureFreshAsync(ct);
        var rows = Lines(query.AllAsync(Criteria), today, ct);
        Response.Headers.ContentDisposition = $"attachment; filename=\"pilotage-{today:yyyy-MM-dd}.{(xlsx ? "xlsx" : "csv")}\"";
        if (xlsx)
        {
            Response.ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            await StreamedXlsx.WriteAsync(Response.Body, "Pilotage", Header, rows, ct);
            return new EmptyResult();
        }
        Response.ContentType = "text/csv; charset=utf-8";
        await CsvSheet.WriteAsync(Response.Body, Header, rows, ct);
        return new EmptyResult();
    }

    public static readonly string[] Header =
    [
        "Produit", "Identifiant", "Direction", "Domaine", "Typologie", "Phase", "Dans la phase depuis le", "Jours dans la phase",
        "Santé des indicateurs", "Indicateurs", "Hors trajectoire", "À surveiller", "En retard", "Sans mesure", "En bonne voie", "Atteints",
        "Satisfaction 30 jours (sur 10)", "Avis 30 jours", "Satisfaction 30 jours précédents", "Avis 30 jours précédents",
        "Check-list (%)", "Check-list du", "Météo", "Météo du", "Conditions non levées", "Conditions en retard",
        "Points d’attention", "Dernière activité",
    ];

    private async IAsyncEnumerable<object?[]> Lines(IAsyncEnumerable<PortfolioRow> rows, DateOnly today, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var r in rows.WithCancellation(ct))
        {
            var s = r.Line;
            yield return
            [
                r.Name, r.Slug, r.DirectorateName, r.DomainName, r.TypologyName, r.Phase.Label(), Dates.Day(r.PhaseSince), PortfolioDisplay.DaysInPhase(r, today),
                (s?.Health ?? PortfolioHealth.NoIndicator).Label(), s?.Indicators ?? 0, s?.OffTrack ?? 0, s?.Watch ?? 0, s?.Late ?? 0, s?.NoData ?? 0, s?.OnTrack ?? 0, s?.Reached ?? 0,
                s?.Index30, s?.Answers30 ?? 0, s?.IndexPrevious30, s?.AnswersPrevious30 ?? 0,
                s?.ChecklistScore, s?.ChecklistAt is { } c ? Dates.Day(c) : null, (s?.Weather is { } wl ? Cap.Domain.Coaching.CoachingLabels.Label(wl) : null), s?.WeatherAt is { } w ? Dates.Day(w) : null,
                s?.OpenConditions ?? 0, s?.OverdueConditions ?? 0,
                string.Join(" ; ", PortfolioDisplay.Codes(s).Select(FlagLabel)), s?.LastActivityAt is { } a ? Dates.WithTime(a) : null,
            ];
        }
    }

    private void Parse()
    {
        var kinds = flags.Kinds;
        FlagLabels = kinds.ToDictionary(k => k.Code, k => k.Label);
        FlagOptions = kinds.Select(k => new SelectListItem(k.Label, k.Code)).ToList();
        (Criteria, FilterErrors) = Parameters.Parse(name => Request.Query[name].FirstOrDefault(), FlagLabels.Keys.ToList());
        // The page's size is fixed: « taille » belongs to the API.
        Criteria = Criteria with { Size = PortfolioCriteria.PageSize };
    }

    public string FlagLabel(string code) => FlagLabels.GetValueOrDefault(code, code);

    /// <summary>This view's link with other criteria (a sort header, a page).</summary>
    public string LinkTo(PortfolioCriteria criteria, int? page = null, string path = Path) =>
        QueryHelpers.AddQueryString(path, Parameters.Values(criteria, page).Where(v => v.Value is not null)!);

    /// <summary>The link a sort header gives: this sort in its natural order, or the other way when it is the current one.</summary>
    public string SortUrl(PortfolioSort sort) =>
        LinkTo(Criteria with { Sort = sort, Descending = Criteria.Sort == sort ? !Criteria.IsDescending : null, Page = 1 });

    public string? AriaSort(PortfolioSort sort) => Criteria.Sort != sort ? null : Criteria.IsDescending ? "descending" : "ascending";

    public Pagination Pagination => new(View.Rows.Page, View.Rows.PageCount, p => LinkTo(Criteria, p), "Pagination du tableau de pilotage");

    public static readonly PortfolioHealth[] Healths = [PortfolioHealth.OffTrack, PortfolioHealth.Watch, PortfolioHealth.Good, PortfolioHealth.NoIndicator];

    public List<SelectListItem> HealthOptions => Healths.Select(h => new SelectListItem(h.Label(), Parameters.HealthValue(h))).ToList();

    public List<SelectListItem> SortOptions =>
    [
        new("Nom du produit", Parameters.SortValue(PortfolioSort.Name)),
        new("Phase du cycle de vie", Parameters.SortValue(PortfolioSort.Phase)),
        new("Durée dans la phase", Parameters.SortValue(PortfolioSort.TimeInPhase)),
        new("Santé des indicateurs", Parameters.SortValue(PortfolioSort.Health)),
        new("Satisfaction", Parameters.SortValue(PortfolioSort.Satisfaction)),
        new("Score de la check-list", Parameters.SortValue(PortfolioSort.Checklist)),
        new("Dernière activité", Parameters.SortValue(PortfolioSort.Activity)),
        new("Points d’attention", Parameters.SortValue(PortfolioSort.Flags)),
    ];

    public static List<SelectListItem> OrderOptions => [new("Croissant", "asc"), new("Décroissant", "desc")];

    public List<SelectListItem> PhaseOptions => Enum.GetValues<Phase>().Select(p => new SelectListItem(p.Label(), Parameters.PhaseValue(p))).ToList();

    /// <summary>The phase × health chart's data (dsfr-chart: one series per health, the phases on x).</summary>
    public (string X, string Y, string Names) PhaseHealthChart()
    {
        var phases = Enum.GetValues<Phase>();
        var labels = phases.Select(p => p.Label()).ToList();
        var series = Healths.Select(h => phases.Select(p => View.PhaseHealth.Where(c => c.Phase == p && c.Health == h).Sum(c => c.Count)).ToList()).ToList();
        return (JsonSerializer.Serialize(Healths.Select(_ => labels)), JsonSerializer.Serialize(series), JsonSerializer.Serialize(Healths.Select(h => h.Label())));
    }

    public (string X, string Y) SatisfactionChart() =>
        (JsonSerializer.Serialize(new[] { PortfolioQuery.BandLabels }),
         JsonSerializer.Serialize(new[] { Enumerable.Range(0, PortfolioQuery.BandLabels.Length).Select(b => View.SatisfactionBands.FirstOrDefault(x => x.Band == b)?.Count ?? 0) }));

    public int PhaseHealthCount(Phase phase, PortfolioHealth health) => View.PhaseHealth.Where(c => c.Phase == phase && c.Health == health).Sum(c => c.Count);

    public static IEnumerable<(IndicatorStatus Status, int Count)> Statuses(PortfolioSummary s) =>
        PortfolioDisplay.WorstFirst.Select(st => (st, s.Count(st))).Where(x => x.Item2 > 0);
}
