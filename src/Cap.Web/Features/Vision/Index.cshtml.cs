using Cap.Data;
using Cap.Domain;
using Cap.Domain.Platform;
using Cap.Domain.Steering;
using Cap.Web.Shared;
using Cap.Web.Shared.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Vision;

/// <summary>The product's current vision, its versions and the open contributions; anyone who writes may contribute.</summary>
public sealed class IndexModel(CapDbContext db, CurrentUser currentUser, VisionService service) : ProductPageModel(db, currentUser)
{
    public override string TabKey => "vision";
    protected override string PageTitle => "Vision";

    public Domain.Steering.Vision? Current { get; private set; }
    public IReadOnlyList<Domain.Steering.Vision> Versions { get; private set; } = [];
    public IReadOnlyList<VisionContribution> Open { get; private set; } = [];
    public int OpenProposals => Open.Count(c => c.Kind == ContributionKind.Proposal);
    public bool NeedsRevisit { get; private set; }
    public bool CanContribute => Access.CanWrite(Me);

    public List<SelectListItem> Parts { get; } = Enum.GetValues<VisionPart>().Select(p => new SelectListItem(p.Label(), p.ToString())).ToList();
    public List<SelectListItem> Kinds { get; } =
    [
        new("Un commentaire", nameof(ContributionKind.Comment)),
        new("Une proposition de formulation", nameof(ContributionKind.Proposal)),
    ];

    [BindProperty]
    public ContributionInput Contribution { get; set; } = new();

    public sealed class ContributionInput
    {
        public VisionPart? Part { get; set; }
        public ContributionKind? Kind { get; set; }
        public string? Text { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        if (DeniedUnlessEditable() is { } denied)
        {
            return denied;
        }
        var current = await service.CurrentAsync(Product.Id, ct);
        if (current is null)
        {
            TempData["Success"] = null;
            ModelState.AddModelError(string.Empty, "Le produit n’a pas encore de vision : écrivez-la d’abord.");
            await LoadAsync(ct);
            return Page();
        }
        service.Confirm(current, Me);
        await Db.SaveChangesAsync(ct);
        TempData["Success"] = $"La vision (version {current.Number}) est confirmée : elle reste valable.";
        return Redirect($"/produits/{Product.Slug}/vision");
    }

    public async Task<IActionResult> OnPostContributeAsync(CancellationToken ct)
    {
        if (!CanContribute)
        {
            return Forbid();
        }
        var current = await service.CurrentAsync(Product.Id, ct);
        if (current is null)
        {
            ModelState.AddModelError(string.Empty, "Le produit n’a pas encore de vision : il n’y a rien à commenter.");
        }
        if (Contribution.Part is not { } part || !Enum.IsDefined(part))
        {
            ModelState.AddModelError("Contribution.Part", "Choisissez la partie de la vision concernée.");
        }
        if (Contribution.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            ModelState.AddModelError("Contribution.Kind", "Choisissez s’il s’agit d’un commentaire ou d’une proposition.");
        }
        var text = Text.Clean(Contribution.Text);
        if (text is null)
        {
            ModelState.AddModelError("Contribution.Text", "Saisissez votre commentaire ou la formulation proposée.");
        }
        else if (text.Length > VisionContribution.TextMaxLength)
        {
            ModelState.AddModelError("Contribution.Text", $"Le texte ne doit pas dépasser {VisionContribution.TextMaxLength} caractères (actuellement {text.Length}).");
        }
        else if (Contribution.Kind == ContributionKind.Proposal && Contribution.Part == VisionPart.Statement && text.Length > Domain.Steering.Vision.StatementMaxLength)
        {
            ModelState.AddModelError("Contribution.Text", $"La raison d’être tient en une phrase : {Domain.Steering.Vision.StatementMaxLength} caractères au plus (actuellement {text.Length}).");
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        Db.VisionContributions.Add(new VisionContribution
        {
            ProductId = Product.Id,
            VisionId = current!.Id,
            Part = Contribution.Part!.Value,
            Kind = Contribution.Kind!.Value,
            Text = text!,
            AuthorId = Me.Id,
            AuthorName = Me.DisplayName,
            CreatedAt = service.Now,
        });
        await Db.SaveChangesAsync(ct);
        TempData["Success"] = Contribution.Kind == ContributionKind.Proposal
            ? "Votre proposition est transmise à l’équipe du produit."
            : "Votre commentaire est transmis à l’équipe du produit.";
        return Redirect($"/produits/{Product.Slug}/vision#contributions");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Versions = await Db.Visions.AsNoTracking().Where(v => v.ProductId == Product.Id).OrderByDescending(v => v.Number).ToListAsync(ct);
        Current = Versions.Count > 0 ? Versions[0] : null;
        NeedsRevisit = Current?.NeedsRevisit(service.Now) ?? false;
        var open = await Db.VisionContributions.AsNoTracking()
            .Where(c => c.ProductId == Product.Id && c.Status == ContributionStatus.Open)
            .ToListAsync(ct);
        // Dates are stored as ticks on SQLite: order in memory (a product has a handful of open contributions).
        Open = open.OrderBy(c => c.CreatedAt).ToList();
    }
}
