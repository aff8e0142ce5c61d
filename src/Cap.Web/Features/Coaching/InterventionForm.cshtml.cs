using Cap.Domain;
using Cap.Data;
using Cap.Web.Shared;
using Cap.Web.Shared.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Coaching;

/// <summary>Creates (no id) or edits an intervention of the catalogue; administrators only.</summary>
public sealed class InterventionFormModel(CapDbContext db, CurrentUser currentUser, CoachingCatalogue catalogue) : CoachingPageModel(db, currentUser)
{
    [FromRoute]
    public int? Id { get; set; }

    [BindProperty]
    public InterventionInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadMeAsync(Id is null ? "Nouvel accompagnement" : "Modifier l’accompagnement", ct, new Crumb("Catalogue", null));
        if (!IsAdmin)
        {
            return Forbid();
        }
        if (Id is not null)
        {
            var i = await Db.CoachingInterventions.AsNoTracking().FirstOrDefaultAsync(x => x.Id == Id, ct);
            if (i is null)
            {
                return NotFound();
            }
            Input = new InterventionInput
            {
                Title = i.Title, Slug = i.Slug, Description = i.Description, TypicalDuration = i.TypicalDuration, Deliverables = i.Deliverables,
                IsActive = i.IsActive, Order = i.Order, Version = i.Version,
            };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadMeAsync(Id is null ? "Nouvel accompagnement" : "Modifier l’accompagnement", ct, new Crumb("Catalogue", null));
        if (!IsAdmin)
        {
            return Forbid();
        }
        ModelState.Clear();
        var result = await catalogue.SaveInterventionAsync(Me, Id, Input, ct);
        if (result.Refusal is { } refusal)
        {
            return Refused(refusal, "Input.") ?? Page();
        }
        TempData["Success"] = $"L’accompagnement « {Text.Clean(Input.Title)} » est enregistré.";
        return Redirect("/accompagnement");
    }
}
