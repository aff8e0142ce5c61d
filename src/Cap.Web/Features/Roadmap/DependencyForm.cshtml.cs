using System.Globalization;
using Cap.Data;
using Cap.Domain;
using Cap.Domain.Roadmap;
using Cap.Web.Shared.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Roadmap;

/// <summary>Creates (no id) or edits a dependency; team only.</summary>
public sealed class DependencyFormModel(CapDbContext db, CurrentUser currentUser, RoadmapService service) : RoadmapFormPage(db, currentUser)
{
    protected override string PageTitle => Id is null ? "Nouvelle dépendance" : "Modifier la dépendance";

    [FromRoute]
    public int? Id { get; set; }

    [BindProperty]
    public DependencyInput Input { get; set; } = new();

    public List<SelectListItem> Products { get; private set; } = [];
    public List<SelectListItem> Kinds { get; } = Enum.GetValues<DependencyKind>().Select(k => new SelectListItem(k.Label(), k.ToString())).ToList();
    public List<SelectListItem> Statuses { get; } = Enum.GetValues<DependencyStatus>().Select(s => new SelectListItem(s.Label(), s.ToString())).ToList();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await GuardAsync(ct) is { } stop)
        {
            return stop;
        }
        Input.Status = DependencyStatus.Pending;
        if (Id is not null)
        {
            var d = await Db.RoadmapDependencies.AsNoTracking().FirstOrDefaultAsync(x => x.Id == Id && x.ProductId == Product.Id, ct);
            if (d is null)
            {
                return NotFound();
            }
            Input = new DependencyInput { Kind = d.Kind, Target = d.TargetProductId is null ? d.Target : null, TargetProductId = d.TargetProductId, Description = d.Description, Status = d.Status, Version = d.Version };
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
        ClearBindingErrors();
        var result = await service.SaveDependencyAsync(Product.Id, Id, Input, ct);
        if (result.Refusal?.Kind == RefusalKind.NotFound)
        {
            return NotFound();
        }
        if (!Apply(result, "La dépendance"))
        {
            await LoadChoicesAsync(ct);
            return Page();
        }
        TempData["Success"] = "La dépendance est enregistrée.";
        return Redirect(RoadmapUrl);
    }

    private async Task LoadChoicesAsync(CancellationToken ct) =>
        Products = await Db.Products.AsNoTracking().Where(p => p.Id != Product.Id && !p.IsArchived).OrderBy(p => p.Name)
            .Select(p => new SelectListItem(p.Name, p.Id.ToString(CultureInfo.InvariantCulture))).ToListAsync(ct);
}
