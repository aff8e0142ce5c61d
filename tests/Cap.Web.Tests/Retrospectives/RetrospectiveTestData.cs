using System.Globalization;
using Cap.Domain.Catalogue;
using Cap.Domain.Iterations;
using Cap.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cap.Web.Tests.Retrospectives;

/// <summary>Products of their own for retrospective tests (vaccin-suivi's team, no demo retrospectives), iterations.</summary>
internal static class RetrospectiveTestData
{
    /// <summary>A new product with vaccin-suivi's team (Karim Benali owner); returns its slug.</summary>
    public static async Task<string> FreshProductAsync(CapWebFactory factory)
    {
        var slug = $"retro-{Guid.NewGuid():N}"[..20];
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Cap.Data.CapDbContext>();
        await TestProducts.AddWithJourneyTeamAsync(db, slug, $"Rétro {slug}", "Produit créé pour un test des rétrospectives.");
        await db.SaveChangesAsync();
        return slug;
    }

    public static async Task<int> IterationAsync(CapWebFactory factory, string slug, int number, DateOnly start)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Cap.Data.CapDbContext>();
        var productId = await db.Products.Where(p => p.Slug == slug).Select(p => p.Id).SingleAsync();
        var iteration = new Iteration { ProductId = productId, Number = number, Start = start, End = start.AddDays(13), Goal = $"Objectif de l’itération {number}", Phase = Phase.Mvp };
        db.Iterations.Add(iteration);
        await db.SaveChangesAsync();
        return iteration.Id;
    }

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
