using System.Globalization;
using Cap.Data;
using Cap.Domain;
using Cap.Domain.Roadmap;
using Cap.Web.Shared.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Roadmap;

/// <summary>Creates (no id) or edits an initiative; team only.</summary>
public sealed class InitiativeFormModel(CapDbContext db, CurrentUser currentUser, RoadmapService service) : RoadmapFormPage(db, currentUser)
{
    protected override string PageTitle => Id is null ? "Nouvelle initiative" : "Modifier l’initiative";

    [FromRoute]
    public int? Id { get; set; }

    [BindProperty]
    public InitiativeInput Input { get; set; } = new();

    public List<SelectListItem> Objectives { get; private set; } = [];
    public List<SelectListItem> Indicators { get; private set; } = [];
    public List<SelectListItem> Kinds { get; } = Enum.GetValues<InitiativeKind>().Select(k => new SelectListItem(k.Label(), k.ToString())).ToList();
    public List<SelectListItem> Statuses { get; } = Enum.GetValues<InitiativeStatus>().Select(s => new SelectListItem(s.Label(), s.ToString())).ToList();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await GuardAsync(ct) is { } stop)
        {
            return stop;
        }
        Input.Status = InitiativeStatus.Planned;
        if (Id is not null)
        {
            var i = await Db.Initiatives.AsNoTracking().FirstOrDefaultAsync(x => x.Id == Id && x.ProductId == Product.Id, ct);
            if (i is null)
            {
                return NotFound();
            }
            Input = new InitiativeInput
            {
                ObjectiveId = i.ObjectiveId, Kind = i.Kind, Title = i.Title, Description = i.Description,
                Start = RoadmapRules.FormatPeriod(i.PeriodUnit, i.Start), End = RoadmapRules.FormatPeriod(i.PeriodUnit, i.End),
                Status = i.Status, IndicatorId = i.IndicatorId, ExpectedEffect = i.ExpectedEffect, Version = i.Version,
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
        ClearBindingErrors();
        var result = await service.SaveInitiativeAsync(Product.Id, Id, Input, ct);
        if (result.Refusal?.Kind == RefusalKind.NotFound)
        {
            return NotFound();
        }
        if (!Apply(result, "L’initiative"))
        {
            await LoadChoicesAsync(ct);
            return Page();
        }
        TempData["Success"] = $"L’initiative « {Text.Clean(Input.Title)} » est enregistrée.";
        return Redirect(RoadmapUrl);
    }

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        Objectives = await Db.Objectives.AsNoTracking().Where(o => o.ProductId == Product.Id).OrderBy(o => o.Position).ThenBy(o => o.Id)
            .Select(o => new SelectListItem(o.Title, o.Id.ToString(CultureInfo.InvariantCulture))).ToListAsync(ct);
        Indicators = await Db.Indicators.AsNoTracking().Where(i => i.ProductId == Product.Id).OrderBy(i => i.Name)
            .Select(i => new SelectListItem(i.Name, i.Id.ToString(CultureInfo.InvariantCulture))).ToListAsync(ct);
    }
}
