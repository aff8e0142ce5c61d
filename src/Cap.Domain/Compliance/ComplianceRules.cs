using System.Globalization;
using Cap.Domain.Catalogue;

namespace Cap.Domain.Compliance;

/// <summary>The compliance record as typed (form or API), already parsed; <see cref="ComplianceRules.Validate"/> says what is wrong.</summary>
public sealed record ComplianceInput
{
    public bool? IsPublic { get; init; }
    public DateOnly? RgaaAuditDate { get; init; }
    public decimal? RgaaRate { get; init; }
    public string? RgaaStatementUrl { get; init; }
    public StatementStatus? RgaaStatementStatus { get; init; }
    public DateOnly? RgaaFullComplianceTarget { get; init; }
    public DateOnly? HomologationDecisionDate { get; init; }
    public DateOnly? HomologationValidUntil { get; init; }
    public string? RgpdRegisterEntry { get; init; }
    public DpiaStatus? Dpia { get; init; }
    public string? RgesnDeclarationUrl { get; init; }
    public decimal? RgesnScore { get; init; }

    public static ComplianceInput From(ProductCompliance c) => new()
    {
        IsPublic = c.IsPublic, RgaaAuditDate = c.RgaaAuditDate, RgaaRate = c.RgaaRate, RgaaStatementUrl = c.RgaaStatementUrl,
        RgaaStatementStatus = c.RgaaStatementStatus, RgaaFullComplianceTarget = c.RgaaFullComplianceTarget,
        HomologationDecisionDate = c.HomologationDecisionDate, HomologationValidUntil = c.HomologationValidUntil,
        RgpdRegisterEntry = c.RgpdRegisterEntry, Dpia = c.Dpia, RgesnDeclarationUrl = c.RgesnDeclarationUrl, RgesnScore = c.RgesnScore,
    };
}

/// <summary>What the flags' rules read of a product (one row of one query for any number of products).</summary>
/// <param name="HasPrincipleApproval">An agrément de principe was granted (with or without reservations) on one of its requests.</param>
public sealed record ComplianceFacts(Phase Phase, bool IsPublic, decimal? RgaaRate, DateOnly? HomologationValidUntil, bool HasPrincipleApproval);

/// <summary>The points of attention compliance raises on a product.</summary>
public enum ComplianceAttention
{
    /// <summary>The homologation's last valid day is past (alert).</summary>
    HomologationExpired,
    /// <summary>The homologation ends today or within the warning window (warning).</summary>
    HomologationExpiring,
    /// <summary>A public product from its first public phase on has no homologation recorded (alert).</summary>
    HomologationMissing,
    /// <summary>A public product from its first public phase on has an RGAA rate below 80 % (alert).</summary>
    RgaaBelowThreshold,
    /// <summary>A public product from its first public phase on has no RGAA audit recorded (warning).</summary>
    RgaaMissing,
    /// <summary>A public product has reached its first public phase without an agrément de principe (alert).</summary>
    PrincipleApprovalMissing,
}

/// <summary>
/// Compliance rules: what a valid record is, which points of attention it raises on a given day, and the agrément SIG's
/// procedure (which step may follow which). Pure functions; the web edge applies them.
/// </summary>
public static class ComplianceRules
{
    /// <summary>The RGAA rate below which a public product is out of the rules (the agrément définitif's threshold).</summary>
    public const decimal RgaaThreshold = 80m;

    /// <summary>Default of <c>Compliance:HomologationWarningDays</c>: a homologation ending within this many days is flagged.</summary>
    public const int DefaultWarningDays = 90;

    /// <summary>
    /// The first phase in which a public product meets real users: MVP (« mettre en production une première version … avec de
    /// vrais usagers »). An agrément de principe is needed before it; the RGAA threshold and the homologation apply from it on.
    /// </summary>
    public const Phase FirstPublicPhase = Phase.Mvp;

    /// <summary>MVP, Construction or Généralisation: the product is in front of its users (Arrêt is not).</summary>
    public static bool IsInService(Phase phase) => phase is >= FirstPublicPhase and <= Phase.Generalisation;

    // ---- The record ----

    /// <summary>One French message per invalid field (keys are <see cref="ComplianceInput"/>'s property names).</summary>
    public static Dictionary<string, string> Validate(ComplianceInput input, DateOnly today)
    {
        var errors = new Dictionary<string, string>();
        if (input.IsPublic is null)
        {
            errors[nameof(input.IsPublic)] = "Indiquez si le produit est exposé au public : cela décide si l’agrément SIG s’applique.";
        }
        Rate(errors, nameof(input.RgaaRate), input.RgaaRate, "Le taux de conformité RGAA");
        NotAfterToday(errors, nameof(input.RgaaAuditDate), input.RgaaAuditDate, today, "La date de l’audit RGAA");
        if (input.RgaaRate is not null && input.RgaaAuditDate is null)
        {
            errors.TryAdd(nameof(input.RgaaAuditDate), "Indiquez la date de l’audit qui a mesuré ce taux.");
        }
        if (input.RgaaAuditDate is not null && input.RgaaRate is null)
        {
            errors.TryAdd(nameof(input.RgaaRate), "Indiquez le taux de conformité mesuré par cet audit, entre 0 et 100.");
        }
        Url(errors, nameof(input.RgaaStatementUrl), input.RgaaStatementUrl, "de la déclaration d’accessibilité");
        if (input.RgaaStatementUrl is not null && !string.IsNullOrWhiteSpace(input.RgaaStatementUrl) && input.RgaaStatementStatus == StatementStatus.Absente)
        {
            errors.TryAdd(nameof(input.RgaaStatementStatus), "Une déclaration publiée n’est pas absente : choisissez son état (totalement, partiellement ou non conforme), ou effacez son adresse.");
        }
        if (input.RgaaFullComplianceTarget is { } target && input.RgaaAuditDate is { } audit && target < audit)
        {
            errors[nameof(input.RgaaFullComplianceTarget)] = $"La date visée pour 100 % ne peut pas précéder l’audit du {Day(audit)}.";
        }

        NotAfterToday(errors, nameof(input.HomologationDecisionDate), input.HomologationDecisionDate, today, "La date de la décision d’homologation");
        if (input.HomologationDecisionDate is null && input.HomologationValidUntil is not null)
        {
            errors.TryAdd(nameof(input.HomologationDecisionDate), "Indiquez la date de la décision d’homologation.");
        }
        if (input.HomologationDecisionDate is not null && input.HomologationValidUntil is null)
        {
            errors.TryAdd(nameof(input.HomologationValidUntil), "Indiquez la fin de validité de l’homologation (souvent trois ans après la décision).");
        }
        if (input.HomologationDecisionDate is { } decision && input.HomologationValidUntil is { } until && until <= decision)
        {
            errors.TryAdd(nameof(input.HomologationValidUntil), $"La fin de validité doit suivre la décision du {Day(decision)}.");
        }

        if (Text.TooLong("La référence au registre des traitements", Text.Clean(input.RgpdRegisterEntry), ProductCompliance.RegisterMaxLength) is { } tooLong)
        {
            errors[nameof(input.RgpdRegisterEntry)] = tooLong;
        }
        Url(errors, nameof(input.RgesnDeclarationUrl), input.RgesnDeclarationUrl, "de la déclaration d’écoconception");
        Rate(errors, nameof(input.RgesnScore), input.RgesnScore, "Le score RGESN");
        return errors;
    }

    /// <summary>Copies a valid input onto the record (texts cleaned).</summary>
    public static void Apply(ProductCompliance record, ComplianceInput input)
    {
        record.IsPublic = input.IsPublic ?? false;
        record.RgaaAuditDate = input.RgaaAuditDate;
        record.RgaaRate = input.RgaaRate;
        record.RgaaStatementUrl = Text.Clean(input.RgaaStatementUrl);
        record.RgaaStatementStatus = input.RgaaStatementStatus;
        record.RgaaFullComplianceTarget = input.RgaaFullComplianceTarget;
        record.HomologationDecisionDate = input.HomologationDecisionDate;
        record.HomologationValidUntil = input.HomologationValidUntil;
        record.RgpdRegisterEntry = Text.Clean(input.RgpdRegisterEntry);
        record.Dpia = input.Dpia;
        record.RgesnDeclarationUrl = Text.Clean(input.RgesnDeclarationUrl);
        record.RgesnScore = input.RgesnScore;
    }

    private static void Rate(Dictionary<string, string> errors, string field, decimal? rate, string what)
    {
        if (rate is { } r && (r < 0 || r > 100))
        {
            errors[field] = $"{what} est un pourcentage entre 0 et 100.";
        }
        else if (rate is { } d && decimal.Round(d, 1) != d)
        {
            errors[field] = $"{what} s’écrit avec une décimale au plus, par exemple 82,5.";
        }
    }

    private static void NotAfterToday(Dictionary<string, string> errors, string field, DateOnly? date, DateOnly today, string what)
    {
        if (date is { } d && d > today)
        {
            errors[field] = $"{what} ne peut pas être dans le futur.";
        }
    }

    private static void Url(Dictionary<string, string> errors, string field, string? value, string what)
    {
        if (Text.Clean(value) is not { } url)
        {
            return;
        }
        if (url.Length > ProductCompliance.UrlMaxLength)
        {
            errors[field] = $"L’adresse {what} ne doit pas dépasser {ProductCompliance.UrlMaxLength} caractères.";
        }
        else if (!IsWebAddress(url))
        {
            errors[field] = $"Saisissez l’adresse {what} en entier, commençant par https:// (par exemple https://mon-service.gouv.fr/accessibilite).";
        }
    }

    /// <summary>An absolute http or https address.</summary>
    public static bool IsWebAddress(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && uri.Host.Length > 0;

    private static string Day(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    // ---- The points of attention ----

    /// <summary>
    /// The points of attention a product raises on <paramref name="today"/>. A homologation counts for every product in service
    /// (it is the State's rule for any information system): expired the day after its last valid day, expiring from
    /// <paramref name="warningDays"/> days before it (inclusive) to that day. A public product in MVP or later must also have a
    /// homologation, an RGAA rate of at least 80 % and an agrément de principe. Nothing for a product in Idée, POC or Arrêt
    /// (beyond an expired homologation in Idée/POC, which still covers a system that runs).
    /// </summary>
    public static IReadOnlyList<ComplianceAttention> Flags(ComplianceFacts facts, DateOnly today, int warningDays)
    {
        var flags = new List<ComplianceAttention>();
        if (facts.Phase == Phase.Arret)
        {
            return flags;
        }
        if (facts.HomologationValidUntil is { } until)
        {
            if (until < today)
            {
                flags.Add(ComplianceAttention.HomologationExpired);
            }
            else if (until <= today.AddDays(warningDays))
            {
                flags.Add(ComplianceAttention.HomologationExpiring);
            }
        }
        if (facts.IsPublic && IsInService(facts.Phase))
        {
            if (facts.HomologationValidUntil is null)
            {
                flags.Add(ComplianceAttention.HomologationMissing);
            }
            if (facts.RgaaRate is null)
            {
                flags.Add(ComplianceAttention.RgaaMissing);
            }
            else if (facts.RgaaRate < RgaaThreshold)
            {
                flags.Add(ComplianceAttention.RgaaBelowThreshold);
            }
            if (!facts.HasPrincipleApproval)
            {
                flags.Add(ComplianceAttention.PrincipleApprovalMissing);
            }
        }
        return flags;
    }

    /// <summary>The day from which a homologation ending on or before it is flagged (today + the warning window).</summary>
    public static DateOnly WarningLimit(DateOnly today, int warningDays) => today.AddDays(warningDays);

    /// <summary>The stable code of a flag (the API's vocabulary).</summary>
    public static string Code(this ComplianceAttention flag) => flag switch
    {
        ComplianceAttention.HomologationExpired => "homologation-expired",
        ComplianceAttention.HomologationExpiring => "homologation-expiring",
        ComplianceAttention.HomologationMissing => "homologation-missing",
        ComplianceAttention.RgaaBelowThreshold => "rgaa-below-80",
        ComplianceAttention.RgaaMissing => "rgaa-audit-missing",
        ComplianceAttention.PrincipleApprovalMissing => "agrement-principe-missing",
        _ => flag.ToString(),
    };

    /// <summary>True for the flags that say the product is out of the rules now (DSFR error tone); false for warnings.</summary>
    public static bool IsAlert(this ComplianceAttention flag) =>
        flag is ComplianceAttention.HomologationExpired or ComplianceAttention.HomologationMissing or ComplianceAttention.RgaaBelowThreshold or ComplianceAttention.PrincipleApprovalMissing;

    public static string Label(this ComplianceAttention flag) => flag switch
    {
        ComplianceAttention.HomologationExpired => "Homologation expirée",
        ComplianceAttention.HomologationExpiring => "Homologation bientôt expirée",
        ComplianceAttention.HomologationMissing => "Homologation absente",
        ComplianceAttention.RgaaBelowThreshold => "Accessibilité sous 80 %",
        ComplianceAttention.RgaaMissing => "Audit d’accessibilité absent",
        ComplianceAttention.PrincipleApprovalMissing => "Agrément SIG de principe absent",
        _ => flag.ToString(),
    };

    /// <summary>The French sentence saying why, with its dates and figures.</summary>
    public static string Detail(this ComplianceAttention flag, ComplianceFacts facts, DateOnly today) => flag switch
    {
        ComplianceAttention.HomologationExpired =>
            $"L’homologation de sécurité n’est plus valide depuis le {Day(facts.HomologationValidUntil!.Value.AddDays(1))} : une nouvelle décision est à obtenir.",
        ComplianceAttention.HomologationExpiring => facts.HomologationValidUntil!.Value == today
            ? "L’homologation de sécurité expire ce soir : préparez son renouvellement."
            : $"L’homologation de sécurité est valide jusqu’au {Day(facts.HomologationValidUntil.Value)}, dans {facts.HomologationValidUntil.Value.DayNumber - today.DayNumber} jour(s) : préparez son renouvellement.",
        ComplianceAttention.HomologationMissing =>
            $"Produit exposé au public en phase {facts.Phase.Label()} sans homologation de sécurité (RGS) enregistrée.",
        ComplianceAttention.RgaaBelowThreshold =>
            $"Taux de conformité RGAA de {facts.RgaaRate!.Value.ToString("0.#", CultureInfo.GetCultureInfo("fr-FR"))} % pour un produit exposé au public en phase {facts.Phase.Label()} : l’agrément SIG demande plus de 80 %.",
        ComplianceAttention.RgaaMissing =>
            $"Produit exposé au public en phase {facts.Phase.Label()} sans audit d’accessibilité (RGAA) enregistré.",
        ComplianceAttention.PrincipleApprovalMissing =>
            $"Produit exposé au public en phase {facts.Phase.Label()} sans agrément SIG de principe : il est requis avant la première mise en ligne, même restreinte.",
        _ => string.Empty,
    };

    // ---- The agrément SIG ----

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
}
