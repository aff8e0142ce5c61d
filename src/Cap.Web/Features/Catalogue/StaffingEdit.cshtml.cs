using Cap.Data;
using Cap.Domain;
using Cap.Domain.Catalogue;
using Cap.Web.Shared;
using Cap.Web.Shared.Auth;
using Cap.Web.Shared.Refusals;
using Microsoft.AspNetCore.Mvc;

namespace Cap.Web.Features.Catalogue;

/// <summary>A member's guide roles, time share and accessibility referent, set by who manages the team.</summary>
public sealed class StaffingEditModel(CapDbContext db, CurrentUser currentUser, TeamStaffing team) : ProductPageModel(db, currentUser)
{
    public override string TabKey => "equipe";
    protected override string PageTitle => "Rôles et part de temps";

    [FromRoute]
    public int MemberId { get; set; }

    public TeamMember Member { get; private set; } = default!;

    [BindProperty]
    public StaffingForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }
        Input = StaffingForm.From(Member);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }
        var (input, parseErrors) = Input.ToInput();
        var result = parseErrors.Count == 0
            ? await team.SetStaffingAsync(Product.Id, MemberId, input, ct)
            : Result<TeamMember>.Refused(Refusal.Invalid(parseErrors));
        if (result.Refusal is not { } refusal)
        {
            TempData["Success"] = $"Les rôles et la part de temps de {Member.Person!.DisplayName} sont enregistrés.";
            return Redirect($"/produits/{Product.Slug}/equipe");
        }
        if (refusal.Kind == RefusalKind.NotFound)
        {
            return NotFound();
        }
        ModelState.Clear();
        ModelState.AddRefusal(refusal, "Input.");
        Response.StatusCode = refusal.PageStatus();
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (!CanManageTeam)
        {
            return Forbid();
        }
        if (await team.FindAsync(Product.Id, MemberId, ct) is not { } member)
        {
            return NotFound();
        }
        Member = member;
        return null;
    }
}
