using System.Globalization;
using Cap.Data;
using Cap.Domain;
using Cap.Domain.Roadmap;
using Cap.Web.Shared.Auth;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Roadmap;

/// <summary>Creates (no id) or edits a risk; team only.</summary>
public sealed class RiskFormModel(CapDbContext db, CurrentUser currentUser, RiskRegister risks) : RoadmapItemForm<RiskInput>(db, currentUser)
{
    protected override string PageTitle => Id is null ? "Nouveau risque" : "Modifier le risque";

    protected override string What => "Le risque";

    public List<SelectListItem> Members { get; private set; } = [];
    public List<SelectListItem> Scale { get; } = [.. Enumerable.Range(1, 3).Select(v => new SelectListItem($"{v} — {RoadmapRules.ScaleLabel(v)}", v.ToString(CultureInfo.InvariantCulture)))];
    public List<SelectListItem> Statuses { get; } = Enum.GetValues<RiskStatus>().Select(s => new SelectListItem(s.Label(), s.ToString())).ToList();

    protected override RiskInput Blank() => new() { Status = RiskStatus.Open };

    protected override async Task<RiskInput?> ReadAsync(int id, CancellationToken ct) =>
        await Db.Risks.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.ProductId == Product.Id, ct) is not { } r ? null : new RiskInput
        {
            Title = r.Title, Description = r.Description, Probability = r.Probability, Impact = r.Impact, Mitigation = r.Mitigation,
            OwnerName = r.OwnerPersonId is null ? r.OwnerName : null, OwnerPersonId = r.OwnerPersonId, Status = r.Status, Version = r.Version,
        };

    protected override Task<Result<RoadmapView>> SaveAsync(CancellationToken ct) => risks.SaveRiskAsync(Product.Id, Id, Input, ct);

    protected override string SavedMessage() => $"Le risque « {Text.Clean(Input.Title)} » est enregistré.";

    protected override async Task LoadChoicesAsync(CancellationToken ct) =>
        Members = await Db.TeamMembers.AsNoTracking().Where(m => m.ProductId == Product.Id).OrderBy(m => m.Person!.DisplayName)
            .Select(m => new SelectListItem(m.Person!.DisplayName, m.PersonId.ToString(CultureInfo.InvariantCulture))).ToListAsync(ct);
}
