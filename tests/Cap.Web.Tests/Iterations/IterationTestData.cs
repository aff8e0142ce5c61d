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

    /// <summary>Posts a form with repeated fields (checkboxes), with the page's antiforgery token.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string pageUrl, IEnumerable<(string Name, string Value)> fields, string? action = null)
    {
        var token = (await CapWebFactory.FormFieldsAsync(client, pageUrl))[CapWebFactory.AntiforgeryField];
        using var content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(new(CapWebFactory.AntiforgeryField, token)));
        return await client.PostAsync(new Uri(action ?? pageUrl, UriKind.Relative), content);
    }
}
