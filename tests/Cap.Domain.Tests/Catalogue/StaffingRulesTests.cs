using Cap.Domain.Catalogue;

namespace Cap.Domain.Tests.Catalogue;

public class StaffingRulesTests
{
    private static StaffingMember Rm(int? share, string name = "Claire Martin") => new(name, GuideRole.ResponsableMetier, share);
    private static StaffingMember Rp(bool referent = false) => new("Karim Benali", GuideRole.ResponsableProduit, 100, referent);
    private static StaffingMember Maker(GuideRole roles, int? share = 100) => new("Luc Petit", roles, share);

    /// <summary>A team that the guide finds complete in every phase.</summary>
    private static List<StaffingMember> Complete(int rmShare = 60) =>
        [Rm(rmShare), Rp(), Maker(GuideRole.Designer | GuideRole.ExpertAccessibilite), Maker(GuideRole.Developpeur | GuideRole.DevOps)];

    private static string[] Codes(IEnumerable<StaffingWarning> warnings) => [.. warnings.Select(w => w.Code).Order(StringComparer.Ordinal)];

    [Theory]
    [InlineData(Phase.Idee)]
    [InlineData(Phase.Poc)]
    [InlineData(Phase.Mvp)]
    [InlineData(Phase.Construction)]
    [InlineData(Phase.Generalisation)]
    [InlineData(Phase.Arret)]
    public void A_complete_team_raises_nothing_in_any_phase_public_or_not(Phase phase)
    {
        Assert.Empty(StaffingRules.Warnings(phase, true, Complete()));
        Assert.Empty(StaffingRules.Warnings(phase, false, Complete()));
        Assert.Empty(StaffingRules.Warnings(phase, null, Complete()));
    }

    [Theory]
    [InlineData(59, true)]
    [InlineData(60, false)]
    [InlineData(100, false)]
    [InlineData(1, true)]
    public void The_responsable_metier_needs_sixty_percent(int share, bool warned)
    {
        var warnings = StaffingRules.Warnings(Phase.Mvp, false, Complete(share));
        Assert.Equal(warned ? ["staffing-rm-under-60"] : [], Codes(warnings));
        if (warned)
        {
            Assert.Equal($"Claire Martin y consacre {share} % de son temps : le guide lui demande au moins 60 % de son temps.", warnings[0].Detail);
            Assert.Equal("Responsable métier sous 60 %", warnings[0].Label);
        }
    }

    [Fact]
    public void No_responsable_metier_or_an_unknown_share_is_under_sixty_percent_and_not_also_a_missing_role()
    {
        var none = StaffingRules.Warnings(Phase.Construction, false, [Rp(), Maker(GuideRole.Designer), Maker(GuideRole.Developpeur | GuideRole.DevOps)]);
        var w = Assert.Single(none);
        Assert.Equal(StaffingWarningKind.RmUnder60, w.Kind);
        Assert.Equal("Personne dans l’équipe n’est responsable métier : le guide lui demande au moins 60 % de son temps.", w.Detail);

        var unknown = Assert.Single(StaffingRules.Warnings(Phase.Idee, false, [Rm(null), Rp()]));
        Assert.Equal("Le temps que Claire Martin consacre au produit n’est pas renseigné : le guide lui demande au moins 60 % de son temps.", unknown.Detail);
    }

    [Fact]
    public void Of_two_responsables_metier_one_at_sixty_percent_is_enough_and_the_best_known_share_is_named()
    {
        Assert.Empty(StaffingRules.Warnings(Phase.Idee, false, [Rm(30, "Anne"), Rm(60, "Bruno"), Rp()]));
        var w = Assert.Single(StaffingRules.Warnings(Phase.Idee, false, [Rm(null, "Anne"), Rm(40, "Bruno"), Rp()]));
        Assert.StartsWith("Bruno y consacre 40 %", w.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stopped_product_does_not_ask_the_responsable_metier_for_sixty_percent_but_keeps_its_owners()
    {
        Assert.Empty(StaffingRules.Warnings(Phase.Arret, true, [Rm(10), Rp()]));
        var missing = Assert.Single(StaffingRules.Warnings(Phase.Arret, true, [Rp()]));
        Assert.Equal(StaffingWarningKind.RoleMissing, missing.Kind);
        Assert.Equal([GuideRole.ResponsableMetier], missing.Missing);
    }

    [Theory]
    [InlineData(Phase.Idee, false)]
    [InlineData(Phase.Poc, true)]
    [InlineData(Phase.Mvp, true)]
    [InlineData(Phase.Construction, true)]
    [InlineData(Phase.Generalisation, true)]
    [InlineData(Phase.Arret, false)]
    public void A_designer_is_needed_from_the_POC_on(Phase phase, bool warned)
    {
        var team = new List<StaffingMember> { Rm(60), Rp(true), Maker(GuideRole.Developpeur | GuideRole.DevOps) };
        var codes = Codes(StaffingRules.Warnings(phase, true, team));
        Assert.Equal(warned, codes.Contains("staffing-no-designer"));
        // The designer has its own warning: « rôle manquant » never names it.
        Assert.DoesNotContain(StaffingRules.Warnings(phase, true, team), w => w.Kind == StaffingWarningKind.RoleMissing && w.Missing.Contains(GuideRole.Designer));
    }

    [Theory]
    [InlineData(Phase.Idee, true, false)]
    [InlineData(Phase.Poc, true, true)]
    [InlineData(Phase.Mvp, true, true)]
    [InlineData(Phase.Construction, true, true)]
    [InlineData(Phase.Generalisation, true, true)]
    [InlineData(Phase.Arret, true, false)]
    [InlineData(Phase.Mvp, false, false)]
    [InlineData(Phase.Mvp, null, false)]
    public void A_public_product_has_someone_in_charge_of_accessibility_from_the_POC_on(Phase phase, bool? isPublic, bool warned)
    {
        var team = new List<StaffingMember> { Rm(60), Rp(), Maker(GuideRole.Designer), Maker(GuideRole.Developpeur | GuideRole.DevOps) };
        Assert.Equal(warned, Codes(StaffingRules.Warnings(phase, isPublic, team)).Contains("staffing-no-accessibility"));
    }

    [Fact]
    public void An_accessibility_expert_or_a_referent_takes_charge_of_accessibility()
    {
        List<StaffingMember> expert = [Rm(60), Rp(), Maker(GuideRole.Designer | GuideRole.ExpertAccessibilite), Maker(GuideRole.Developpeur | GuideRole.DevOps)];
        List<StaffingMember> referent = [Rm(60), Rp(referent: true), Maker(GuideRole.Designer), Maker(GuideRole.Developpeur | GuideRole.DevOps)];
        Assert.Empty(StaffingRules.Warnings(Phase.Construction, true, expert));
        Assert.Empty(StaffingRules.Warnings(Phase.Construction, true, referent));
    }

    [Fact]
    public void The_roles_a_phase_needs_and_nobody_holds_are_named_in_one_warning()
    {
        var poc = Assert.Single(StaffingRules.Warnings(Phase.Poc, false, [Rm(60), Rp(), Maker(GuideRole.Designer)]));
        Assert.Equal(StaffingWarningKind.RoleMissing, poc.Kind);
        Assert.Equal("staffing-role-missing", poc.Code);
        Assert.Equal([GuideRole.Developpeur], poc.Missing);
        Assert.Equal("La phase POC demande le rôle développeur : personne ne le tient.", poc.Detail);

        var mvp = Assert.Single(StaffingRules.Warnings(Phase.Mvp, false, [Rm(60), Maker(GuideRole.Designer)]));
        Assert.Equal([GuideRole.ResponsableProduit, GuideRole.Developpeur, GuideRole.DevOps], mvp.Missing);
        Assert.Equal("La phase MVP demande les rôles responsable produit, développeur, DevOps : personne ne les tient.", mvp.Detail);

        // DevOps from the MVP (the product runs in production), not in a POC.
        Assert.Empty(StaffingRules.Warnings(Phase.Poc, false, [Rm(60), Rp(), Maker(GuideRole.Designer | GuideRole.Developpeur)]));
        Assert.Equal(["staffing-role-missing"], Codes(StaffingRules.Warnings(Phase.Generalisation, false, [Rm(60), Rp(), Maker(GuideRole.Designer | GuideRole.Developpeur)])));
        // Roles no phase needs never raise anything.
        Assert.Empty(StaffingRules.Warnings(Phase.Idee, false, [Rm(60), Rp()]));
    }

    [Fact]
    public void Every_warning_at_once_for_an_empty_public_MVP_team()
    {
        Assert.Equal(["staffing-no-accessibility", "staffing-no-designer", "staffing-rm-under-60", "staffing-role-missing"],
            Codes(StaffingRules.Warnings(Phase.Mvp, true, [])));
    }

    [Fact]
    public void The_owners_roles_follow_the_access_role()
    {
        var member = new TeamMember { Role = ProductRole.ResponsableMetier, ChosenRoles = GuideRole.Designer | GuideRole.ResponsableProduit };
        // A stored owner's bit is never read: the access role decides.
        Assert.Equal(GuideRole.ResponsableMetier | GuideRole.Designer, GuideRoles.Of(member));
        Assert.Equal(GuideRole.None, GuideRoles.Of(new TeamMember { Role = ProductRole.MembreEquipe }));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, false)]
    [InlineData(100, false)]
    [InlineData(101, true)]
    [InlineData(-5, true)]
    public void A_time_share_is_between_one_and_a_hundred_percent_or_unknown(int share, bool refused)
    {
        var refusal = StaffingRules.Check(new StaffingInput(GuideRole.Designer, share, false), ProductRole.MembreEquipe);
        Assert.Equal(refused, refusal is not null);
        if (refused)
        {
            Assert.Equal(RefusalKind.Invalid, refusal!.Kind);
            Assert.True(refusal.Errors.ContainsKey(nameof(StaffingInput.TimeShare)));
        }
        Assert.Null(StaffingRules.Check(new StaffingInput(GuideRole.None, null, true), ProductRole.MembreEquipe));
    }

    [Fact]
    public void Owners_roles_are_not_ticked_unless_the_access_role_implies_them_and_unknown_bits_are_refused()
    {
        var refusal = StaffingRules.Check(new StaffingInput(GuideRole.ResponsableMetier | GuideRole.Designer, 50, false), ProductRole.MembreEquipe);
        Assert.Equal(RefusalKind.Rule, refusal!.Kind);
        Assert.Equal("Le rôle de responsable métier suit le rôle d’accès dans l’équipe (membre d’équipe) : il ne se coche pas.", refusal.Errors[nameof(StaffingInput.Roles)]);
        Assert.Equal(RefusalKind.Rule, StaffingRules.Check(new StaffingInput(GuideRole.ResponsableProduit, 50, false), ProductRole.ResponsableMetier)!.Kind);
        Assert.Null(StaffingRules.Check(new StaffingInput(GuideRole.ResponsableMetier | GuideRole.ExpertAccessibilite, 70, false), ProductRole.ResponsableMetier));
        Assert.Equal(RefusalKind.Invalid, StaffingRules.Check(new StaffingInput((GuideRole)1024, null, false), ProductRole.MembreEquipe)!.Kind);

        var member = new TeamMember { Role = ProductRole.ResponsableMetier };
        StaffingRules.Apply(member, new StaffingInput(GuideRole.ResponsableMetier | GuideRole.ExpertAccessibilite, 70, true));
        Assert.Equal(GuideRole.ExpertAccessibilite, member.ChosenRoles);
        Assert.Equal(70, member.TimeShare);
        Assert.True(member.AccessibilityReferent);
    }

    [Fact]
    public void Full_time_equivalents_add_the_known_shares()
    {
        Assert.Equal(2.6m, StaffingRules.FullTimeEquivalents([Rm(60), Rp(), Maker(GuideRole.Designer), Maker(GuideRole.Developpeur, null)]));
        Assert.Equal(0m, StaffingRules.FullTimeEquivalents([]));
    }

    [Fact]
    public void The_responsibility_split_is_the_guides()
    {
        var split = StaffingRules.ResponsibilitySplit.ToDictionary(r => r.Key, r => (r.BusinessOwner, r.ProductOwner));
        Assert.Equal((Involvement.Responsable, Involvement.CoResponsable), split["vision"]);
        Assert.Equal((Involvement.Responsable, Involvement.CoResponsable), split["objectives"]);
        Assert.Equal((Involvement.Participe, Involvement.Responsable), split["design"]);
        Assert.Equal((Involvement.Participe, Involvement.Responsable), split["delivery"]);
        Assert.Equal((Involvement.Responsable, Involvement.None), split["legal"]);
        Assert.Equal((Involvement.None, Involvement.Responsable), split["standards"]);
        Assert.Equal((Involvement.None, Involvement.Responsable), split["rituals"]);
    }

    [Fact]
    public void Every_phase_needs_only_roles_the_flag_source_reads()
    {
        // StaffingFlagSource projects the owners, designer, developer and DevOps: a phase needing another role must extend it.
        var read = GuideRoles.Owners | GuideRole.Designer | GuideRole.Developpeur | GuideRole.DevOps;
        Assert.All(Enum.GetValues<Phase>(), p => Assert.Equal(GuideRole.None, StaffingRules.Needed(p) & ~read));
    }
}
