using System.Globalization;
using Cap.Domain.Catalogue;
using Cap.Domain.Roadmap;
using Cap.Domain.Steering;
using Cap.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cap.Web.Tests.Iterations;

/// <summary>A product of its own per test (vaccin-suivi's team, one objective, three roadmap initiatives), so tests never see each other's iterations.</summary>
internal static class IterationTestData
{
    public sealed record TestProduct(string Slug, int Id, int[] Initiatives, int ForeignInitiative);

    public static async Task<TestProduct> CreateAsync(CapWebFactory factory)
    {
        var slug = $"iter-{Guid.NewGuid():N}"[..18];
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Cap.Data.CapDbContext>();
        var product = await TestProducts.AddWithJourneyTeamAsync(db, slug, $"Itérations {slug}", "Produit créé pour un test des itérations.", Phase.Construction);
        await db.SaveChangesAsync();
        var objective = new Objective { ProductId = product.Id, Title = "Réduire les abandons" };
        db.Objectives.Add(objective);
        await db.SaveChangesAsync();
        var month = new DateOnly(Demo.Today.Year, Demo.Today.Month, 1);
        var initiatives = new[] { "Formulaire en une page", "Relance par SMS", "Audit d’accessibilité" }
            .Select(t => new Initiative { ProductId = product.Id, ObjectiveId = objective.Id, Kind = InitiativeKind.Feature, Title = t, PeriodUnit = PeriodUnit.Month, Start = month, End = month.AddMonths(2).AddDays(-1) })
            .ToList();
        db.Initiatives.AddRange(initiatives);
        await db.SaveChangesAsync();
        var foreign = await db.Initiatives.Where(i => i.ProductId != product.Id).OrderBy(i => i.Id).Select(i => i.Id).FirstAsync();
        return new TestProduct(slug, product.Id, initiatives.Select(i => i.Id).ToArray(), foreign);
    }

    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Submits the page's rendered form with repeated fields (checkboxes) typed in.</summary>
    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string pageUrl, IEnumerable<(string Name, string Value)> fields, string? action = null) =>
        CapWebFactory.PostFormAsync(client, pageUrl, fields, action);
}
