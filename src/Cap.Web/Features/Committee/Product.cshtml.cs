using Cap.Data;
using Cap.Domain;
using Cap.Domain.Committee;
using Cap.Domain.Platform;
using Cap.Web.Shared;
using Cap.Web.Shared.Auth;
using Cap.Web.Shared.Refusals;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Committee;

/// <summary>The product's « Comité produit » tab: its gate requests, decisions with their reviews and its conditions.</summary>
public sealed class ProductModel(CapDbContext db, CurrentUser currentUser, CommitteeRequests requests, DecisionConditions conditions) : ProductPageModel(db, currentUser)
{
    public override string TabKey => "comite";
    protected override string PageTitle => "Comité produit";

    public List<RequestRow> Requests { get; private set; } = [];
    public List<GateDecision> Decisions { get; private set; } = [];
    public List<ConditionRow> Conditions { get; private set; } = [];
    public bool HasOpenRequest { get; private set; }
    public bool IsCommittee { get; private set; }

    /// <summary>The condition whose evidence form is shown again with an error.</summary>
    [BindProperty(SupportsGet = false)]
    public int? ConditionId { get; set; }

    [BindProperty]
    public string? Evidence { get; set; }

    [BindProperty]
    public string? EvidenceLink { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnPostSubmitAsync(int requestId, CancellationToken ct) =>
        RequestCommandAsync(requestId, (r, c) => requests.SubmitAsync(r, c), "La demande est soumise au comité produit : elle attend d’être inscrite à une séance.", ct);

    public Task<IActionResult> OnPostWithdrawAsync(int requestId, CancellationToken ct) =>
        RequestCommandAsync(requestId, (r, c) => requests.WithdrawAsync(r, c), "La demande est retirée.", ct);

    /// <summary>The team declares a condition met, with its evidence.</summary>
    public async Task<IActionResult> OnPostDeclareAsync(int conditionId, CancellationToken ct)
    {
        if (!Access.CanRequestGate(Me, MyRole))
        {
            return Forbid();
        }
        var condition = await Db.GateConditions.FirstOrDefaultAsync(c => c.Id == conditionId && c.ProductId == Product.Id, ct);
        if (condition is null)
        {
            return NotFound();
        }
        var result = await conditions.DeclareMetAsync(condition, Evidence, EvidenceLink, Me, ct);
        if (result.Refusal is { } refusal)
        {
            ConditionId = conditionId;
            return await RefusedAsync(refusal, EvidencePrefix(conditionId), ct);
        }
        TempData["Success"] = $"La condition « {condition.Description} » est déclarée levée : le comité va la confirmer.";
        return Redirect($"/produits/{Product.Slug}/comite#conditions");
    }

    private async Task<IActionResult> RequestCommandAsync(int requestId, Func<GateRequest, CancellationToken, Task<Result<GateRequest>>> command, string success, CancellationToken ct)
    {
        if (!Access.CanRequestGate(Me, MyRole))
        {
            return Forbid();
        }
        var request = await Db.GateRequests.FirstOrDefaultAsync(r => r.Id == requestId && r.ProductId == Product.Id, ct);
        if (request is null)
        {
            return NotFound();
        }
        var result = await command(request, ct);
        if (result.Refusal is { } refusal)
        {
            return await RefusedAsync(refusal, "", ct);
        }
        TempData["Success"] = success;
        return Redirect($"/produits/{Product.Slug}/comite");
    }

    /// <summary>The prefix of the fields of a condition's evidence form (one form per open condition): « condition-12-Evidence ».</summary>
    public static string EvidencePrefix(int conditionId) => $"condition-{conditionId}-";

    private async Task<IActionResult> RefusedAsync(Refusal refusal, string prefix, CancellationToken ct)
    {
        ModelState.AddRefusal(refusal, prefix);
        await LoadAsync(ct);
        Response.StatusCode = refusal.PageStatus();
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        IsCommittee = Access.CanSitOnCommittee(Me);
        Requests = await CommitteeQueries.Rows(Db.GateRequests.AsNoTracking().Where(r => r.ProductId == Product.Id)
            .OrderByDescending(r => r.Id)).ToListAsync(ct);
        HasOpenRequest = Requests.Any(r => GateRules.IsOpen(r.Status));
        Decisions = await CommitteeQueries.DecisionsAsync(Db, Product.Id, ct);
        Conditions = await CommitteeQueries.Rows(CommitteeQueries.Unconfirmed(Db).Where(c => c.ProductId == Product.Id)
            .OrderBy(c => c.DueDate).ThenBy(c => c.Id)).ToListAsync(ct);
    }

    public DateOnly Today => requests.Today;
}
