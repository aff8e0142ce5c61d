using Cap.Data;
using Cap.Domain;
using Cap.Domain.Steering;
using Cap.Web.Shared;
using Cap.Web.Shared.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Vision;

/// <summary>The team writes the next version of the vision (the first one when there is none).</summary>
public sealed class EditModel(CapDbContext db, CurrentUser currentUser, VisionService service) : ProductPageModel(db, currentUser)
{
    public override string TabKey => "vision";
    protected override string PageTitle => "Modifier la vision";

    /// <summary>The version the form was read from: another save in between is reported, not overwritten.</summary>
    [BindProperty]
    public int BaseNumber { get; set; }

    [BindProperty]
    public VisionInput Input { get; set; } = new();

    public sealed class VisionInput
    {
        public string? Statement { get; set; }
        public string? Users { get; set; }
        public string? Problems { get; set; }
        public string? ValueProposition { get; set; }
        public string? ExpectedImpact { get; set; }
        public string? ChangeNote { get; set; }

        public string? Get(VisionPart part) => part switch
        {
            VisionPart.Statement => Statement,
            VisionPart.Users => Users,
            VisionPart.Problems => Problems,
            VisionPart.ValueProposition => ValueProposition,
            VisionPart.ExpectedImpact => ExpectedImpact,
            _ => null,
        };
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (DeniedUnlessEditable() is { } denied)
        {
            return denied;
        }
        var current = await service.CurrentAsync(Product.Id, ct);
        BaseNumber = current?.Number ?? 0;
        if (current is not null)
        {
            Input = new VisionInput
            {
                Statement = current.Statement,
                Users = current.Users,
                Problems = current.Problems,
                ValueProposition = current.ValueProposition,
                ExpectedImpact = current.ExpectedImpact,
            };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (DeniedUnlessEditable() is { } denied)
        {
            return denied;
        }
        ModelState.Clear();
        foreach (var (part, message) in Domain.Steering.Vision.Validate(Input.Get))
        {
            ModelState.AddModelError($"Input.{part}", message);
        }
        if (Text.Clean(Input.ChangeNote) is { Length: > 500 } note)
        {
            ModelState.AddModelError("Input.ChangeNote", $"La note ne doit pas dépasser 500 caractères (actuellement {note.Length}).");
        }
        var current = await service.CurrentAsync(Product.Id, ct);
        if ((current?.Number ?? 0) != BaseNumber)
        {
            ModelState.AddModelError(string.Empty, $"{current?.AuthorName} a enregistré la version {current?.Number} pendant que vous écriviez : relisez-la avant d’enregistrer la vôtre. Votre texte est conservé ci-dessous.");
            BaseNumber = current?.Number ?? 0;
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (current is not null && Domain.Steering.Vision.Compare(current, ToVision()).Count == 0)
        {
            ModelState.AddModelError(string.Empty, "Le texte est identique à la version actuelle : pour dire qu’elle reste valable, utilisez « Confirmer qu’elle reste valable ».");
            return Page();
        }
        var version = service.AddVersion(Product.Id, current, v =>
        {
            foreach (var part in Enum.GetValues<VisionPart>())
            {
                v.Set(part, Input.Get(part));
            }
        }, Input.ChangeNote, Me);
        try
        {
            await Db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two saves of the same number: the unique index keeps the first.
            ModelState.AddModelError(string.Empty, "Une autre version vient d’être enregistrée : relisez-la avant d’enregistrer la vôtre.");
            return Page();
        }
        TempData["Success"] = $"La version {version.Number} de la vision est enregistrée.";
        return Redirect($"/produits/{Product.Slug}/vision");
    }

    private Domain.Steering.Vision ToVision()
    {
        var v = new Domain.Steering.Vision();
        foreach (var part in Enum.GetValues<VisionPart>())
        {
            v.Set(part, Text.Clean(Input.Get(part)));
        }
        return v;
    }
}
