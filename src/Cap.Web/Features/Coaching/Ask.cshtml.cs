using System.Globalization;
using Cap.Data;
using Cap.Domain.Coaching;
using Cap.Web.Shared;
using Cap.Web.Shared.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Coaching;

/// <summary>A team member asks for an intervention for one of their products (or an administrator for any).</summary>
public sealed class AskModel(CapDbContext db, CurrentUser currentUser, AskForCoaching ask, CoachingCatalogue catalogue) : CoachingPageModel(db, currentUser)
{
    [BindProperty]
    public CoachingRequestInput Input { get; set; } = new();

    public List<SelectListItem> Products { get; private set; } = [];
    public List<SelectListItem> Interventions { get; private set; } = [];
    public List<SelectListItem> Urgencies { get; } =
        [.. Enum.GetValues<CoachingUrgency>().Select(u => new SelectListItem(u.Label(), u.ToString()))];

    public async Task OnGetAsync([FromQuery] int? intervention, [FromQuery] string? produit, CancellationToken ct)
    {
        await LoadAsync(ct);
        Input.InterventionId = intervention;
        Input.Product = produit;
        Input.Urgency = CoachingUrgency.Normale;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        ModelState.Clear();
        var result = await ask.CreateAsync(Me, Input, ct);
        if (result.Refusal is { } refusal)
        {
            return Refused(refusal, "Input.") ?? Page();
        }
        TempData["Success"] = "Votre demande est envoyée aux coachs : vous serez prévenu(e) par courriel de chaque étape.";
        return Redirect($"/accompagnement/demandes/{result.Value}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        await LoadMeAsync("Demander un accompagnement", ct, new Crumb("Demander un accompagnement", null));
        var query = Db.Products.AsNoTracking().Where(p => !p.IsArchived);
        if (!IsAdmin)
        {
            query = query.Where(p => p.Team.Any(m => m.PersonId == Me.Id));
        }
        Products = await query.OrderBy(p => p.Name).Select(p => new SelectListItem(p.Name, p.Slug)).ToListAsync(ct);
        Interventions = (await catalogue.InterventionsAsync(activeOnly: true, ct))
            .Select(i => new SelectListItem(i.Title, i.Id.ToString(CultureInfo.InvariantCulture))).ToList();
    }
}
