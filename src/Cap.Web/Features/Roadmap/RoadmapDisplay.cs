using Cap.Domain.Roadmap;

namespace Cap.Web.Features.Roadmap;

/// <summary>What the roadmap partials show: the roadmap, whether edit buttons appear, and for whom.</summary>
/// <param name="IsPublic">The stakeholders' share page: no team names beyond risk owners, no links into Cap.</param>
public sealed record RoadmapDisplay(RoadmapView View, bool CanEdit, bool IsPublic = false)
{
    public string Base => $"/produits/{View.Product}/feuille-de-route";

    public static string BadgeClass(InitiativeStatus status) => status switch
    {
        InitiativeStatus.InProgress => "fr-badge--new",
        InitiativeStatus.Delivered => "fr-badge--success",
        InitiativeStatus.Abandoned => "fr-badge--warning",
        _ => "fr-badge--info",
    };

    public static string Mark(InitiativeStatus status) => status switch
    {
        InitiativeStatus.InProgress => "■ en cours",
        InitiativeStatus.Delivered => "✓ livré",
        InitiativeStatus.Abandoned => "✕ abandonné",
        _ => "□ prévu",
    };
}

/// <summary>The roadmap's sub-navigation: which view is current.</summary>
public sealed record RoadmapNav(string Slug, string Current);
