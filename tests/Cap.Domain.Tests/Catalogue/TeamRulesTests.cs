using Cap.Domain.Catalogue;
using Cap.Domain.Platform;

namespace Cap.Domain.Tests.Catalogue;

public class TeamRulesTests
{
    private static TeamMember Member(int id, ProductRole role, string name) =>
        new() { Id = id, Role = role, Person = new Person { DisplayName = name } };

    [Fact]
    public void The_last_responsable_produit_cannot_leave()
    {
        var karim = Member(1, ProductRole.ResponsableProduit, "Karim Benali");
        var team = new[] { karim, Member(2, ProductRole.ResponsableMetier, "Claire Martin"), Member(3, ProductRole.MembreEquipe, "Luc Petit") };
        Assert.Equal("Karim Benali est le seul responsable produit : ajoutez d’abord un autre responsable produit.", TeamRules.RemovalRefusal(karim, team));
    }

    [Fact]
    public void A_responsable_produit_may_leave_when_another_stays_and_other_roles_always_may()
    {
        var karim = Member(1, ProductRole.ResponsableProduit, "Karim Benali");
        var sophie = Member(2, ProductRole.ResponsableProduit, "Sophie Leroy");
        var luc = Member(3, ProductRole.MembreEquipe, "Luc Petit");
        Assert.Null(TeamRules.RemovalRefusal(karim, [karim, sophie, luc]));
        Assert.Null(TeamRules.RemovalRefusal(luc, [karim, luc]));
    }
}
