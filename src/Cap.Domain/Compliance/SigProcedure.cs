namespace Cap.Domain.Compliance;

/// <summary>The agrément SIG as a procedure: a request's state, and which step may follow which (pure functions).</summary>
public static class SigProcedure
{
    public static SigState StateOf(SigApproval a) =>
        a.FinalOutcome switch
        {
            SigOutcome.Accorde => SigState.FinalGranted,
            SigOutcome.Refuse => SigState.FinalRefused,
            SigOutcome.SousReserve when a.SupersededOn is null => SigState.FinalWithReservations,
            _ when a.SupersededOn is not null => SigState.Superseded,
            _ => a.PrincipleOutcome switch
            {
                SigOutcome.Refuse => SigState.PrincipleRefused,
                SigOutcome.Accorde or SigOutcome.SousReserve => SigState.PrincipleGranted,
                _ => SigState.FramingSent,
            },
        };

    /// <summary>A closed request takes no further step: final granted or refused, principle refused, or superseded.</summary>
    public static bool IsClosed(SigState state) =>
        state is SigState.FinalGranted or SigState.FinalRefused or SigState.PrincipleRefused or SigState.Superseded;

    /// <summary>An agrément de principe was obtained (accordé or sous réserve).</summary>
    public static bool IsGranted(SigOutcome? outcome) => outcome is SigOutcome.Accorde or SigOutcome.SousReserve;

    /// <summary>
    /// Opens a request. Only a public product needs one. A création or a refonte waits for the previous request to be closed;
    /// a major change may be declared at any time: the open request, if any, is then superseded (the caller stamps it).
    /// </summary>
    /// <param name="latest">The product's latest request, if any.</param>
    public static Refusal? CanOpen(bool isPublic, SigApproval? latest, SigRequestKind? kind, DateOnly? framingSentOn, string? note, DateOnly today)
    {
        var errors = new Dictionary<string, string>();
        if (kind is null)
        {
            errors["Kind"] = "Choisissez le motif de la demande : création, refonte ou évolution majeure.";
        }
        if (framingSentOn is null)
        {
            errors["FramingSentOn"] = "Indiquez la date d’envoi de la fiche de cadrage.";
        }
        else if (framingSentOn > today)
        {
            errors["FramingSentOn"] = "La date d’envoi de la fiche de cadrage ne peut pas être dans le futur.";
        }
        else if (latest is not null && framingSentOn < latest.FramingSentOn)
        {
            errors["FramingSentOn"] = $"La demande précédente a été cadrée le {Day(latest.FramingSentOn)} : la nouvelle ne peut pas la précéder.";
        }
        if (Text.TooLong("La note", Text.Clean(note), SigApproval.NoteMaxLength) is { } tooLong)
        {
            errors["Note"] = tooLong;
        }
        if (errors.Count > 0)
        {
            return Refusal.Invalid(errors);
        }
        if (!isPublic)
        {
            return Refusal.Rule("", "L’agrément SIG ne concerne que les sites et applications exposés au public : indiquez d’abord dans la fiche de conformité que le produit l’est.");
        }
        if (latest is not null && !IsClosed(latest.State) && kind != SigRequestKind.EvolutionMajeure)
        {
            return Refusal.Conflict($"La demande n° {latest.Number} est en cours (état : {latest.State.Label().ToLowerInvariant()}) : une nouvelle demande ne s’ouvre qu’une fois celle-ci close, ou pour déclarer une évolution majeure.", "Kind", latest.Version);
        }
        return null;
    }

    /// <summary>Records the agrément de principe (or corrects it while no agrément définitif is recorded).</summary>
    public static Refusal? CanRecordPrinciple(SigApproval a, SigOutcome? outcome, DateOnly? decidedOn, string? reservations, DateOnly today)
    {
        var errors = Decision(outcome, decidedOn, reservations, a.FramingSentOn, "l’envoi de la fiche de cadrage", today);
        if (errors.Count > 0)
        {
            return Refusal.Invalid(errors);
        }
        if (a.SupersededOn is not null || a.FinalOutcome is not null)
        {
            return Refusal.Conflict(a.SupersededOn is not null
                ? $"La demande n° {a.Number} a été remplacée par une demande ultérieure : elle ne change plus."
                : $"L’agrément définitif de la demande n° {a.Number} est déjà enregistré : l’agrément de principe ne change plus.", currentVersion: a.Version);
        }
        return null;
    }

    /// <summary>
    /// Records the agrément définitif, after an agrément de principe obtained; a définitif sous réserve may be recorded again
    /// once the reservations are lifted. Accordé needs every check met; sous réserve needs its reservations written.
    /// </summary>
    public static Refusal? CanRecordFinal(SigApproval a, SigOutcome? outcome, DateOnly? decidedOn, string? reservations,
        IReadOnlyList<(SigCheck Check, bool IsMet, string? Note)> checks, DateOnly today)
    {
        var errors = Decision(outcome, decidedOn, reservations, a.PrincipleDecidedOn ?? a.FramingSentOn, "l’agrément de principe", today);
        for (var i = 0; i < checks.Count; i++)
        {
            if (Text.TooLong("La note", Text.Clean(checks[i].Note), SigApprovalCheck.NoteMaxLength) is { } tooLong)
            {
                errors[$"Checks[{i}].Note"] = tooLong;
            }
        }
        if (checks.Select(c => c.Check).Distinct().Count() != checks.Count)
        {
            errors["Checks"] = "Chaque vérification n’apparaît qu’une fois.";
        }
        if (errors.Count > 0)
        {
            return Refusal.Invalid(errors);
        }
        var state = a.State;
        if (state is not (SigState.PrincipleGranted or SigState.FinalWithReservations))
        {
            return Refusal.Conflict(state switch
            {
                SigState.FramingSent => $"La demande n° {a.Number} attend encore son agrément de principe : l’agrément définitif vient après.",
                _ => $"La demande n° {a.Number} est close (état : {state.Label().ToLowerInvariant()}) : ouvrez une nouvelle demande.",
            }, currentVersion: a.Version);
        }
        if (outcome == SigOutcome.Accorde)
        {
            var missing = Enum.GetValues<SigCheck>().Where(c => !checks.Any(x => x.Check == c && x.IsMet)).ToList();
            if (missing.Count > 0)
            {
                return Refusal.Rule("Checks", $"Un agrément définitif accordé suppose toutes les vérifications remplies ; il en manque {missing.Count} : {string.Join(" ; ", missing.Select(m => m.Label()))}. Sinon, choisissez « accordé sous réserve ».");
            }
        }
        return null;
    }

    private static Dictionary<string, string> Decision(SigOutcome? outcome, DateOnly? decidedOn, string? reservations, DateOnly notBefore, string after, DateOnly today)
    {
        var errors = new Dictionary<string, string>();
        if (outcome is null)
        {
            errors["Outcome"] = "Choisissez la décision : accordé, accordé sous réserve ou refusé.";
        }
        if (decidedOn is null)
        {
            errors["DecidedOn"] = "Indiquez la date de la décision.";
        }
        else if (decidedOn > today)
        {
            errors["DecidedOn"] = "La date de la décision ne peut pas être dans le futur.";
        }
        else if (decidedOn < notBefore)
        {
            errors["DecidedOn"] = $"La décision ne peut pas précéder {after}, le {Day(notBefore)}.";
        }
        var text = Text.Clean(reservations);
        if (outcome == SigOutcome.SousReserve && text is null)
        {
            errors["Reservations"] = "Écrivez les réserves : ce qui reste à lever et pour quand.";
        }
        else if (Text.TooLong("Le texte des réserves", text, SigApproval.ReservationsMaxLength) is { } tooLong)
        {
            errors["Reservations"] = tooLong;
        }
        return errors;
    }

    private static string Day(DateOnly date) => ComplianceRules.Day(date);
}
