using System.Globalization;
using Cap.Data;
using Cap.Domain;
using Cap.Domain.Roadmap;
using Cap.Web.Shared.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Roadmap;

/// <summary>Creates (no id) or edits a risk; team only.</summary>
public sealed class RiskFormModel(CapDbContext db, CurrentUser currentUser, RoadmapService service) : RoadmapFormPage(db, currentUser)
{
    protected override string PageTitle => Id is null ? "Nouveau risque" : "Modifier le risque";

    [FromRoute]
    public int? Id { get; set; }

    [BindProperty]
    public RiskInput Input { get; set; } = new();

    public List<SelectListItem> Members { get; private set; } = [];
    public List<SelectListItem> Scale { get; } = [.. Enumerable.Range(1, 3).Select(v => new SelectListItem($"{v} — {RoadmapRules.ScaleLabel(v)}", v.ToString(CultureInfo.InvariantCulture)))];
    public List<SelectListItem> Statuses { get; } = Enum.GetValues<RiskStatus>().Select(s => new SelectListItem(s.Label(), s.ToString())).ToList();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await GuardAsync(ct) is { } stop)
        {
            return stop;
        }
        Input.Status = RiskStatus.Open;
        if (Id is not null)
        {
            var r = await Db.Risks.AsNoTracking().FirstOrDefaultAsync(x => x.Id == Id && x.ProductId == Product.Id, ct);
            if (r is null)
            {
                return NotFound();
            }
            Input = new RiskInput
            {
                Title = r.Title, Description = r.Description, Probability = r.Probability, Impact = r.Impact, Mitigation = r.Mitigation,
                OwnerName = r.OwnerPersonId is null ? r.OwnerName : null, OwnerPersonId = r.OwnerPersonId, Status = r.Status, Version = r.Version,
            };
        }
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await GuardAsync(ct) is { } stop)
        {
            return stop;
        }
        // A probability typed as text ("haute") fails binding: the service then says the scale.
        ClearBindingErrors();
        var result = await service.SaveRiskAsync(Product.Id, Id, Input, ct);
        if (result.Refusal?.Kind == RefusalKind.NotFound)
        {
            return NotFound();
        }
        if (!Apply(result, "Le risque"))
        {
            await LoadChoicesAsync(ct);
            return Page();
        }
        TempData["Success"] = $"Le risque « {Text.Clean(Input.Title)} » est enregistré.";
        return Redirect(RoadmapUrl);
    }

    private async Task LoadChoicesAsync(CancellationToken ct) =>
        Members = await Db.TeamMembers.AsNoTracking().Where(m => m.ProductId == Product.Id).OrderBy(m => m.Person!.DisplayName)
            .Select(m => new SelectListItem(m.Person!.DisplayName, m.PersonId.ToString(CultureInfo.InvariantCulture))).ToListAsync(ct);
}
