using System.Globalization;
using Cap.Data;
using Cap.Domain;
using Cap.Domain.Catalogue;
using Cap.Domain.Committee;
using Cap.Domain.Platform;
using Cap.Web.Shared;
using Cap.Web.Shared.Auth;
using Cap.Web.Shared.Refusals;
using Cap.Web.Shared.TagHelpers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Cap.Web.Features.Committee;

/// <summary>The team writes a gate request, kept as a draft or submitted at once.</summary>
public sealed class RequestFormModel(CapDbContext db, CurrentUser currentUser, CommitteeRequests requests) : ProductPageModel(db, currentUser)
{
    public override string TabKey => "comite";
    protected override string PageTitle => "Saisir le comité produit";

    /// <summary>What a request may be about, each with what a Go does.</summary>
    public static readonly IReadOnlyList<DsfrChoice> Kinds =
    [
        new(nameof(GateRequestKind.PassagePhase), GateRequestKind.PassagePhase.Label(), "Un Go fait passer le produit dans la phase visée."),
        new(nameof(GateRequestKind.Refonte), "Revue d’une refonte", "Refonte fonctionnelle ou technique : le comité l’examine sans changement de phase."),
        new(nameof(GateRequestKind.EvolutionMajeure), "Revue d’une évolution majeure", "Changement important du périmètre ou de l’interface : examiné sans changement de phase."),
    ];

    [BindProperty]
    public RequestInput Input { get; set; } = new();

    public List<SelectListItem> Targets { get; private set; } = [];
    public bool HasOpenRequest { get; private set; }

    public sealed class RequestInput
    {
        /// <summary>A <see cref="GateRequestKind"/> by name.</summary>
        public string? Kind { get; set; } = nameof(GateRequestKind.PassagePhase);
        public string? Target { get; set; }
        public string? Context { get; set; }
        public string? Ask { get; set; }
        /// <summary>As typed (yyyy-MM-dd from the date field).</summary>
        public string? DesiredDate { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        if (!Access.CanRequestGate(Me, MyRole))
        {
            return Forbid();
        }
        HasOpenRequest = await requests.HasOpenRequestAsync(Product.Id, ct);
        Input.Target = PhaseTransitionsNext()?.Slug();
        return Page();
    }

    /// <param name="submit">"oui" submits at once; otherwise the request is kept as a draft.</param>
    public async Task<IActionResult> OnPostAsync(string? submit, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        if (!Access.CanRequestGate(Me, MyRole))
        {
            return Forbid();
        }
        ModelState.Clear();
        DateOnly? desired = null;
        var dateError = false;
        if (!string.IsNullOrWhiteSpace(Input.DesiredDate))
        {
            if (DateOnly.TryParseExact(Input.DesiredDate.Trim(), ["yyyy-MM-dd", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                desired = parsed;
            }
            else
            {
                ModelState.AddModelError("Input.DesiredDate", "Saisissez la date souhaitée sous la forme jj/mm/aaaa, par exemple 15/01/2027.");
                dateError = true;
            }
        }
        Phase? target = PhaseExtensions.TryParseSlug(Input.Target, out var t) ? t : null;
        var input = new GateRequestInput(target, Input.Context, Input.Ask, desired, DsfrChoice.Parse<GateRequestKind>(Input.Kind));
        if (dateError)
        {
            // Nothing is created with a date that could not be read; the other fields are checked all the same.
            if (GateRules.ValidateRequest(Product.Phase, input, requests.Today) is { Count: > 0 } errors)
            {
                ModelState.AddRefusal(Refusal.Rule(errors), "Input.");
            }
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        var result = await requests.CreateRequestAsync(Product.Id, Product.Phase, input, submit == "oui", Me, ct);
        if (result.Refusal is { } refusal)
        {
            ModelState.AddRefusal(refusal, "Input.");
            Response.StatusCode = refusal.PageStatus();
            return Page();
        }
        var created = result.Value!;
        var what = created.Kind == GateRequestKind.PassagePhase
            ? $"La demande de passage en phase {created.TargetPhase.Label()}"
            : $"La demande de revue ({created.Kind.Label().ToLowerInvariant()})";
        TempData["Success"] = submit == "oui"
            ? $"{what} est soumise au comité produit."
            : $"{what} est enregistrée en brouillon : soumettez-la quand elle est prête.";
        return Redirect($"/produits/{Product.Slug}/comite");
    }

    private Phase? PhaseTransitionsNext() => Cap.Domain.LifeCycle.PhaseTransitions.Next(Product.Phase);

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Targets = GateRules.RequestTargets(Product.Phase)
            .Select(p => new SelectListItem(p < Product.Phase ? $"{p.Label()} (retour à une phase antérieure)" : p.Label(), p.Slug()))
            .ToList();
        return true;
    }
}
