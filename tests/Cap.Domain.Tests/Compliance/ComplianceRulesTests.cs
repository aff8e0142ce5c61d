using Cap.Domain.Catalogue;
using Cap.Domain.Compliance;

namespace Cap.Domain.Tests.Compliance;

public class ComplianceRulesTests
{
    private static readonly DateOnly Today = new(2026, 12, 5);
    private const int Window = ComplianceRules.DefaultWarningDays;

    private static ComplianceFacts Public(Phase phase = Phase.Mvp, decimal? rate = 90m, DateOnly? until = null, bool principle = true) =>
        new(phase, true, rate, until ?? Today.AddYears(2), principle);

    private static IReadOnlyList<ComplianceAttention> Flags(ComplianceFacts facts, int window = Window) => ComplianceFlags.Flags(facts, Today, window);

    // ---- Homologation ----

    [Fact]
    public void A_homologation_valid_beyond_the_window_raises_nothing() =>
        Assert.Empty(Flags(Public(until: Today.AddDays(Window + 1))));

    [Fact]
    public void A_homologation_ending_in_exactly_the_window_is_expiring() =>
        Assert.Equal([ComplianceAttention.HomologationExpiring], Flags(Public(until: Today.AddDays(Window))));

    [Fact]
    public void A_homologation_ending_today_is_still_valid_and_expiring()
    {
        var facts = Public(until: Today);
        Assert.Equal([ComplianceAttention.HomologationExpiring], Flags(facts));
        Assert.Contains("ce soir", ComplianceAttention.HomologationExpiring.Detail(facts, Today), StringComparison.Ordinal);
    }

    [Fact]
    public void A_homologation_that_ended_yesterday_is_expired()
    {
        var facts = Public(until: Today.AddDays(-1));
        Assert.Equal([ComplianceAttention.HomologationExpired], Flags(facts));
        Assert.True(ComplianceAttention.HomologationExpired.IsAlert());
        Assert.False(ComplianceAttention.HomologationExpiring.IsAlert());
        Assert.Contains("05/12/2026", ComplianceAttention.HomologationExpired.Detail(facts, Today), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(30, 30, true)]
    [InlineData(30, 31, false)]
    [InlineData(0, 0, true)]
    [InlineData(0, 1, false)]
    public void The_warning_window_is_configurable(int window, int daysLeft, bool flagged) =>
        Assert.Equal(flagged, Flags(Public(until: Today.AddDays(daysLeft)), window).Contains(ComplianceAttention.HomologationExpiring));

    [Fact]
    public void An_internal_tool_with_an_expired_homologation_is_flagged_too() =>
        Assert.Equal([ComplianceAttention.HomologationExpired], Flags(new ComplianceFacts(Phase.Construction, false, null, Today.AddDays(-10), false)));

    [Theory]
    [InlineData(Phase.Mvp, true)]
    [InlineData(Phase.Construction, true)]
    [InlineData(Phase.Generalisation, true)]
    [InlineData(Phase.Poc, false)]
    [InlineData(Phase.Idee, false)]
    public void A_public_product_needs_a_homologation_from_MVP_on(Phase phase, bool flagged) =>
        Assert.Equal(flagged, Flags(new ComplianceFacts(phase, true, 90m, null, true)).Contains(ComplianceAttention.HomologationMissing));

    [Fact]
    public void An_internal_tool_without_homologation_is_not_flagged() =>
        Assert.Empty(Flags(new ComplianceFacts(Phase.Construction, false, null, null, false)));

    [Fact]
    public void A_stopped_product_raises_nothing() =>
        Assert.Empty(Flags(new ComplianceFacts(Phase.Arret, true, 10m, Today.AddDays(-100), false)));

    // ---- RGAA ----

    [Theory]
    [InlineData("79.9", true)]
    [InlineData("80", false)]
    [InlineData("80.0", false)]
    [InlineData("89.9", false)]
    [InlineData("0", true)]
    [InlineData("100", false)]
    public void The_RGAA_threshold_is_80_percent_inclusive(string rate, bool flagged) =>
        Assert.Equal(flagged, Flags(Public(rate: decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture))).Contains(ComplianceAttention.RgaaBelowThreshold));

    [Fact]
    public void The_RGAA_rule_waits_for_MVP() =>
        Assert.Empty(Flags(Public(Phase.Poc, rate: 62m, principle: false)));

    [Fact]
    public void The_RGAA_rule_applies_in_MVP_with_the_rate_in_its_detail()
    {
        var facts = Public(Phase.Mvp, rate: 62m);
        Assert.Equal([ComplianceAttention.RgaaBelowThreshold], Flags(facts));
        Assert.Contains("62 %", ComplianceAttention.RgaaBelowThreshold.Detail(facts, Today), StringComparison.Ordinal);
        Assert.Equal("rgaa-below-80", ComplianceAttention.RgaaBelowThreshold.Code());
    }

    [Fact]
    public void An_internal_tool_below_80_percent_is_not_flagged() =>
        Assert.Empty(Flags(new ComplianceFacts(Phase.Generalisation, false, 40m, Today.AddYears(1), false)));

    [Fact]
    public void A_public_product_in_service_without_audit_is_told_so() =>
        Assert.Equal([ComplianceAttention.RgaaMissing], Flags(Public(rate: null)));

    // ---- Agrément de principe ----

    [Theory]
    [InlineData(Phase.Idee, false)]
    [InlineData(Phase.Poc, false)]
    [InlineData(Phase.Mvp, true)]
    [InlineData(Phase.Generalisation, true)]
    public void A_public_product_needs_an_agrement_de_principe_before_MVP(Phase phase, bool flagged) =>
        Assert.Equal(flagged, Flags(Public(phase, principle: false)).Contains(ComplianceAttention.PrincipleApprovalMissing));

    [Fact]
    public void Every_flag_has_its_code() =>
        Assert.Equal(
            ["homologation-expired", "homologation-expiring", "homologation-missing", "rgaa-below-80", "rgaa-audit-missing", "agrement-principe-missing"],
            Enum.GetValues<ComplianceAttention>().Select(f => f.Code()));

    // ---- The record ----

    private static ComplianceInput Valid => new()
    {
        IsPublic = true, RgaaAuditDate = Today.AddDays(-10), RgaaRate = 82.5m, RgaaStatementUrl = "https://service.gouv.fr/accessibilite",
        RgaaStatementStatus = StatementStatus.Partiellement, RgaaFullComplianceTarget = Today.AddYears(1),
        HomologationDecisionDate = Today.AddDays(-30), HomologationValidUntil = Today.AddYears(3), RgpdRegisterEntry = "Fiche 12", Dpia = DpiaStatus.Done,
        RgesnDeclarationUrl = "http://service.gouv.fr/rgesn", RgesnScore = 50m,
    };

    [Fact]
    public void A_complete_record_is_valid() => Assert.Empty(ComplianceRules.Validate(Valid, Today));

    [Fact]
    public void Only_the_public_exposure_is_required()
    {
        Assert.Empty(ComplianceRules.Validate(new ComplianceInput { IsPublic = false }, Today));
        Assert.True(ComplianceRules.Validate(new ComplianceInput(), Today).ContainsKey("IsPublic"));
    }

    [Theory]
    [InlineData("-0.1")]
    [InlineData("100.1")]
    [InlineData("82.55")]
    public void A_rate_is_between_0_and_100_with_one_decimal(string rate) =>
        Assert.True(ComplianceRules.Validate(Valid with { RgaaRate = decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture) }, Today).ContainsKey("RgaaRate"));

    [Theory]
    [InlineData("0")]
    [InlineData("100")]
    [InlineData("99.9")]
    public void Rates_at_the_bounds_are_valid(string rate) =>
        Assert.Empty(ComplianceRules.Validate(Valid with { RgaaRate = decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture), RgesnScore = decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture) }, Today));

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://service.gouv.fr/a")]
    [InlineData("service.gouv.fr/accessibilite")]
    [InlineData("/accessibilite")]
    public void Addresses_are_http_or_https_only(string url)
    {
        Assert.True(ComplianceRules.Validate(Valid with { RgaaStatementUrl = url }, Today).ContainsKey("RgaaStatementUrl"));
        Assert.True(ComplianceRules.Validate(Valid with { RgesnDeclarationUrl = url }, Today).ContainsKey("RgesnDeclarationUrl"));
    }

    [Fact]
    public void A_homologation_ends_after_its_decision_and_both_go_together()
    {
        Assert.True(ComplianceRules.Validate(Valid with { HomologationValidUntil = Valid.HomologationDecisionDate }, Today).ContainsKey("HomologationValidUntil"));
        Assert.True(ComplianceRules.Validate(Valid with { HomologationValidUntil = null }, Today).ContainsKey("HomologationValidUntil"));
        Assert.True(ComplianceRules.Validate(Valid with { HomologationDecisionDate = null }, Today).ContainsKey("HomologationDecisionDate"));
        Assert.True(ComplianceRules.Validate(Valid with { HomologationDecisionDate = Today.AddDays(1), HomologationValidUntil = Today.AddYears(3) }, Today).ContainsKey("HomologationDecisionDate"));
        Assert.Empty(ComplianceRules.Validate(Valid with { HomologationDecisionDate = Today, HomologationValidUntil = Today.AddDays(1) }, Today));
    }

    [Fact]
    public void An_audit_has_a_date_and_a_rate_and_is_not_in_the_future()
    {
        Assert.True(ComplianceRules.Validate(Valid with { RgaaAuditDate = null }, Today).ContainsKey("RgaaAuditDate"));
        Assert.True(ComplianceRules.Validate(Valid with { RgaaRate = null }, Today).ContainsKey("RgaaRate"));
        Assert.True(ComplianceRules.Validate(Valid with { RgaaAuditDate = Today.AddDays(1) }, Today).ContainsKey("RgaaAuditDate"));
        Assert.True(ComplianceRules.Validate(Valid with { RgaaFullComplianceTarget = Valid.RgaaAuditDate!.Value.AddDays(-1) }, Today).ContainsKey("RgaaFullComplianceTarget"));
        Assert.True(ComplianceRules.Validate(Valid with { RgaaStatementStatus = StatementStatus.Absente }, Today).ContainsKey("RgaaStatementStatus"));
    }

    // ---- The agrément SIG ----

    private static SigApproval Request(SigOutcome? principle = null, SigOutcome? final = null, DateOnly? superseded = null) => new()
    {
        Number = 1, Kind = SigRequestKind.Creation, FramingSentOn = Today.AddDays(-60), Version = 3,
        PrincipleOutcome = principle, PrincipleDecidedOn = principle is null ? null : Today.AddDays(-50),
        FinalOutcome = final, FinalDecidedOn = final is null ? null : Today.AddDays(-5), SupersededOn = superseded,
    };

    private static readonly (SigCheck, bool, string?)[] AllMet = [.. Enum.GetValues<SigCheck>().Select(c => (c, true, (string?)null))];

    [Theory]
    [InlineData(null, null, SigState.FramingSent, false)]
    [InlineData(SigOutcome.Accorde, null, SigState.PrincipleGranted, false)]
    [InlineData(SigOutcome.SousReserve, null, SigState.PrincipleGranted, false)]
    [InlineData(SigOutcome.Refuse, null, SigState.PrincipleRefused, true)]
    [InlineData(SigOutcome.Accorde, SigOutcome.Accorde, SigState.FinalGranted, true)]
    [InlineData(SigOutcome.Accorde, SigOutcome.SousReserve, SigState.FinalWithReservations, false)]
    [InlineData(SigOutcome.Accorde, SigOutcome.Refuse, SigState.FinalRefused, true)]
    public void A_request_state_follows_its_decisions(SigOutcome? principle, SigOutcome? final, SigState state, bool closed)
    {
        Assert.Equal(state, Request(principle, final).State);
        Assert.Equal(closed, SigProcedure.IsClosed(state));
    }

    [Fact]
    public void A_superseded_request_is_closed() =>
        Assert.True(SigProcedure.IsClosed(Request(SigOutcome.Accorde, superseded: Today).State));

    [Fact]
    public void A_first_request_opens_for_a_public_product_only()
    {
        Assert.Null(SigProcedure.CanOpen(true, null, SigRequestKind.Creation, Today, null, Today));
        Assert.Equal(RefusalKind.Rule, SigProcedure.CanOpen(false, null, SigRequestKind.Creation, Today, null, Today)!.Kind);
    }

    [Fact]
    public void A_new_request_waits_for_the_open_one_unless_a_major_change_is_declared()
    {
        var open = Request(SigOutcome.Accorde);
        Assert.Equal(RefusalKind.Conflict, SigProcedure.CanOpen(true, open, SigRequestKind.Refonte, Today, null, Today)!.Kind);
        Assert.Null(SigProcedure.CanOpen(true, open, SigRequestKind.EvolutionMajeure, Today, null, Today));
        Assert.Null(SigProcedure.CanOpen(true, Request(SigOutcome.Accorde, SigOutcome.Accorde), SigRequestKind.Refonte, Today, null, Today));
        Assert.Null(SigProcedure.CanOpen(true, Request(SigOutcome.Refuse), SigRequestKind.Creation, Today, null, Today));
    }

    [Fact]
    public void Opening_needs_a_kind_and_a_past_framing_date_not_before_the_previous_one()
    {
        var refusal = SigProcedure.CanOpen(true, null, null, null, null, Today)!;
        Assert.Equal(RefusalKind.Invalid, refusal.Kind);
        Assert.True(refusal.Errors.ContainsKey("Kind") && refusal.Errors.ContainsKey("FramingSentOn"));
        Assert.True(SigProcedure.CanOpen(true, null, SigRequestKind.Creation, Today.AddDays(1), null, Today)!.Errors.ContainsKey("FramingSentOn"));
        Assert.True(SigProcedure.CanOpen(true, Request(SigOutcome.Refuse), SigRequestKind.Creation, Today.AddDays(-61), null, Today)!.Errors.ContainsKey("FramingSentOn"));
    }

    [Fact]
    public void The_principle_needs_reservations_when_granted_with_reservations_and_a_date_after_the_framing()
    {
        var a = Request();
        Assert.Null(SigProcedure.CanRecordPrinciple(a, SigOutcome.Accorde, Today, null, Today));
        Assert.True(SigProcedure.CanRecordPrinciple(a, SigOutcome.SousReserve, Today, " ", Today)!.Errors.ContainsKey("Reservations"));
        Assert.Null(SigProcedure.CanRecordPrinciple(a, SigOutcome.SousReserve, Today, "Présenter la maquette.", Today));
        Assert.True(SigProcedure.CanRecordPrinciple(a, SigOutcome.Accorde, a.FramingSentOn.AddDays(-1), null, Today)!.Errors.ContainsKey("DecidedOn"));
        Assert.Null(SigProcedure.CanRecordPrinciple(a, SigOutcome.Accorde, a.FramingSentOn, null, Today));
        Assert.True(SigProcedure.CanRecordPrinciple(a, SigOutcome.Accorde, Today.AddDays(1), null, Today)!.Errors.ContainsKey("DecidedOn"));
        Assert.True(SigProcedure.CanRecordPrinciple(a, null, Today, null, Today)!.Errors.ContainsKey("Outcome"));
    }

    [Fact]
    public void The_principle_no_longer_changes_once_the_final_is_recorded() =>
        Assert.Equal(RefusalKind.Conflict, SigProcedure.CanRecordPrinciple(Request(SigOutcome.Accorde, SigOutcome.SousReserve), SigOutcome.Accorde, Today, null, Today)!.Kind);

    [Fact]
    public void The_final_comes_after_a_granted_principle()
    {
        Assert.Equal(RefusalKind.Conflict, SigProcedure.CanRecordFinal(Request(), SigOutcome.Accorde, Today, null, AllMet, Today)!.Kind);
        Assert.Equal(RefusalKind.Conflict, SigProcedure.CanRecordFinal(Request(SigOutcome.Refuse), SigOutcome.Accorde, Today, null, AllMet, Today)!.Kind);
        Assert.Equal(RefusalKind.Conflict, SigProcedure.CanRecordFinal(Request(SigOutcome.Accorde, SigOutcome.Accorde), SigOutcome.Accorde, Today, null, AllMet, Today)!.Kind);
        Assert.Null(SigProcedure.CanRecordFinal(Request(SigOutcome.SousReserve), SigOutcome.Accorde, Today, null, AllMet, Today));
        // Sous réserve: recorded again once the reservations are lifted.
        Assert.Null(SigProcedure.CanRecordFinal(Request(SigOutcome.Accorde, SigOutcome.SousReserve), SigOutcome.Accorde, Today, null, AllMet, Today));
    }

    [Fact]
    public void A_granted_final_needs_every_check_met()
    {
        var a = Request(SigOutcome.Accorde);
        var oneMissing = AllMet.Select(c => c.Item1 == SigCheck.UserTests ? (c.Item1, false, (string?)"Rapport en cours") : c).ToList();
        var refusal = SigProcedure.CanRecordFinal(a, SigOutcome.Accorde, Today, null, oneMissing, Today)!;
        Assert.Equal(RefusalKind.Rule, refusal.Kind);
        Assert.Contains("tests utilisateurs", refusal.Errors["Checks"], StringComparison.Ordinal);
        Assert.Null(SigProcedure.CanRecordFinal(a, SigOutcome.SousReserve, Today, "Rapport de tests à transmettre.", oneMissing, Today));
        Assert.Null(SigProcedure.CanRecordFinal(a, SigOutcome.Refuse, Today, null, [], Today));
        Assert.True(SigProcedure.CanRecordFinal(a, SigOutcome.Accorde, a.PrincipleDecidedOn!.Value.AddDays(-1), null, AllMet, Today)!.Errors.ContainsKey("DecidedOn"));
        Assert.True(SigProcedure.CanRecordFinal(a, SigOutcome.Accorde, Today, null, [.. AllMet, AllMet[0]], Today)!.Errors.ContainsKey("Checks"));
    }
}
