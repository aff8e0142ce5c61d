using System.Globalization;
using Cap.Data;
using Cap.Domain;
using Cap.Domain.Roadmap;
using Cap.Web.Shared.Auth;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Roadmap;

/// <summary>Creates (no id) or edits a dependency; team only.</summary>
public sealed class DependencyFormModel(CapDbContext db, CurrentUser currentUser, DependencyTracking dependencies) : RoadmapItemForm<DependencyInput>(db, currentUser)
{
    protected override string PageTitle => Id is null ? "Nouvelle dépendance" : "Modifier la dépendance";

    protected override string What => "La dépendance";

    public List<SelectListItem> Products { get; private set; } = [];
    public List<SelectListItem> Kinds { get; } = Enum.GetValues<DependencyKind>().Select(k => new SelectListItem(k.Label(), k.ToString())).ToList();
    public List<SelectListItem> Statuses { get; } = Enum.GetValues<DependencyStatus>().Select(s => new SelectListItem(s.Label(), s.ToString())).ToList();

    protected override DependencyInput Blank() => new() { Status = DependencyStatus.Pending };

    protected override async Task<DependencyInput?> ReadAsync(int id, CancellationToken ct) =>
        await Db.RoadmapDependencies.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.ProductId == Product.Id, ct) is not { } d ? null
            : new DependencyInput { Kind = d.Kind, Target = d.TargetProductId is null ? d.Target : null, TargetProductId = d.TargetProductId, Description = d.Description, Status = d.Status, Version = d.Version };

    protected override Task<Result<RoadmapView>> SaveAsync(CancellationToken ct) => dependencies.SaveDependencyAsync(Product.Id, Id, Input, ct);

    protected override string SavedMessage() => "La dépendance est enregistrée.";

    protected override async Task LoadChoicesAsync(CancellationToken ct) =>
        Products = await Db.Products.AsNoTracking().Where(p => p.Id != Product.Id && !p.IsArchived).OrderBy(p => p.Name)
            .Select(p => new SelectListItem(p.Name, p.Id.ToString(CultureInfo.InvariantCulture))).ToListAsync(ct);
}
