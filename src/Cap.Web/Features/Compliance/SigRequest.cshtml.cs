using Cap.Data;
using Cap.Domain.Compliance;
using Cap.Web.Shared;
using Cap.Web.Shared.Auth;
using Cap.Web.Shared.Refusals;
using Cap.Web.Shared.TagHelpers;
using Microsoft.AspNetCore.Mvc;

namespace Cap.Web.Features.Compliance;

/// <summary>Opens a request for an agrément SIG (the framing form was sent), or declares a major change.</summary>
public sealed class SigRequestModel(CapDbContext db, CurrentUser currentUser, SigApprovals approvals, ComplianceRecords records, TimeProvider time)
    : ProductPageModel(db, currentUser)
{
    public override string TabKey => "conformite";
    protected override string PageTitle => "Demande d’agrément SIG";

    [BindProperty]
    public RequestInput Input { get; set; } = new();

    public sealed class RequestInput
    {
        public SigRequestKind? Kind { get; set; }
        public DateOnly? FramingSentOn { get; set; }
        public string? Note { get; set; }
    }

    /// <summary>The open request a major change would supersede, if any.</summary>
    public SigApproval? Open { get; private set; }
    public bool IsPublic { get; private set; }

    public IReadOnlyList<DsfrChoice> Kinds => [.. Enum.GetValues<SigRequestKind>()
        .Where(k => Open is null || k == SigRequestKind.EvolutionMajeure)
        .Select(k => new DsfrChoice(k.ToString(), k.Label(), k switch
        {
            SigRequestKind.Creation => "Un nouveau site ou une nouvelle application.",
            SigRequestKind.Refonte => "Une refonte de l’interface ou du périmètre.",
            _ => Open is null ? "Un changement majeur d’interface ou de périmètre d’un produit déjà agréé." : $"Remplace la demande n° {Open.Number}, en cours.",
        }))];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } stop)
        {
            return stop;
        }
        Input.FramingSentOn = time.ParisToday();
        if (Open is not null)
        {
            Input.Kind = SigRequestKind.EvolutionMajeure;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } stop)
        {
            return stop;
        }
        var result = await approvals.OpenAsync(Product.Id, Input.Kind, Input.FramingSentOn, Input.Note, ct);
        if (result.Refusal is not { } refusal)
        {
            TempData["Success"] = $"La demande d’agrément SIG n° {result.Value!.Number} est ouverte.";
            return Redirect($"/produits/{Product.Slug}/conformite");
        }
        ModelState.Clear();
        ModelState.AddRefusal(refusal, "Input.");
        Response.StatusCode = refusal.PageStatus();
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (DeniedUnlessEditable() is { } denied)
        {
            return denied;
        }
        IsPublic = (await records.FindAsync(Product.Id, ct))?.IsPublic == true;
        var latest = (await approvals.ListAsync(Product.Id, ct)).FirstOrDefault();
        Open = latest is not null && !SigProcedure.IsClosed(latest.State) ? latest : null;
        return null;
    }
}
