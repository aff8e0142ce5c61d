using System.Globalization;
using Cap.Data;
using Cap.Domain;
using Cap.Domain.Iterations;
using Cap.Web.Shared;
using Cap.Web.Shared.Auth;
using Cap.Web.Shared.Refusals;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Rituals;

/// <summary>Adds (no id; <c>?type=</c> picks the kind and its suggested settings) or edits a ritual; team only.</summary>
public sealed class FormModel(CapDbContext db, CurrentUser currentUser, TeamRituals rituals) : ProductPageModel(db, currentUser)
{
    public override string TabKey => "iterations";
    protected override string PageTitle => Id is null ? "Nouveau rituel" : "Modifier le rituel";

    [FromRoute]
    public int? Id { get; set; }

    [BindProperty]
    public RitualInput Input { get; set; } = new();

    /// <summary>The advice shown for the kind chosen.</summary>
    public string? Advice { get; private set; }

    public List<SelectListItem> Kinds { get; } = Enum.GetValues<RitualKind>().Select(k => new SelectListItem(k.Label(), k.ToString())).ToList();
    public List<SelectListItem> Frequencies { get; } = Enum.GetValues<RitualFrequency>().Select(f => new SelectListItem(f.Label(), f.ToString())).ToList();

    public string Base => $"/produits/{Product.Slug}/rituels";

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "type")] RitualKind? type, CancellationToken ct)
    {
        if (DeniedUnlessEditable() is { } stop)
        {
            return stop;
        }
        if (Id is not null)
        {
            var r = await Db.Rituals.AsNoTracking().FirstOrDefaultAsync(x => x.Id == Id && x.ProductId == Product.Id, ct);
            if (r is null)
            {
                return NotFound();
            }
            Input = new RitualInput
            {
                Kind = r.Kind, Name = r.Name, Frequency = r.Frequency, FirstDate = r.FirstDate,
                StartTime = r.StartTime.ToString("HH':'mm", CultureInfo.InvariantCulture), DurationMinutes = r.DurationMinutes,
                Location = r.Location, IsActive = r.IsActive, Version = r.Version,
            };
            return Page();
        }
        var kind = type is { } t && Enum.IsDefined(t) ? t : RitualKind.Custom;
        var defaults = RitualSchedule.Defaults(kind);
        var today = DateOnly.FromDateTime(rituals.ParisNow);
        Input = new RitualInput
        {
            Kind = kind,
            Name = defaults.Name.Length == 0 ? null : defaults.Name,
            Frequency = defaults.Frequency,
            FirstDate = RitualSchedule.FirstOccurrenceDay(RitualFrequency.Daily, today.AddDays(1)),
            StartTime = defaults.StartTime.ToString("HH':'mm", CultureInfo.InvariantCulture),
            DurationMinutes = defaults.DurationMinutes,
            IsActive = true,
        };
        Advice = defaults.Advice;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (DeniedUnlessEditable() is { } stop)
        {
            return stop;
        }
        // Binding errors (a duration typed as text, an unknown choice) are replaced by the service's French messages.
        ModelState.Clear();
        var result = await rituals.SaveAsync(Product.Id, Id, Input, ct);
        if (result.Refusal is { } refusal)
        {
            if (refusal.Kind == RefusalKind.NotFound)
            {
                return NotFound();
            }
            if (refusal.Kind == RefusalKind.Conflict)
            {
                // The service's message is written for an API client: the form says what it keeps.
                ModelState.AddModelError(string.Empty, "Le rituel a été modifié par quelqu’un d’autre pendant votre saisie : rechargez la page, vos valeurs sont conservées ci-dessous.");
            }
            else
            {
                ModelState.AddRefusal(refusal, "Input.");
            }
            Response.StatusCode = refusal.PageStatus();
            if (Input.Kind is { } k && Enum.IsDefined(k))
            {
                Advice = RitualSchedule.Defaults(k).Advice;
            }
            return Page();
        }
        TempData["Success"] = $"Le rituel « {Text.Clean(Input.Name) ?? Input.Kind!.Value.Label()} » est enregistré.";
        return Redirect(Base);
    }
}
