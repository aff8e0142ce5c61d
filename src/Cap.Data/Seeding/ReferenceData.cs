using Cap.Domain.Catalogue;
using Microsoft.EntityFrameworkCore;

namespace Cap.Data.Seeding;

/// <summary>
/// The starting reference lists (directorates, domains, typologies, ministry priorities) that any
/// installation needs on day one. Administrators change them afterwards; they are written only
/// into an empty list.
/// </summary>
public static class ReferenceData
{
    public static readonly (string Code, string Name)[] Directorates =
    [
        ("DGS", "Direction générale de la santé"),
        ("DGOS", "Direction générale de l’offre de soins"),
        ("DGCS", "Direction générale de la cohésion sociale"),
        ("DGEFP", "Délégation générale à l’emploi et à la formation professionnelle"),
        ("DSS", "Direction de la sécurité sociale"),
        ("DGT", "Direction générale du travail"),
        ("DNUM", "Direction du numérique"),
    ];

    public static readonly (string Code, string Name)[] Domains =
    [
        ("SANTE", "Santé"),
        ("OFFRE-SOIN", "Offre de soin"),
        ("TRAVAIL", "Travail"),
        ("COHESION", "Cohésion sociale"),
        ("TRANSVERSE", "Transverse"),
    ];

    public static readonly (string Code, string Name)[] Typologies =
    [
        ("DOSSIER", "Gestion de dossier"),
        ("CONTENU", "Gestion de contenu"),
        ("DEMARCHES", "Formulaires et démarches"),
        ("ELECTIONS", "Gestion d’élections"),
        ("TDB", "Tableaux de bord"),
        ("CARTO", "Cartographie"),
        ("DONNEES", "Mise à disposition de données"),
        ("STATS", "Statistiques"),
        ("DOCUMENTS", "Gestion de documents"),
        ("FINANCES", "Gestion financière"),
    ];

    public static readonly (string Code, string Name, string Description)[] Priorities =
    [
        ("ACCES-DROITS", "Faciliter l’accès aux droits", "Simplifier les démarches et lutter contre le non-recours."),
        ("DELAIS", "Réduire les délais de traitement", "Raccourcir le temps entre la demande d’un usager et la décision."),
        ("AGENTS", "Outiller les agents publics", "Donner aux agents des outils qui leur font gagner du temps."),
        ("DONNEES", "Mieux exploiter les données", "Partager et valoriser les données pour piloter les politiques publiques."),
        ("COMMUNS", "Mutualiser par les communs numériques", "Réutiliser l’existant et réduire les doublons."),
        ("SOBRIETE", "Numérique responsable et sobre", "Maîtriser les coûts et l’empreinte des services numériques."),
    ];

    public static async Task SeedAsync(CapDbContext db, CancellationToken ct = default)
    {
        await SeedListAsync(db.Directorates, Directorates.Select(d => new Directorate { Code = d.Code, Name = d.Name }), ct);
        await SeedListAsync(db.Domains, Domains.Select(d => new BusinessDomain { Code = d.Code, Name = d.Name }), ct);
        await SeedListAsync(db.Typologies, Typologies.Select(d => new Typology { Code = d.Code, Name = d.Name }), ct);
        await SeedListAsync(db.MinistryPriorities, Priorities.Select(d => new MinistryPriority { Code = d.Code, Name = d.Name, Description = d.Description }), ct);
        await db.SaveChangesAsync(ct);
        await IndicatorLibrary.SeedAsync(db, ct);
    }

    private static async Task SeedListAsync<T>(DbSet<T> set, IEnumerable<T> items, CancellationToken ct) where T : ReferenceItem
    {
        if (!await set.AnyAsync(ct))
        {
            set.AddRange(items);
        }
    }
}
