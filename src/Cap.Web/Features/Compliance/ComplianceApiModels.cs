using Cap.Domain.Compliance;
using Cap.Web.Shared;

namespace Cap.Web.Features.Compliance;

/// <summary>The compliance record as the API replaces it (every field; a field left out is cleared). Dates are yyyy-MM-dd.</summary>
/// <param name="IsPublic">Whether the product is a site or application reachable by the public (required): the agrément SIG applies.</param>
/// <param name="RgaaAuditDate">Date of the last RGAA audit (not in the future; required with a rate).</param>
/// <param name="RgaaRate">The audit's compliance rate, 0 to 100 with one decimal at most.</param>
/// <param name="RgaaStatementUrl">The accessibility statement's address (http or https).</param>
/// <param name="RgaaStatementStatus">full, partial, non-compliant or missing.</param>
/// <param name="RgaaFullComplianceTarget">The date the team aims to reach 100 % by.</param>
/// <param name="HomologationDecisionDate">Date of the security homologation decision (RGS); required with its end of validity.</param>
/// <param name="HomologationValidUntil">The homologation's last valid day, after the decision.</param>
/// <param name="RgpdRegisterEntry">The processing's reference in the ministry's register (200 characters at most).</param>
/// <param name="Dpia">The data-protection impact assessment: not-required, required (to do) or done.</param>
/// <param name="RgesnDeclarationUrl">The eco-design (RGESN) declaration's address (http or https), optional.</param>
/// <param name="RgesnScore">The RGESN declaration's score, 0 to 100 with one decimal at most, optional.</param>
/// <param name="Version">The version read (0 when the record did not exist): a different stored version answers 409.</param>
public sealed record ComplianceRequest(
    bool? IsPublic, DateOnly? RgaaAuditDate, decimal? RgaaRate, string? RgaaStatementUrl, string? RgaaStatementStatus, DateOnly? RgaaFullComplianceTarget,
    DateOnly? HomologationDecisionDate, DateOnly? HomologationValidUntil, string? RgpdRegisterEntry, string? Dpia,
    string? RgesnDeclarationUrl, decimal? RgesnScore, int? Version)
{
    public (ComplianceInput Input, Dictionary<string, string> Errors) ToInput()
    {
        var errors = new Dictionary<string, string>();
        var input = new ComplianceInput
        {
            IsPublic = IsPublic, RgaaAuditDate = RgaaAuditDate, RgaaRate = RgaaRate, RgaaStatementUrl = RgaaStatementUrl,
            RgaaStatementStatus = ApiNames.ParseField<StatementStatus>(RgaaStatementStatus, "rgaaStatementStatus", errors),
            RgaaFullComplianceTarget = RgaaFullComplianceTarget, HomologationDecisionDate = HomologationDecisionDate,
            HomologationValidUntil = HomologationValidUntil, RgpdRegisterEntry = RgpdRegisterEntry,
            Dpia = ApiNames.ParseField<DpiaStatus>(Dpia, "dpia", errors),
            RgesnDeclarationUrl = RgesnDeclarationUrl, RgesnScore = RgesnScore,
        };
        if (Version is null)
        {
            errors["version"] = "Indiquez la version de la fiche lue avant modification (champ version, 0 si elle n’existait pas).";
        }
        return (input, errors);
    }
}

/// <summary>A point of attention raised by the compliance record.</summary>
public sealed record ComplianceFlagResponse(string Code, string Label, string Detail, string Level);

/// <summary>The product's compliance record (<c>recorded</c> false and version 0 while the team has not filled it) and the points of attention it raises today.</summary>
public sealed record ComplianceResponse(
    string Product, bool Recorded, bool IsPublic,
    DateOnly? RgaaAuditDate, decimal? RgaaRate, string? RgaaStatementUrl, StatementStatus? RgaaStatementStatus, string? RgaaStatementStatusLabel, DateOnly? RgaaFullComplianceTarget,
    DateOnly? HomologationDecisionDate, DateOnly? HomologationValidUntil, string? RgpdRegisterEntry, DpiaStatus? Dpia, string? DpiaLabel,
    string? RgesnDeclarationUrl, decimal? RgesnScore, int Version, DateTimeOffset? UpdatedAt, IReadOnlyList<ComplianceFlagResponse> Flags)
{
    public static ComplianceResponse From(string slug, ProductCompliance? c, IEnumerable<ProductFlag> flags) => new(
        slug, c is not null, c?.IsPublic ?? false,
        c?.RgaaAuditDate, c?.RgaaRate, c?.RgaaStatementUrl, c?.RgaaStatementStatus, c?.RgaaStatementStatus?.Label(), c?.RgaaFullComplianceTarget,
        c?.HomologationDecisionDate, c?.HomologationValidUntil, c?.RgpdRegisterEntry, c?.Dpia, c?.Dpia?.Label(),
        c?.RgesnDeclarationUrl, c?.RgesnScore, c?.Version ?? 0, c?.UpdatedAt,
        flags.Select(f => new ComplianceFlagResponse(f.Code, f.Label, f.Detail, f.Level == FlagLevel.Alert ? "alert" : "warning")).ToList());
}

/// <summary>Opens a request for an agrément SIG (the framing form was sent).</summary>
/// <param name="Kind">creation, redesign or major-change. A major change may be declared while a request is open: that one is superseded.</param>
/// <param name="FramingSentOn">The day the framing form was sent (yyyy-MM-dd, not in the future).</param>
/// <param name="Note">Optional note (1000 characters at most).</param>
public sealed record SigApprovalRequest(string? Kind, DateOnly? FramingSentOn, string? Note);

/// <summary>The agrément de principe's decision.</summary>
/// <param name="Outcome">granted, granted-with-reservations or refused.</param>
/// <param name="DecidedOn">The decision's date (yyyy-MM-dd), not before the framing, not in the future.</param>
/// <param name="Reservations">Required for granted-with-reservations (2000 characters at most).</param>
/// <param name="Version">The request's version read: a different stored version answers 409.</param>
public sealed record SigPrincipleRequest(string? Outcome, DateOnly? DecidedOn, string? Reservations, int? Version);

/// <summary>One check of the agrément définitif.</summary>
/// <param name="Check">rgaa-audit, dsfr-and-brand, audience-measurement, user-tests, rgs-homologation or rgpd.</param>
/// <param name="IsMet">Whether the check is met.</param>
/// <param name="Note">Optional note (500 characters at most).</param>
public sealed record SigCheckRequest(string? Check, bool? IsMet, string? Note);

/// <summary>The agrément définitif's decision, with its checks (a check left out is not met). Granted needs all six met.</summary>
/// <param name="Outcome">granted, granted-with-reservations or refused.</param>
/// <param name="DecidedOn">The decision's date (yyyy-MM-dd), not before the agrément de principe, not in the future.</param>
/// <param name="Reservations">Required for granted-with-reservations (2000 characters at most).</param>
/// <param name="Checks">The checks, each at most once.</param>
/// <param name="Version">The request's version read: a different stored version answers 409.</param>
public sealed record SigFinalRequest(string? Outcome, DateOnly? DecidedOn, string? Reservations, List<SigCheckRequest?>? Checks, int? Version);

public sealed record SigDecisionResponse(SigOutcome Outcome, string OutcomeLabel, DateOnly DecidedOn, string? Reservations);

public sealed record SigCheckResponse(SigCheck Check, string CheckLabel, bool IsMet, string? Note);

/// <summary>A request for an agrément SIG and where it stands.</summary>
public sealed record SigApprovalResponse(
    int Id, int Number, SigRequestKind Kind, string KindLabel, DateOnly FramingSentOn, string? Note, SigState State, string StateLabel, bool IsClosed,
    SigDecisionResponse? Principle, SigDecisionResponse? Final, IReadOnlyList<SigCheckResponse> Checks, DateOnly? SupersededOn, int Version)
{
    public static SigApprovalResponse From(SigApproval a) => new(
        a.Id, a.Number, a.Kind, a.Kind.Label(), a.FramingSentOn, a.Note, a.State, a.State.Label(), SigProcedure.IsClosed(a.State),
        a.PrincipleOutcome is { } p && a.PrincipleDecidedOn is { } pOn ? new SigDecisionResponse(p, p.Label(), pOn, a.PrincipleReservations) : null,
        a.FinalOutcome is { } f && a.FinalDecidedOn is { } fOn ? new SigDecisionResponse(f, f.Label(), fOn, a.FinalReservations) : null,
        a.Checks.OrderBy(c => c.Check).Select(c => new SigCheckResponse(c.Check, c.Check.Label(), c.IsMet, c.Note)).ToList(),
        a.SupersededOn, a.Version);
}
