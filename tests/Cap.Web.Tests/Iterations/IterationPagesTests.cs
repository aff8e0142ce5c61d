using System.Globalization;
using System.Net;
using Cap.Domain.Iterations;
using Cap.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Cap.Web.Tests.Iterations.IterationTestData;
using static Cap.Web.Tests.Infrastructure.TestHttp;

namespace Cap.Web.Tests.Iterations;

public abstract class IterationPagesTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : CapWebFactory
{
    private static readonly DateOnly Today = Demo.Today;

    private static IEnumerable<(string, string)> Plan(DateOnly start, DateOnly end, string goal, params int[] initiatives) =>
        new[] { ("Input.Start", Iso(start)), ("Input.End", Iso(end)), ("Input.Goal", goal) }
            .Concat(initiatives.Select(i => ("Input.InitiativeIds", i.ToString(CultureInfo.InvariantCulture))));

    private Task<int> CountAsync(int productId) =>
        QueryAsync(factory, async db => await db.Iterations.CountAsync(i => i.ProductId == productId) + await db.IterationInitiatives.CountAsync(w => w.ProductId == productId));

    [Fact]
    public async Task Team_plans_two_iterations_runs_the_first_carries_over_and_reviews()
    {
        var p = await CreateAsync(factory);
        var list = $"/produits/{p.Slug}/iterations";
        using var client = factory.CreateClientFor(Demo.ProductOwner);

        // The form offers two weeks from today when there is no iteration yet.
        using var form = await client.GetAsync($"{list}/nouvelle");
        var formDocument = await Html.ParseAsync(form);
        Assert.Equal(Iso(Today), formDocument.QuerySelector("#Input_Start")!.GetAttribute("value"));
        Assert.Equal(Iso(Today.AddDays(13)), formDocument.QuerySelector("#Input_End")!.GetAttribute("value"));

        using var first = await PostAsync(client, $"{list}/nouvelle", Plan(Today.AddDays(-7), Today.AddDays(6), "Tester le formulaire", p.Initiatives[0], p.Initiatives[1]));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal($"{list}/1", first.Headers.Location!.OriginalString);
        using var prefilled = await client.GetAsync($"{list}/nouvelle");
        Assert.Equal(Iso(Today.AddDays(7)), (await Html.ParseAsync(prefilled)).QuerySelector("#Input_Start")!.GetAttribute("value"));
        using var second = await PostAsync(client, $"{list}/nouvelle", Plan(Today.AddDays(7), Today.AddDays(27), "Ouvrir à tous", p.Initiatives[2]));
        Assert.Equal($"{list}/2", second.Headers.Location!.OriginalString);

        var rows = await QueryAsync(factory, db => db.IterationInitiatives.Where(w => w.Iteration!.ProductId == p.Id && w.Iteration.Number == 1).OrderBy(w => w.Id).ToListAsync());
        using var review = await PostAsync(client, $"{list}/1/revue",
        [
            ("Input.Delivered", "Formulaire en une page livré."),
            ("Input.Learned", "Les usagers lisent peu l’aide."),
            ("Input.DemoDate", Iso(Today)),
            ("Input.DemoAudience", "l’équipe métier"),
            ($"Input.Outcomes[{rows[0].Id}].Outcome", "Done"),
            ($"Input.Outcomes[{rows[1].Id}].Outcome", "NotDone"),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, review.StatusCode);

        var version = await QueryAsync(factory, db => db.Iterations.Where(i => i.ProductId == p.Id && i.Number == 1).Select(i => i.Version).SingleAsync());
        using var carried = await PostAsync(client, $"{list}/1", [("version", version.ToString(CultureInfo.InvariantCulture))], $"{list}/1?handler=CarryOver");
        Assert.Equal(HttpStatusCode.Redirect, carried.StatusCode);
        Assert.Equal($"{list}/2", carried.Headers.Location!.OriginalString);

        var saved = await QueryAsync(factory, db => db.IterationInitiatives.AsNoTracking().Where(w => w.ProductId == p.Id).OrderBy(w => w.Id).ToListAsync());
        Assert.Equal([IterationWorkOutcome.Done, IterationWorkOutcome.CarriedOver, IterationWorkOutcome.Pending, IterationWorkOutcome.Pending], saved.Select(w => w.Outcome));
        Assert.Equal(rows[1].Id, saved[3].CarriedFromId);
        var firstIteration = await QueryAsync(factory, db => db.Iterations.AsNoTracking().SingleAsync(i => i.ProductId == p.Id && i.Number == 1));
        Assert.Equal((Cap.Domain.Catalogue.Phase.Construction, "l’équipe métier"), (firstIteration.Phase, firstIteration.DemoAudience));
        Assert.NotNull(firstIteration.ReviewedAt);

        using var page2 = await client.GetAsync($"{list}/2");
        var text2 = Html.Text(await Html.ParseAsync(page2));
        Assert.Contains("Relance par SMS", text2, StringComparison.Ordinal);
        Assert.Contains("reportée de l’itération 1", text2, StringComparison.Ordinal);

        using var page1 = await client.GetAsync($"{list}/1");
        var doc1 = await Html.ParseAsync(page1);
        Assert.Contains("Formulaire en une page livré.", Html.Text(doc1), StringComparison.Ordinal);
        Assert.NotNull(doc1.QuerySelector($"a[href='/produits/{p.Slug}/retrospectives/nouvelle?iteration={firstIteration.Id}']"));

        using var index = await client.GetAsync(list);
        var indexDocument = await Html.ParseAsync(index);
        var current = indexDocument.QuerySelector("tr.cap-iteration--current")!;
        Assert.Contains("Itération 1", current.TextContent, StringComparison.Ordinal);
        Assert.Contains("En cours", current.TextContent, StringComparison.Ordinal);
        Assert.Contains("Une itération est en cours", Html.Text(indexDocument), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, -1, "ne peut pas précéder son début")]
    [InlineData(0, 42, "au plus 6 semaines (42 jours) : celle-ci en compte 43")]
    [InlineData(0, 3, "au moins une semaine")]
    public async Task Bad_dates_are_refused_with_422_in_french_and_nothing_is_saved(int startOffset, int endOffset, string message)
    {
        var p = await CreateAsync(factory);
        using var client = factory.CreateClientFor(Demo.ProductOwner);

        using var response = await PostAsync(client, $"/produits/{p.Slug}/iterations/nouvelle", Plan(Today.AddDays(startOffset), Today.AddDays(endOffset), "Objectif", p.Initiatives[0]));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var document = await Html.ParseAsync(response);
        Assert.Contains(message, document.QuerySelector("#Input_End-messages")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(document.QuerySelector("#error-summary"));
        Assert.Equal("Objectif", document.QuerySelector("#Input_Goal")!.TextContent.Trim());
        Assert.Equal(0, await CountAsync(p.Id));
    }

    [Fact]
    public async Task Overlap_and_another_products_initiative_are_refused_and_nothing_is_saved()
    {
        var p = await CreateAsync(factory);
        var list = $"/produits/{p.Slug}/iterations";
        using var client = factory.CreateClientFor(Demo.ProductOwner);
        using var first = await PostAsync(client, $"{list}/nouvelle", Plan(Today, Today.AddDays(13), "Première", p.Initiatives[0]));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var before = await CountAsync(p.Id);

        using var overlap = await PostAsync(client, $"{list}/nouvelle", Plan(Today.AddDays(13), Today.AddDays(26), "Chevauche", p.Initiatives[1]));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, overlap.StatusCode);
        Assert.Contains("chevauchent l’itération 1", (await Html.ParseAsync(overlap)).QuerySelector("#Input_Start-messages")!.TextContent, StringComparison.Ordinal);

        using var foreign = await PostAsync(client, $"{list}/nouvelle", Plan(Today.AddDays(14), Today.AddDays(27), "Ailleurs", p.Initiatives[1], p.ForeignInitiative));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, foreign.StatusCode);
        Assert.Contains("n’appartient pas à la feuille de route de ce produit", (await Html.ParseAsync(foreign)).QuerySelector("#Input_InitiativeIds-messages")!.TextContent, StringComparison.Ordinal);

        using var edit = await PostAsync(client, $"{list}/1/modifier", Plan(Today, Today.AddDays(13), "Éditée", p.Initiatives[2]).Append(("Input.Version", "99")));
        Assert.Equal(HttpStatusCode.Conflict, edit.StatusCode);
        Assert.Contains("modifiée par quelqu’un d’autre", Html.Text(await Html.ParseAsync(edit)), StringComparison.Ordinal);

        Assert.Equal(before, await CountAsync(p.Id));
        Assert.Equal("Première", await QueryAsync(factory, db => db.Iterations.Where(i => i.ProductId == p.Id).Select(i => i.Goal).SingleAsync()));
    }

    [Fact]
    public async Task Only_the_last_iteration_is_deleted()
    {
        var p = await CreateAsync(factory);
        var list = $"/produits/{p.Slug}/iterations";
        using var client = factory.CreateClientFor(Demo.ProductOwner);
        await PostAsync(client, $"{list}/nouvelle", Plan(Today, Today.AddDays(13), "Première"));
        await PostAsync(client, $"{list}/nouvelle", Plan(Today.AddDays(14), Today.AddDays(27), "Deuxième"));

        // Only the last iteration is offered for deletion: deleting the first is a forged request.
        using var refused = await CapWebFactory.PostForgedAsync(client, list, [], $"{list}?handler=Delete&number=1");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("Seule la dernière itération", Html.Text(await Html.ParseAsync(refused)), StringComparison.Ordinal);

        using var deleted = await (await RenderedForm.InAsync(await client.GetAsync(list), list, "handler=Delete")).SubmitAsync(client);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal([1], await QueryAsync(factory, db => db.Iterations.Where(i => i.ProductId == p.Id).Select(i => i.Number).ToListAsync()));
    }

    [Fact]
    public async Task Review_links_the_products_verbatims_only_and_the_product_page_shows_the_cadence()
    {
        var p = await CreateAsync(factory);
        var list = $"/produits/{p.Slug}/iterations";
        using var client = factory.CreateClientFor(Demo.ProductOwner);
        await PostAsync(client, $"{list}/nouvelle", Plan(Today.AddDays(-28), Today.AddDays(-15), "Première"));
        await PostAsync(client, $"{list}/nouvelle", Plan(Today.AddDays(-14), Today.AddDays(-1), "Deuxième"));
        var foreignVerbatim = await QueryAsync(factory, db => db.FeedbackAnswers.Where(a => a.ProductId != p.Id && a.Comment != null).Select(a => a.Id).FirstAsync());

        // The form offers the product's own verbatims only (none yet): another product's is a forged request.
        using var refused = await CapWebFactory.PostForgedAsync(client, $"{list}/2/revue", [("Input.Delivered", "Livré"), ("Input.FeedbackAnswerIds", foreignVerbatim.ToString(CultureInfo.InvariantCulture))], $"{list}/2/revue");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("n’est pas un verbatim de ce produit", (await Html.ParseAsync(refused)).QuerySelector("#Input_FeedbackAnswerIds-messages")!.TextContent, StringComparison.Ordinal);
        Assert.False(await QueryAsync(factory, db => db.Iterations.AnyAsync(i => i.ProductId == p.Id && i.ReviewedAt != null)));
        Assert.False(await QueryAsync(factory, db => db.IterationFeedbackLinks.AnyAsync(l => l.ProductId == p.Id)));

        using var overview = await client.GetAsync($"/produits/{p.Slug}");
        var text = Html.Text(await Html.ParseAsync(overview));
        Assert.Contains("Cadence des itérations", text, StringComparison.Ordinal);
        Assert.Contains("14 jours sur 2 itérations terminées", text, StringComparison.Ordinal);
        Assert.Contains("1 jour", text, StringComparison.Ordinal);
        Assert.Contains("0 % 0 sur 2", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readers_read_without_forms_and_cannot_write()
    {
        var p = await CreateAsync(factory);
        var list = $"/produits/{p.Slug}/iterations";
        using var owner = factory.CreateClientFor(Demo.ProductOwner);
        await PostAsync(owner, $"{list}/nouvelle", Plan(Today, Today.AddDays(13), "Première", p.Initiatives[0]));
        foreach (var email in new[] { Demo.Lecteur, "julie.moreau@demo.cap.gouv.fr" })
        {
            using var client = factory.CreateClientFor(email);
            using var page = await client.GetAsync($"{list}/1");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var document = await Html.ParseAsync(page);
            Assert.Empty(document.QuerySelectorAll("main form[method=post]"));
            Assert.Null(document.QuerySelector("a[href$='/revue']"));
            using var form = await client.GetAsync($"{list}/nouvelle");
            Assert.Equal(HttpStatusCode.Forbidden, form.StatusCode);
            using var post = await CapWebFactory.PostForgedAsync(client, "/compte", Plan(Today.AddDays(14), Today.AddDays(27), "Interdit"), $"{list}/nouvelle");
            Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        }
        Assert.Equal(1, await QueryAsync(factory, db => db.Iterations.CountAsync(i => i.ProductId == p.Id)));
    }
}

public sealed class IterationPagesTestsSqlite(SqliteCapFactory factory) : IterationPagesTests<SqliteCapFactory>(factory);

public sealed class IterationPagesTestsPostgres(PostgresCapFactory factory) : IterationPagesTests<PostgresCapFactory>(factory);
