using Cap.Domain.Catalogue;
using Cap.Domain.Platform;

namespace Cap.Domain.Tests.Platform;

public sealed class AccessTests
{
    private static Person Someone(GlobalRoles roles = GlobalRoles.None, bool active = true) =>
        new() { DisplayName = "Personne", Email = "personne@exemple.gouv.fr", Roles = roles, IsActive = active };

    [Fact]
    public void An_active_team_member_without_a_global_role_reads() =>
        Assert.True(Access.CanRead(Someone(), isTeamMember: true));

    [Theory]
    [InlineData(GlobalRoles.Lecteur)]
    [InlineData(GlobalRoles.Coach)]
    [InlineData(GlobalRoles.MembreComite)]
    public void A_global_role_reads_without_a_team(GlobalRoles roles) =>
        Assert.True(Access.CanRead(Someone(roles), isTeamMember: false));

    [Fact]
    public void A_person_with_no_role_and_no_team_awaits_access_and_reads_nothing()
    {
        var newcomer = Someone();

        Assert.True(Access.IsAwaitingAccess(newcomer, isTeamMember: false));
        Assert.False(Access.CanRead(newcomer, isTeamMember: false));
        Assert.False(Access.IsAwaitingAccess(newcomer, isTeamMember: true));
        Assert.False(Access.IsAwaitingAccess(Someone(active: false), isTeamMember: false));
    }

    [Fact]
    public void Inactive_person_cannot_read() =>
        Assert.False(Access.CanRead(Someone(GlobalRoles.Administrateur, active: false), isTeamMember: true));

    [Fact]
    public void Reader_only_cannot_create_a_product() =>
        Assert.False(Access.CanCreateProduct(Someone(GlobalRoles.Lecteur)));

    [Theory]
    [InlineData(GlobalRoles.None)]
    [InlineData(GlobalRoles.Coach)]
    [InlineData(GlobalRoles.MembreComite)]
    [InlineData(GlobalRoles.Lecteur | GlobalRoles.Coach)]
    public void Anyone_with_more_than_the_reader_role_creates_a_product(GlobalRoles roles) =>
        Assert.True(Access.CanCreateProduct(Someone(roles)));

    [Fact]
    public void Administrator_can_do_everything_without_being_a_member()
    {
        var admin = Someone(GlobalRoles.Administrateur);

        Assert.True(Access.CanRead(admin, isTeamMember: false));
        Assert.True(Access.CanAdminister(admin));
        Assert.True(Access.CanCreateProduct(admin));
        Assert.True(Access.CanEditProduct(admin, null));
        Assert.True(Access.CanManageTeam(admin, null));
        Assert.True(Access.CanArchiveProduct(admin, null));
        Assert.True(Access.CanChangePhase(admin));
    }

    [Fact]
    public void Inactive_administrator_can_do_nothing()
    {
        var admin = Someone(GlobalRoles.Administrateur, active: false);

        Assert.False(Access.CanAdminister(admin));
        Assert.False(Access.CanCreateProduct(admin));
        Assert.False(Access.CanEditProduct(admin, ProductRole.ResponsableProduit));
        Assert.False(Access.CanManageTeam(admin, ProductRole.ResponsableProduit));
        Assert.False(Access.CanChangePhase(admin));
    }

    [Theory]
    [InlineData(ProductRole.ResponsableProduit)]
    [InlineData(ProductRole.ResponsableMetier)]
    public void Product_owner_edits_manages_the_team_and_archives(ProductRole role)
    {
        var owner = Someone();

        Assert.True(Access.CanEditProduct(owner, role));
        Assert.True(Access.CanManageTeam(owner, role));
        Assert.True(Access.CanArchiveProduct(owner, role));
    }

    [Fact]
    public void Team_member_edits_but_cannot_manage_the_team_nor_archive()
    {
        var member = Someone();

        Assert.True(Access.CanEditProduct(member, ProductRole.MembreEquipe));
        Assert.False(Access.CanManageTeam(member, ProductRole.MembreEquipe));
        Assert.False(Access.CanArchiveProduct(member, ProductRole.MembreEquipe));
    }

    [Theory]
    [InlineData(GlobalRoles.None)]
    [InlineData(GlobalRoles.Coach)]
    [InlineData(GlobalRoles.MembreComite)]
    [InlineData(GlobalRoles.Lecteur)]
    public void Non_member_without_admin_role_cannot_edit_nor_manage(GlobalRoles roles)
    {
        var outsider = Someone(roles);

        Assert.False(Access.CanEditProduct(outsider, null));
        Assert.False(Access.CanManageTeam(outsider, null));
        Assert.False(Access.CanArchiveProduct(outsider, null));
    }

    [Fact]
    public void Inactive_member_cannot_edit() =>
        Assert.False(Access.CanEditProduct(Someone(active: false), ProductRole.ResponsableProduit));

    [Fact]
    public void Only_administrators_change_a_phase()
    {
        Assert.False(Access.CanChangePhase(Someone(GlobalRoles.MembreComite)));
        Assert.False(Access.CanChangePhase(Someone()));
        Assert.True(Access.CanChangePhase(Someone(GlobalRoles.Administrateur | GlobalRoles.Coach)));
    }
}
