using Cap.Data;
using Cap.Domain.Platform;
using Cap.Web.Shared;
using Cap.Web.Shared.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Administration;

/// <summary>Creates or edits a person and their global roles.</summary>
public sealed class PersonEditModel(CapDbContext db, CurrentUser currentUser) : PageModel
{
    public bool IsNew { get; private set; }

    [BindProperty]
    public PersonInput Input { get; set; } = new();

    public sealed class PersonInput
    {
        public string? DisplayName { get; set; }
        public string? Email { get; set; }
        public string? Organisation { get; set; }
        public List<GlobalRoles> Roles { get; set; } = [];
        public bool IsActive { get; set; } = true;
        public int Version { get; set; }
    }

    /// <summary>The person is active with no role and no team: their account waits for an administrator (shown as a notice).</summary>
    public bool IsAwaitingAccess { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        Describe(id);
        if (id is { } existingId)
        {
            var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == existingId, ct);
            if (person is null)
            {
                return NotFound();
            }
            Input = new PersonInput
            {
                DisplayName = person.DisplayName, Email = person.Email, Organisation = person.Organisation,
                Roles = GlobalRolesExtensions.All.Where(person.Has).ToList(), IsActive = person.IsActive, Version = person.Version,
            };
            IsAwaitingAccess = Access.IsAwaitingAccess(person, await db.TeamMembers.AnyAsync(m => m.PersonId == person.Id, ct));
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Describe(id);
        var name = Input.DisplayName?.Trim();
        var email = Input.Email?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(name))
        {
            ModelState.AddModelError("Input.DisplayName", "Saisissez le prénom et le nom.");
        }
        else if (name.Length > Person.NameMaxLength)
        {
            ModelState.AddModelError("Input.DisplayName", $"Le nom ne doit pas dépasser {Person.NameMaxLength} caractères.");
        }
        if (string.IsNullOrEmpty(email))
        {
            ModelState.AddModelError("Input.Email", "Saisissez l’adresse électronique professionnelle.");
        }
        else if (email.Length > Person.EmailMaxLength || !System.Net.Mail.MailAddress.TryCreate(email, out var parsed) || parsed.Address != email)
        {
            ModelState.AddModelError("Input.Email", "Saisissez une adresse électronique valide, par exemple prenom.nom@sante.gouv.fr.");
        }
        else if (await db.People.AnyAsync(p => p.Email == email && p.Id != id, ct))
        {
            ModelState.AddModelError("Input.Email", "Une personne utilise déjà cette adresse électronique.");
        }
        if (Input.Organisation is { Length: > 120 })
        {
            ModelState.AddModelError("Input.Organisation", "L’organisation ne doit pas dépasser 120 caractères.");
        }
        var roles = Input.Roles.Where(r => GlobalRolesExtensions.All.Contains(r)).Aggregate(GlobalRoles.None, (acc, r) => acc | r);
        // An administrator cannot lock themselves out.
        if (id is not null && id == currentUser.PersonId && (!roles.HasFlag(GlobalRoles.Administrateur) || !Input.IsActive))
        {
            ModelState.AddModelError("Input.Roles", "Vous ne pouvez pas retirer votre propre rôle d’administrateur ni désactiver votre compte : demandez-le à un autre administrateur.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        Person person;
        if (id is { } existingId)
        {
            var found = await db.People.FirstOrDefaultAsync(p => p.Id == existingId, ct);
            if (found is null)
            {
                return NotFound();
            }
            person = found;
            db.Entry(person).Property(p => p.Version).OriginalValue = Input.Version;
        }
        else
        {
            person = new Person();
            db.People.Add(person);
        }
        person.DisplayName = name!;
        person.Email = email!;
        person.Organisation = string.IsNullOrWhiteSpace(Input.Organisation) ? null : Input.Organisation.Trim();
        person.Roles = roles;
        person.IsActive = Input.IsActive;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, "Cette personne a été modifiée par quelqu’un d’autre entre-temps : rechargez la page pour voir sa version actuelle.");
            return Page();
        }
        TempData["Success"] = IsNew ? $"{person.DisplayName} est ajouté(e)." : $"{person.DisplayName} est modifié(e).";
        return Redirect("/admin/personnes");
    }

    private void Describe(int? id)
    {
        IsNew = id is null;
        var title = IsNew ? "Ajouter une personne" : "Modifier une personne";
        ViewData["Title"] = title;
        ViewData["Breadcrumb"] = new List<Crumb> { new("Accueil", "/"), new("Administration", "/admin"), new("Personnes et rôles", "/admin/personnes"), new(title, null) };
    }
}
