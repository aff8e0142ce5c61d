using System.Globalization;
using Cap.Data;
using Cap.Domain;
using Cap.Domain.Roadmap;
using Cap.Web.Shared.Auth;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Roadmap;

/// <summary>Creates (no id) or edits an initiative; team only.</summary>
public sealed class InitiativeFormModel(CapDbContext db, CurrentUser currentUser, InitiativePlanning initiatives) : RoadmapItemForm<InitiativeInput>(db, currentUser)
{
    protected override string PageTitle => Id is null ? "Nouvelle initiative" : "Modifier l’initiative";

    protected override string What => "L’initiative";

    public List<SelectListItem> Objectives { get; private set; } = [];
    public List<SelectListItem> Indicators { get; private set; } = [];
    public List<SelectListItem> Kinds { get; } = Enum.GetValues<InitiativeKind>().Select(k => new SelectListItem(k.Label(), k.ToString())).ToList();
    public List<SelectListItem> Statuses { get; } = Enum.GetValues<InitiativeStatus>().Select(s => new SelectListItem(s.Label(), s.ToString())).ToList();

    protected override InitiativeInput Blank() => new() { Status = InitiativeStatus.Planned };

    protected override async Task<InitiativeInput?> ReadAsync(int id, CancellationToken ct) =>
        await Db.Initiatives.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.ProductId == Product.Id, ct) is not { } i ? null : new InitiativeInput
        {
            ObjectiveId = i.ObjectiveId, Kind = i.Kind, Title = i.Title, Description = i.Description,
            Start = RoadmapRules.FormatPeriod(i.PeriodUnit, i.Start), End = RoadmapRules.FormatPeriod(i.PeriodUnit, i.End),
            Status = i.Status, IndicatorId = i.IndicatorId, ExpectedEffect = i.ExpectedEffect, Version = i.Version,
        };

    protected override Task<Result<RoadmapView>> SaveAsync(CancellationToken ct) => initiatives.SaveInitiativeAsync(Product.Id, Id, Input, ct);

    protected override string SavedMessage() => $"L’initiative « {Text.Clean(Input.Title)} » est enregistrée.";

    protected override async Task LoadChoicesAsync(CancellationToken ct)
    {
        Objectives = await Db.Objectives.AsNoTracking().Where(o => o.ProductId == Product.Id).OrderBy(o => o.Position).ThenBy(o => o.Id)
            .Select(o => new SelectListItem(o.Title, o.Id.ToString(CultureInfo.InvariantCulture))).ToListAsync(ct);
        Indicators = await Db.Indicators.AsNoTracking().Where(i => i.ProductId == Product.Id).OrderBy(i => i.Name)
            .Select(i => new SelectListItem(i.Name, i.Id.ToString(CultureInfo.InvariantCulture))).ToListAsync(ct);
    }
}
