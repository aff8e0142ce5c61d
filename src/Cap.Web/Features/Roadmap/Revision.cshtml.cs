using Cap.Data;
using Cap.Domain.Roadmap;
using Cap.Web.Shared;
using Cap.Web.Shared.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Roadmap;

/// <summary>One revision's snapshot, read-only.</summary>
public sealed class RevisionModel(CapDbContext db, CurrentUser currentUser) : ProductPageModel(db, currentUser)
{
    public override string TabKey => "feuille-de-route";
    protected override string PageTitle => $"Révision {Number} de la feuille de route";

    [FromRoute]
    public int Number { get; set; }

    public RoadmapRevision Revision { get; private set; } = default!;
    public RoadmapView View { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var revision = await Db.RoadmapRevisions.AsNoTracking().FirstOrDefaultAsync(r => r.ProductId == Product.Id && r.Number == Number, ct);
        if (revision is null || RoadmapSnapshot.Read(revision.Snapshot) is not { } snapshot)
        {
            return NotFound();
        }
        Revision = revision;
        View = snapshot.ToView();
        return Page();
    }
}
