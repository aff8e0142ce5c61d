using System.Globalization;
using System.Net;
using Cap.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Cap.Web.Tests.Infrastructure.CapWebFactory;
using static Cap.Web.Tests.Infrastructure.TestHttp;

namespace Cap.Web.Tests.Roadmap;

public abstract class RoadmapPagesTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : CapWebFactory
{
    private const string Slug = Demo.JourneyProductSlug;
    private const string Page = $"/produits/{Slug}/feuille-de-route";
    private const string Julie = "julie.moreau@demo.cap.gouv.fr";

    private static DateOnly Month => new(Demo.Today.Year, Demo.Today.Month, 1);

    private static string MonthText(int offset) => Month.AddMonths(offset).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private Task<int> ObjectiveIdAsync(bool own = true) =>
        QueryAsync(factory, db => db.Objectives.Where(o => own ? o.Product!.Slug == Slug : o.Product!.Slug != Slug).OrderBy(o => o.Id).Select(o => o.Id).FirstAsync());

    private Task<int> ProductIdAsync() => QueryAsync(factory, db => db.Products.Where(p => p.Slug == Slug).Select(p => p.Id).SingleAsync());

    private async Task<int> RevisionCountAsync()
    {
        var id = await ProductIdAsync();
        return await QueryAsync(factory, db => db.RoadmapRevisions.CountAsync(r => r.ProductId == id));
    }

    private async Task<int> ItemCountAsync()
    {
        var id = await ProductIdAsync();
        return await QueryAsync(factory, async db => await db.Initiatives.CountAsync(i => i.ProductId == id) + await db.Risks.CountAsync(r => r.ProductId == id)
            + await db.RoadmapDependencies.CountAsync(d => d.ProductId == id));
    }

    [Fact]
    public async Task Team_plans_an_initiative_a_dependency_and_a_risk_seen_in_list_calendar_matrix_and_history()
    {
        using var client = factory.CreateClientFor(Demo.ProductOwner);
        var objective = (await ObjectiveIdAsync()).ToString(CultureInfo.InvariantCulture);
        var revisionsBefore = await RevisionCountAsync();

        using var horizon = await PostFormAsync(client, $"{Page}/horizon", new Dictionary<string, string>
        {
            ["Input.Start"] = Month.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Input.End"] = Month.AddMonths(2).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Input.PriorityObjectiveIds"] = objective,
        });
        Assert.Equal(HttpStatusCode.Redirect, horizon.StatusCode);

        using var initiative = await PostFormAsync(client, $"{Page}/initiatives/nouvelle", new Dictionary<string, string>
        {
            ["Input.Title"] = "Rappel de vaccination par courriel",
            ["Input.Kind"] = "Experiment",
            ["Input.ObjectiveId"] = objective,
            ["Input.Start"] = MonthText(0),
            ["Input.End"] = MonthText(1),
            ["Input.Status"] = "InProgress",
        });
        Assert.Equal(HttpStatusCode.Redirect, initiative.StatusCode);

        using var dependency = await PostFormAsync(client, $"{Page}/dependances/nouvelle", new Dictionary<string, string>
        {
            ["Input.Kind"] = "Provider",
            ["Input.Target"] = "Prestataire d’envoi de courriels",
            ["Input.Status"] = "Blocking",
        });
        Assert.Equal(HttpStatusCode.Redirect, dependency.StatusCode);

        using var risk = await PostFormAsync(client, $"{Page}/risques/nouveau", new Dictionary<string, string>
        {
            ["Input.Title"] = "Courriels classés en indésirables",
            ["Input.Probability"] = "3",
            ["Input.Impact"] = "2",
            ["Input.OwnerName"] = "Service informatique",
            ["Input.Status"] = "Open",
        });
        Assert.Equal(HttpStatusCode.Redirect, risk.StatusCode);

        using var list = await client.GetAsync(Page);
        var document = await Html.ParseAsync(list);
        var text = Html.Text(document);
        Assert.Contains("Rappel de vaccination par courriel", text, StringComparison.Ordinal);
        Assert.Contains("Statut : En cours", text, StringComparison.Ordinal);
        Assert.Contains("Prestataire d’envoi de courriels", text, StringComparison.Ordinal);
        Assert.Contains("moins de 3 mois", text, StringComparison.Ordinal);
        var matrix = document.QuerySelectorAll("table").Single(t => t.QuerySelector("caption")!.TextContent.StartsWith("Matrice", StringComparison.Ordinal));
        var impact2 = matrix.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent.StartsWith("Impact 2", StringComparison.Ordinal));
        Assert.Contains("Courriels classés en indésirables", impact2.QuerySelectorAll("td")[2].TextContent, StringComparison.Ordinal);
        Assert.Contains("1 risque", impact2.QuerySelectorAll("td")[2].TextContent, StringComparison.Ordinal);

        using var calendar = await client.GetAsync($"{Page}/calendrier");
        var calendarDocument = await Html.ParseAsync(calendar);
        var byMonth = calendarDocument.QuerySelectorAll("table")[0];
        var row = byMonth.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Contains("Rappel de vaccination", StringComparison.Ordinal));
        Assert.Equal(["■ en cours", "■ en cours"], row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()));
        Assert.Contains("Calendrier par semaine", Html.Text(calendarDocument), StringComparison.Ordinal);

        Assert.Equal(revisionsBefore + 4, await RevisionCountAsync());
        using var history = await client.GetAsync($"{Page}/historique");
        var historyText = Html.Text(await Html.ParseAsync(history));
        Assert.Contains("Risque « Courriels classés en indésirables » ajouté", historyText, StringComparison.Ordinal);
        using var revision = await client.GetAsync($"{Page}/historique/{revisionsBefore + 2}");
        var revisionDocument = await Html.ParseAsync(revision);
        Assert.Equal(HttpStatusCode.OK, revision.StatusCode);
        Assert.Contains("Rappel de vaccination par courriel", Html.Text(revisionDocument), StringComparison.Ordinal);
        Assert.DoesNotContain("Courriels classés en indésirables", Html.Text(revisionDocument), StringComparison.Ordinal);
        Assert.Empty(revisionDocument.QuerySelectorAll("main form[method=post]"));
    }

    [Fact]
    public async Task Horizon_beyond_six_months_is_refused_in_french_and_nothing_is_saved()
    {
        using var client = factory.CreateClientFor(Demo.ProductOwner);
        var revisions = await RevisionCountAsync();

        using var response = await PostFormAsync(client, $"{Page}/horizon", new Dictionary<string, string>
        {
            ["Input.Start"] = Month.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Input.End"] = Month.AddMonths(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await Html.ParseAsync(response);
        Assert.Contains("ne dépasse pas 6 mois", document.QuerySelector("#Input_End-messages")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(document.QuerySelector("#error-summary"));
        Assert.Equal(revisions, await RevisionCountAsync());
    }

    [Fact]
    public async Task Initiative_linked_to_another_products_objective_is_refused_and_nothing_is_saved()
    {
        using var client = factory.CreateClientFor(Demo.ProductOwner);
        var foreign = (await ObjectiveIdAsync(own: false)).ToString(CultureInfo.InvariantCulture);
        var before = await ItemCountAsync();
        var revisions = await RevisionCountAsync();

        using var response = await PostFormAsync(client, $"{Page}/initiatives/nouvelle", new Dictionary<string, string>
        {
            ["Input.Title"] = "Initiative détournée",
            ["Input.Kind"] = "Feature",
            ["Input.ObjectiveId"] = foreign,
            ["Input.Start"] = "2027-S05",
            ["Input.End"] = "mars",
            ["Input.Status"] = "Planned",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await Html.ParseAsync(response);
        Assert.Contains("n’est pas un objectif de ce produit", document.QuerySelector("#Input_ObjectiveId-messages")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("aaaa-Sss", document.QuerySelector("#Input_End-messages")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Initiative détournée", document.QuerySelector("#Input_Title")!.GetAttribute("value"));
        Assert.Equal(before, await ItemCountAsync());
        Assert.Equal(revisions, await RevisionCountAsync());
    }

    [Fact]
    public async Task Risk_with_a_probability_out_of_scale_is_refused()
    {
        using var client = factory.CreateClientFor(Demo.ProductOwner);
        var before = await ItemCountAsync();

        using var response = await PostFormAsync(client, $"{Page}/risques/nouveau", new Dictionary<string, string>
        {
            ["Input.Title"] = "Risque mal noté",
            ["Input.Probability"] = "5",
            ["Input.Impact"] = "haut",
            ["Input.Status"] = "Open",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await Html.ParseAsync(response);
        Assert.Contains("de 1 (faible) à 3 (forte)", document.QuerySelector("#Input_Probability-messages")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("de 1 (faible) à 3 (fort)", document.QuerySelector("#Input_Impact-messages")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await ItemCountAsync());
    }

    [Fact]
    public async Task Team_edits_and_removes_an_initiative()
    {
        using var client = factory.CreateClientFor(Demo.ProductOwner);
        var objective = (await ObjectiveIdAsync()).ToString(CultureInfo.InvariantCulture);
        using var created = await PostFormAsync(client, $"{Page}/initiatives/nouvelle", new Dictionary<string, string>
        {
            ["Input.Title"] = "Initiative à retirer",
            ["Input.Kind"] = "Action",
            ["Input.ObjectiveId"] = objective,
            ["Input.Start"] = "2027-S05",
            ["Input.End"] = "2027-S07",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = await QueryAsync(factory, db => db.Initiatives.Where(i => i.Title == "Initiative à retirer").Select(i => i.Id).SingleAsync());

        using var edited = await PostFormAsync(client, $"{Page}/initiatives/{id}/modifier", new Dictionary<string, string>
        {
            ["Input.Title"] = "Initiative à retirer",
            ["Input.Kind"] = "Action",
            ["Input.ObjectiveId"] = objective,
            ["Input.Start"] = "2027-S05",
            ["Input.End"] = "2027-S07",
            ["Input.Status"] = "Delivered",
        });
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var saved = await QueryAsync(factory, db => db.Initiatives.AsNoTracking().SingleAsync(i => i.Id == id));
        Assert.Equal(Cap.Domain.Roadmap.InitiativeStatus.Delivered, saved.Status);
        Assert.Equal(new DateOnly(2027, 2, 21), saved.End);

        using var stale = await PostFormAsync(client, $"{Page}/initiatives/{id}/modifier", new Dictionary<string, string>
        {
            ["Input.Title"] = "",
            ["Input.Kind"] = "Action",
            ["Input.ObjectiveId"] = objective,
            ["Input.Start"] = "2027-S05",
            ["Input.End"] = "2027-S07",
            ["Input.Version"] = (saved.Version + 1).ToString(CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var staleDocument = await Html.ParseAsync(stale);
        Assert.Contains("L’initiative a été modifié(e) par quelqu’un d’autre pendant votre saisie", staleDocument.QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Saisissez le titre de l’initiative.", staleDocument.QuerySelector("#Input_Title-messages")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Relisez-le", Html.Text(staleDocument), StringComparison.Ordinal);

        using var removed = await PostFormAsync(client, Page, new Dictionary<string, string>(), $"{Page}?handler=DeleteInitiative&id={id}");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.False(await QueryAsync(factory, db => db.Initiatives.AnyAsync(i => i.Id == id)));
    }

    [Fact]
    public async Task Readers_see_the_roadmap_without_edit_forms_and_cannot_write()
    {
        foreach (var email in new[] { Demo.Lecteur, Julie })
        {
            using var client = factory.CreateClientFor(email);
            using var page = await client.GetAsync(Page);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var document = await Html.ParseAsync(page);
            Assert.Empty(document.QuerySelectorAll("main form[method=post]"));
            Assert.Null(document.QuerySelector("a[href$='/initiatives/nouvelle']"));
            using var post = await PostForgedAsync(client, "/compte", new Dictionary<string, string> { ["Input.Title"] = "Interdit", ["Input.Probability"] = "1", ["Input.Impact"] = "1" }, $"{Page}/risques/nouveau");
            Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        }
    }

    [Fact]
    public async Task Demo_roadmaps_come_with_a_history_that_ends_with_the_roadmap_of_today()
    {
        // A demo product nobody edits in these tests: its revisions are only the demo's.
        var (productId, slug) = await QueryAsync(factory, db => db.Roadmaps.OrderByDescending(r => r.ProductId)
            .Select(r => new ValueTuple<int, string>(r.ProductId, r.Product!.Slug)).FirstAsync());
        var revisions = await QueryAsync(factory, db => db.RoadmapRevisions.AsNoTracking().Where(r => r.ProductId == productId).OrderBy(r => r.Number).ToListAsync());
        Assert.True(revisions.Count >= 2, $"{revisions.Count} revisions");
        Assert.StartsWith("Feuille de route initiale", revisions[0].Summary, StringComparison.Ordinal);
        Assert.Equal(Enumerable.Range(1, revisions.Count), revisions.Select(r => r.Number));
        Assert.True(revisions.Zip(revisions.Skip(1)).All(p => p.First.At < p.Second.At) && revisions[^1].At < DateTimeOffset.UtcNow);

        var first = Cap.Web.Features.Roadmap.RoadmapSnapshot.Read(revisions[0].Snapshot)!;
        var last = Cap.Web.Features.Roadmap.RoadmapSnapshot.Read(revisions[^1].Snapshot)!;
        var today = await QueryAsync(factory, db => Cap.Web.Features.Roadmap.RoadmapQueries.LoadAsync(db, productId, CancellationToken.None));
        Assert.All(first.Initiatives, i => Assert.Equal(Cap.Domain.Roadmap.InitiativeStatus.Planned, i.Status));
        Assert.Equal(today!.Initiatives.Select(i => (i.Id, i.Status)), last.Initiatives.Select(i => (i.Id, i.Status)));

        using var client = factory.CreateClientFor(Demo.ProductOwner);
        using var history = await client.GetAsync($"/produits/{slug}/feuille-de-route/historique");
        Assert.Equal(HttpStatusCode.OK, history.StatusCode);
        Assert.Contains("Feuille de route initiale", Html.Text(await Html.ParseAsync(history)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Share_link_opens_the_roadmap_read_only_without_sign_in_until_revoked()
    {
        using var client = factory.CreateClientFor(Demo.ProductOwner);
        using var created = await PostFormAsync(client, $"{Page}/partage", new Dictionary<string, string> { ["Label"] = "Comité de pilotage" }, $"{Page}/partage?handler=Create");
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var link = new Uri((await Html.ParseAsync(created)).QuerySelector("#new-share-link")!.TextContent.Trim());
        var token = link.AbsolutePath.Split('/')[^1];
        Assert.True(token.Length >= 43);
        var stored = await QueryAsync(factory, db => db.RoadmapShareLinks.AsNoTracking().SingleAsync(l => l.Label == "Comité de pilotage"));
        Assert.NotEqual(token, stored.Hash);
        Assert.DoesNotContain(token, stored.Hash, StringComparison.Ordinal);

        using var anonymous = factory.CreateClientFor(null);
        using var shared = await anonymous.GetAsync(link.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, shared.StatusCode);
        Assert.Contains("noindex", shared.Headers.GetValues("X-Robots-Tag").Single(), StringComparison.Ordinal);
        var document = await Html.ParseAsync(shared);
        Assert.Equal("noindex, nofollow", document.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
        Assert.Empty(document.QuerySelectorAll("form"));
        Assert.Contains("Feuille de route de « Vaccin Suivi »", Html.Text(document), StringComparison.Ordinal);

        using var wrong = await anonymous.GetAsync($"/feuille-de-route/partage/{new string('A', 43)}");
        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);

        using var revoked = await PostFormAsync(client, $"{Page}/partage", new Dictionary<string, string>(), $"{Page}/partage?handler=Revoke&id={stored.Id}");
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        using var after = await anonymous.GetAsync(link.AbsolutePath);
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
    }
}

public sealed class RoadmapPagesTestsSqlite(SqliteCapFactory factory) : RoadmapPagesTests<SqliteCapFactory>(factory);

public sealed class RoadmapPagesTestsPostgres(PostgresCapFactory factory) : RoadmapPagesTests<PostgresCapFactory>(factory);
