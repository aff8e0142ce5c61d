using System.Globalization;
using System.Linq.Expressions;
using Cap.Data;
using Cap.Domain.Catalogue;
using Cap.Domain.Coaching;
using Cap.Domain.Portfolio;
using Cap.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using CatalogPhase = Cap.Domain.Catalogue.Phase;

namespace Cap.Web.Features.Portfolio;

public enum PortfolioSort
{
    Name,
    Phase,
    TimeInPhase,
    Health,
    Satisfaction,
    Checklist,
    Activity,
    Flags,
}

/// <summary>
/// The dashboard's filters and order, typed. Parsed from the page's French query string (<c>domaine</c>, <c>tri</c>…) or
/// the API's English one (<c>domain</c>, <c>sort</c>…) by <see cref="PortfolioParameters"/>.
/// </summary>
public sealed record PortfolioCriteria
{
    public const int PageSize = 50;
    public const int MaxPageSize = 200;

    public string? Q { get; init; }
    public string? Domain { get; init; }
    public string? Directorate { get; init; }
    public Phase? Phase { get; init; }
    public string? Typology { get; init; }
    public string? Flag { get; init; }
    public PortfolioHealth? Health { get; init; }
    public PortfolioSort Sort { get; init; } = PortfolioSort.Name;
    /// <summary>Descending order; null for the sort's natural order (worst or most recent first where that is what one looks for).</summary>
    public bool? Descending { get; init; }
    public int Page { get; init; } = 1;
    public int Size { get; init; } = PageSize;

    public bool IsDescending => Descending ?? Sort is PortfolioSort.TimeInPhase or PortfolioSort.Health or PortfolioSort.Activity or PortfolioSort.Flags;

    public bool HasCriteria => Q is not null || Domain is not null || Directorate is not null || Phase is not null || Typology is not null || Flag is not null || Health is not null;
}

/// <summary>The names of the dashboard's parameters in one vocabulary (the page's French, the API's English) and their parsing.</summary>
public sealed record PortfolioParameters(string Q, string Domain, string Directorate, string Phase, string Typology, string Flag, string Health,
    string Sort, string Order, string Page, string Size, Func<PortfolioSort, string> SortValue, Func<PortfolioHealth, string> HealthValue,
    Func<CatalogPhase, string> PhaseValue)
{
    public static readonly PortfolioParameters French = new("q", "domaine", "direction", "phase", "typologie", "signalement", "sante", "tri", "sens", "page", "taille",
        s => s switch
        {
            PortfolioSort.Phase => "phase",
            PortfolioSort.TimeInPhase => "duree-phase",
            PortfolioSort.Health => "sante",
            PortfolioSort.Satisfaction => "satisfaction",
            PortfolioSort.Checklist => "checklist",
            PortfolioSort.Activity => "activite",
            PortfolioSort.Flags => "signalements",
            _ => "nom",
        },
        h => h switch
        {
            PortfolioHealth.Good => "bonne",
            PortfolioHealth.Watch => "a-surveiller",
            PortfolioHealth.OffTrack => "hors-trajectoire",
            _ => "sans-indicateur",
        },
        p => p.Slug());

    public static readonly PortfolioParameters English = new("q", "domain", "directorate", "phase", "typology", "flag", "health", "sort", "order", "page", "pageSize",
        s => s switch
        {
            PortfolioSort.Phase => "phase",
            PortfolioSort.TimeInPhase => "time-in-phase",
            PortfolioSort.Health => "health",
            PortfolioSort.Satisfaction => "satisfaction",
            PortfolioSort.Checklist => "checklist",
            PortfolioSort.Activity => "activity",
            PortfolioSort.Flags => "flags",
            _ => "name",
        },
        h => h.Slug(),
        p => ApiNames.Name(p));

    /// <summary>Reads the criteria; an invalid value is left out and reported (French message by parameter name).</summary>
    public (PortfolioCriteria Criteria, Dictionary<string, string> Errors) Parse(Func<string, string?> get, IReadOnlyCollection<string> flagCodes)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        string? Text(string name, int max)
        {
            var value = get(name)?.Trim();
            if (string.IsNullOrEmpty(value))
            {
                return null;
            }
            if (value.Length > max)
            {
                errors[name] = $"La valeur de « {name} » ne doit pas dépasser {max} caractères.";
                return null;
            }
            return value;
        }
        var criteria = new PortfolioCriteria
        {
            Q = Text(Q, 100),
            Domain = Text(Domain, 40),
            Directorate = Text(Directorate, 40),
            Typology = Text(Typology, 40),
        };
        if (Text(Phase, 40) is { } phase)
        {
            var match = Enum.GetValues<CatalogPhase>().Where(p => PhaseValue(p) == phase).Select(p => (CatalogPhase?)p).FirstOrDefault();
            if (match is null)
            {
                errors[Phase] = $"Phase inconnue : choisissez {string.Join(", ", Enum.GetValues<CatalogPhase>().Select(PhaseValue))}.";
            }
            criteria = criteria with { Phase = match };
        }
        if (Text(Flag, 60) is { } flag)
        {
            if (flagCodes.Contains(flag))
            {
                criteria = criteria with { Flag = flag };
            }
            else
            {
                errors[Flag] = $"Point d’attention inconnu : choisissez {string.Join(", ", flagCodes)}.";
            }
        }
        if (Text(Health, 40) is { } health)
        {
            var match = Enum.GetValues<PortfolioHealth>().Where(h => HealthValue(h) == health).Select(h => (PortfolioHealth?)h).FirstOrDefault();
            if (match is null)
            {
                errors[Health] = $"Santé inconnue : choisissez {string.Join(", ", Enum.GetValues<PortfolioHealth>().Select(HealthValue))}.";
            }
            criteria = criteria with { Health = match };
        }
        if (Text(Sort, 40) is { } sort)
        {
            var match = Enum.GetValues<PortfolioSort>().Where(s => SortValue(s) == sort).Select(s => (PortfolioSort?)s).FirstOrDefault();
            if (match is null)
            {
                errors[Sort] = $"Tri inconnu : choisissez {string.Join(", ", Enum.GetValues<PortfolioSort>().Select(SortValue))}.";
            }
            criteria = criteria with { Sort = match ?? PortfolioSort.Name };
        }
        if (Text(Order, 10) is { } order)
        {
            if (order is "asc" or "desc")
            {
                criteria = criteria with { Descending = order == "desc" };
            }
            else
            {
                errors[Order] = "Ordre inconnu : choisissez asc ou desc.";
            }
        }
        if (Text(Page, 10) is { } page)
        {
            if (int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1)
            {
                criteria = criteria with { Page = n };
            }
            else
            {
                errors[Page] = "Le numéro de page est un entier à partir de 1.";
            }
        }
        if (Text(Size, 10) is { } size)
        {
            if (int.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= PortfolioCriteria.MaxPageSize)
            {
                criteria = criteria with { Size = n };
            }
            else
            {
                errors[Size] = $"La taille de page va de 1 à {PortfolioCriteria.MaxPageSize}.";
            }
        }
        return (criteria, errors);
    }

    /// <summary>The query string of these criteria (the page's links: sort headers, pagination, exports).</summary>
    public Dictionary<string, string?> Values(PortfolioCriteria c, int? page = null) => new()
    {
        [Q] = c.Q,
        [Domain] = c.Domain,
        [Directorate] = c.Directorate,
        [Phase] = c.Phase is { } p ? PhaseValue(p) : null,
        [Typology] = c.Typology,
        [Flag] = c.Flag,
        [Health] = c.Health is { } h ? HealthValue(h) : null,
        [Sort] = c.Sort == PortfolioSort.Name ? null : SortValue(c.Sort),
        [Order] = c.Descending is { } d ? (d ? "desc" : "asc") : null,
        [Page] = page is > 1 ? page.Value.ToString(CultureInfo.InvariantCulture) : null,
    };
}
