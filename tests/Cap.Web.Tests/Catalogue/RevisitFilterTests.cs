using System.Net;
using Cap.Domain.Steering;
using Cap.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Cap.Web.Tests.Infrastructure.TestHttp;

namespace Cap.Web.Tests.Catalogue;

/// <summary>The catalogue's "vision à revisiter" filter, on the screen and the API.</summary>
public abstract class RevisitFilterTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : CapWebFactory
{
    private async Task<HashSet<string>> ExpectedAsync() => await QueryAsync(factory, async db =>
    {
        var limit = DateTimeOffset.UtcNow - Cap.Domain.Steering.Vision.RevisitAfter;
        var products = await db.Products.AsNoTracking().Where(p => !p.IsArchived).Select(p => new { p.Id, p.Slug }).ToListAsync();
        var visions = await db.Visions.AsNoTracking().ToListAsync();
        return products
            .Where(p => visions.Where(v => v.ProductId == p.Id).MaxBy(v => v.Number) is not { } current || current.LastReviewed < limit)
            .Select(p => p.Slug)
            .ToHashSet();
    });

    [Fact]
    public async Task Api_filter_lists_exactly_the_products_without_a_recent_vision()
    {
        var expected = await ExpectedAsync();
        Assert.NotEmpty(expected);
        using var client = factory.CreateClientFor(Demo.Lecteur);

        using var response = await client.GetAsync("/api/v1/products?needsReview=true&pageSize=100");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = await ReadJsonAsync(response);
        var slugs = json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("slug").GetString()!).ToHashSet();
        Assert.Equal(expected.Order(), slugs.Order());
    }

    [Fact]
    public async Task Catalogue_page_keeps_the_filter_in_the_link_and_shows_the_count()
    {
        var expected = await ExpectedAsync();
        using var client = factory.CreateClientFor(Demo.Lecteur);

        using var response = await client.GetAsync("/produits?revisiter=true");
        using var document = await Html.ParseAsync(response);

        Assert.Contains($"{expected.Count} produit", Html.Text(document), StringComparison.Ordinal);
        var box = document.QuerySelector("input#revisiter[type=checkbox][name=revisiter][value=true]")!;
        Assert.True(box.HasAttribute("checked"));
        Assert.Equal("Vision à revisiterVision absente, ou ni réécrite ni confirmée depuis six mois", document.QuerySelector("label[for=revisiter]")!.TextContent.Trim());
    }
}

public sealed class RevisitFilterTestsSqlite(SqliteCapFactory factory) : RevisitFilterTests<SqliteCapFactory>(factory);

public sealed class RevisitFilterTestsPostgres(PostgresCapFactory factory) : RevisitFilterTests<PostgresCapFactory>(factory);
