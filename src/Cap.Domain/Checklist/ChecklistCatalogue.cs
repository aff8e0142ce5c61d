namespace Cap.Domain.Checklist;

/// <summary>One question of the product checklist: a stable English key (never reused for another meaning) and its French wording.</summary>
public sealed record ChecklistQuestion(string Key, string Text);

/// <summary>
/// One of the guide's five blocks: its key, its French title (the guide's heading), the guide page that goes further
/// (« Pour aller plus loin ») and its questions.
/// </summary>
public sealed record ChecklistBlock(string Key, string Title, string FurtherLabel, string FurtherPage, IReadOnlyList<ChecklistQuestion> Questions)
{
    /// <summary>The public address of the guide page that goes further.</summary>
    public string FurtherUrl => ChecklistCatalogue.GuideUrl(FurtherPage);
}

/// <summary>
/// The product checklist as the guide writes it (« Checklist produit », page
/// <c>cadrer/la-check-list-de-lorganisation-produit.md</c>): five blocks, twenty questions. A catalogue is data with a
/// <see cref="Version"/>: an assessment stores the version it answered, and is always shown with that version's wording.
/// A later change of wording adds a new version (new keys for new meanings) instead of rewriting this one.
/// </summary>
public sealed class ChecklistCatalogue
{
    /// <summary>Where the guide is published: its source repository, whose pages are public and stable.</summary>
    public const string GuideBase = "https://github.com/DNUM-SocialGouv/documentation/blob/main/";

    /// <summary>The guide's checklist page.</summary>
    public const string GuidePage = "cadrer/la-check-list-de-lorganisation-produit.md";

    public static string GuideUrl(string page) => GuideBase + page;

    public static string ChecklistUrl => GuideUrl(GuidePage);

    private ChecklistCatalogue(int version, IReadOnlyList<ChecklistBlock> blocks)
    {
        Version = version;
        Blocks = blocks;
        Questions = [.. blocks.SelectMany(b => b.Questions)];
        _blockOf = blocks.SelectMany(b => b.Questions.Select(q => (q.Key, b))).ToDictionary(x => x.Key, x => x.b, StringComparer.Ordinal);
    }

    private readonly Dictionary<string, ChecklistBlock> _blockOf;

    public int Version { get; }
    public IReadOnlyList<ChecklistBlock> Blocks { get; }

    /// <summary>Every question, in the guide's order.</summary>
    public IReadOnlyList<ChecklistQuestion> Questions { get; }

    public bool Knows(string key) => _blockOf.ContainsKey(key);

    public ChecklistBlock? BlockOf(string key) => _blockOf.GetValueOrDefault(key);

    public ChecklistQuestion? Question(string key) => _blockOf.TryGetValue(key, out var block) ? block.Questions.First(q => q.Key == key) : null;

    /// <summary>The first version, written from the guide in December 2026.</summary>
    public static readonly ChecklistCatalogue V1 = new(1,
    [
        new("vision", "La vision produit est claire et partagée", "Voir plus de détails sur la vision produit", "cadrer/vision-produit.md",
        [
            new("vision-shared", "L’équipe a-t-elle une vision claire et partagée du produit ?"),
            new("vision-guides-decisions", "Cette vision guide-t-elle réellement les choix et les décisions du quotidien ?"),
            new("vision-known-by-stakeholders", "Toutes les parties prenantes la connaissent-elles et l’utilisent-elles comme référence ?"),
        ]),
        new("team", "L’équipe produit est pluridisciplinaire et autonome", "Voir les rôles et métiers", "preparer-et-lancer/les-differents-roles-et-metiers/README.md",
        [
            new("team-has-all-skills", "L’équipe regroupe-t-elle toutes les compétences nécessaires pour concevoir, développer et améliorer le produit ?"),
            new("roles-defined", "Les rôles de chacun sont-ils clairement définis ?"),
            new("decision-makers-known", "Sait-on clairement qui prend les décisions sur la vision, la feuille de route, la technique et le design ?"),
            new("works-across-silos", "Les membres de l’équipe travaillent-ils ensemble, sans séparation rigide entre métier, produit et technique ?"),
            new("team-can-decide", "L’équipe a-t-elle les moyens de prendre des décisions sans dépendre d’un long circuit de validation externe ?"),
            new("stakeholder-expectations-aligned", "Les attentes des différentes parties prenantes sont-elles alignées ?"),
        ]),
        new("impact", "Le produit est piloté par l’impact", "Voir les indicateurs produits", "cadrer/indicateurs.md",
        [
            new("objectives-measurable", "Les objectifs du produit sont-ils traduits en indicateurs mesurables ?"),
            new("priorities-follow-results", "L’équipe ajuste-t-elle ses priorités en fonction des résultats observés ?"),
            new("success-measured-by-value", "La réussite est-elle mesurée par l’usage réel et la valeur créée, plutôt que par le seul respect d’un planning ?"),
            new("roadmap-follows-learning", "La feuille de route évolue-t-elle en fonction des apprentissages ?"),
        ]),
        new("users", "Le contact avec les utilisateurs est permanent", "Voir la recherche utilisateurs", "concevoir/ru.md",
        [
            new("feedback-collected", "Des retours d’utilisateurs sont-ils régulièrement recueillis et analysés ?"),
            new("feedback-loops", "Des boucles de retour existent-elles entre les utilisateurs et l’équipe ?"),
            new("feedback-changes-decisions", "Ces retours influencent-ils concrètement les décisions et les évolutions du produit ?"),
            new("experiments-before-investing", "Des tests ou des expérimentations sont-ils menés avant d’engager trop de ressources sur une solution ?"),
        ]),
        new("improvement", "L’amélioration continue fait partie du cycle de travail", "Voir la check-list dans le guide", GuidePage,
        [
            new("frequent-delivery", "Les évolutions sont-elles livrées fréquemment, en petites itérations ?"),
            new("retrospectives-held", "L’équipe organise-t-elle des rétrospectives pour améliorer son fonctionnement ?"),
            new("process-adjusted", "Le processus de travail est-il ajusté régulièrement en fonction des retours et des besoins ?"),
        ]),
    ]);

    /// <summary>The catalogue new assessments answer.</summary>
    public static ChecklistCatalogue Current => V1;

    /// <summary>The catalogue an assessment answered (the current one for an unknown version).</summary>
    public static ChecklistCatalogue Of(int version) => version switch
    {
        1 => V1,
        _ => Current,
    };
}
