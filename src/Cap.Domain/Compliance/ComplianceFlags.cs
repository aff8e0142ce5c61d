using System.Globalization;
using Cap.Domain.Catalogue;

namespace Cap.Domain.Compliance;
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

/// <summary>The points of attention compliance raises on a product, and how each is named and told (pure functions).</summary>
public static class ComplianceFlags
{
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
        if (facts.IsPublic && ComplianceRules.IsInService(facts.Phase))
        {
            if (facts.HomologationValidUntil is null)
            {
                flags.Add(ComplianceAttention.HomologationMissing);
            }
            if (facts.RgaaRate is null)
            {
                flags.Add(ComplianceAttention.RgaaMissing);
            }
            else if (facts.RgaaRate < ComplianceRules.RgaaThreshold)
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

    private static string Day(DateOnly date) => ComplianceRules.Day(date);
}
