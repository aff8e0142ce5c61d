using Cap.Domain.Catalogue;
using Cap.Domain.Platform;
using Microsoft.EntityFrameworkCore;

namespace Cap.Data.Seeding;

/// <summary>
/// A realistic, fictional portfolio for the embedded demo and for tests and benchmarks.
/// Deterministic (fixed random seed). Later capabilities add their own demo data in
/// <see cref="SeedAsync"/> after the catalogue, so the screens are alive at first start.
/// </summary>
public static class DemoPortfolio
{
    /// <summary>Demo people: at least one per global role, plus product managers and business owners.</summary>
    public static readonly (string Name, string Email, string Organisation, GlobalRoles Roles)[] People =
    [
        ("Camille Martin", "camille.martin@demo.cap.gouv.fr", "DNUM — Bureau des produits", GlobalRoles.Administrateur),
        ("Jean Dupont", "jean.dupont@demo.cap.gouv.fr", "DNUM — Comité produit", GlobalRoles.MembreComite),
        ("Sophie Bernard", "sophie.bernard@demo.cap.gouv.fr", "DNUM — Bureau design et développement", GlobalRoles.Coach),
        ("Hélène Petit", "helene.petit@demo.cap.gouv.fr", "DNUM — Sous-direction", GlobalRoles.Lecteur),
        ("Karim Benali", "karim.benali@demo.cap.gouv.fr", "DNUM — Produits santé", GlobalRoles.None),
        ("Julie Moreau", "julie.moreau@demo.cap.gouv.fr", "DNUM — Produits travail", GlobalRoles.None),
        ("Thomas Leroy", "thomas.leroy@demo.cap.gouv.fr", "DNUM — Produits cohésion sociale", GlobalRoles.None),
        ("Amina Diallo", "amina.diallo@demo.cap.gouv.fr", "DNUM — Produits transverses", GlobalRoles.None),
        ("Nicolas Fournier", "nicolas.fournier@demo.cap.gouv.fr", "DNUM — Produits offre de soin", GlobalRoles.None),
        ("Claire Lambert", "claire.lambert@demo.cap.gouv.fr", "DGS — Bureau des maladies infectieuses", GlobalRoles.None),
        ("Marc Girard", "marc.girard@demo.cap.gouv.fr", "DGOS — Bureau de l’organisation des soins", GlobalRoles.None),
        ("Isabelle Roux", "isabelle.roux@demo.cap.gouv.fr", "DGCS — Bureau des minima sociaux", GlobalRoles.None),
        ("Paul Mercier", "paul.mercier@demo.cap.gouv.fr", "DGEFP — Mission insertion", GlobalRoles.None),
        ("Nadia Haddad", "nadia.haddad@demo.cap.gouv.fr", "DGT — Bureau des relations du travail", GlobalRoles.None),
        ("Louis Garnier", "louis.garnier@demo.cap.gouv.fr", "DSS — Bureau des études", GlobalRoles.None),
        ("Emma Faure", "emma.faure@demo.cap.gouv.fr", "DNUM — Développement", GlobalRoles.None),
        ("Hugo Chevalier", "hugo.chevalier@demo.cap.gouv.fr", "DNUM — Design", GlobalRoles.None),
        ("Léa Robin", "lea.robin@demo.cap.gouv.fr", "DNUM — Données", GlobalRoles.None),
        ("Yanis Morel", "yanis.morel@demo.cap.gouv.fr", "DNUM — Développement", GlobalRoles.None),
        ("Chloé Blanc", "chloe.blanc@demo.cap.gouv.fr", "DNUM — Recherche utilisateur", GlobalRoles.None),
        ("Marion Lefèvre", "marion.lefevre@demo.cap.gouv.fr", "DNUM — Bureau design et développement", GlobalRoles.Coach),
        // No role and no team: the account an administrator has yet to grant (« Compte en attente »).
        ("Inès Lemaire", AwaitingAccessEmail, "DNUM — Arrivée récente", GlobalRoles.None),
    ];

    /// <summary>The demo person who has no role and no team yet: signed in, she sees « Compte en attente ».</summary>
    public const string AwaitingAccessEmail = "ines.lemaire@demo.cap.gouv.fr";

    /// <summary>The demo person who is Responsable produit of <see cref="JourneyProductSlug"/>; used by the guided journey in tests.</summary>
    public const string JourneyOwnerEmail = "karim.benali@demo.cap.gouv.fr";
    public const string JourneyProductSlug = "vaccin-suivi";

    private sealed record DemoProduct(string Slug, string Name, string Summary, string Domain, string Directorate, string Typology, Phase Phase, string? Users = null, string? KeyFigures = null, bool Archived = false);

    private static readonly DemoProduct[] Products =
    [
        new("vaccin-suivi", "Vaccin Suivi", "Permet aux professionnels de santé d’enregistrer les vaccinations et aux patients de retrouver leur historique vaccinal.", "SANTE", "DGS", "DOSSIER", Phase.Construction, "Professionnels de santé, patients", "45 000 professionnels inscrits, 2,1 millions d’actes par an"),
        new("signal-sante", "Signal Santé", "Déclaration en ligne des événements indésirables graves associés aux soins.", "SANTE", "DGS", "DEMARCHES", Phase.Generalisation, "Professionnels de santé, établissements", "18 000 signalements par an"),
        new("alerte-canicule", "Alerte Canicule", "Tableau de bord des vigilances sanitaires estivales pour les agences régionales de santé.", "SANTE", "DGS", "TDB", Phase.Mvp, "Agents des ARS"),
        new("carto-sante-environnement", "Carto Santé-Environnement", "Carte des risques sanitaires liés à l’environnement (qualité de l’air, de l’eau, pollens).", "SANTE", "DGS", "CARTO", Phase.Poc, "Agents des ARS, collectivités"),
        new("registre-dons", "Registre des dons d’organes", "Consultation sécurisée du registre national des refus par les coordinations hospitalières.", "SANTE", "DGS", "DONNEES", Phase.Generalisation, "Coordinations hospitalières"),
        new("prevention-addictions", "Prévention Addictions", "Site d’information et d’orientation vers les structures d’accompagnement en addictologie.", "SANTE", "DGS", "CONTENU", Phase.Construction, "Grand public"),
        new("eprouvette", "Éprouvette", "Suivi des autorisations des laboratoires de biologie médicale.", "SANTE", "DGS", "DOSSIER", Phase.Idee, "Agents des ARS, laboratoires"),
        new("hopital-capacites", "Hôpital Capacités", "Suivi quotidien des lits disponibles et des tensions hospitalières par territoire.", "OFFRE-SOIN", "DGOS", "TDB", Phase.Generalisation, "Agents des ARS, établissements de santé", "3 000 établissements déclarants"),
        new("autorisations-activites-soins", "Autorisations d’activités de soins", "Instruction dématérialisée des demandes d’autorisation d’activités de soins.", "OFFRE-SOIN", "DGOS", "DOSSIER", Phase.Mvp, "Établissements de santé, agents des ARS"),
        new("stage-internat", "Stages de l’internat", "Choix et affectation des stages des internes en médecine.", "OFFRE-SOIN", "DGOS", "DEMARCHES", Phase.Construction, "Internes, facultés, ARS", "14 000 internes par semestre"),
        new("finess-plus", "Finess Plus", "Répertoire enrichi des établissements sanitaires et sociaux, ouvert en API.", "OFFRE-SOIN", "DGOS", "DONNEES", Phase.Generalisation, "Éditeurs, agents, chercheurs"),
        new("urgences-stats", "Urgences Stats", "Statistiques d’activité des services d’urgences.", "OFFRE-SOIN", "DGOS", "STATS", Phase.Poc, "Agents des ARS, DGOS"),
        new("teleconsult-annuaire", "Annuaire Téléconsultation", "Annuaire des offres de téléconsultation conventionnées.", "OFFRE-SOIN", "DGOS", "CONTENU", Phase.Arret, "Grand public", Archived: true),
        new("budget-etablissements", "Budget Établissements", "Dépôt et analyse des états prévisionnels de recettes et de dépenses des hôpitaux.", "OFFRE-SOIN", "DGOS", "FINANCES", Phase.Mvp, "Établissements, ARS"),
        new("mon-parcours-emploi", "Mon Parcours Emploi", "Accompagnement des personnes éloignées de l’emploi, de l’orientation au retour à l’emploi.", "TRAVAIL", "DGEFP", "DOSSIER", Phase.Construction, "Demandeurs d’emploi, conseillers"),
        new("apprentissage-contrats", "Contrats d’apprentissage", "Dépôt et enregistrement des contrats d’apprentissage.", "TRAVAIL", "DGEFP", "DEMARCHES", Phase.Generalisation, "Employeurs, opérateurs de compétences", "800 000 contrats par an"),
        new("emplois-inclusion", "Emplois de l’inclusion", "Plateforme de mise en relation pour l’insertion par l’activité économique.", "TRAVAIL", "DGEFP", "DOSSIER", Phase.Generalisation, "Structures d’insertion, prescripteurs, candidats"),
        new("formation-qualite", "Formation Qualité", "Suivi de la certification qualité des organismes de formation.", "TRAVAIL", "DGEFP", "DOSSIER", Phase.Idee),
        new("elections-pro", "Élections professionnelles", "Saisie et transmission des procès-verbaux des élections professionnelles.", "TRAVAIL", "DGT", "ELECTIONS", Phase.Generalisation, "Entreprises, agents", "40 000 procès-verbaux par cycle"),
        new("code-travail-numerique", "Code du travail numérique", "Réponses personnalisées aux questions de droit du travail.", "TRAVAIL", "DGT", "CONTENU", Phase.Generalisation, "Salariés, employeurs", "1,5 million de visites par mois"),
        new("accidents-travail-carto", "Carto Accidents du travail", "Cartographie des accidents du travail graves pour l’inspection du travail.", "TRAVAIL", "DGT", "CARTO", Phase.Mvp, "Inspecteurs du travail"),
        new("ruptures-conventionnelles", "Ruptures conventionnelles", "Demande d’homologation des ruptures conventionnelles.", "TRAVAIL", "DGT", "DEMARCHES", Phase.Construction, "Salariés, employeurs"),
        new("index-egalite", "Index Égalité", "Déclaration de l’index de l’égalité professionnelle femmes-hommes.", "TRAVAIL", "DGT", "DEMARCHES", Phase.Generalisation, "Entreprises de plus de 50 salariés"),
        new("mes-aides-sociales", "Mes Aides Sociales", "Simulateur des aides sociales et orientation vers les démarches.", "COHESION", "DGCS", "DEMARCHES", Phase.Construction, "Grand public"),
        new("protection-enfance", "Protection de l’enfance", "Suivi des informations préoccupantes entre départements.", "COHESION", "DGCS", "DOSSIER", Phase.Poc, "Agents des départements"),
        new("handicap-orientation", "Handicap Orientation", "Suivi des décisions d’orientation des maisons départementales des personnes handicapées.", "COHESION", "DGCS", "STATS", Phase.Mvp, "Agents des MDPH"),
        new("aides-alimentaires", "Aides alimentaires", "Gestion des habilitations des associations d’aide alimentaire.", "COHESION", "DGCS", "DOSSIER", Phase.Idee, "Associations, agents"),
        new("ehpad-transparence", "EHPAD Transparence", "Publication des indicateurs de qualité des établissements pour personnes âgées.", "COHESION", "DGCS", "DONNEES", Phase.Construction, "Familles, grand public"),
        new("minima-sociaux-stats", "Minima sociaux Stats", "Statistiques mensuelles des bénéficiaires de minima sociaux.", "COHESION", "DSS", "STATS", Phase.Generalisation, "Agents, chercheurs"),
        new("prestations-familiales-docs", "Docs Prestations", "Base documentaire des circulaires relatives aux prestations familiales.", "COHESION", "DSS", "DOCUMENTS", Phase.Arret, "Agents des caisses", Archived: true),
        new("lfss-suivi", "Suivi LFSS", "Suivi de l’exécution de la loi de financement de la sécurité sociale.", "TRANSVERSE", "DSS", "FINANCES", Phase.Construction, "Agents de la DSS"),
        new("cap", "Cap", "Pilotage des produits numériques : vision, indicateurs, comité produit.", "TRANSVERSE", "DNUM", "TDB", Phase.Mvp, "Équipes produit, comité, direction"),
        new("parapheur", "Parapheur", "Circuit de signature électronique des actes administratifs.", "TRANSVERSE", "DNUM", "DOCUMENTS", Phase.Generalisation, "Agents des ministères sociaux", "12 000 agents"),
        new("formulaires-communs", "Formulaires communs", "Commun numérique de formulaires en ligne accessibles pour les services.", "TRANSVERSE", "DNUM", "DEMARCHES", Phase.Poc, "Équipes produit"),
        new("data-catalogue", "Catalogue de données", "Catalogue des jeux de données des ministères sociaux.", "TRANSVERSE", "DNUM", "DONNEES", Phase.Mvp, "Agents, réutilisateurs"),
        new("intranet-social", "Intranet social", "Intranet des agents des ministères sociaux.", "TRANSVERSE", "DNUM", "CONTENU", Phase.Arret, "Agents"),
        new("marches-suivi", "Suivi des marchés", "Suivi de l’exécution financière des marchés numériques.", "TRANSVERSE", "DNUM", "FINANCES", Phase.Idee, "Acheteurs, chefs de projet"),
    ];

    /// <summary>Seeds the reference lists, demo people and the demo portfolio into an empty database.</summary>
    /// <param name="syntheticProducts">When set, adds that many generated products as well (benchmarks).</param>
    public static async Task SeedAsync(CapDbContext db, int syntheticProducts = 0, CancellationToken ct = default)
    {
        await ReferenceData.SeedAsync(db, ct);
        if (await db.Products.AnyAsync(ct))
        {
            return;
        }

        var people = People.Select(p => new Person { DisplayName = p.Name, Email = p.Email, Organisation = p.Organisation, Roles = p.Roles, IsDemo = true }).ToList();
        db.People.AddRange(people);
        await db.SaveChangesAsync(ct);

        var directorates = await db.Directorates.ToDictionaryAsync(d => d.Code, ct);
        var domains = await db.Domains.ToDictionaryAsync(d => d.Code, ct);
        var typologies = await db.Typologies.ToDictionaryAsync(d => d.Code, ct);

        var productManagers = people.Where(p => p.Email is "karim.benali@demo.cap.gouv.fr" or "julie.moreau@demo.cap.gouv.fr" or "thomas.leroy@demo.cap.gouv.fr" or "amina.diallo@demo.cap.gouv.fr" or "nicolas.fournier@demo.cap.gouv.fr").ToList();
        var businessOwners = people.Where(p => p.Organisation!.StartsWith("DG", StringComparison.Ordinal) || p.Organisation.StartsWith("DSS", StringComparison.Ordinal)).ToList();
        var makers = people.Where(p => p.Roles == GlobalRoles.None && !productManagers.Contains(p) && !businessOwners.Contains(p) && p.Email != AwaitingAccessEmail).ToList();
        var random = new Random(20261126);

        var all = Products.ToList();
        for (var i = 1; i <= syntheticProducts; i++)
        {
            var template = Products[i % Products.Length];
            all.Add(template with
            {
                Slug = $"produit-{i:D5}",
                Name = $"{template.Name} {i:D5}",
                Phase = (Phase)(1 + (i % 6)),
                Archived = i % 17 == 0,
            });
        }

        var batch = 0;
        foreach (var demo in all)
        {
            var product = new Product
            {
                Slug = demo.Slug,
                Name = demo.Name,
                Summary = demo.Summary,
                DirectorateId = directorates[demo.Directorate].Id,
                DomainId = domains[demo.Domain].Id,
                TypologyId = typologies[demo.Typology].Id,
                Phase = demo.Phase,
                Users = demo.Users,
                KeyFigures = demo.KeyFigures,
                Url = demo.Phase >= Phase.Mvp ? $"https://{demo.Slug}.demo.social.gouv.fr" : null,
                IsArchived = demo.Archived,
                ArchivedAt = demo.Archived ? new DateTimeOffset(2025, 6, 30, 0, 0, 0, TimeSpan.Zero) : null,
            };
            var owner = demo.Slug == JourneyProductSlug ? productManagers[0] : productManagers[random.Next(productManagers.Count)];
            product.Team.Add(new TeamMember { PersonId = owner.Id, Role = ProductRole.ResponsableProduit });
            product.Team.Add(new TeamMember { PersonId = businessOwners[random.Next(businessOwners.Count)].Id, Role = ProductRole.ResponsableMetier });
            foreach (var maker in makers.OrderBy(_ => random.Next()).Take(1 + random.Next(3)))
            {
                product.Team.Add(new TeamMember { PersonId = maker.Id, Role = ProductRole.MembreEquipe });
            }
            db.Products.Add(product);
            if (++batch % 500 == 0)
            {
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();

        // Later capabilities add their demo data here, in this order.
        await DemoVisions.SeedAsync(db, ct);
        db.ChangeTracker.Clear();
        await DemoIndicators.SeedAsync(db, ct);
        db.ChangeTracker.Clear();
        await DemoSatisfaction.SeedAsync(db, ct);
        db.ChangeTracker.Clear();
        await DemoLifeCycle.SeedAsync(db, ct);
        await DemoCommittee.SeedAsync(db, ct);
        await DemoLifeCycle.KeepPhaseStartsAsync(db, ct);
        await DemoRoadmap.SeedAsync(db, ct);
        await DemoIterations.SeedAsync(db, ct);
        // After the iterations: retrospectives close the ended ones.
        await DemoRetrospectives.SeedAsync(db, ct);
        await DemoRituals.SeedAsync(db, ct);
        await DemoCoaching.SeedAsync(db, ct);
        db.ChangeTracker.Clear();
    }
}
