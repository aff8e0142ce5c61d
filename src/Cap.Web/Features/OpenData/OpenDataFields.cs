using Cap.Domain.OpenData;

namespace Cap.Web.Features.OpenData;

/// <summary>
/// One column of a file of the open data: its name (the CSV header and the JSON key), its Table Schema type, what it
/// means and an example. The CSV headers, the Table Schemas, the JSON Schema and docs/open-data.md all read this list.
/// </summary>
public sealed record OpenDataField(
    string Name, string Type, string Title, string Description, string Example, bool Required = false,
    IReadOnlyList<string>? Values = null, decimal? Minimum = null, decimal? Maximum = null, string? Format = null);

/// <summary>The columns of the two CSV files (schema version <see cref="OpenDataRules.SchemaVersion"/>).</summary>
public static class OpenDataFields
{
    public static readonly IReadOnlyList<string> Phases = ["idee", "poc", "mvp", "construction", "generalisation", "arret"];

    public static readonly IReadOnlyList<OpenDataField> Products =
    [
        new("identifiant", "string", "Identifiant", "Identifiant stable du produit dans Cap (celui de son adresse).", "code-travail-numerique", Required: true),
        new("nom", "string", "Nom", "Nom du produit.", "Code du travail numérique", Required: true),
        new("description", "string", "Description", "Ce que fait le produit, en une ou deux phrases.", "Réponses personnalisées aux questions de droit du travail.", Required: true),
        new("direction_code", "string", "Code de la direction", "Sigle de la direction qui porte le produit.", "DGT", Required: true),
        new("direction", "string", "Direction", "Direction qui porte le produit.", "Direction générale du travail", Required: true),
        new("domaine", "string", "Domaine", "Domaine métier du produit.", "Travail", Required: true),
        new("phase", "string", "Phase", "Phase du cycle de vie : idee, poc, mvp, construction, generalisation ou arret.", "generalisation", Required: true, Values: Phases),
        new("phase_libelle", "string", "Libellé de la phase", "La phase en clair.", "Généralisation", Required: true),
        new("url", "string", "Adresse", "Adresse publique du produit, quand il en a une.", "https://code.travail.gouv.fr", Format: "uri"),
        new("satisfaction_statut", "string", "Statut de l’indice de satisfaction",
            "publie : l’indice est donné ; avis-insuffisants : moins d’avis que le minimum sur la période (le nombre d’avis est donné, pas l’indice) ; non-publie : l’équipe ne publie pas sa satisfaction.",
            "publie", Required: true, Values: ["publie", "avis-insuffisants", "non-publie"]),
        new("satisfaction_indice", "number", "Indice de satisfaction",
            "Moyenne sur 10 des réponses à « Comment s’est passée cette démarche ? » (bien 10, moyen 5, mal 0) sur la période, à une décimale.", "8.4",
            Minimum: 0, Maximum: 10),
        new("satisfaction_avis", "integer", "Nombre d’avis", "Nombre de réponses au formulaire « Je donne mon avis » sur la période.", "1250", Minimum: 0),
        new("satisfaction_debut", "date", "Début de la période", "Premier jour (heure de Paris) des avis comptés.", "2026-01-01"),
        new("satisfaction_fin", "date", "Fin de la période", "Dernier jour (heure de Paris) des avis comptés.", "2026-03-31"),
        new("indicateurs_publies", "integer", "Indicateurs publiés", "Nombre d’indicateurs du produit publiés dans le fichier des indicateurs.", "2", Required: true, Minimum: 0),
    ];

    public static readonly IReadOnlyList<OpenDataField> Indicators =
    [
        new("produit", "string", "Identifiant du produit", "Identifiant du produit (colonne identifiant du fichier des produits).", "code-travail-numerique", Required: true),
        new("produit_nom", "string", "Nom du produit", "Nom du produit.", "Code du travail numérique", Required: true),
        new("indicateur", "string", "Indicateur", "Nom de l’indicateur.", "Taux de réponses jugées utiles", Required: true),
        new("type", "string", "Type", "succes (l’atteinte des résultats attendus), impact (les effets sur les usagers ou l’organisation) ou tendance (signaux et garde-fous).",
            "succes", Required: true, Values: ["succes", "impact", "tendance"]),
        new("unite", "string", "Unité", "Unité des valeurs : %, nombre, jours, euros, minutes, note sur 10 ou l’unité que l’équipe a nommée.", "%", Required: true),
        new("sens", "string", "Sens souhaité", "hausse, baisse ou fourchette (la cible est alors entre cible et cible_max).", "hausse", Required: true,
            Values: ["hausse", "baisse", "fourchette"]),
        new("valeur_reference", "number", "Valeur de référence", "Valeur au point de départ.", "62.5", Required: true),
        new("date_reference", "date", "Date de référence", "Date de la valeur de référence.", "2025-01-15", Required: true),
        new("cible", "number", "Cible", "Valeur visée ; pour une fourchette, sa borne basse.", "80", Required: true),
        new("cible_max", "number", "Cible haute", "Pour une fourchette, sa borne haute.", ""),
        new("date_cible", "date", "Date de la cible", "Date à laquelle la cible doit être atteinte.", "2026-12-31", Required: true),
        new("derniere_valeur", "number", "Dernière valeur", "Dernière mesure connue (vide tant qu’aucune n’est saisie).", "74.2"),
        new("date_derniere_valeur", "date", "Date de la dernière valeur", "Date de la dernière mesure.", "2026-03-31"),
        new("frequence", "string", "Fréquence de mise à jour", "hebdomadaire, mensuelle, trimestrielle ou annuelle.", "mensuelle", Required: true,
            Values: ["hebdomadaire", "mensuelle", "trimestrielle", "annuelle"]),
    ];
}
