using Cap.Data;
using Cap.Domain.Coaching;
using Cap.Web.Shared.Auth;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Coaching;

/// <summary>« Être accompagné »: the catalogue for every signed-in agent, and the requests of the person's products.</summary>
public sealed class IndexModel(CapDbContext db, CurrentUser currentUser, CoachingCatalogue catalogue, CoachingQueries queries) : CoachingPageModel(db, currentUser)
{
    public List<InterventionView> Interventions { get; private set; } = [];
    public List<CoachingRequestSummary> Mine { get; private set; } = [];
    public int Waiting { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadMeAsync("Être accompagné", ct);
        Interventions = await catalogue.InterventionsAsync(activeOnly: !IsAdmin, ct);
        var myProducts = await Db.TeamMembers.Where(m => m.PersonId == Me.Id).Select(m => m.ProductId).ToListAsync(ct);
        var mine = await Db.CoachingRequests.AsNoTracking().Where(r => myProducts.Contains(r.ProductId) || r.RequestedById == Me.Id).Select(r => r.Id).ToListAsync(ct);
        Mine = (await queries.ListAsync(null, null, null, 1000, ct)).Where(r => mine.Contains(r.Id)).Take(50).ToList();
        if (IsCoach)
        {
            Waiting = await Db.CoachingRequests.CountAsync(r => r.Status == CoachingStatus.Nouvelle || r.Status == CoachingStatus.EnInstruction, ct);
        }
    }
}
