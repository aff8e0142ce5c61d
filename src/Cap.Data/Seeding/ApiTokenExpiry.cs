using Microsoft.EntityFrameworkCore;

namespace Cap.Data.Seeding;

/// <summary>
/// API tokens always expire (1 to 365 days). Tokens created before that rule, with no expiry, get one at start-up:
/// <see cref="GraceDays"/> days from now, so that the scripts using them keep working long enough to be given a new
/// token. Saved through the context, so each change is in the audit trail (by the system).
/// </summary>
public static class ApiTokenExpiry
{
    public const int GraceDays = 90;

    /// <summary>Gives an expiry to every token without one; returns how many were changed.</summary>
    public static async Task<int> BoundAsync(CapDbContext db, DateTimeOffset now, CancellationToken ct = default)
    {
        var tokens = await db.ApiTokens.Where(t => t.ExpiresAt == null && t.RevokedAt == null).ToListAsync(ct);
        foreach (var token in tokens)
        {
            token.ExpiresAt = now.AddDays(GraceDays);
        }
        if (tokens.Count > 0)
        {
            await db.SaveChangesAsync(ct);
        }
        return tokens.Count;
    }
}
