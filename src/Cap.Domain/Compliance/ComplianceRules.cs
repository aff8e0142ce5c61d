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

/// <summary>
/// Compliance rules: what a valid record is and when the rules apply. The points of attention a record raises are
/// <see cref="ComplianceFlags"/>; the agrément SIG's procedure is <see cref="SigProcedure"/>. Pure functions; the web edge
/// applies them.
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

    internal static string Day(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
