using Cap.Data;
using Cap.Domain.Notifications;
using Cap.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Notifications;

/// <summary>One mail of the outbox as its recipient reads it, with its delivery state.</summary>
public sealed class MailModel(CapDbContext db) : PageModel
{
    [FromRoute] public long Id { get; set; }

    public OutboxMail Mail { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var mail = await db.OutboxMails.AsNoTracking().FirstOrDefaultAsync(m => m.Id == Id, ct);
        if (mail is null)
        {
            return NotFound();
        }
        Mail = mail;
        ViewData["Title"] = $"{mail.Subject} — Courriels";
        ViewData["Breadcrumb"] = new List<Crumb> { new("Accueil", "/"), new("Administration", "/admin"), new("Courriels", "/admin/courriels"), new(mail.Subject, null) };
        return Page();
    }
}
