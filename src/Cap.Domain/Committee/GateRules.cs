using Cap.Domain.Catalogue;
using Cap.Domain.LifeCycle;

namespace Cap.Domain.Committee;

/// <summary>What a team writes to the committee: a phase change (with its target) or a review of a redesign or a major change.</summary>
public sealed record GateRequestInput(Phase? Target, string? Context, string? Ask, DateOnly? DesiredDate, GateRequestKind? Kind = GateRequestKind.PassagePhase)
{
    /// <summary>The phase the request names: the target of a phase change, the current phase for a review.</summary>
    public Phase? TargetFrom(Phase current) => Kind == GateRequestKind.PassagePhase ? Target : current;
}

public sealed record AspectInput(ReviewAspect Aspect, AspectRating? Rating, string? Comment);

public sealed record ConditionInput(string? Description, int? OwnerId, DateOnly? DueDate)
{
    public bool IsBlank => string.IsNullOrWhiteSpace(Description) && OwnerId is null && DueDate is null;
}

/// <summary>A review in one piece: the seven assessments, the decision, its conditions and the support needs.</summary>
public sealed record DecisionInput(
    IReadOnlyList<AspectInput> Aspects, DecisionOutcome? Outcome, Phase? TargetPhase, string? Summary,
    IReadOnlyList<ConditionInput> Conditions, SupportNeeds SupportNeeds);

/// <summary>
/// The committee's rules, pure: which requests may be written, submitted, put on an agenda or withdrawn; what a
/// complete review is; what a decision does to the product's phase. Messages are French, keys name the fields.
/// </summary>
public static class GateRules
{
    public const string DuplicateOpenRequest =
        "Ce produit a déjà une demande de passage en cours (brouillon, soumise ou inscrite à une séance) : complétez-la ou retirez-la avant d’en créer une autre.";

    public static bool IsOpen(GateRequestStatus status) =>
        status is GateRequestStatus.Brouillon or GateRequestStatus.Soumise or GateRequestStatus.Inscrite;

    /// <summary>The phases a team may ask for from its current phase (Arrêt included: a team may ask to stop).</summary>
    public static IReadOnlyList<Phase> RequestTargets(Phase current) =>
        [.. Enum.GetValues<Phase>().Where(to => PhaseTransitions.Refusal(current, to, PhaseChangeKind.CommitteeDecision, null) is null)];

    public static Dictionary<string, string> ValidateRequest(Phase current, GateRequestInput input, DateOnly today)
    {
        var errors = new Dictionary<string, string>();
        if (input.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors[nameof(GateRequestInput.Kind)] = "Choisissez l’objet de la demande : un passage de phase, une refonte ou une évolution majeure.";
        }
        else if (kind != GateRequestKind.PassagePhase)
        {
            // A redesign or a major change is reviewed in the phase the product is in; a stopped product has none.
            if (current == Phase.Arret)
            {
                errors[nameof(GateRequestInput.Kind)] = "Un produit arrêté n’a ni refonte ni évolution majeure à présenter : demandez d’abord sa reprise (passage de phase).";
            }
            else if (input.Target is { } other && other != current)
            {
                errors[nameof(GateRequestInput.Target)] = $"Une revue de {(kind == GateRequestKind.Refonte ? "refonte" : "évolution majeure")} ne change pas de phase : laissez la phase visée vide, ou demandez un passage de phase.";
            }
        }
        else if (input.Target is not { } target || !Enum.IsDefined(target))
        {
            errors[nameof(GateRequestInput.Target)] = "Choisissez la phase visée.";
        }
        else if (PhaseTransitions.Refusal(current, target, PhaseChangeKind.CommitteeDecision, null) is { } refusal)
        {
            errors[nameof(GateRequestInput.Target)] = refusal;
        }
        Require(errors, nameof(GateRequestInput.Context), input.Context, GateRequest.ContextMaxLength, "Décrivez le contexte de la demande.", "Le contexte");
        Require(errors, nameof(GateRequestInput.Ask), input.Ask, GateRequest.AskMaxLength, "Indiquez ce que l’équipe attend du comité.", "La demande au comité");
        if (input.DesiredDate is { } desired && desired < today)
        {
            errors[nameof(GateRequestInput.DesiredDate)] = "La date souhaitée ne peut pas être passée.";
        }
        return errors;
    }

    public static string? SubmitRefusal(GateRequestStatus status) =>
        status == GateRequestStatus.Brouillon ? null : "Seul un brouillon peut être soumis au comité.";

    public static string? WithdrawRefusal(GateRequestStatus status) =>
        IsOpen(status) ? null : "Une demande examinée ou déjà retirée ne peut plus être retirée.";

    public static string? ScheduleRefusal(GateRequestStatus status, SessionStatus session) =>
        session != SessionStatus.Planifiee ? "On n’inscrit des demandes qu’à une séance planifiée."
        : status != GateRequestStatus.Soumise ? "Seule une demande soumise, pas encore inscrite, peut être mise à l’ordre du jour."
        : null;

    public static string? UnscheduleRefusal(GateRequestStatus status) =>
        status == GateRequestStatus.Inscrite ? null : "Cette demande n’est pas à l’ordre du jour d’une séance.";

    public static string? SessionDateRefusal(DateOnly? date, DateOnly today) =>
        date is not { } d ? "Saisissez la date de la séance."
        : d < today ? "La date d’une nouvelle séance ne peut pas être passée."
        : null;

    /// <summary>A request can be reviewed once submitted; an examined one only through a correction.</summary>
    public static string? ReviewRefusal(GateRequestStatus status, bool correction) =>
        correction
            ? status == GateRequestStatus.Examinee ? null : "Seule une demande déjà examinée a une décision à corriger."
            : status is GateRequestStatus.Soumise or GateRequestStatus.Inscrite ? null
            : "Seule une demande soumise ou inscrite à une séance peut être examinée.";

    /// <summary>An older decision's effects have been overtaken by later ones: correcting it would rewrite history.</summary>
    public const string OvertakenCorrectionRefusal = "Seule la dernière décision du comité sur ce produit peut être corrigée.";

    /// <summary>
    /// The phase a decision moves the product to, or null when it stays where it is (Ajourné). A review of a redesign or a
    /// major change names the product's own phase as its target, so its Go keeps the phase; an Arrêt stops the product
    /// whatever the request was about (the committee may stop a product at any review).
    /// </summary>
    public static Phase? PhaseAfter(DecisionOutcome outcome, Phase requestedTarget) => outcome switch
    {
        DecisionOutcome.Go or DecisionOutcome.GoAvecConditions => requestedTarget,
        DecisionOutcome.Arret => Phase.Arret,
        _ => null,
    };

    /// <summary>
    /// The phase the product holds once a decision is recorded: the requested phase for a Go, Arrêt for an Arrêt.
    /// A first « Ajourné » leaves the product where it is; a correction to « Ajourné » takes back the corrected
    /// decision's move, so the product returns to the phase the request was made from.
    /// </summary>
    public static Phase PhaseAfterDecision(DecisionOutcome outcome, Phase requestedFrom, Phase requestedTarget, Phase current, bool correction) =>
        PhaseAfter(outcome, requestedTarget) ?? (correction ? requestedFrom : current);

    /// <summary>What a recorded decision did to the product's phase, in the words said to the person who recorded it.</summary>
    public static string PhaseEffect(Phase before, Phase after) =>
        after == before
            ? $"le produit reste en phase {before.Label()}."
            : $"le produit passe de la phase {before.Label()} à la phase {after.Label()}.";

    /// <summary>
    /// Checks a review: all seven aspects assessed, an outcome, a summary, a Go to the requested phase only,
    /// at least one complete condition for a « Go avec conditions » (and none otherwise), and a move the life cycle allows.
    /// </summary>
    /// <param name="currentPhase">The product's phase now.</param>
    /// <param name="requestedTarget">The phase the request asked for.</param>
    public static Dictionary<string, string> ValidateDecision(Phase currentPhase, Phase requestedTarget, DecisionInput input, DateOnly today)
    {
        var errors = new Dictionary<string, string>();
        foreach (var aspect in CommitteeLabels.Aspects)
        {
            var index = (int)aspect - 1;
            var given = input.Aspects.FirstOrDefault(a => a.Aspect == aspect);
            if (given?.Rating is not { } rating || !Enum.IsDefined(rating))
            {
                errors[$"Aspects[{index}].Rating"] = $"Évaluez l’aspect « {aspect.Label()} » : les sept aspects sont obligatoires.";
            }
            if (given?.Comment is { Length: > AspectAssessment.CommentMaxLength })
            {
                errors[$"Aspects[{index}].Comment"] = $"Le commentaire ne doit pas dépasser {AspectAssessment.CommentMaxLength} caractères.";
            }
        }
        if (input.Outcome is not { } outcome || !Enum.IsDefined(outcome))
        {
            errors[nameof(DecisionInput.Outcome)] = "Choisissez la décision du comité.";
            outcome = default;
        }
        Require(errors, nameof(DecisionInput.Summary), input.Summary, GateDecision.SummaryMaxLength, "Résumez la décision et ses motifs.", "Le résumé");
        var isGo = outcome is DecisionOutcome.Go or DecisionOutcome.GoAvecConditions;
        if (isGo && input.TargetPhase is { } target && target != requestedTarget)
        {
            errors[nameof(DecisionInput.TargetPhase)] =
                $"Un Go ne peut ouvrir que la phase demandée ({requestedTarget.Label()}) : pour une autre phase, l’équipe fait une nouvelle demande.";
        }
        var conditions = input.Conditions.Select((c, i) => (c, i)).Where(x => !x.c.IsBlank).ToList();
        foreach (var (c, i) in conditions)
        {
            if (string.IsNullOrWhiteSpace(c.Description))
            {
                errors[$"Conditions[{i}].Description"] = "Décrivez la condition.";
            }
            else if (c.Description.Trim().Length > GateCondition.DescriptionMaxLength)
            {
                errors[$"Conditions[{i}].Description"] = $"La condition ne doit pas dépasser {GateCondition.DescriptionMaxLength} caractères.";
            }
            if (c.OwnerId is null)
            {
                errors[$"Conditions[{i}].OwnerId"] = "Choisissez le responsable de la condition.";
            }
            if (c.DueDate is not { } due)
            {
                errors[$"Conditions[{i}].DueDate"] = "Saisissez l’échéance de la condition.";
            }
            else if (due < today)
            {
                errors[$"Conditions[{i}].DueDate"] = "L’échéance d’une condition ne peut pas être passée.";
            }
        }
        if (outcome == DecisionOutcome.GoAvecConditions && conditions.Count == 0)
        {
            errors[nameof(DecisionInput.Conditions)] = "Un « Go avec conditions » comporte au moins une condition, avec son responsable et son échéance.";
        }
        else if (input.Outcome is { } o && o != DecisionOutcome.GoAvecConditions && conditions.Count > 0)
        {
            errors[nameof(DecisionInput.Conditions)] = "Seul un « Go avec conditions » comporte des conditions : choisissez cette décision ou videz les conditions.";
        }
        if (input.Outcome is { } chosen && PhaseAfter(chosen, requestedTarget) is { } after && after != currentPhase
            && !errors.ContainsKey(nameof(DecisionInput.TargetPhase))
            && PhaseTransitions.Refusal(currentPhase, after, PhaseChangeKind.CommitteeDecision, null) is { } refusal)
        {
            errors[nameof(DecisionInput.Outcome)] = refusal;
        }
        return errors;
    }

    public static string? DeclareMetRefusal(ConditionStatus status, string? evidence, string? link) =>
        status != ConditionStatus.Ouverte ? "Seule une condition ouverte peut être déclarée levée."
        : string.IsNullOrWhiteSpace(evidence) && string.IsNullOrWhiteSpace(link) ? "Décrivez la preuve que la condition est levée ou donnez un lien."
        : evidence?.Trim().Length > GateCondition.EvidenceMaxLength ? $"La preuve ne doit pas dépasser {GateCondition.EvidenceMaxLength} caractères."
        : link?.Trim() is { Length: > 0 } l && (l.Length > GateCondition.LinkMaxLength || !Uri.TryCreate(l, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            ? "Le lien doit être une adresse web complète (https://…)."
        : null;

    public static string? ConfirmRefusal(ConditionStatus status) =>
        status == ConditionStatus.LeveeDeclaree ? null : "Seule une condition déclarée levée par l’équipe peut être confirmée.";

    /// <summary>The committee does not accept the evidence: the condition is open again.</summary>
    public static string? ReopenRefusal(ConditionStatus status) =>
        status == ConditionStatus.LeveeDeclaree ? null : "Seule une condition déclarée levée peut être rouverte.";

    /// <summary>Open and due within <paramref name="days"/> days, or overdue.</summary>
    public static bool IsDueSoon(ConditionStatus status, DateOnly due, DateOnly today, int days = 14) =>
        status == ConditionStatus.Ouverte && due <= today.AddDays(days);

    /// <summary>The product has been in its phase longer than <paramref name="months"/> months.</summary>
    public static bool PhaseLastedTooLong(DateTimeOffset since, DateTimeOffset now, int months) => since < now.AddMonths(-months);

    private static void Require(Dictionary<string, string> errors, string key, string? value, int max, string missing, string what)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            errors[key] = missing;
        }
        else if (text.Length > max)
        {
            errors[key] = $"{what} ne doit pas dépasser {max} caractères (actuellement {text.Length}).";
        }
    }
}
