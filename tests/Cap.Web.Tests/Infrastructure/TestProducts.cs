using Cap.Data;
using Cap.Domain.Catalogue;
using Cap.Domain.Steering;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Tests.Infrastructure;

/// <summary>Products of their own for tests that write, so that tests never see each other's rows.</summary>
internal static class TestProducts
{
    /// <summary>
    /// Adds (does not save) a new product with the guided journey product's references and team (Karim Benali,
    /// Responsable produit): the same people have the same rights on it.
    /// </summary>
    public static async Task<Product> AddWithJourneyTeamAsync(CapDbContext db, string slug, string name, string summary, Phase? phase = null)
    {
        var model = await db.Products.AsNoTracking().Include(p => p.Team).SingleAsync(p => p.Slug == Demo.JourneyProductSlug);
        var product = new Product
        {
            Slug = slug,
            Name = name,
            Summary = summary,
            DirectorateId = model.DirectorateId,
            DomainId = model.DomainId,
            TypologyId = model.TypologyId,
            Phase = phase ?? model.Phase,
            Team = model.Team.Select(m => new TeamMember { PersonId = m.PersonId, Role = m.Role }).ToList(),
        };
        db.Products.Add(product);
        return product;
    }

    /// <summary>A new monthly success indicator (40 % in January 2025 towards 80 % at the end of 2026) on a product; its id.</summary>
    public static Task<int> NewIndicatorAsync(CapWebFactory factory, string slug, string name) => TestHttp.QueryAsync(factory, async db =>
    {
        var product = await db.Products.SingleAsync(p => p.Slug == slug);
        var indicator = new Indicator
        {
            ProductId = product.Id, Kind = IndicatorKind.Success, Name = name, Unit = IndicatorUnit.Percent, Direction = WantedDirection.Up,
            Baseline = 40, BaselineDate = new DateOnly(2025, 1, 1), Target = 80, TargetDate = new DateOnly(2026, 12, 31), Frequency = UpdateFrequency.Monthly,
        };
        db.Indicators.Add(indicator);
        await db.SaveChangesAsync();
        return indicator.Id;
    });
}
