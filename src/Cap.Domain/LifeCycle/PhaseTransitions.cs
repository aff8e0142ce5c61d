using Cap.Domain.Catalogue;

namespace Cap.Domain.LifeCycle;

/// <summary>How a product's phase changed.</summary>
public enum PhaseChangeKind
{
    /// <summary>The phase the product was registered in.</summary>
    Creation = 1,
    /// <summary>A decision of the product committee (Go, Go avec conditions, Arrêt).</summary>
    CommitteeDecision = 2,
    /// <summary>An administrator's correction, with a mandatory reason.</summary>
    AdministratorOverride = 3,
    /// <summary>An administrator brings a stopped product back to life, with a mandatory reason.</summary>
    Reopening = 4,
}

public static class PhaseChangeKindExtensions
{
    public static string Label(this PhaseChangeKind kind) => kind switch
    {
        PhaseChangeKind.Creation => "Création",
        PhaseChangeKind.CommitteeDecision => "Décision du comité produit",
        PhaseChangeKind.AdministratorOverride => "Correction par un administrateur",
        PhaseChangeKind.Reopening => "Réouverture par un administrateur",
        _ => kind.ToString(),
    };
}

/// <summary>
/// The life cycle's rules: which moves between phases are allowed, and how.
/// Forward one phase (POC may be skipped: Idée → MVP), back to any earlier phase, to Arrêt from any phase;
/// nothing leaves Arrêt except an administrator's reopening.
/// </summary>
public static class PhaseTransitions
{
    public const int ReasonMaxLength = 1000;

    /// <summary>The phases one may move to from <paramref name="from"/> by a committee decision or an override.</summary>
    public static IReadOnlyList<Phase> AllowedTargets(Phase from) =>
        [.. Enum.GetValues<Phase>().Where(to => Refusal(from, to, from == Phase.Arret ? PhaseChangeKind.Reopening : PhaseChangeKind.CommitteeDecision, "motif") is null)];

    /// <summary>The next phase in the normal course (Idée → POC → MVP → Construction → Généralisation), or null.</summary>
    public static Phase? Next(Phase from) => from switch
    {
        Phase.Idee => Phase.Poc,
        Phase.Poc => Phase.Mvp,
        Phase.Mvp => Phase.Construction,
        Phase.Construction => Phase.Generalisation,
        _ => null,
    };

    /// <summary>Why the reason given with a move is refused (an override or a reopening needs one, of 1,000 characters at most), or null.</summary>
    public static string? ReasonRefusal(PhaseChangeKind kind, string? reason)
    {
        var length = reason?.Trim().Length ?? 0;
        if ((kind is PhaseChangeKind.AdministratorOverride or PhaseChangeKind.Reopening) && length == 0)
        {
            return "Indiquez le motif du changement de phase.";
        }
        return length > ReasonMaxLength ? $"Le motif ne doit pas dépasser {ReasonMaxLength} caractères (actuellement {length})." : null;
    }

    /// <summary>Why the move is refused, in French, or null when it is allowed.</summary>
    /// <param name="reason">Required for an administrator's override or reopening.</param>
    public static string? Refusal(Phase from, Phase to, PhaseChangeKind kind, string? reason)
    {
        if (kind == PhaseChangeKind.Creation)
        {
            return to == Phase.Arret ? "Un produit ne peut pas commencer en phase Arrêt." : null;
        }
        if (ReasonRefusal(kind, reason) is { } refusedReason)
        {
            return refusedReason;
        }
        if (from == to)
        {
            return $"Le produit est déjà en phase {to.Label()}.";
        }
        if (from == Phase.Arret)
        {
            return kind == PhaseChangeKind.Reopening
                ? null
                : "Un produit arrêté ne quitte la phase Arrêt que par une réouverture décidée par un administrateur.";
        }
        if (kind == PhaseChangeKind.Reopening)
        {
            return "Seul un produit arrêté peut être rouvert.";
        }
        if (to == Phase.Arret || to < from)
        {
            return null;
        }
        if (to == Next(from) || (from == Phase.Idee && to == Phase.Mvp))
        {
            return null;
        }
        return $"Le passage de {from.Label()} à {to.Label()} saute une étape : seule la phase POC peut être sautée.";
    }
}
