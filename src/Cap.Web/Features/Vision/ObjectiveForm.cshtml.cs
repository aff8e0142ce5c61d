using System.Globalization;
using Cap.Data;
using Cap.Domain.Steering;
using Cap.Web.Shared;
using Cap.Web.Shared.Auth;
using Cap.Web.Shared.Refusals;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Vision;

/// <summary>Creates (no id) or edits an objective of the product; team only.</summary>
public sealed class ObjectiveFormModel(CapDbContext db, CurrentUser currentUser) : ProductPageModel(db, currentUser)
{
    public override string TabKey => "objectifs";
    protected override string PageTitle => Id is null ? "Nouvel objectif" : "Modifier l’objectif";

    [FromRoute]
    public int? Id { get; set; }

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public ObjectiveFields Input { get; set; } = new();

    public List<SelectListItem> Statuses { get; } = Enum.GetValues<ObjectiveStatus>().Select(s => new SelectListItem(s.Label(), s.ToString())).ToList();
    public IReadOnlyList<(int Id, string Name)> Priorities { get; private set; } = [];

    public sealed class ObjectiveFields
    {
        public string? Title { get; set; }
        public string? Description { get; set; }
        /// <summary>As typed (yyyy-MM-dd from the date field), parsed here for a French message.</summary>
        public string? Horizon { get; set; }
        public ObjectiveStatus? Status { get; set; }
        public List<int> PriorityIds { get; set; } = [];
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (DeniedUnlessEditable() is { } denied)
        {
            return denied;
        }
        Input.Status = ObjectiveStatus.Active;
        if (Id is not null)
        {
            var objective = await FindAsync(tracking: false, ct);
            if (objective is null)
            {
                return NotFound();
            }
            Version = objective.Version;
            Input = new ObjectiveFields
            {
                Title = objective.Title,
                Description = objective.Description,
                Horizon = objective.Horizon?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Status = objective.Status,
                PriorityIds = objective.Priorities.Select(p => p.MinistryPriorityId).ToList(),
            };
        }
        await LoadPrioritiesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (DeniedUnlessEditable() is { } denied)
        {
            return denied;
        }
        Objective? objective = null;
        if (Id is not null)
        {
            objective = await FindAsync(tracking: true, ct);
            if (objective is null)
            {
                return NotFound();
            }
        }
        ModelState.Clear();
        await LoadPrioritiesAsync(ct);
        var offered = Priorities.Select(p => p.Id).ToHashSet();
        var kept = objective?.Priorities.Select(p => p.MinistryPriorityId).ToHashSet() ?? [];
        var accepted = ObjectiveRules.Validate(new ObjectiveInput(Input.Title, Input.Description, Input.Horizon, Input.Status, Input.PriorityIds), offered, kept);
        if (accepted.Refusal is { } refusal)
        {
            ModelState.AddRefusal(refusal, "Input.");
        }
        if (objective is not null && objective.Version != Version)
        {
            ModelState.AddModelError(string.Empty, "L’objectif a été modifié par quelqu’un d’autre pendant votre saisie : relisez-le, vos valeurs sont conservées ci-dessous.");
            Version = objective.Version;
        }
        if (!ModelState.IsValid || accepted.Value is not { } values)
        {
            return Page();
        }
        if (objective is null)
        {
            var last = await Db.Objectives.Where(o => o.ProductId == Product.Id).MaxAsync(o => (int?)o.Position, ct);
            objective = new Objective { ProductId = Product.Id, Position = (last ?? -1) + 1 };
            Db.Objectives.Add(objective);
        }
        objective.Title = values.Title;
        objective.Description = values.Description;
        objective.Horizon = values.Horizon;
        objective.Status = values.Status;
        var wanted = values.PriorityIds;
        objective.Priorities.RemoveAll(p => !wanted.Contains(p.MinistryPriorityId));
        foreach (var id in wanted.Where(id => objective.Priorities.All(p => p.MinistryPriorityId != id)))
        {
            objective.Priorities.Add(new ObjectivePriority { MinistryPriorityId = id, ProductId = Product.Id });
        }
        try
        {
            await Db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, "L’objectif a été modifié par quelqu’un d’autre pendant votre saisie : rechargez la page.");
            return Page();
        }
        TempData["Success"] = Id is null ? $"L’objectif « {objective.Title} » est ajouté." : $"L’objectif « {objective.Title} » est enregistré.";
        return Redirect($"/produits/{Product.Slug}/objectifs");
    }

    private Task<Objective?> FindAsync(bool tracking, CancellationToken ct)
    {
        var query = Db.Objectives.Include(o => o.Priorities).Where(o => o.Id == Id && o.ProductId == Product.Id);
        return (tracking ? query : query.AsNoTracking()).FirstOrDefaultAsync(ct);
    }

    private async Task LoadPrioritiesAsync(CancellationToken ct)
    {
        var selected = Input.PriorityIds;
        Priorities = (await Db.MinistryPriorities.AsNoTracking()
            .Where(p => p.IsActive || selected.Contains(p.Id))
            .OrderBy(p => p.Name)
            .Select(p => new { p.Id, p.Name })
            .ToListAsync(ct)).Select(p => (p.Id, p.Name)).ToList();
    }
}
