using Cap.Data;
using Cap.Domain.Catalogue;
using Cap.Web.Shared;
using Cap.Web.Shared.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Catalogue;

/// <summary>The product team: its owners (and administrators) add people with a product role and remove them.</summary>
public sealed class TeamModel(CapDbContext db, CurrentUser currentUser) : ProductPageModel(db, currentUser)
{
    public override string TabKey => "equipe";
    protected override string PageTitle => "Équipe";

    public IReadOnlyList<TeamMember> Members { get; private set; } = [];
    public List<SelectListItem> People { get; private set; } = [];
    public List<SelectListItem> Roles { get; } = Enum.GetValues<ProductRole>().Select(r => new SelectListItem(r.Label(), r.ToString())).ToList();

    [BindProperty]
    public MemberInput Input { get; set; } = new();

    public sealed class MemberInput
    {
        public int? PersonId { get; set; }
        public ProductRole? Role { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadProductAsync(ct))
        {
            return NotFound();
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        if (!await LoadProductAsync(ct))
        {
            return NotFound();
        }
        if (!CanManageTeam)
        {
            return Forbid();
        }
        if (Input.PersonId is null)
        {
            ModelState.AddModelError("Input.PersonId", "Choisissez la personne à ajouter.");
        }
        else if (!await Db.People.AnyAsync(p => p.Id == Input.PersonId && p.IsActive, ct))
        {
            ModelState.AddModelError("Input.PersonId", "Cette personne n’existe pas ou son compte est désactivé.");
        }
        else if (await Db.TeamMembers.AnyAsync(m => m.ProductId == Product.Id && m.PersonId == Input.PersonId, ct))
        {
            ModelState.AddModelError("Input.PersonId", "Cette personne fait déjà partie de l’équipe : retirez-la d’abord pour changer son rôle.");
        }
        if (Input.Role is null || !Enum.IsDefined(Input.Role.Value))
        {
            ModelState.AddModelError("Input.Role", "Choisissez le rôle de la personne dans l’équipe.");
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        var member = new TeamMember { ProductId = Product.Id, PersonId = Input.PersonId!.Value, Role = Input.Role!.Value };
        Db.TeamMembers.Add(member);
        await Db.Entry(member).Reference(m => m.Person).LoadAsync(ct);
        await Db.SaveChangesAsync(ct);
        TempData["Success"] = $"{member.Person!.DisplayName} rejoint l’équipe comme {member.Role.Label().ToLowerInvariant()}.";
        return Redirect($"/produits/{Product.Slug}/equipe");
    }

    public async Task<IActionResult> OnPostRemoveAsync(int memberId, CancellationToken ct)
    {
        if (!await LoadProductAsync(ct))
        {
            return NotFound();
        }
        if (!CanManageTeam)
        {
            return Forbid();
        }
        var member = await Db.TeamMembers.Include(m => m.Person).FirstOrDefaultAsync(m => m.Id == memberId && m.ProductId == Product.Id, ct);
        if (member is null)
        {
            return NotFound();
        }
        var team = await Db.TeamMembers.AsNoTracking().Where(m => m.ProductId == Product.Id).ToListAsync(ct);
        if (TeamRules.RemovalRefusal(member, team) is { } refusal)
        {
            ModelState.AddModelError(string.Empty, refusal);
            await LoadAsync(ct);
            return Page();
        }
        Db.TeamMembers.Remove(member);
        await Db.SaveChangesAsync(ct);
        TempData["Success"] = $"{member.Person!.DisplayName} ne fait plus partie de l’équipe.";
        return Redirect($"/produits/{Product.Slug}/equipe");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var members = await Db.TeamMembers.AsNoTracking().Include(m => m.Person)
            .Where(m => m.ProductId == Product.Id)
            .ToListAsync(ct);
        // Roles are stored by name: order by their rank in memory (a team is a handful of rows).
        Members = members.OrderBy(m => m.Role).ThenBy(m => m.Person!.DisplayName, StringComparer.CurrentCulture).ToList();
        if (CanManageTeam)
        {
            var memberIds = Members.Select(m => m.PersonId).ToList();
            People = await Db.People.AsNoTracking().Where(p => p.IsActive && !memberIds.Contains(p.Id))
                .OrderBy(p => p.DisplayName)
                .Select(p => new SelectListItem($"{p.DisplayName} ({p.Email})", p.Id.ToString()))
                .ToListAsync(ct);
        }
    }
}
