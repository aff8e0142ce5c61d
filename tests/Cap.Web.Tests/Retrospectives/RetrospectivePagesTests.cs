using System.Net;
using System.Net.Http.Headers;
using Cap.Domain.Retrospectives;
using Cap.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Cap.Web.Tests.Infrastructure.CapWebFactory;
using static Cap.Web.Tests.Infrastructure.TestHttp;
using static Cap.Web.Tests.Retrospectives.RetrospectiveTestData;

namespace Cap.Web.Tests.Retrospectives;

public abstract class RetrospectivePagesTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : CapWebFactory
{
    private static string Page(string slug) => $"/produits/{slug}/retrospectives";

    private async Task<int> CreateAsync(HttpClient client, string slug, DateOnly heldOn, int? iteration = null)
    {
        var fields = new Dictionary<string, string> { ["Input.HeldOn"] = Day(heldOn) };
        if (iteration is { } i)
        {
            fields["Input.IterationId"] = Id(i);
        }
        using var response = await PostFormAsync(client, $"{Page(slug)}/nouvelle", fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static Task<HttpResponseMessage> AddItemAsync(HttpClient client, string slug, int id, string kind, string text) =>
        PostFormAsync(client, $"{Page(slug)}/{id}", new Dictionary<string, string> { ["Item.Kind"] = kind, ["Item.Text"] = text }, $"{Page(slug)}/{id}?handler=Item");

    private static Task<HttpResponseMessage> AddActionAsync(HttpClient client, string slug, int id, string title, int? owner, DateOnly? due)
    {
        var fields = new Dictionary<string, string> { ["NewAction.Title"] = title, ["NewAction.OwnerPersonId"] = owner is { } o ? Id(o) : "" };
        if (due is { } d)
        {
            fields["NewAction.DueDate"] = Day(d);
        }
        return PostFormAsync(client, $"{Page(slug)}/{id}", fields, $"{Page(slug)}/{id}?handler=Action");
    }

    private Task<(int Items, int Actions, int Retros)> CountsAsync() =>
        QueryAsync(factory, async db => (await db.RetroItems.CountAsync(), await db.RetroActions.CountAsync(), await db.Retrospectives.CountAsync()));

    [Fact]
    public async Task Team_holds_a_retrospective_with_forms_only_and_sees_it_in_the_list()
    {
        var slug = await FreshProductAsync(factory);
        using var client = factory.CreateClientFor(Demo.ProductOwner);
        var karim = await PersonIdAsync(factory, Demo.ProductOwner);
        var id = await CreateAsync(client, slug, Demo.Today);

        using var works = await AddItemAsync(client, slug, id, "Works", "Les démos avec les agents");
        Assert.Equal(HttpStatusCode.Redirect, works.StatusCode);
        Assert.Equal($"{Page(slug)}/{id}", works.Headers.Location!.OriginalString);
        using var improve = await AddItemAsync(client, slug, id, "ToImprove", "  La recette tombe le vendredi  ");
        Assert.Equal(HttpStatusCode.Redirect, improve.StatusCode);
        using var action = await AddActionAsync(client, slug, id, "Automatiser la recette", karim, Demo.Today.AddDays(14));
        Assert.Equal(HttpStatusCode.Redirect, action.StatusCode);

        using var page = await client.GetAsync($"{Page(slug)}/{id}");
        var document = await Html.ParseAsync(page);
        Assert.Equal(["Les démos avec les agents"], document.QuerySelectorAll("[data-items-for=Works] .cap-retro-item__text").Select(e => e.TextContent));
        Assert.Equal(["La recette tombe le vendredi"], document.QuerySelectorAll("[data-items-for=ToImprove] .cap-retro-item__text").Select(e => e.TextContent));
        var actionRow = document.QuerySelectorAll("#actions tbody tr").Single();
        Assert.Equal("Automatiser la recette", actionRow.QuerySelector("th")!.TextContent.Trim());
        Assert.Equal("Karim Benali", actionRow.QuerySelector("select[name='Update.OwnerPersonId'] option[selected]")!.TextContent.Trim());

        using var list = await client.GetAsync(Page(slug));
        var listDocument = await Html.ParseAsync(list);
        var row = listDocument.QuerySelectorAll("#retrospectives tbody tr").Single();
        var cells = row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal("Libre", cells[1]);
        Assert.StartsWith("2", cells[2], StringComparison.Ordinal);
        Assert.Equal("0 / 1", cells[3]);
        var share = listDocument.QuerySelectorAll("#part-par-mois tbody tr").Single();
        Assert.Equal(["1", "0", "0 %"], share.QuerySelectorAll("td").Select(c => c.TextContent.Trim()));
    }

    [Fact]
    public async Task Each_bad_input_is_refused_in_french_with_422_and_nothing_is_saved()
    {
        var slug = await FreshProductAsync(factory);
        using var client = factory.CreateClientFor(Demo.ProductOwner);
        var karim = await PersonIdAsync(factory, Demo.ProductOwner);
        var outsider = await PersonIdAsync(factory, "julie.moreau@demo.cap.gouv.fr");
        var id = await CreateAsync(client, slug, Demo.Today);
        var before = await CountsAsync();

        using var empty = await AddItemAsync(client, slug, id, "Works", "   ");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        var emptyDocument = await Html.ParseAsync(empty);
        Assert.Contains("Écrivez le texte de l’élément.", emptyDocument.QuerySelector("#item-text-Works-messages")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(emptyDocument.QuerySelector("#error-summary a[href='#item-text-Works']"));

        using var tooLong = await AddItemAsync(client, slug, id, "ToImprove", new string('a', 1001));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooLong.StatusCode);
        Assert.Contains("1000 caractères", (await Html.ParseAsync(tooLong)).QuerySelector("#item-text-ToImprove-messages")!.TextContent, StringComparison.Ordinal);

        using var noOwner = await AddActionAsync(client, slug, id, "Sans porteur", null, null);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noOwner.StatusCode);
        Assert.Contains("Choisissez le porteur", (await Html.ParseAsync(noOwner)).QuerySelector("#NewAction_OwnerPersonId-messages")!.TextContent, StringComparison.Ordinal);

        using var foreignOwner = await AddActionAsync(client, slug, id, "Porteur extérieur", outsider, null);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, foreignOwner.StatusCode);
        Assert.Contains("n’est pas membre de l’équipe", (await Html.ParseAsync(foreignOwner)).QuerySelector("#NewAction_OwnerPersonId-messages")!.TextContent, StringComparison.Ordinal);

        using var early = await AddActionAsync(client, slug, id, "Trop tôt", karim, Demo.Today.AddDays(-1));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, early.StatusCode);
        Assert.Contains("ne peut pas précéder la rétrospective", (await Html.ParseAsync(early)).QuerySelector("#NewAction_DueDate-messages")!.TextContent, StringComparison.Ordinal);

        using var noTitle = await AddActionAsync(client, slug, id, "", karim, null);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noTitle.StatusCode);

        using var noDate = await PostFormAsync(client, $"{Page(slug)}/nouvelle", new Dictionary<string, string> { ["Input.HeldOn"] = "" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noDate.StatusCode);
        Assert.Contains("Saisissez la date", (await Html.ParseAsync(noDate)).QuerySelector("#Input_HeldOn-messages")!.TextContent, StringComparison.Ordinal);

        var otherIteration = await IterationAsync(factory, await FreshProductAsync(factory), 1, Demo.Today.AddDays(-20));
        // The form offers only the product's own iterations (none here): another product's is a forged request.
        using var foreignIteration = await PostForgedAsync(client, $"{Page(slug)}/nouvelle", [("Input.HeldOn", Day(Demo.Today)), ("Input.IterationId", Id(otherIteration))], $"{Page(slug)}/nouvelle");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, foreignIteration.StatusCode);

        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task One_retrospective_per_iteration_preselected_from_the_iteration_link()
    {
        var slug = await FreshProductAsync(factory);
        using var client = factory.CreateClientFor(Demo.ProductOwner);
        var first = await IterationAsync(factory, slug, 1, Demo.Today.AddDays(-30));
        var second = await IterationAsync(factory, slug, 2, Demo.Today.AddDays(-16));

        using var form = await client.GetAsync($"{Page(slug)}/nouvelle?iteration={second}");
        var formDocument = await Html.ParseAsync(form);
        Assert.Equal(Id(second), formDocument.QuerySelector("#Input_IterationId option[selected]")!.GetAttribute("value"));

        var id = await CreateAsync(client, slug, Demo.Today, second);
        using var page = await client.GetAsync($"{Page(slug)}/{id}");
        Assert.Contains("Rétrospective de l’itération 2", Html.Text(await Html.ParseAsync(page)), StringComparison.Ordinal);

        using var again = await client.GetAsync($"{Page(slug)}/nouvelle?iteration={second}");
        var options = (await Html.ParseAsync(again)).QuerySelectorAll("#Input_IterationId option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Equal(["", Id(first)], options);

        var retros = await QueryAsync(factory, db => db.Retrospectives.CountAsync());
        using var twice = await PostFormAsync(client, $"{Page(slug)}/nouvelle", new Dictionary<string, string> { ["Input.HeldOn"] = Day(Demo.Today), ["Input.IterationId"] = Id(second) });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Contains("déjà sa rétrospective", Html.Text(await Html.ParseAsync(twice)), StringComparison.Ordinal);
        Assert.Equal(retros, await QueryAsync(factory, db => db.Retrospectives.CountAsync()));
    }

    [Fact]
    public async Task Open_actions_are_reviewed_at_the_next_retrospective_carried_then_closed()
    {
        var slug = await FreshProductAsync(factory);
        using var client = factory.CreateClientFor(Demo.ProductOwner);
        var karim = await PersonIdAsync(factory, Demo.ProductOwner);
        var first = await CreateAsync(client, slug, Demo.Today.AddDays(-28));
        using var _ = await AddActionAsync(client, slug, first, "Protéger le jeudi après-midi", karim, Demo.Today);
        // A participant's page, opened before the facilitator closes the retrospective, posts an item afterwards.
        var stale = await RenderedForm.ReadAsync(client, $"{Page(slug)}/{first}", $"{Page(slug)}/{first}?handler=Item", ["Item.Kind", "Item.Text"]);
        using var closed = await PostFormAsync(client, $"{Page(slug)}/{first}", new Dictionary<string, string>(), $"{Page(slug)}/{first}?handler=Close");
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        using var late = await stale.Set("Item.Kind", "Works").Set("Item.Text", "Après la clôture").SubmitAsync(client);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        var actionId = await QueryAsync(factory, db => db.RetroActions.Where(a => a.RetrospectiveId == first).Select(a => a.Id).SingleAsync());

        var second = await CreateAsync(client, slug, Demo.Today.AddDays(-14));
        using var secondPage = await client.GetAsync($"{Page(slug)}/{second}");
        var review = (await Html.ParseAsync(secondPage)).QuerySelector("#revue")!;
        Assert.Contains("Protéger le jeudi après-midi", review.TextContent, StringComparison.Ordinal);

        using var carry = await PostFormAsync(client, $"{Page(slug)}/{second}", new Dictionary<string, string> { ["Review.Outcome"] = "Carry" }, $"{Page(slug)}/{second}?handler=Review&actionId={actionId}");
        Assert.Equal(HttpStatusCode.Redirect, carry.StatusCode);
        var carried = await QueryAsync(factory, db => db.RetroActions.AsNoTracking().SingleAsync(a => a.Id == actionId));
        Assert.Equal(RetroActionStatus.Open, carried.Status);
        Assert.Equal(second, carried.CarriedToRetrospectiveId);
        using var afterCarry = await client.GetAsync($"{Page(slug)}/{second}");
        var afterDocument = await Html.ParseAsync(afterCarry);
        Assert.Empty(afterDocument.QuerySelectorAll("#revue tbody tr"));
        Assert.Contains("Reportées par cette rétrospective", afterDocument.QuerySelector("#revue")!.TextContent, StringComparison.Ordinal);

        var third = await CreateAsync(client, slug, Demo.Today);
        // Reviewed from a page that stays open: pressing another outcome afterwards is refused.
        var reviewForm = await RenderedForm.ReadAsync(client, $"{Page(slug)}/{third}", $"{Page(slug)}/{third}?handler=Review&actionId={actionId}");
        using var done = await reviewForm.Set("Review.Outcome", "Done").SubmitAsync(client);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var closedAction = await QueryAsync(factory, db => db.RetroActions.AsNoTracking().SingleAsync(a => a.Id == actionId));
        Assert.Equal(RetroActionStatus.Done, closedAction.Status);
        Assert.NotNull(closedAction.ClosedAt);

        using var again = await reviewForm.Set("Review.Outcome", "Abandoned").SubmitAsync(client);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        using var list = await client.GetAsync(Page(slug));
        var share = (await Html.ParseAsync(list)).QuerySelectorAll("#part-par-mois tbody tr").Last(r => r.QuerySelectorAll("td")[0].TextContent.Trim() == "1");
        Assert.Equal("100 %", share.QuerySelectorAll("td")[2].TextContent.Trim());
    }

    [Fact]
    public async Task Action_status_owner_and_due_date_change_and_a_stale_version_is_409()
    {
        var slug = await FreshProductAsync(factory);
        using var client = factory.CreateClientFor(Demo.ProductOwner);
        var karim = await PersonIdAsync(factory, Demo.ProductOwner);
        var other = await QueryAsync(factory, db => db.TeamMembers.Where(m => m.Product!.Slug == slug && m.PersonId != karim).Select(m => m.PersonId).FirstAsync());
        var id = await CreateAsync(client, slug, Demo.Today);
        using var _ = await AddActionAsync(client, slug, id, "Atelier de priorisation", karim, null);
        var action = await QueryAsync(factory, db => db.RetroActions.AsNoTracking().SingleAsync(a => a.RetrospectiveId == id));
        var url = $"{Page(slug)}/{id}?handler=Update&actionId={action.Id}";

        using var update = await PostFormAsync(client, $"{Page(slug)}/{id}", new Dictionary<string, string>
        {
            ["Update.Status"] = "InProgress", ["Update.OwnerPersonId"] = Id(other), ["Update.DueDate"] = Day(Demo.Today.AddDays(7)), ["Update.Version"] = Id(action.Version),
        }, url);
        Assert.Equal(HttpStatusCode.Redirect, update.StatusCode);
        var saved = await QueryAsync(factory, db => db.RetroActions.AsNoTracking().SingleAsync(a => a.Id == action.Id));
        Assert.Equal((RetroActionStatus.InProgress, other, Demo.Today.AddDays(7)), (saved.Status, saved.OwnerPersonId, saved.DueDate!.Value));

        using var stale = await PostFormAsync(client, $"{Page(slug)}/{id}", new Dictionary<string, string>
        {
            ["Update.Status"] = "Done", ["Update.Version"] = Id(action.Version),
        }, url);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(RetroActionStatus.InProgress, (await QueryAsync(factory, db => db.RetroActions.AsNoTracking().SingleAsync(a => a.Id == action.Id))).Status);
    }

    [Fact]
    public async Task Live_channel_returns_only_newer_items_and_javascript_posts_get_json()
    {
        var slug = await FreshProductAsync(factory);
        using var client = factory.CreateClientFor(Demo.ProductOwner);
        var id = await CreateAsync(client, slug, Demo.Today);
        var form = await RenderedForm.ReadAsync(client, $"{Page(slug)}/{id}", $"{Page(slug)}/{id}?handler=Item", ["Item.Kind", "Item.Text"]);

        // The page's script posts the same form, asking for JSON.
        Task<HttpResponseMessage> PostJsonAsync(string kind, string text) =>
            form.Set("Item.Kind", kind).Set("Item.Text", text).SubmitAsync(client, r => r.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json")));

        using var first = await PostJsonAsync("Works", "Premier post-it");
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        using var firstJson = await ReadJsonAsync(first);
        var firstId = firstJson.RootElement.GetProperty("id").GetInt32();
        Assert.Equal("Works", firstJson.RootElement.GetProperty("kind").GetString());
        using var second = await PostJsonAsync("ToImprove", "Deuxième post-it");
        using var secondJson = await ReadJsonAsync(second);
        var secondId = secondJson.RootElement.GetProperty("id").GetInt32();

        using var invalid = await PostJsonAsync("Works", "");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
        using var invalidJson = await ReadJsonAsync(invalid);
        Assert.Equal("Écrivez le texte de l’élément.", invalidJson.RootElement.GetProperty("errors").GetProperty("text").GetString());

        // Rows of the last seconds are sent again whatever their id (an id is drawn before commit): age these two.
        var minuteAgo = DateTimeOffset.UtcNow.AddMinutes(-1);
        await QueryAsync(factory, db => db.RetroItems.Where(i => i.RetrospectiveId == id).ExecuteUpdateAsync(u => u.SetProperty(i => i.CreatedAt, minuteAgo)));

        using var reader = factory.CreateClientFor(Demo.Lecteur);
        using var news = await reader.GetAsync($"{Page(slug)}/{id}/nouveautes?apres={firstId}");
        Assert.Equal(HttpStatusCode.OK, news.StatusCode);
        Assert.Equal("no-store", news.Headers.CacheControl!.ToString());
        using var newsJson = await ReadJsonAsync(news);
        var items = newsJson.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([secondId], items.Select(i => i.GetProperty("id").GetInt32()));
        Assert.Equal("ToImprove", items[0].GetProperty("kind").GetString());
        Assert.Equal("Karim Benali", items[0].GetProperty("author").GetString());

        using var none = await reader.GetAsync($"{Page(slug)}/{id}/nouveautes?apres={secondId}");
        using var noneJson = await ReadJsonAsync(none);
        Assert.Empty(noneJson.RootElement.GetProperty("items").EnumerateArray());

        using var third = await PostJsonAsync("Works", "Troisième post-it, tout juste enregistré");
        using var thirdJson = await ReadJsonAsync(third);
        var thirdId = thirdJson.RootElement.GetProperty("id").GetInt32();
        using var recent = await reader.GetAsync($"{Page(slug)}/{id}/nouveautes?apres={thirdId}");
        using var recentJson = await ReadJsonAsync(recent);
        Assert.Equal([thirdId], recentJson.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()));

        using var anonymous = factory.CreateClientFor(null);
        using var challenged = await anonymous.GetAsync($"{Page(slug)}/{id}/nouveautes?apres=0");
        Assert.Equal(HttpStatusCode.Redirect, challenged.StatusCode);
        Assert.StartsWith("/connexion", challenged.Headers.Location!.IsAbsoluteUri ? challenged.Headers.Location.PathAndQuery : challenged.Headers.Location.OriginalString, StringComparison.Ordinal);

        // A retrospective read through another product's address is not found.
        using var elsewhere = await reader.GetAsync($"{Page(Demo.JourneyProductSlug)}/{id}/nouveautes?apres=0");
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);

        using var outsider = factory.CreateClientFor("julie.moreau@demo.cap.gouv.fr");
        var outsiderFields = await FormFieldsAsync(outsider, "/compte");
        using var refused = await outsider.PostAsync($"{Page(slug)}/{id}?handler=Item", new FormUrlEncodedContent(new Dictionary<string, string>(outsiderFields) { ["Item.Kind"] = "Works", ["Item.Text"] = "Intrus" }));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(3, await QueryAsync(factory, db => db.RetroItems.CountAsync(i => i.RetrospectiveId == id)));
    }

    [Fact]
    public async Task Facilitation_mode_shows_large_columns_with_the_live_script_and_no_inline_script()
    {
        var slug = await FreshProductAsync(factory);
        using var client = factory.CreateClientFor(Demo.ProductOwner);
        var id = await CreateAsync(client, slug, Demo.Today);
        using var _ = await AddItemAsync(client, slug, id, "Works", "Visible sur l’écran partagé");

        using var response = await client.GetAsync($"{Page(slug)}/{id}/animation");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await Html.ParseAsync(response);
        Assert.NotNull(document.QuerySelector(".cap-retro-board--large[data-retro-live]"));
        Assert.Contains("Visible sur l’écran partagé", document.QuerySelector("[data-items-for=Works]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(document.QuerySelector("script[src^='/js/retrospective-live.js']"));
        Assert.All(document.QuerySelectorAll("script"), s => Assert.True(s.HasAttribute("src"), "no inline script"));
        Assert.NotNull(document.QuerySelector("[aria-live=polite][data-live-announcer]"));

        using var added = await PostFormAsync(client, $"{Page(slug)}/{id}/animation", new Dictionary<string, string> { ["Item.Kind"] = "ToImprove", ["Item.Text"] = "Depuis l’animation" }, $"{Page(slug)}/{id}/animation?handler=Item");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal($"{Page(slug)}/{id}/animation", added.Headers.Location!.OriginalString);
    }
}

public sealed class RetrospectivePagesTestsSqlite(SqliteCapFactory factory) : RetrospectivePagesTests<SqliteCapFactory>(factory);

public sealed class RetrospectivePagesTestsPostgres(PostgresCapFactory factory) : RetrospectivePagesTests<PostgresCapFactory>(factory);
