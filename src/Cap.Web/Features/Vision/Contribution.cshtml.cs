using Cap.Data;
using Cap.Domain;
using Cap.Domain.Steering;
using Cap.Web.Shared;
using Cap.Web.Shared.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Vision;

/// <summary>One contribution; the team accepts or declines a proposal, or answers a comment.</summary>
public sealed class ContributionModel(CapDbContext db, CurrentUser currentUser, VisionService service) : ProductPageModel(db, currentUser)
{
    public override string TabKey => "vision";
    protected override string PageTitle => "Contribution à la vision";

    [FromRoute]
    public int Id { get; set; }

    public VisionContribution Item { get; private set; } = default!;
    public string? CurrentText { get; private set; }
    public int? ResultingNumber { get; private set; }

    [BindProperty]
    public string? Reply { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAcceptAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        if (!CanEdit)
        {
            return Forbid();
        }
        if (!CheckOpen(ContributionKind.Proposal))
        {
            return Page();
        }
        var version = await service.AcceptAsync(Item, Me, ct);
        TempData["Success"] = $"La proposition de {Item.AuthorName} est acceptée : elle forme la version {version.Number} de la vision.";
        return Redirect($"/produits/{Product.Slug}/vision");
    }

    public async Task<IActionResult> OnPostDeclineAsync(CancellationToken ct) => await AnswerAsync(ContributionKind.Proposal, ContributionStatus.Declined, ct);

    public async Task<IActionResult> OnPostAnswerAsync(CancellationToken ct) => await AnswerAsync(ContributionKind.Comment, ContributionStatus.Answered, ct);

    private async Task<IActionResult> AnswerAsync(ContributionKind kind, ContributionStatus status, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        if (!CanEdit)
        {
            return Forbid();
        }
        if (!CheckOpen(kind))
        {
            return Page();
        }
        var reply = Text.Clean(Reply);
        if (reply is null)
        {
            ModelState.AddModelError(nameof(Reply), kind == ContributionKind.Proposal
                ? "Expliquez à l’auteur pourquoi la proposition est refusée."
                : "Saisissez votre réponse au commentaire.");
        }
        else if (reply.Length > VisionContribution.TextMaxLength)
        {
            ModelState.AddModelError(nameof(Reply), $"La réponse ne doit pas dépasser {VisionContribution.TextMaxLength} caractères (actuellement {reply.Length}).");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        service.Answer(Item, status, reply, Me);
        await Db.SaveChangesAsync(ct);
        TempData["Success"] = status == ContributionStatus.Declined
            ? $"La proposition de {Item.AuthorName} est refusée ; votre réponse lui est visible."
            : $"Votre réponse à {Item.AuthorName} est enregistrée.";
        return Redirect($"/produits/{Product.Slug}/vision");
    }

    private bool CheckOpen(ContributionKind kind)
    {
        if (Item.Status != ContributionStatus.Open)
        {
            ModelState.AddModelError(string.Empty, "Cette contribution a déjà reçu une réponse.");
        }
        else if (Item.Kind != kind)
        {
            ModelState.AddModelError(string.Empty, Item.Kind == ContributionKind.Comment
                ? "Un commentaire ne s’accepte ni ne se refuse : répondez-y."
                : "Une proposition s’accepte ou se refuse.");
        }
        return ModelState.IsValid;
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var item = await Db.VisionContributions.FirstOrDefaultAsync(c => c.Id == Id && c.ProductId == Product.Id, ct);
        if (item is null)
        {
            return false;
        }
        Item = item;
        var current = await service.CurrentAsync(Product.Id, ct);
        CurrentText = current?.Get(item.Part);
        ResultingNumber = item.ResultingVisionId is { } rid
            ? await Db.Visions.Where(v => v.Id == rid).Select(v => (int?)v.Number).FirstOrDefaultAsync(ct)
            : null;
        return true;
    }
}
