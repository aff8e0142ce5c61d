using Cap.Domain.Catalogue;
using Cap.Domain.LifeCycle;

namespace Cap.Domain.Tests.LifeCycle;

public class PhaseTransitionsTests
{
    [Theory]
    [InlineData(Phase.Idee, Phase.Poc)]
    [InlineData(Phase.Idee, Phase.Mvp)]          // POC is optional
    [InlineData(Phase.Poc, Phase.Mvp)]
    [InlineData(Phase.Mvp, Phase.Construction)]
    [InlineData(Phase.Construction, Phase.Generalisation)]
    [InlineData(Phase.Generalisation, Phase.Construction)] // back to an earlier phase
    [InlineData(Phase.Construction, Phase.Idee)]
    [InlineData(Phase.Idee, Phase.Arret)]
    [InlineData(Phase.Generalisation, Phase.Arret)]
    public void Committee_may_move_forward_one_phase_back_or_to_arret(Phase from, Phase to) =>
        Assert.Null(PhaseTransitions.Refusal(from, to, PhaseChangeKind.CommitteeDecision, null));

    [Theory]
    [InlineData(Phase.Idee, Phase.Construction)]
    [InlineData(Phase.Poc, Phase.Construction)]
    [InlineData(Phase.Mvp, Phase.Generalisation)]
    public void Skipping_any_phase_but_poc_is_refused(Phase from, Phase to)
    {
        var refusal = PhaseTransitions.Refusal(from, to, PhaseChangeKind.CommitteeDecision, null);
        Assert.Contains("saute une étape", refusal);
    }

    [Fact]
    public void Nothing_leaves_arret_but_a_reopening_with_a_reason()
    {
        Assert.NotNull(PhaseTransitions.Refusal(Phase.Arret, Phase.Mvp, PhaseChangeKind.CommitteeDecision, null));
        Assert.NotNull(PhaseTransitions.Refusal(Phase.Arret, Phase.Mvp, PhaseChangeKind.AdministratorOverride, "erreur"));
        Assert.Equal("Indiquez le motif du changement de phase.", PhaseTransitions.Refusal(Phase.Arret, Phase.Mvp, PhaseChangeKind.Reopening, "  "));
        Assert.Null(PhaseTransitions.Refusal(Phase.Arret, Phase.Mvp, PhaseChangeKind.Reopening, "Relance du projet"));
        Assert.NotNull(PhaseTransitions.Refusal(Phase.Mvp, Phase.Construction, PhaseChangeKind.Reopening, "motif"));
    }

    [Fact]
    public void An_override_needs_a_reason_and_the_same_rules()
    {
        Assert.NotNull(PhaseTransitions.Refusal(Phase.Mvp, Phase.Construction, PhaseChangeKind.AdministratorOverride, null));
        Assert.Null(PhaseTransitions.Refusal(Phase.Mvp, Phase.Construction, PhaseChangeKind.AdministratorOverride, "Décision prise hors comité"));
        Assert.NotNull(PhaseTransitions.Refusal(Phase.Idee, Phase.Generalisation, PhaseChangeKind.AdministratorOverride, "motif"));
        Assert.NotNull(PhaseTransitions.Refusal(Phase.Mvp, Phase.Mvp, PhaseChangeKind.AdministratorOverride, "motif"));
    }

    [Fact]
    public void The_reason_of_an_override_is_checked_on_its_own_so_a_refusal_names_its_field()
    {
        Assert.Equal("Indiquez le motif du changement de phase.", PhaseTransitions.ReasonRefusal(PhaseChangeKind.AdministratorOverride, "  "));
        Assert.Equal("Indiquez le motif du changement de phase.", PhaseTransitions.ReasonRefusal(PhaseChangeKind.Reopening, null));
        Assert.Null(PhaseTransitions.ReasonRefusal(PhaseChangeKind.CommitteeDecision, null));
        Assert.Null(PhaseTransitions.ReasonRefusal(PhaseChangeKind.AdministratorOverride, new string('m', PhaseTransitions.ReasonMaxLength)));
        Assert.Equal("Le motif ne doit pas dépasser 1000 caractères (actuellement 1001).",
            PhaseTransitions.ReasonRefusal(PhaseChangeKind.AdministratorOverride, new string('m', 1001)));
        // The move's own rule says the same about the reason.
        Assert.Equal(PhaseTransitions.ReasonRefusal(PhaseChangeKind.AdministratorOverride, new string('m', 1001)),
            PhaseTransitions.Refusal(Phase.Mvp, Phase.Poc, PhaseChangeKind.AdministratorOverride, new string('m', 1001)));
    }

    [Fact]
    public void Allowed_targets_list_the_moves()
    {
        Assert.Equal([Phase.Idee, Phase.Poc, Phase.Construction, Phase.Arret], PhaseTransitions.AllowedTargets(Phase.Mvp));
        Assert.Equal([Phase.Poc, Phase.Mvp, Phase.Arret], PhaseTransitions.AllowedTargets(Phase.Idee));
        Assert.Equal([Phase.Idee, Phase.Poc, Phase.Mvp, Phase.Construction, Phase.Generalisation], PhaseTransitions.AllowedTargets(Phase.Arret));
    }
}
