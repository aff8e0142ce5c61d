using Cap.Data;
using Cap.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cap.Web.Features.Notifications;

/// <summary>The outbox for administrators: every notification e-mail, sent or waiting, with its attempts and last error.</summary>
public sealed class OutboxModel(CapDbContext db, IOptions<MailOptions> options) : PageModel
{
    public const int PageSize = 50;

    public sealed record Row(long Id, string To, string Subject, DateTimeOffset CreatedAt, int Attempts, DateTimeOffset? SentAt, DateTimeOffset NextAttemptAt, string? LastError);

    /// <summary>« en-attente » shows only the mails not sent yet.</summary>
    [BindProperty(SupportsGet = true, Name = "etat")] public string? State { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public PagedResult<Row> Mails { get; private set; } = new([], 0, 1, PageSize);
    public int Waiting { get; private set; }
    public MailOptions Settings => options.Value;
    public bool OnlyWaiting => State == "en-attente";

    public async Task OnGetAsync(CancellationToken ct)
    {
        ViewData["Title"] = "Courriels (boîte d’envoi)";
        ViewData["Breadcrumb"] = new List<Crumb> { new("Accueil", "/"), new("Administration", "/admin"), new("Courriels", null) };
        var query = db.OutboxMails.AsNoTracking();
        if (OnlyWaiting)
        {
            query = query.Where(m => m.SentAt == null);
        }
        Waiting = await db.OutboxMails.CountAsync(m => m.SentAt == null, ct);
        var total = await query.CountAsync(ct);
        var page = Math.Clamp(PageNumber, 1, Math.Max(1, (int)Math.Ceiling(total / (double)PageSize)));
        var items = await query.OrderByDescending(m => m.Id).Skip((page - 1) * PageSize).Take(PageSize)
            .Select(m => new Row(m.Id, m.To, m.Subject, m.CreatedAt, m.Attempts, m.SentAt, m.NextAttemptAt, m.LastError)).ToListAsync(ct);
        Mails = new PagedResult<Row>(items, total, page, PageSize);
    }

    public string UrlForPage(int page) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/admin/courriels", new Dictionary<string, string?>
        {
            ["etat"] = OnlyWaiting ? "en-attente" : null,
            ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
}
