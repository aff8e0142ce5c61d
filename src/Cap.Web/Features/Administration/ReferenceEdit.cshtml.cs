using Cap.Data;
using Cap.Domain.Catalogue;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Administration;

/// <summary>Creates or edits an entry of a reference list.</summary>
public sealed class ReferenceEditModel(CapDbContext db) : PageModel
{
    public ReferenceKind Kind { get; private set; }
    public bool IsNew { get; private set; }

    [BindProperty]
    public ReferenceInput Input { get; set; } = new();

    public sealed class ReferenceInput
    {
        public string? Code { get; set; }
        public string? Name { get; set; }
        public string? Description { get; set; }
        public bool IsActive { get; set; } = true;
        public int Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(string kind, int? id, CancellationToken ct)
    {
        if (!Resolve(kind, id))
        {
            return NotFound();
        }
        if (id is { } existingId)
        {
            var item = await db.References(Kind).AsNoTracking().FirstOrDefaultAsync(r => r.Id == existingId, ct);
            if (item is null)
            {
                return NotFound();
            }
            Input = new ReferenceInput { Code = item.Code, Name = item.Name, Description = item.Description, IsActive = item.IsActive, Version = item.Version };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string kind, int? id, CancellationToken ct)
    {
        if (!Resolve(kind, id))
        {
            return NotFound();
        }
        var code = Input.Code?.Trim().ToUpperInvariant();
        var name = Input.Name?.Trim();
        if (string.IsNullOrEmpty(code))
        {
            ModelState.AddModelError("Input.Code", "Saisissez un code court (par exemple DGS).");
        }
        else if (code.Length > ReferenceItem.CodeMaxLength || !code.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            ModelState.AddModelError("Input.Code", $"Le code ne contient que des lettres sans accent, des chiffres et des tirets ({ReferenceItem.CodeMaxLength} caractères au plus).");
        }
        else if (await db.References(Kind).AnyAsync(r => r.Code == code && r.Id != id, ct))
        {
            ModelState.AddModelError("Input.Code", $"Le code « {code} » est déjà utilisé dans cette liste.");
        }
        if (string.IsNullOrEmpty(name))
        {
            ModelState.AddModelError("Input.Name", "Saisissez un nom.");
        }
        else if (name.Length > ReferenceItem.NameMaxLength)
        {
            ModelState.AddModelError("Input.Name", $"Le nom ne doit pas dépasser {ReferenceItem.NameMaxLength} caractères.");
        }
        else if (await db.References(Kind).AnyAsync(r => r.Name == name && r.Id != id, ct))
        {
            ModelState.AddModelError("Input.Name", $"« {name} » existe déjà dans cette liste.");
        }
        if (Input.Description is { Length: > ReferenceItem.DescriptionMaxLength })
        {
            ModelState.AddModelError("Input.Description", $"La description ne doit pas dépasser {ReferenceItem.DescriptionMaxLength} caractères.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        ReferenceItem item;
        if (id is { } existingId)
        {
            var found = await db.References(Kind).FirstOrDefaultAsync(r => r.Id == existingId, ct);
            if (found is null)
            {
                return NotFound();
            }
            item = found;
            db.Entry(item).Property(r => r.Version).OriginalValue = Input.Version;
        }
        else
        {
            item = CapDbContext.NewReference(Kind);
            db.Add(item);
        }
        item.Code = code!;
        item.Name = name!;
        item.Description = string.IsNullOrWhiteSpace(Input.Description) ? null : Input.Description.Trim();
        item.IsActive = Input.IsActive;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, "Cette entrée a été modifiée par quelqu’un d’autre entre-temps : rechargez la page pour voir sa version actuelle.");
            return Page();
        }
        TempData["Success"] = IsNew ? $"« {item.Name} » est ajouté." : $"« {item.Name} » est modifié.";
        return Redirect($"/admin/referentiels/{Kind.Slug()}");
    }

    private bool Resolve(string kind, int? id)
    {
        if (!ReferenceKindExtensions.TryParseSlug(kind, out var k))
        {
            return false;
        }
        Kind = k;
        IsNew = id is null;
        var title = IsNew ? $"Ajouter : {k.SingularLabel()}" : $"Modifier : {k.SingularLabel()}";
        ViewData["Title"] = title;
        ViewData["Breadcrumb"] = new List<Shared.Crumb> { new("Accueil", "/"), new("Administration", "/admin"), new(k.PluralLabel(), $"/admin/referentiels/{k.Slug()}"), new(title, null) };
        return true;
    }
}
