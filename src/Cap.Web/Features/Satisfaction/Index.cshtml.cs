using System.Globalization;
using System.Text.Json;
using Cap.Data;
using Cap.Domain.Satisfaction;
using Cap.Web.Shared;
using Cap.Web.Shared.Auth;
using Cap.Web.Shared.Connectors;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Mvc;

namespace Cap.Web.Features.Satisfaction;

/// <summary>The product's "Satisfaction" tab: index, clarity, help reach and answers over a period, per period step and per placement.</summary>
public sealed class IndexModel(CapDbContext db, CurrentUser currentUser, SatisfactionService service, SatisfactionStatistics statistics,
    ConnectorStatuses connectors, TimeProvider time, Microsoft.Extensions.Options.IOptions<SatisfactionOptions> options) : ProductPageModel(db, currentUser)
{
    public override string TabKey => "satisfaction";
    protected override string PageTitle => "Satisfaction";

    [BindProperty(SupportsGet = true, Name = "periode")]
    public string? Period { get; set; }

    /// <summary>The chosen period (<c>du</c>, <c>au</c>), read when <see cref="Period"/> is "perso".</summary>
    [BindProperty(SupportsGet = true)]
    public PeriodFilter Filter { get; set; } = PeriodFilter.None;

    [BindProperty(SupportsGet = true, Name = "emplacement")]
    public int? PlacementId { get; set; }

    [BindProperty(SupportsGet = true, Name = "pas")]
    public string? Step { get; set; }

    public FeedbackForm? Form { get; private set; }
    public List<Placement> Placements { get; private set; } = [];
    public SatisfactionStats? Stats { get; private set; }
    public List<string> Errors { get; } = [];

    /// <summary>The product's JDMA connection (its forms and synchronisation), when it has one.</summary>
    public ConnectorStatus? Jdma { get; private set; }
    public SatisfactionStats? JdmaStats { get; private set; }

    /// <summary>What each source's block shows: Cap's form, JDMA's synced days.</summary>
    public SatisfactionFigures? Figures { get; private set; }
    public SatisfactionFigures? JdmaFigures { get; private set; }
    public bool HasFigures => (Stats?.Totals.Count ?? 0) > 0 || (JdmaStats?.Totals.Count ?? 0) > 0;

    /// <summary>When the figures were read (Paris time), and how many seconds of answers may still be on their way to them.</summary>
    public string ComputedAt { get; private set; } = "";
    public int DelaySeconds => options.Value.StatisticsDelaySeconds;

    public string ChartX { get; private set; } = "[]";
    public string IndexX { get; private set; } = "[]";
    public string IndexY { get; private set; } = "[]";
    public string CountY { get; private set; } = "[]";

    public static readonly (string Value, string Label)[] Periods = [("7j", "7 derniers jours"), ("30j", "30 derniers jours"), ("12m", "12 derniers mois"), ("perso", "Période choisie")];
    public static readonly (string Value, string Label)[] Steps = [("", "Automatique"), ("jour", "Par jour"), ("semaine", "Par semaine"), ("mois", "Par mois")];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Form = await service.FormAsync(Product.Id, ct);
        Placements = await service.PlacementsAsync(Product.Id, ct);
        // The product's own JDMA connection, or else an organisation's that maps forms to it (decision 0021).
        var jdmaConnection = await Db.JdmaConnections.AsNoTracking().Where(c => c.ProductId == Product.Id).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct);
        var organisationConnection = await Db.JdmaOrganisationForms.AsNoTracking().Where(f => f.ProductId == Product.Id)
            .OrderBy(f => f.ConnectionId).Select(f => (int?)f.ConnectionId).FirstOrDefaultAsync(ct);
        Jdma = jdmaConnection is { } connectionId ? await connectors.ForConnectionAsync(Domain.Connectors.ConnectorKind.Jdma, connectionId, ct)
            : organisationConnection is { } organisationId ? await connectors.ForConnectionAsync(Domain.Connectors.ConnectorKind.JdmaOrganisation, organisationId, ct)
            : null;
        if (Form is null && Jdma is null)
        {
            return Page();
        }
        var (from, to) = Range(service.Today);
        if (PlacementId is { } id && Placements.All(p => p.Id != id))
        {
            PlacementId = null;
        }
        var granularity = Step switch
        {
            "jour" => Granularity.Day,
            "semaine" => Granularity.Week,
            "mois" => Granularity.Month,
            _ => to.DayNumber - from.DayNumber <= 31 ? Granularity.Day : to.DayNumber - from.DayNumber <= 190 ? Granularity.Week : Granularity.Month,
        };
        // A day step over years would draw thousands of points: weeks then months take over.
        if (granularity == Granularity.Day && to.DayNumber - from.DayNumber > 190)
        {
            granularity = Granularity.Week;
        }
        ComputedAt = Dates.ToParis(time.GetUtcNow()).ToString("dd/MM/yyyy 'à' HH:mm:ss", CultureInfo.GetCultureInfo("fr-FR"));
        if (Form is not null)
        {
            Stats = await statistics.ComputeAsync(Product.Id, from, to, PlacementId, granularity, ct);
            var x = Stats.Buckets.Select(b => b.Label).ToList();
            ChartX = JsonSerializer.Serialize(new[] { x });
            IndexX = JsonSerializer.Serialize(new[] { x, x });
            // The target as a second line, so that the scale always shows where 8/10 lies.
            IndexY = JsonSerializer.Serialize(new[] { Stats.Buckets.Select(b => b.Totals.Index).ToList(), Stats.Buckets.Select(_ => (decimal?)SatisfactionScore.Target).ToList() });
            CountY = JsonSerializer.Serialize(new[] { Stats.Buckets.Select(b => b.Totals.Count).ToList() });
            var scope = PlacementId is { } pid ? $", emplacement « {Placements.First(p => p.Id == pid).Label} »" : ", tous emplacements";
            var freshness = $"Chiffres à jour au {ComputedAt} ; les réponses reçues dans {(DelaySeconds == 1 ? "la dernière seconde peuvent" : $"les {DelaySeconds} dernières secondes peuvent")} ne pas encore y figurer.";
            Figures = SatisfactionFigures.Of("", Stats, scope, freshness, "", "Par emplacement", "Emplacement");
        }
        if (Jdma is not null)
        {
            var forms = (await Db.JdmaFormMappings.AsNoTracking().Where(f => f.ProductId == Product.Id)
                .Select(f => new { f.FormId, f.ServiceTitle, f.FormTitle }).ToListAsync(ct))
                .Concat(await Db.JdmaOrganisationForms.AsNoTracking().Where(f => f.ProductId == Product.Id)
                    .Select(f => new { f.FormId, f.ServiceTitle, f.FormTitle }).ToListAsync(ct))
                .OrderBy(f => f.ServiceTitle).ThenBy(f => f.FormTitle).ToList();
            JdmaStats = await statistics.ComputeExternalAsync(Product.Id, SatisfactionSource.Jdma, from, to,
                [.. forms.Select(f => (f.FormId, $"{f.ServiceTitle} — {f.FormTitle}"))], granularity, ct);
            var synced = Jdma.LastSuccessAt is { } at
                ? $"Chiffres synchronisés depuis JDMA le {Dates.WithTime(at)}{(Jdma.SyncedThrough is { } through ? $", jusqu’au {through.ToString("dd/MM/yyyy", CultureInfo.GetCultureInfo("fr-FR"))}" : "")} ; les derniers jours sont relus à chaque synchronisation."
                : "Aucune synchronisation réussie avec JDMA pour l’instant.";
            if (Jdma.LastError is not null)
            {
                synced += " La dernière tentative a échoué : voir la connexion à JDMA.";
            }
            if (Jdma.Kind == Domain.Connectors.ConnectorKind.JdmaOrganisation)
            {
                synced += $" Connexion de l’organisation « {Jdma.ProductName} », gérée par les administrateurs.";
            }
            JdmaFigures = SatisfactionFigures.Of("jdma-", JdmaStats, ", tous formulaires JDMA associés", synced, " (JDMA)", "Par formulaire JDMA", "Formulaire JDMA");
        }
        return Page();
    }

    private (DateOnly From, DateOnly To) Range(DateOnly today)
    {
        switch (Period)
        {
            case "7j":
                return (today.AddDays(-6), today);
            case "12m":
                return (today.AddMonths(-12).AddDays(1), today);
            case "perso" when Filter.Range(Errors) is { } chosen:
                return chosen;
            case "perso":
                Period = "30j";
                return (today.AddDays(-29), today);
            default:
                Period = "30j";
                return (today.AddDays(-29), today);
        }
    }

    /// <summary>"8,7 / 10": the spaces do not break, so a figure never wraps away from its scale.</summary>
    public static string Format(decimal? value, string suffix = "") =>
        value is { } v ? v.ToString("0.0", CultureInfo.GetCultureInfo("fr-FR")) + suffix.Replace(' ', '\u00A0') : "—";

    public static string Percent(decimal? value) =>
        value is { } v ? v.ToString("0", CultureInfo.GetCultureInfo("fr-FR")) + "\u00A0%" : "—";

    /// <summary>Badge tone of a satisfaction index (the badge writes the colour's label).</summary>
    public static BadgeTone Tone(decimal? index) => index is { } i ? SatisfactionScore.Colour(i).Tone() : BadgeTone.Neutral;
}

/// <summary>One source's block of the tab (Cap's form, or JDMA's synced days): figures, charts, tables.</summary>
/// <param name="Prefix">Prefixes the block's ids ("" for Cap's form, whose ids the tests and links know).</param>
public sealed record SatisfactionFigures(string Prefix, SatisfactionStats Stats, string Scope, string Freshness, string CaptionSource,
    string GroupHeading, string GroupColumn, string ChartX, string IndexX, string IndexY, string CountY)
{
    public static SatisfactionFigures Of(string prefix, SatisfactionStats stats, string scope, string freshness, string captionSource, string groupHeading, string groupColumn)
    {
        var x = stats.Buckets.Select(b => b.Label).ToList();
        return new SatisfactionFigures(prefix, stats, scope, freshness, captionSource, groupHeading, groupColumn,
            JsonSerializer.Serialize(new[] { x }), JsonSerializer.Serialize(new[] { x, x }),
            // The target as a second line, so that the scale always shows where 8/10 lies.
            JsonSerializer.Serialize(new[] { stats.Buckets.Select(b => b.Totals.Index).ToList(), stats.Buckets.Select(_ => (decimal?)SatisfactionScore.Target).ToList() }),
            JsonSerializer.Serialize(new[] { stats.Buckets.Select(b => b.Totals.Count).ToList() }));
    }
}
