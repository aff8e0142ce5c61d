namespace Cap.Data.Seeding;

/// <summary>Demo visions, contributions and objectives for most demo products (called by <see cref="DemoPortfolio"/>).</summary>
public static class DemoVisions
{
    public static Task SeedAsync(CapDbContext db, CancellationToken ct = default)
    {
        _ = db;
        _ = ct;
        return Task.CompletedTask;
    }
}
