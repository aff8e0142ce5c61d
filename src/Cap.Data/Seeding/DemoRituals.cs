using Cap.Domain.Iterations;
using Microsoft.EntityFrameworkCore;

namespace Cap.Data.Seeding;

/// <summary>Demo rituals of the product teams (called by <see cref="DemoPortfolio"/> after the roadmaps).</summary>
public static class DemoRituals
{
    private static readonly string[] Rooms = ["Salle Condorcet (4e étage)", "Salle Olympe de Gouges", "Plateau projet, espace B", "Salle 2.14"];

    /// <summary>
    /// The non-archived named demo products (not the synthetic "produit-NNNNN" of benchmarks) get a daily, a
    /// retrospective every two weeks, a demo every four weeks and, for most, a weekly refinement; a few a custom ritual
    /// and one an inactive one. Deterministic: same seed, first dates a few weeks before today.
    /// </summary>
    public static async Task SeedAsync(CapDbContext db, CancellationToken ct = default)
    {
        if (await db.Rituals.AnyAsync(ct))
        {
            return;
        }
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7)).AddDays(-28);
        var products = await db.Products.AsNoTracking()
            .Where(p => !p.IsArchived && !p.Slug.StartsWith("produit-"))
            .OrderBy(p => p.Id).Select(p => new { p.Id, p.Slug }).ToListAsync(ct);
        var random = new Random(27112026);
        foreach (var (product, n) in products.Select((p, n) => (p, n)))
        {
            var visio = $"https://webconf.numerique.gouv.fr/{product.Slug}";
            var room = Rooms[random.Next(Rooms.Length)];
            var dailyAt = new TimeOnly(9, 15 + 15 * random.Next(3));
            db.Rituals.Add(New(product.Id, RitualKind.Daily, "Daily", RitualFrequency.Daily, monday, dailyAt, 15, visio));
            // Iterations end on Thursday: demo then retrospective the same afternoon.
            var thursday = monday.AddDays(3 + 7 * (n % 2));
            db.Rituals.Add(New(product.Id, RitualKind.Retrospective, "Rétrospective", RitualFrequency.EveryTwoWeeks, thursday, new TimeOnly(15, 30), 90, room));
            db.Rituals.Add(New(product.Id, RitualKind.Demo, n % 3 == 0 ? "Démo aux utilisateurs" : "Démo", n % 4 == 0 ? RitualFrequency.EveryTwoWeeks : RitualFrequency.EveryFourWeeks,
                thursday, new TimeOnly(14, 0), 60, $"{room} et {visio}"));
            if (n % 5 != 4)
            {
                db.Rituals.Add(New(product.Id, RitualKind.Refinement, "Priorisation et affinage", RitualFrequency.Weekly, monday.AddDays(1), new TimeOnly(10, 0), 60, room));
            }
            if (n % 3 == 1)
            {
                db.Rituals.Add(New(product.Id, RitualKind.Custom, "Point mensuel avec le sponsor", RitualFrequency.Monthly, monday.AddDays(2 + random.Next(3)), new TimeOnly(11, 0), 45, visio));
            }
            if (n % 7 == 3)
            {
                var pause = New(product.Id, RitualKind.Custom, "Café usagers", RitualFrequency.EveryFourWeeks, monday.AddDays(4), new TimeOnly(12, 30), 60, room);
                pause.IsActive = false;
                db.Rituals.Add(pause);
            }
        }
        await db.SaveChangesAsync(ct);
    }

    private static Ritual New(int productId, RitualKind kind, string name, RitualFrequency frequency, DateOnly first, TimeOnly at, int minutes, string? location) => new()
    {
        ProductId = productId, Kind = kind, Name = name, Frequency = frequency, FirstDate = first, StartTime = at, DurationMinutes = minutes, Location = location,
    };
}
