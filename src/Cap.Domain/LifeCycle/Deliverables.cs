using Cap.Domain.Catalogue;

namespace Cap.Domain.LifeCycle;

/// <summary>A typical deliverable of a phase. <see cref="FromGuide"/> is false for Cap's suggestions where the guide lists none.</summary>
public sealed record DeliverableDefinition(Phase Phase, string Key, string Label, bool FromGuide = true);

/// <summary>The typical deliverables of each phase, as the product guide lists them (domain-facts, "Product life cycle").</summary>
public static class PhaseDeliverables
{
    public static readonly IReadOnlyList<DeliverableDefinition> All =
    [
        new(Phase.Idee, "vision", "Vision du produit"),
        new(Phase.Idee, "analyse-besoins", "Analyse des besoins"),
        new(Phase.Idee, "note-cadrage", "Note de cadrage"),
        new(Phase.Idee, "premier-contact", "Premier contact avec le bureau produit"),
        new(Phase.Idee, "rationalisation", "Vérification de rationalisation (réutilisation des communs existants)"),
        new(Phase.Poc, "parcours-usager", "Parcours utilisateur"),
        new(Phase.Poc, "maquettes", "Maquettes statiques ou interactives"),
        new(Phase.Poc, "demonstrateur", "Démonstrateur"),
        new(Phase.Poc, "code-source", "Code source"),
        new(Phase.Poc, "regles-metier", "Règles métier documentées"),
        new(Phase.Mvp, "produit-en-service", "Produit en service auprès de vrais usagers"),
        new(Phase.Mvp, "documentation-fonctionnelle", "Documentation fonctionnelle"),
        new(Phase.Mvp, "dossier-architecture", "Documentation technique (dossier d’architecture)"),
        new(Phase.Construction, "indicateurs-mesures", "Indicateurs d’impact mesurés régulièrement", FromGuide: false),
        new(Phase.Construction, "feuille-de-route", "Feuille de route à 3–6 mois à jour", FromGuide: false),
        new(Phase.Construction, "declaration-accessibilite", "Déclaration d’accessibilité publiée", FromGuide: false),
        new(Phase.Generalisation, "plan-deploiement", "Plan de déploiement à 100 % de la cible", FromGuide: false),
        new(Phase.Generalisation, "organisation-support", "Organisation du support aux usagers", FromGuide: false),
        new(Phase.Generalisation, "bilan-indicateurs", "Bilan des indicateurs d’impact", FromGuide: false),
        new(Phase.Arret, "calendrier-arret", "Calendrier d’arrêt"),
        new(Phase.Arret, "post-mortem", "Post-mortem"),
        new(Phase.Arret, "documentation-a-jour", "Documentation à jour"),
        new(Phase.Arret, "communication", "Communication interne et externe"),
    ];

    public static IReadOnlyList<DeliverableDefinition> For(Phase phase) => [.. All.Where(d => d.Phase == phase)];

    public static DeliverableDefinition? Find(Phase phase, string? key) =>
        All.FirstOrDefault(d => d.Phase == phase && d.Key == key);
}

/// <summary>What a team recorded about one typical deliverable of a phase: provided or not, with a link or a note.</summary>
public class DeliverableRecord : IProductScoped, IVersioned, ITimestamped
{
    public const int KeyMaxLength = 60;
    public const int LinkMaxLength = 500;
    public const int NoteMaxLength = 1000;

    public int Id { get; set; }
    public int ProductId { get; set; }
    public Product? Product { get; set; }
    public Phase Phase { get; set; }
    /// <summary>The <see cref="DeliverableDefinition.Key"/> of the deliverable.</summary>
    public string Key { get; set; } = string.Empty;
    public bool IsProvided { get; set; }
    public string? Link { get; set; }
    public string? Note { get; set; }
    public string UpdatedByName { get; set; } = string.Empty;
    public int Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
