using Cap.Data;
using Cap.Web.Shared;
using Cap.Web.Shared.Auth;
using Microsoft.AspNetCore.Mvc;

namespace Cap.Web.Features.Committee;

/// <summary>The evidence pack of a request, readable by every active person and printable as a clean PDF.</summary>
public sealed class DossierModel(CapDbContext db, CurrentUser currentUser, EvidencePackBuilder builder, TimeProvider time) : CommitteePageModel(db, currentUser)
{
    [FromRoute]
    public int Id { get; set; }

    public EvidencePackData Pack { get; private set; } = default!;
    public DateOnly Today => time.ParisToday();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var pack = await builder.BuildAsync(Id, ct);
        if (pack is null)
        {
            return NotFound();
        }
        Pack = pack;
        var title = $"Dossier de passage — {pack.Request.ProductName}";
        await LoadMeAsync(title, ct, new Crumb(title, null));
        return Page();
    }
}
