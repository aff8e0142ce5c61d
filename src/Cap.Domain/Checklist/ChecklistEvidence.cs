namespace Cap.Domain.Checklist;

/// <summary>The Cap screen an evidence sentence points to (the web layer turns it into an address).</summary>
public enum EvidenceSource
{
    Vision = 1,
    Team = 2,
    Objectives = 3,
    Roadmap = 4,
    Satisfaction = 5,
    Iterations = 6,
    Retrospectives = 7,
}

/// <summary>What Cap knows of a product that bears on the checklist, read from its own tables on <see cref="Today"/>.</summary>
/// <param name="VisionLastReviewed">When the current vision was last written or confirmed; null without a vision.</param>
/// <param name="HasProductOwner">A Responsable produit in the team.</param>
/// <param name="HasBusinessOwner">A Responsable métier in the team.</param>
/// <param name="ActiveObjectives">Objectives with the « actif » status.</param>
/// <param name="ActiveObjectivesWithIndicator">Among them, those with at least one indicator.</param>
/// <param name="HasRoadmap">The product has a roadmap.</param>
/// <param name="RoadmapRevisionsLastQuarter">Roadmap revisions saved in the last 92 days.</param>
/// <param name="HasSatisfactionForm">The product collects satisfaction answers with Cap.</param>
/// <param name="SatisfactionAnswersLast30Days">Answers received in the last 30 days (from the daily rollups).</param>
/// <param name="RecentIterationDays">Lengths in days of the last iterations started by today (most recent first, at most six).</param>
/// <param name="RetrospectivesClosedLastQuarter">Retrospectives held in the last 92 days and closed.</param>
/// <param name="LastRetrospective">The day of the last retrospective held, if any.</param>
/// <param name="RetroActionsDoneLastQuarter">Retrospective actions done in the last 92 days.</param>
public sealed record ChecklistFacts(
    DateOnly Today,
    DateOnly? VisionLastReviewed,
    bool HasProductOwner,
    bool HasBusinessOwner,
    int ActiveObjectives,
    int ActiveObjectivesWithIndicator,
    bool HasRoadmap,
    int RoadmapRevisionsLastQuarter,
    bool HasSatisfactionForm,
    long SatisfactionAnswersLast30Days,
    IReadOnlyList<int> RecentIterationDays,
    int RetrospectivesClosedLastQuarter,
    DateOnly? LastRetrospective,
    int RetroActionsDoneLastQuarter);

/// <summary>
/// One fact Cap shows beside a question: a French sentence, the screen it comes from, and the answer Cap suggests
/// (null when the fact alone says nothing either way). A suggestion is never an answer: the team confirms it.
/// </summary>
public sealed record ChecklistEvidence(string QuestionKey, string Sentence, EvidenceSource Source, ChecklistAnswerValue? Suggested);

/// <summary>
/// Turns <see cref="ChecklistFacts"/> into evidence per question. The thresholds: a vision written or confirmed within
/// six months; every active objective with an indicator; satisfaction answers in the last 30 days; iterations of six
/// weeks at most (the last one and the median of the last six); retrospectives closed in the last quarter (92 days);
/// roadmap revised in the last quarter. Where Cap has no data at all (no iteration recorded, no satisfaction form…), it
/// says so and suggests nothing: the team may work outside Cap.
/// </summary>
public static class ChecklistEvidenceRules
{
    public const int QuarterDays = 92;
    public const int SatisfactionWindowDays = 30;
    public const int MaxIterationDays = 42;
    public const int IterationsConsidered = 6;

    public static IReadOnlyList<ChecklistEvidence> For(ChecklistFacts f)
    {
        var list = new List<ChecklistEvidence>();
        string Day(DateOnly d) => d.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);

        // Vision
        if (f.VisionLastReviewed is { } reviewed)
        {
            var fresh = f.Today.DayNumber - reviewed.DayNumber <= (int)ChecklistRules.StaleAfter.TotalDays;
            list.Add(new("vision-shared", fresh
                    ? $"La vision a été écrite ou confirmée le {Day(reviewed)}, il y a moins de six mois."
                    : $"La vision n’a été ni réécrite ni confirmée depuis le {Day(reviewed)}, il y a plus de six mois.",
                EvidenceSource.Vision, fresh ? ChecklistAnswerValue.Yes : ChecklistAnswerValue.Partly));
        }
        else
        {
            list.Add(new("vision-shared", "Le produit n’a pas de vision rédigée dans Cap.", EvidenceSource.Vision, ChecklistAnswerValue.No));
        }

        // Team: who decides
        var owners = (f.HasProductOwner ? 1 : 0) + (f.HasBusinessOwner ? 1 : 0);
        list.Add(new("decision-makers-known", owners switch
            {
                2 => "L’équipe compte un responsable produit et un responsable métier, qui portent ensemble la vision et la feuille de route.",
                1 => f.HasProductOwner ? "L’équipe compte un responsable produit, mais pas de responsable métier." : "L’équipe compte un responsable métier, mais pas de responsable produit.",
                _ => "L’équipe n’a ni responsable produit ni responsable métier désigné dans Cap.",
            },
            EvidenceSource.Team, owners switch { 2 => ChecklistAnswerValue.Yes, 1 => ChecklistAnswerValue.Partly, _ => ChecklistAnswerValue.No }));

        // Impact: objectives with indicators
        if (f.ActiveObjectives == 0)
        {
            list.Add(new("objectives-measurable", "Le produit n’a pas d’objectif actif dans Cap.", EvidenceSource.Objectives, null));
        }
        else
        {
            var with = f.ActiveObjectivesWithIndicator;
            list.Add(new("objectives-measurable",
                with == f.ActiveObjectives
                    ? (f.ActiveObjectives == 1 ? "L’objectif actif a au moins un indicateur." : $"Les {f.ActiveObjectives} objectifs actifs ont chacun au moins un indicateur.")
                    : with == 0
                        ? (f.ActiveObjectives == 1 ? "L’objectif actif n’a aucun indicateur." : $"Aucun des {f.ActiveObjectives} objectifs actifs n’a d’indicateur.")
                        : $"{with} {(with > 1 ? "objectifs actifs sur" : "objectif actif sur")} {f.ActiveObjectives} {(with > 1 ? "ont" : "a")} au moins un indicateur ; {Plural(f.ActiveObjectives - with, "n’en a", "n’en ont")} aucun.",
                EvidenceSource.Objectives,
                with == f.ActiveObjectives ? ChecklistAnswerValue.Yes : with > 0 ? ChecklistAnswerValue.Partly : ChecklistAnswerValue.No));
        }

        // Impact: roadmap revised
        if (!f.HasRoadmap)
        {
            list.Add(new("roadmap-follows-learning", "Le produit n’a pas de feuille de route dans Cap.", EvidenceSource.Roadmap, null));
        }
        else
        {
            list.Add(new("roadmap-follows-learning",
                f.RoadmapRevisionsLastQuarter > 0
                    ? $"La feuille de route a été révisée {Times(f.RoadmapRevisionsLastQuarter)} au cours du dernier trimestre."
                    : "La feuille de route n’a pas été révisée au cours du dernier trimestre.",
                EvidenceSource.Roadmap, f.RoadmapRevisionsLastQuarter > 0 ? ChecklistAnswerValue.Yes : ChecklistAnswerValue.Partly));
        }

        // Users: feedback collected
        if (!f.HasSatisfactionForm)
        {
            list.Add(new("feedback-collected", "Le produit ne recueille pas l’avis de ses usagers avec Cap.", EvidenceSource.Satisfaction, null));
        }
        else
        {
            list.Add(new("feedback-collected",
                f.SatisfactionAnswersLast30Days > 0
                    ? $"{Plural(f.SatisfactionAnswersLast30Days, "réponse d’usager reçue", "réponses d’usagers reçues")} au cours des 30 derniers jours."
                    : "Aucune réponse d’usager reçue au cours des 30 derniers jours.",
                EvidenceSource.Satisfaction, f.SatisfactionAnswersLast30Days > 0 ? ChecklistAnswerValue.Yes : ChecklistAnswerValue.Partly));
        }

        // Continuous improvement: iterations
        if (f.RecentIterationDays.Count == 0)
        {
            list.Add(new("frequent-delivery", "Aucune itération n’est enregistrée dans Cap.", EvidenceSource.Iterations, null));
        }
        else
        {
            var last = f.RecentIterationDays[0];
            var median = Median(f.RecentIterationDays);
            var ok = (last <= MaxIterationDays ? 1 : 0) + (median <= MaxIterationDays ? 1 : 0);
            list.Add(new("frequent-delivery",
                $"Dernière itération : {Weeks(last)} ; durée médiane des {Plural(f.RecentIterationDays.Count, "dernière itération", "dernières itérations")} : {Weeks(median)} (repère : six semaines au plus).",
                EvidenceSource.Iterations, ok switch { 2 => ChecklistAnswerValue.Yes, 1 => ChecklistAnswerValue.Partly, _ => ChecklistAnswerValue.No }));
        }

        // Continuous improvement: retrospectives
        if (f.LastRetrospective is null)
        {
            list.Add(new("retrospectives-held", "Aucune rétrospective n’est enregistrée dans Cap.", EvidenceSource.Retrospectives, null));
        }
        else
        {
            list.Add(new("retrospectives-held",
                f.RetrospectivesClosedLastQuarter > 0
                    ? $"{Plural(f.RetrospectivesClosedLastQuarter, "rétrospective tenue et close", "rétrospectives tenues et closes")} au cours du dernier trimestre."
                    : $"Aucune rétrospective close au cours du dernier trimestre ; la dernière date du {Day(f.LastRetrospective.Value)}.",
                EvidenceSource.Retrospectives,
                f.RetrospectivesClosedLastQuarter >= 2 ? ChecklistAnswerValue.Yes : f.RetrospectivesClosedLastQuarter == 1 ? ChecklistAnswerValue.Partly : ChecklistAnswerValue.No));
            list.Add(new("process-adjusted",
                f.RetroActionsDoneLastQuarter > 0
                    ? $"{Plural(f.RetroActionsDoneLastQuarter, "action de rétrospective réalisée", "actions de rétrospective réalisées")} au cours du dernier trimestre."
                    : "Aucune action de rétrospective réalisée au cours du dernier trimestre.",
                EvidenceSource.Retrospectives, f.RetroActionsDoneLastQuarter > 0 ? ChecklistAnswerValue.Yes : ChecklistAnswerValue.Partly));
        }
        return list;
    }

    /// <summary>The median of lengths (the lower middle value for an even count, in whole days).</summary>
    public static int Median(IReadOnlyList<int> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Plural(long n, string one, string many) => $"{n} {(n > 1 ? many : one)}";

    private static string Times(int n) => n == 1 ? "une fois" : $"{n} fois";

    private static string Weeks(int days) => days % 7 == 0
        ? $"{days / 7} semaine{(days / 7 > 1 ? "s" : "")}"
        : $"{days} jours";
}
