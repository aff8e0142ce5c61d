using System.Globalization;
using Cap.Domain.Compliance;
using Cap.Domain.Steering;
using Cap.Web.Shared.TagHelpers;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Cap.Web.Features.Compliance;

/// <summary>The compliance form: rates stay text so "82,5" and "82.5" are both read; « exposé au public » is a yes/no radio.</summary>
public sealed class ComplianceForm
{
    public const string Yes = "oui";
    public const string No = "non";

    public string? IsPublic { get; set; }
    public DateOnly? RgaaAuditDate { get; set; }
    public string? RgaaRate { get; set; }
    public string? RgaaStatementUrl { get; set; }
    public StatementStatus? RgaaStatementStatus { get; set; }
    public DateOnly? RgaaFullComplianceTarget { get; set; }
    public DateOnly? HomologationDecisionDate { get; set; }
    public DateOnly? HomologationValidUntil { get; set; }
    public string? RgpdRegisterEntry { get; set; }
    public DpiaStatus? Dpia { get; set; }
    public string? RgesnDeclarationUrl { get; set; }
    public string? RgesnScore { get; set; }

    public static ComplianceForm From(ProductCompliance? c) => c is null ? new() : new()
    {
        IsPublic = c.IsPublic ? Yes : No, RgaaAuditDate = c.RgaaAuditDate, RgaaRate = Rate(c.RgaaRate), RgaaStatementUrl = c.RgaaStatementUrl,
        RgaaStatementStatus = c.RgaaStatementStatus, RgaaFullComplianceTarget = c.RgaaFullComplianceTarget,
        HomologationDecisionDate = c.HomologationDecisionDate, HomologationValidUntil = c.HomologationValidUntil,
        RgpdRegisterEntry = c.RgpdRegisterEntry, Dpia = c.Dpia, RgesnDeclarationUrl = c.RgesnDeclarationUrl, RgesnScore = Rate(c.RgesnScore),
    };

    /// <summary>A rate as people write it in French: "82,5", "100".</summary>
    public static string? Rate(decimal? value) => value?.ToString("0.#", CultureInfo.GetCultureInfo("fr-FR"));

    /// <summary>The input to validate, and the fields that could not be read (keys are the input's property names).</summary>
    public (ComplianceInput Input, Dictionary<string, string> ParseErrors) ToInput()
    {
        var errors = new Dictionary<string, string>();
        decimal? Number(string? text, string field)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }
            if (IndicatorRules.TryParseNumber(text.Replace("%", "", StringComparison.Ordinal), out var value))
            {
                return value;
            }
            errors[field] = "Saisissez un pourcentage entre 0 et 100, par exemple 82,5.";
            return null;
        }
        var input = new ComplianceInput
        {
            IsPublic = IsPublic switch { Yes => true, No => false, _ => null },
            RgaaAuditDate = RgaaAuditDate, RgaaRate = Number(RgaaRate, nameof(RgaaRate)), RgaaStatementUrl = RgaaStatementUrl,
            RgaaStatementStatus = RgaaStatementStatus, RgaaFullComplianceTarget = RgaaFullComplianceTarget,
            HomologationDecisionDate = HomologationDecisionDate, HomologationValidUntil = HomologationValidUntil,
            RgpdRegisterEntry = RgpdRegisterEntry, Dpia = Dpia, RgesnDeclarationUrl = RgesnDeclarationUrl, RgesnScore = Number(RgesnScore, nameof(RgesnScore)),
        };
        return (input, errors);
    }

    public static IReadOnlyList<DsfrChoice> PublicChoices { get; } =
    [
        new(Yes, "Oui, exposé au public", "Un site ou une application de l’État accessible aux usagers (toute adresse) : l’agrément SIG s’applique."),
        new(No, "Non, outil interne", "Un outil pour les agents, ou un produit sans mise en ligne publique."),
    ];

    public static List<SelectListItem> StatementStatuses { get; } =
        [.. Enum.GetValues<StatementStatus>().Select(s => new SelectListItem(s.Label(), s.ToString()))];

    public static List<SelectListItem> DpiaStatuses { get; } =
        [.. Enum.GetValues<DpiaStatus>().Select(s => new SelectListItem(s.Label(), s.ToString()))];
}
