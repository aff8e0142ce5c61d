using Cap.Data;
using Cap.Domain;
using Cap.Domain.Catalogue;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Catalogue;

/// <summary>A product's team as the team tab and the API read it: members with their guide roles and time shares, and the warnings.</summary>
/// <param name="IsPublic">Whether the product faces the public (its compliance record), null when the record is not filled.</param>
public sealed record TeamView(
    Phase Phase, bool IsArchived, bool? IsPublic, IReadOnlyList<TeamMember> Members, IReadOnlyList<StaffingWarning> Warnings, decimal FullTimeEquivalents)
{
    /// <summary>The roles the product's phase needs (<see cref="StaffingRules.Needed"/>) and whether someone holds each.</summary>
    public IReadOnlyList<(GuideRole Role, bool Held)> NeededRoles =>
        [.. StaffingRules.Needed(Phase).Split().Select(r => (r, Members.Any(m => (GuideRoles.Of(m) & r) != 0)))];
}

/// <summary>The team's commands and its read: add and remove people (access roles), and set a member's guide roles and time share.</summary>
public sealed class TeamStaffing(CapDbContext db)
{
    public async Task<TeamView?> ReadAsync(int productId, CancellationToken ct)
    {
        var product = await db.Products.AsNoTracking().Where(p => p.Id == productId)
            .Select(p => new
            {
                p.Phase,
                p.IsArchived,
                IsPublic = db.ProductCompliances.Where(c => c.ProductId == p.Id).Select(c => (bool?)c.IsPublic).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(ct);
        if (product is null)
        {
            return null;
        }
        var members = await db.TeamMembers.AsNoTracking().Include(m => m.Person)
            .Where(m => m.ProductId == productId)
            .ToListAsync(ct);
        // Roles are stored by name: order by their rank in memory (a team is a handful of rows).
        var ordered = members.OrderBy(m => m.Role).ThenBy(m => m.Person!.DisplayName, StringComparer.CurrentCulture).ToList();
        var staffing = ordered.Select(StaffingMember.From).ToList();
        // An archived product raises no point of attention (as everywhere in Cap); the rules say nothing for a stopped one.
        var warnings = product.IsArchived ? [] : StaffingRules.Warnings(product.Phase, product.IsPublic, staffing);
        return new TeamView(product.Phase, product.IsArchived, product.IsPublic, ordered, warnings, StaffingRules.FullTimeEquivalents(staffing));
    }

    public Task<TeamMember?> FindAsync(int productId, int memberId, CancellationToken ct) =>
        db.TeamMembers.AsNoTracking().Include(m => m.Person).FirstOrDefaultAsync(m => m.Id == memberId && m.ProductId == productId, ct);

    /// <summary>Adds a person with an access role. Keys of the refusal: <c>PersonId</c>, <c>Role</c>.</summary>
    public async Task<Result<TeamMember>> AddAsync(int productId, int? personId, ProductRole? role, CancellationToken ct)
    {
        var errors = TeamRules.ValidateAddition(personId, role);
        if (errors.Count > 0)
        {
            return Refusal.Invalid(errors);
        }
        if (!await db.People.AnyAsync(p => p.Id == personId && p.IsActive, ct))
        {
            return Refusal.Rule("PersonId", TeamRules.UnknownPerson);
        }
        if (await db.TeamMembers.AnyAsync(m => m.ProductId == productId && m.PersonId == personId, ct))
        {
            return Refusal.Rule("PersonId", TeamRules.AlreadyMember);
        }
        var member = new TeamMember { ProductId = productId, PersonId = personId!.Value, Role = role!.Value };
        db.TeamMembers.Add(member);
        await db.Entry(member).Reference(m => m.Person).LoadAsync(ct);
        await db.SaveChangesAsync(ct);
        return member;
    }

    /// <summary>Removes a member, unless they are the last responsable produit.</summary>
    public async Task<Result<TeamMember>> RemoveAsync(int productId, int memberId, CancellationToken ct)
    {
        var member = await db.TeamMembers.Include(m => m.Person).FirstOrDefaultAsync(m => m.Id == memberId && m.ProductId == productId, ct);
        if (member is null)
        {
            return Refusal.NotFound("Ce membre ne fait pas partie de l’équipe du produit.");
        }
        var team = await db.TeamMembers.AsNoTracking().Where(m => m.ProductId == productId).ToListAsync(ct);
        if (TeamRules.RemovalRefusal(member, team) is { } refusal)
        {
            return Refusal.Rule(string.Empty, refusal);
        }
        db.TeamMembers.Remove(member);
        await db.SaveChangesAsync(ct);
        return member;
    }

    /// <summary>
    /// Sets a member's guide roles, time share and accessibility referent (<see cref="StaffingRules.Check"/>). Keys of the
    /// refusal: <see cref="StaffingInput"/>'s properties.
    /// </summary>
    public async Task<Result<TeamMember>> SetStaffingAsync(int productId, int memberId, StaffingInput input, CancellationToken ct)
    {
        var member = await db.TeamMembers.Include(m => m.Person).FirstOrDefaultAsync(m => m.Id == memberId && m.ProductId == productId, ct);
        if (member is null)
        {
            return Refusal.NotFound("Ce membre ne fait pas partie de l’équipe du produit.");
        }
        if (StaffingRules.Check(input, member.Role) is { } refusal)
        {
            return refusal;
        }
        StaffingRules.Apply(member, input);
        await db.SaveChangesAsync(ct);
        return member;
    }
}
