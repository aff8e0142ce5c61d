using Cap.Domain.Steering;
using Microsoft.EntityFrameworkCore;

namespace Cap.Data.Seeding;

/// <summary>
/// The guide's suggestion library: indicator examples by product typology, seeded into an empty
/// template list; administrators adjust it afterwards.
/// </summary>
public static class IndicatorLibrary
{
    private const IndicatorKind S = IndicatorKind.Success;
    private const IndicatorKind I = IndicatorKind.Impact;

    public static readonly (string Typology, IndicatorKind Kind, string Name, string Definition, IndicatorUnit Unit, WantedDirection Direction, ImpactFamily? Family)[] Templates =
    [
        ("DOSSIER", S, "Satisfaction des usagers (JDMA)", "Indice de satisfaction sur 10 du formulaire « Je donne mon avis ».", IndicatorUnit.ScoreOn10, WantedDirection.Up, ImpactFamily.Satisfaction),
        ("DOSSIER", S, "Taux d’utilisateurs actifs", "Utilisateurs actifs sur la période rapportés aux inscrits ou attendus.", IndicatorUnit.Percent, WantedDirection.Up, null),
        ("DOSSIER", S, "Dossiers traités dans le délai", "Part des dossiers clos dans le délai cible (par exemple 30 jours).", IndicatorUnit.Percent, WantedDirection.Up, null),
        ("DOSSIER", I, "Délai de traitement", "Délai moyen entre le dépôt et la décision.", IndicatorUnit.Days, WantedDirection.Down, ImpactFamily.Efficiency),
        ("CONTENU", S, "Satisfaction des usagers (JDMA)", "Indice de satisfaction sur 10.", IndicatorUnit.ScoreOn10, WantedDirection.Up, ImpactFamily.Satisfaction),
        ("CONTENU", S, "Visiteurs uniques par mois", "Mesure d’audience mensuelle.", IndicatorUnit.Number, WantedDirection.Up, null),
        ("CONTENU", S, "Taux de rebond", "Part des visites d’une seule page.", IndicatorUnit.Percent, WantedDirection.Down, null),
        ("CONTENU", S, "Taux de conversion", "Part des visites qui atteignent l’action visée.", IndicatorUnit.Percent, WantedDirection.Up, null),
        ("CONTENU", I, "Utilité déclarée", "Part des répondants qui jugent le contenu utile (enquête).", IndicatorUnit.Percent, WantedDirection.Up, ImpactFamily.Satisfaction),
        ("DEMARCHES", S, "Satisfaction des usagers (JDMA)", "Indice de satisfaction sur 10.", IndicatorUnit.ScoreOn10, WantedDirection.Up, ImpactFamily.Satisfaction),
        ("DEMARCHES", S, "Temps moyen de traitement d’un formulaire", "Du dépôt à la fin du traitement.", IndicatorUnit.Days, WantedDirection.Down, ImpactFamily.Efficiency),
        ("DEMARCHES", S, "Formulaires complets du premier coup", "Part des formulaires déposés sans demande de complément.", IndicatorUnit.Percent, WantedDirection.Up, null),
        ("DEMARCHES", I, "Économies de la dématérialisation", "Coûts évités (papier, saisie, envoi) sur la période.", IndicatorUnit.Euros, WantedDirection.Up, ImpactFamily.Savings),
        ("ELECTIONS", S, "Satisfaction des usagers (JDMA)", "Indice de satisfaction sur 10.", IndicatorUnit.ScoreOn10, WantedDirection.Up, ImpactFamily.Satisfaction),
        ("ELECTIONS", S, "Taux de saisie en ligne des procès-verbaux", "Procès-verbaux saisis en ligne rapportés au total.", IndicatorUnit.Percent, WantedDirection.Up, null),
        ("ELECTIONS", S, "Procès-verbaux sans erreur", "Part des procès-verbaux sans anomalie.", IndicatorUnit.Percent, WantedDirection.Up, null),
        ("ELECTIONS", S, "Procès-verbaux reçus à temps", "Part reçue avant l’échéance.", IndicatorUnit.Percent, WantedDirection.Up, null),
        ("ELECTIONS", I, "Économies de la dématérialisation", "Coûts évités sur un cycle électoral.", IndicatorUnit.Euros, WantedDirection.Up, ImpactFamily.Savings),
        ("TDB", S, "Satisfaction des usagers (JDMA)", "Indice de satisfaction sur 10.", IndicatorUnit.ScoreOn10, WantedDirection.Up, ImpactFamily.Satisfaction),
        ("TDB", S, "Taux d’utilisateurs actifs", "Utilisateurs actifs sur la période.", IndicatorUnit.Percent, WantedDirection.Up, null),
        ("TDB", S, "Utilisateurs qui personnalisent leurs tableaux", "Part des utilisateurs ayant personnalisé un tableau.", IndicatorUnit.Percent, WantedDirection.Up, null),
        ("TDB", I, "Décisions prises à partir des tableaux de bord", "Nombre de décisions documentées sur la période.", IndicatorUnit.Number, WantedDirection.Up, ImpactFamily.Efficiency),
        ("CARTO", S, "Utilisateurs et vues des cartes", "Nombre de vues de cartes par mois.", IndicatorUnit.Number, WantedDirection.Up, null),
        ("CARTO", S, "Utilisateurs qui personnalisent les cartes", "Part des utilisateurs ayant personnalisé une carte.", IndicatorUnit.Percent, WantedDirection.Up, null),
        ("CARTO", I, "Interventions de terrain après consultation", "Interventions déclenchées à la suite d’une carte.", IndicatorUnit.Number, WantedDirection.Up, ImpactFamily.Efficiency),
        ("DONNEES", S, "Satisfaction des réutilisateurs", "Satisfaction sur la documentation et l’intégration, sur 10.", IndicatorUnit.ScoreOn10, WantedDirection.Up, ImpactFamily.Satisfaction),
        ("DONNEES", S, "Disponibilité du service", "Part du temps où l’API répond.", IndicatorUnit.Percent, WantedDirection.Up, null),
        ("DONNEES", S, "Taux d’erreur des requêtes", "Part des requêtes en erreur.", IndicatorUnit.Percent, WantedDirection.Down, null),
        ("DONNEES", I, "Applications réutilisatrices actives", "Nombre d’applications qui consomment les données.", IndicatorUnit.Number, WantedDirection.Up, ImpactFamily.Efficiency),
        ("STATS", S, "Satisfaction des usagers (JDMA)", "Indice de satisfaction sur 10.", IndicatorUnit.ScoreOn10, WantedDirection.Up, ImpactFamily.Satisfaction),
        ("STATS", S, "Taux d’utilisateurs actifs", "Utilisateurs actifs sur la période.", IndicatorUnit.Percent, WantedDirection.Up, null),
        ("STATS", I, "Rapports effectivement utilisés", "Part des rapports consultés au moins une fois par mois.", IndicatorUnit.Percent, WantedDirection.Up, ImpactFamily.Efficiency),
        ("DOCUMENTS", S, "Satisfaction des usagers (JDMA)", "Indice de satisfaction sur 10.", IndicatorUnit.ScoreOn10, WantedDirection.Up, ImpactFamily.Satisfaction),
        ("DOCUMENTS", S, "Usage des fonctions collaboratives", "Part des documents édités à plusieurs.", IndicatorUnit.Percent, WantedDirection.Up, null),
        ("DOCUMENTS", I, "Temps gagné par agent", "Minutes gagnées par agent et par semaine (enquête).", IndicatorUnit.Minutes, WantedDirection.Up, ImpactFamily.Efficiency),
        ("FINANCES", S, "Satisfaction des usagers (JDMA)", "Indice de satisfaction sur 10.", IndicatorUnit.ScoreOn10, WantedDirection.Up, ImpactFamily.Satisfaction),
        ("FINANCES", S, "Tâches automatisées", "Part des tâches de traitement automatisées.", IndicatorUnit.Percent, WantedDirection.Up, null),
        ("FINANCES", S, "Délai moyen de traitement d’une facture", "Du dépôt au paiement.", IndicatorUnit.Days, WantedDirection.Down, ImpactFamily.Efficiency),
        ("FINANCES", I, "Coûts de fonctionnement", "Coût annuel de traitement.", IndicatorUnit.Euros, WantedDirection.Down, ImpactFamily.Savings),
    ];

    public static async Task SeedAsync(CapDbContext db, CancellationToken ct = default)
    {
        if (await db.IndicatorTemplates.AnyAsync(ct))
        {
            return;
        }
        var typologies = await db.Typologies.ToDictionaryAsync(t => t.Code, t => t.Id, ct);
        foreach (var t in Templates.Where(t => typologies.ContainsKey(t.Typology)))
        {
            db.IndicatorTemplates.Add(new IndicatorTemplate
            {
                TypologyId = typologies[t.Typology], Kind = t.Kind, Name = t.Name, Definition = t.Definition,
                Unit = t.Unit, Direction = t.Direction, Family = t.Family,
            });
        }
        await db.SaveChangesAsync(ct);
    }
}
