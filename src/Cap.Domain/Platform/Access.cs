using Cap.Domain.Catalogue;

namespace Cap.Domain.Platform;

/// <summary>
/// Who may do what. One place for the rules so that pages, API and tests agree:
/// every active person who holds a global role or belongs to a product team reads (a person with neither, such as an
/// account just opened through ProConnect, is <see cref="IsAwaitingAccess"/> and reads nothing); a product's team edits it; its owners (Responsable produit or métier)
/// also manage its team and archive it; administrators do everything; a person whose only role is
/// Lecteur never writes.
/// </summary>
public static class Access
{
    /// <summary>
    /// Active with no global role and no place in any product team: an account opened through ProConnect (or by an
    /// administrator) that waits for an administrator to grant a role or a team. It reads no product.
    /// </summary>
    /// <param name="isTeamMember">Whether the person belongs to at least one product team.</param>
    public static bool IsAwaitingAccess(Person person, bool isTeamMember) =>
        person.IsActive && person.Roles == GlobalRoles.None && !isTeamMember;

    /// <param name="isTeamMember">Whether the person belongs to at least one product team.</param>
    public static bool CanRead(Person person, bool isTeamMember) =>
        person.IsActive && !IsAwaitingAccess(person, isTeamMember);

    public static bool CanAdminister(Person person) => person.IsActive && person.Has(GlobalRoles.Administrateur);

    /// <summary>Active and not restricted to reading: the Lecteur role alone never writes, even on a team.</summary>
    public static bool CanWrite(Person person) => person.IsActive && person.Roles != GlobalRoles.Lecteur;

    public static bool CanCreateProduct(Person person) => CanWrite(person);

    /// <param name="roleInProduct">The person's role in the product's team, or null when not a member.</param>
    public static bool CanEditProduct(Person person, ProductRole? roleInProduct) =>
        CanAdminister(person) || (CanWrite(person) && roleInProduct is not null);

    public static bool CanManageTeam(Person person, ProductRole? roleInProduct) =>
        CanAdminister(person) || (CanWrite(person) && roleInProduct is { } role && role.IsOwner());

    public static bool CanArchiveProduct(Person person, ProductRole? roleInProduct) => CanManageTeam(person, roleInProduct);

    /// <summary>
    /// Whether the person may override a product's phase (an administrator's correction, or the reopening of a stopped
    /// product), always with a reason. Otherwise a phase changes only through a decision of the product committee;
    /// the product's edit form never changes it.
    /// </summary>
    public static bool CanChangePhase(Person person) => CanAdminister(person);

    /// <summary>Plans sessions, sets agendas, reviews requests, records decisions and confirms conditions.</summary>
    public static bool CanSitOnCommittee(Person person) =>
        CanAdminister(person) || (person.IsActive && person.Has(GlobalRoles.MembreComite));

    /// <summary>Requests a gate passage and declares its conditions met: the product's team.</summary>
    public static bool CanRequestGate(Person person, ProductRole? roleInProduct) => CanEditProduct(person, roleInProduct);
}
