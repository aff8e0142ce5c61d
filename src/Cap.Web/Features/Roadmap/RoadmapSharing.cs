using Cap.Data;
using Cap.Domain.Roadmap;
using Cap.Web.Shared.Auth;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Roadmap;

/// <summary>Read-only links that open a product's roadmap to stakeholders without an account, until revoked.</summary>
public sealed class RoadmapSharing(CapDbContext db, CurrentUser currentUser, TimeProvider time)
{
    /// <summary>Creates a share link and returns its token, shown once.</summary>
    public async Task<string> CreateShareLinkAsync(int productId, string label, CancellationToken ct)
    {
        var (token, hash) = RoadmapShareLink.NewToken();
        var person = await currentUser.GetAsync(ct);
        db.RoadmapShareLinks.Add(new RoadmapShareLink { ProductId = productId, Label = label, Hash = hash, CreatedByName = person?.DisplayName ?? currentUser.Name });
        await db.SaveChangesAsync(ct);
        return token;
    }

    public async Task<bool> RevokeShareLinkAsync(int productId, int id, CancellationToken ct)
    {
        var link = await db.RoadmapShareLinks.FirstOrDefaultAsync(l => l.Id == id && l.ProductId == productId && l.RevokedAt == null, ct);
        if (link is null)
        {
            return false;
        }
        link.RevokedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The product a live share token opens, or null.</summary>
    public Task<int?> ProductOfShareTokenAsync(string token, CancellationToken ct)
    {
        var hash = Cap.Domain.Platform.ApiToken.HashSecret(token);
        return db.RoadmapShareLinks.Where(l => l.Hash == hash && l.RevokedAt == null).Select(l => (int?)l.ProductId).FirstOrDefaultAsync(ct);
    }
}
