using Cap.Data;
using Cap.Domain.Catalogue;
using Cap.Domain.LifeCycle;
using Cap.Domain.Platform;
using Cap.Web.Shared;
using Cap.Web.Shared.Auth;
using Cap.Domain;
using Cap.Web.Shared.Refusals;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.LifeCycle;

/// <summary>
/// The « Cycle de vie » tab: the current phase, its typical deliverables as a checklist the team fills in
/// (one small form per deliverable), the earlier phases' deliverables, the timeline, and the administrator's override.
/// </summary>
public sealed class IndexModel(CapDbContext db, CurrentUser currentUser, LifeCycleService lifeCycle, IEnumerable<ITimelineSource> sources)
    : ProductPageModel(db, currentUser)
{
    public override string TabKey => "cycle-de-vie";
    protected override string PageTitle => "Cycle de vie";

    public DateTimeOffset? Since { get; private set; }
    public DateTimeOffset Now => lifeCycle.Now;
    public IReadOnlyList<DeliverableRow> Current { get; private set; } = [];
    /// <summary>Earlier phases (life-cycle order) with their deliverables.</summary>
    public IReadOnlyList<(Phase Phase, IReadOnlyList<DeliverableRow> Rows)> Earlier { get; private set; } = [];
    public IReadOnlyList<TimelinePeriod> Timeline { get; private set; } = [];
    public bool CanOverride => Access.CanChangePhase(Me);
    public bool IsStopped => Product.Phase == Phase.Arret;
    public List<SelectListItem> Targets { get; private set; } = [];

    [BindProperty]
    public DeliverableForm Deliverable { get; set; } = new();

    [BindProperty]
    public OverrideForm Override { get; set; } = new();

    /// <summary>The deliverable whose form was posted and is shown again with what was typed.</summary>
    public string? PostedKey { get; private set; }
    public Dictionary<string, string> DeliverableErrors { get; } = [];

    public sealed class DeliverableForm
    {
        public string? Key { get; set; }
        public bool Provided { get; set; }
        public string? Link { get; set; }
        public string? Note { get; set; }
        public int Version { get; set; }
    }

    public sealed class OverrideForm
    {
        public Phase? Target { get; set; }
        public string? Reason { get; set; }
    }

    public sealed record DeliverableRow(DeliverableDefinition Definition, DeliverableRecord? Record)
    {
        public bool Provided => Record?.IsProvided == true;
    }

    public sealed record TimelinePeriod(PhasePeriod? Period, IReadOnlyList<TimelineEvent> Events);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDeliverableAsync(CancellationToken ct)
    {
        if (DeniedUnlessEditable() is { } denied)
        {
            return denied;
        }
        ModelState.Clear();
        var input = new DeliverableInput(Deliverable.Key, Deliverable.Provided, Deliverable.Link, Deliverable.Note);
        var result = await lifeCycle.SaveDeliverableAsync(Product.Id, Product.Phase, input, Deliverable.Version, Me, ct);
        if (result.Refusal is not { } refusal)
        {
            var label = PhaseDeliverables.Find(Product.Phase, Deliverable.Key)!.Label;
            TempData["Success"] = $"Le livrable « {label} » est enregistré.";
            return Redirect($"/produits/{Product.Slug}/cycle-de-vie#livrable-{Deliverable.Key}");
        }
        if (refusal.Errors.TryGetValue(nameof(DeliverableInput.Key), out var unknown))
        {
            // Not a deliverable of the current phase (the phase moved meanwhile, or a forged key).
            ModelState.AddModelError(string.Empty, unknown + " La page montre les livrables de la phase actuelle.");
            await LoadAsync(ct);
            return Page();
        }
        PostedKey = Deliverable.Key;
        if (refusal.Kind == RefusalKind.Conflict)
        {
            ModelState.AddModelError(string.Empty, refusal.Message);
            DeliverableErrors["Conflict"] = refusal.Message;
            // Saving again now replaces the stored values knowingly.
            Deliverable.Version = refusal.CurrentVersion ?? 0;
        }
        else
        {
            foreach (var (field, message) in refusal.Errors)
            {
                DeliverableErrors[field] = message;
                ModelState.AddModelError(FieldId(Deliverable.Key!, field), message);
            }
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostOverrideAsync(CancellationToken ct)
    {
        if (!CanOverride)
        {
            return Forbid();
        }
        ModelState.Clear();
        if (Override.Target is not { } target || !Enum.IsDefined(target))
        {
            ModelState.AddModelError("Override.Target", IsStopped ? "Choisissez la phase où rouvrir le produit." : "Choisissez la nouvelle phase.");
        }
        if (string.IsNullOrWhiteSpace(Override.Reason))
        {
            ModelState.AddModelError("Override.Reason", "Indiquez le motif du changement de phase.");
        }
        if (ModelState.IsValid)
        {
            var product = await Db.Products.FirstAsync(p => p.Id == Product.Id, ct);
            var result = await lifeCycle.OverrideAsync(product, Override.Target!.Value, Override.Reason, Me, ct);
            if (result.Refusal is not { } refusal)
            {
                TempData["Success"] = IsStopped
                    ? $"Le produit est rouvert en phase {Override.Target.Value.Label()}."
                    : $"Le produit passe en phase {Override.Target.Value.Label()}.";
                return Redirect($"/produits/{Product.Slug}/cycle-de-vie");
            }
            ModelState.AddRefusal(refusal, "Override.");
        }
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>The id of a field of a deliverable's form: unique on the page, and the key the error summary links to.</summary>
    public static string FieldId(string key, string field) => field switch
    {
        nameof(DeliverableInput.Link) => $"livrable-{key}-lien",
        nameof(DeliverableInput.Note) => $"livrable-{key}-note",
        _ => $"livrable-{key}-fourni",
    };

    /// <summary>"2 ans et 3 mois", "5 mois", "12 jours".</summary>
    public static string Duration(DateTimeOffset from, DateTimeOffset to)
    {
        var start = Dates.ToParis(from).Date;
        var end = Dates.ToParis(to).Date;
        var months = ((end.Year - start.Year) * 12) + end.Month - start.Month - (end.Day < start.Day ? 1 : 0);
        if (months < 1)
        {
            var days = Math.Max(0, (end - start).Days);
            return days switch { 0 => "moins d’un jour", 1 => "1 jour", _ => $"{days} jours" };
        }
        var years = months / 12;
        var rest = months % 12;
        var y = years switch { 0 => null, 1 => "1 an", _ => $"{years} ans" };
        var m = rest == 0 ? null : $"{rest} mois";
        return y is null ? m! : m is null ? y : $"{y} et {m}";
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var changes = await lifeCycle.ChangesAsync(Product.Id, ct);
        var periods = LifeCycleService.Periods(changes);
        Since = periods.Count > 0 ? periods[^1].Start : null;

        var records = await lifeCycle.DeliverablesAsync(Product.Id, ct);
        IReadOnlyList<DeliverableRow> RowsOf(Phase phase) =>
            [.. PhaseDeliverables.For(phase).Select(d => new DeliverableRow(d, records.FirstOrDefault(r => r.Phase == phase && r.Key == d.Key)))];
        Current = RowsOf(Product.Phase);
        var earlier = periods.Select(p => p.Phase).Concat(records.Select(r => r.Phase)).Where(p => p != Product.Phase).Distinct().Order();
        Earlier = [.. earlier.Select(p => (p, RowsOf(p))).Where(e => e.Item2.Count > 0)];

        var events = new List<TimelineEvent>();
        foreach (var source in sources)
        {
            events.AddRange(await source.EventsAsync(Product.Id, Product.Slug, ct));
        }
        // Chronological: the timeline reads from the product's registration to today.
        events = [.. events.OrderBy(e => e.At).ThenBy(e => e.Category == PhaseChangeTimelineSource.Category ? 0 : 1)];
        if (periods.Count == 0)
        {
            Timeline = [new TimelinePeriod(null, events)];
        }
        else
        {
            Timeline = [.. periods.Select((p, i) => new TimelinePeriod(p, events.Where(e =>
                (i == 0 || e.At >= p.Start) && (p.End is not { } end || e.At < end)).ToList()))];
        }

        Targets = [.. PhaseTransitions.AllowedTargets(Product.Phase).Select(p => new SelectListItem(p.Label(), p.ToString()))];
    }
}
