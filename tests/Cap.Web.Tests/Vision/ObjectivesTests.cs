using System.Globalization;
using System.Net;
using Cap.Domain.Steering;
using Cap.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Cap.Web.Tests.Infrastructure.CapWebFactory;
using static Cap.Web.Tests.Infrastructure.TestHttp;

namespace Cap.Web.Tests.Vision;

public abstract class ObjectivesTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : CapWebFactory
{
    private const string Slug = Demo.JourneyProductSlug;
    private const string Page = $"/produits/{Slug}/objectifs";

    private Task<List<Objective>> ObjectivesAsync() =>
        QueryAsync(factory, db => db.Objectives.AsNoTracking().Include(o => o.Priorities).ThenInclude(p => p.MinistryPriority)
            .Where(o => o.Product!.Slug == Slug).OrderBy(o => o.Position).ThenBy(o => o.Id).ToListAsync());

    private Task<int> PriorityIdAsync(string code) =>
        QueryAsync(factory, db => db.MinistryPriorities.Where(p => p.Code == code).Select(p => p.Id).SingleAsync());

    [Fact]
    public async Task Team_creates_and_edits_an_objective_aligned_with_priorities()
    {
        using var client = factory.CreateClientFor(Demo.ProductOwner);
        var delais = (await PriorityIdAsync("DELAIS")).ToString(CultureInfo.InvariantCulture);
        var agents = (await PriorityIdAsync("AGENTS")).ToString(CultureInfo.InvariantCulture);
        using var created = await PostFormAsync(client, $"{Page}/nouveau",
        [
            ("Input.Title", "Objectif de test créé"),
            ("Input.Description", "Une description."),
            ("Input.Horizon", "2027-06-30"),
            ("Input.Status", nameof(ObjectiveStatus.Active)),
            ("Input.PriorityIds", delais),
            ("Input.PriorityIds", agents),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var objectives = await ObjectivesAsync();
        var objective = objectives[^1];
        Assert.Equal("Objectif de test créé", objective.Title);
        Assert.Equal(new DateOnly(2027, 6, 30), objective.Horizon);
        Assert.Equal(["AGENTS", "DELAIS"], objective.Priorities.Select(p => p.MinistryPriority!.Code).Order());

        var editPage = $"{Page}/{objective.Id}/modifier";
        using var edited = await PostFormAsync(client, editPage, new Dictionary<string, string>
        {
            ["Input.Title"] = "Objectif de test atteint",
            ["Input.Horizon"] = "",
            ["Input.Status"] = nameof(ObjectiveStatus.Reached),
            ["Input.PriorityIds"] = delais,
        });

        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var saved = (await ObjectivesAsync()).Single(o => o.Id == objective.Id);
        Assert.Equal("Objectif de test atteint", saved.Title);
        Assert.Equal(ObjectiveStatus.Reached, saved.Status);
        Assert.Null(saved.Horizon);
        Assert.Equal(["DELAIS"], saved.Priorities.Select(p => p.MinistryPriority!.Code));

        using var priorityPage = await client.GetAsync("/priorites/DELAIS");
        var text = Html.Text(await Html.ParseAsync(priorityPage));
        Assert.Contains("Objectif de test atteint", text, StringComparison.Ordinal);
        Assert.Contains("Vaccin Suivi", text, StringComparison.Ordinal);
        using var agentsPage = await client.GetAsync("/priorites/AGENTS");
        Assert.DoesNotContain("Objectif de test atteint", Html.Text(await Html.ParseAsync(agentsPage)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_objective_gets_french_messages_beside_fields()
    {
        using var client = factory.CreateClientFor(Demo.ProductOwner);

        using var response = await PostFormAsync(client, $"{Page}/nouveau", new Dictionary<string, string>
        {
            ["Input.Title"] = "",
            ["Input.Horizon"] = "demain",
            ["Input.Status"] = "Inconnu",
            ["Input.PriorityIds"] = "999999",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await Html.ParseAsync(response);
        Assert.Contains("Saisissez le titre de l’objectif.", document.QuerySelector("#Input_Title-messages")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("jj/mm/aaaa", document.QuerySelector("#Input_Horizon-messages")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Choisissez le statut", document.QuerySelector("#Input_Status-messages")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("n’existe pas", document.QuerySelector("#Input_PriorityIds-messages")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("demain", document.QuerySelector("#Input_Horizon")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Moving_an_objective_swaps_it_with_its_neighbour()
    {
        using var client = factory.CreateClientFor(Demo.ProductOwner);
        var before = await ObjectivesAsync();
        Assert.True(before.Count >= 2);

        using var moved = await PostFormAsync(client, Page, new Dictionary<string, string>(), $"{Page}?handler=Move&objectiveId={before[1].Id}&direction=haut");

        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var after = await ObjectivesAsync();
        Assert.Equal(before[1].Id, after[0].Id);
        Assert.Equal(before[0].Id, after[1].Id);
        Assert.Equal(Enumerable.Range(0, after.Count), after.Select(o => o.Position));
    }

    [Fact]
    public async Task Outsiders_cannot_create_or_move_objectives()
    {
        var first = (await ObjectivesAsync())[^1];
        foreach (var email in new[] { Demo.Lecteur, Demo.Coach, "julie.moreau@demo.cap.gouv.fr" })
        {
            using var client = factory.CreateClientFor(email);
            // Outsiders are offered neither form: the requests are forged, with a valid token from their account page.
            using var created = await PostForgedAsync(client, "/compte", [("Input.Title", "Interdit"), ("Input.Status", "Active")], $"{Page}/nouveau");
            Assert.Equal(HttpStatusCode.Forbidden, created.StatusCode);
            using var moved = await PostForgedAsync(client, "/compte", [], $"{Page}?handler=Move&objectiveId={first.Id}&direction=haut");
            Assert.Equal(HttpStatusCode.Forbidden, moved.StatusCode);
        }
    }

    [Fact]
    public async Task Api_lists_objectives_in_order_with_priority_codes()
    {
        using var client = factory.CreateClientFor(Demo.Lecteur);
        var objectives = await ObjectivesAsync();

        using var response = await client.GetAsync($"/api/v1/products/{Slug}/objectives");
        using var json = await ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(objectives.Select(o => o.Title), json.RootElement.EnumerateArray().Select(e => e.GetProperty("title").GetString()));
    }
}

public sealed class ObjectivesTestsSqlite(SqliteCapFactory factory) : ObjectivesTests<SqliteCapFactory>(factory);

public sealed class ObjectivesTestsPostgres(PostgresCapFactory factory) : ObjectivesTests<PostgresCapFactory>(factory);
