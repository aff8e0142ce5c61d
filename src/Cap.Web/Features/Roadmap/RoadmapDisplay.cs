using System.Globalization;
using Cap.Web.Shared;
using Cap.Domain.Roadmap;

namespace Cap.Web.Features.Roadmap;

/// <summary>What the roadmap partials show: the roadmap, whether edit buttons appear, and for whom.</summary>
/// <param name="IsPublic">The stakeholders' share page: no team names beyond risk owners, no links into Cap.</param>
public sealed record RoadmapDisplay(RoadmapView View, bool CanEdit, bool IsPublic = false)
{
    public string Base => $"/produits/{View.Product}/feuille-de-route";

    /// <summary>Badge tone of an initiative's status (the badge says "Statut : …").</summary>
    public static BadgeTone Tone(InitiativeStatus status) => status switch
    {
        InitiativeStatus.InProgress => BadgeTone.New,
        InitiativeStatus.Delivered => BadgeTone.Success,
        InitiativeStatus.Abandoned => BadgeTone.Warning,
        _ => BadgeTone.Info,
    };

    public static string Day(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

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
