using Cap.Data;
using Cap.Domain.Catalogue;
using Cap.Web.Shared;
using Cap.Web.Shared.Auth;
using Cap.Web.Shared.Refusals;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Catalogue;

/// <summary>
/// The product team: who is in it (access roles, which its owners and administrators manage), the guide's roles each member
/// holds and their time share, the warnings the guide implies, the roles the phase needs and the RM/RP split of duties.
/// </summary>
public sealed class TeamModel(CapDbContext db, CurrentUser currentUser, TeamStaffing team) : ProductPageModel(db, currentUser)
{
    public override string TabKey => "equipe";
    protected override string PageTitle => "Équipe";

    public TeamView Team { get; private set; } = default!;
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
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        if (!CanManageTeam)
        {
            return Forbid();
        }
        var result = await team.AddAsync(Product.Id, Input.PersonId, Input.Role, ct);
        if (result.Refusal is { } refusal)
        {
            ModelState.Clear();
            ModelState.AddRefusal(refusal, "Input.");
            Response.StatusCode = refusal.PageStatus();
            await LoadAsync(ct);
            return Page();
        }
        var member = result.Value!;
        TempData["Success"] = $"{member.Person!.DisplayName} rejoint l’équipe comme {member.Role.Label().ToLowerInvariant()}.";
        return Redirect($"/produits/{Product.Slug}/equipe");
    }

    public async Task<IActionResult> OnPostRemoveAsync(int memberId, CancellationToken ct)
    {
        if (!CanManageTeam)
        {
            return Forbid();
        }
        var result = await team.RemoveAsync(Product.Id, memberId, ct);
        if (result.Refusal is { } refusal)
        {
            if (refusal.Kind == Domain.RefusalKind.NotFound)
            {
                return NotFound();
            }
            ModelState.AddRefusal(refusal);
            Response.StatusCode = refusal.PageStatus();
            await LoadAsync(ct);
            return Page();
        }
        TempData["Success"] = $"{result.Value!.Person!.DisplayName} ne fait plus partie de l’équipe.";
        return Redirect($"/produits/{Product.Slug}/equipe");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Team = (await team.ReadAsync(Product.Id, ct))!;
        if (CanManageTeam)
        {
            var memberIds = Team.Members.Select(m => m.PersonId).ToList();
            People = await Db.People.AsNoTracking().Where(p => p.IsActive && !memberIds.Contains(p.Id))
                .OrderBy(p => p.DisplayName)
                .Select(p => new SelectListItem($"{p.DisplayName} ({p.Email})", p.Id.ToString()))
                .ToListAsync(ct);
        }
    }

    /// <summary>« 60 % » or « Non renseignée ».</summary>
    public static string Share(int? share) => share is { } s ? $"{s} %" : "Non renseignée";

    /// <summary>A number of full-time equivalents as French people write it (« 3,6 »).</summary>
    public static string Fte(decimal value) => value.ToString("0.##", System.Globalization.CultureInfo.GetCultureInfo("fr-FR"));
}
