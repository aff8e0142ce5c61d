using Cap.Data;
using Cap.Domain.Satisfaction;
using Cap.Web.Shared;
using Cap.Web.Shared.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Satisfaction;

/// <summary>Hides one comment, with a reason; the change is audited like every other.</summary>
public sealed class HideVerbatimModel(CapDbContext db, CurrentUser currentUser) : ProductPageModel(db, currentUser)
{
    public override string TabKey => "satisfaction";
    protected override string PageTitle => "Masquer un verbatim";

    [FromRoute]
    public long Id { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public string Comment { get; private set; } = string.Empty;
    public DateTimeOffset ReceivedAt { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (DeniedUnlessEditable() is { } denied)
        {
            return denied;
        }
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (DeniedUnlessEditable() is { } denied)
        {
            return denied;
        }
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        var reason = Reason?.Trim() ?? string.Empty;
        if (reason.Length == 0)
        {
            ModelState.AddModelError(nameof(Reason), "Indiquez pourquoi ce verbatim est masqué (propos injurieux, donnée personnelle…).");
        }
        else if (reason.Length > VerbatimModeration.ReasonMaxLength)
        {
            ModelState.AddModelError(nameof(Reason), $"La raison tient en {VerbatimModeration.ReasonMaxLength} caractères au plus.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var moderation = await Db.VerbatimModerations.FirstOrDefaultAsync(m => m.AnswerId == Id, ct);
        if (moderation is null)
        {
            moderation = new VerbatimModeration { ProductId = Product.Id, AnswerId = Id };
            Db.VerbatimModerations.Add(moderation);
        }
        moderation.IsHidden = true;
        moderation.Reason = reason;
        moderation.ModeratorName = Me.DisplayName;
        await Db.SaveChangesAsync(ct);
        TempData["Success"] = "Le verbatim est masqué.";
        return Redirect($"/produits/{Product.Slug}/satisfaction/verbatims");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var answer = await Db.FeedbackAnswers.AsNoTracking()
            .Where(a => a.Id == Id && a.ProductId == Product.Id && a.Comment != null)
            .Select(a => new { a.Comment, a.ReceivedAt }).FirstOrDefaultAsync(ct);
        if (answer is null)
        {
            return false;
        }
        Comment = answer.Comment!;
        ReceivedAt = answer.ReceivedAt;
        return true;
    }
}
