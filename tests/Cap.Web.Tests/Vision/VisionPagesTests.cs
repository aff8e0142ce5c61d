using System.Net;
using Cap.Domain.Steering;
using Cap.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Cap.Web.Tests.Infrastructure.CapWebFactory;
using static Cap.Web.Tests.Infrastructure.TestHttp;

namespace Cap.Web.Tests.Vision;

public abstract class VisionPagesTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : CapWebFactory
{
    private const string Slug = Demo.JourneyProductSlug;
    private const string Page = $"/produits/{Slug}/vision";
    private const string Julie = "julie.moreau@demo.cap.gouv.fr";

    private Task<List<Domain.Steering.Vision>> VersionsAsync(string slug = Slug) =>
        QueryAsync(factory, db => db.Visions.AsNoTracking().Where(v => v.Product!.Slug == slug).OrderBy(v => v.Number).ToListAsync());

    private static Dictionary<string, string> VisionFields(string statement, string impact, string? note = null) => new()
    {
        ["Input.Statement"] = statement,
        ["Input.Users"] = "Professionnels de santé, patients",
        ["Input.Problems"] = "Carnets papier perdus.",
        ["Input.ValueProposition"] = "Un carnet partagé.",
        ["Input.ExpectedImpact"] = impact,
        ["Input.ChangeNote"] = note ?? string.Empty,
    };

    [Fact]
    public async Task Team_writes_a_new_version_and_compare_shows_before_and_after()
    {
        using var client = factory.CreateClientFor(Demo.ProductOwner);
        var before = await VersionsAsync();

        using var response = await PostFormAsync(client, $"{Page}/modifier", VisionFields("Vaccin Suivi rend l’historique vaccinal fiable.", "Moins de doses refaites.", "Test de version"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await VersionsAsync();
        Assert.Equal(before.Count + 1, after.Count);
        var created = after[^1];
        Assert.Equal(before[^1].Number + 1, created.Number);
        Assert.Equal("Karim Benali", created.AuthorName);
        Assert.Equal("Test de version", created.ChangeNote);

        using var compare = await client.GetAsync($"{Page}/comparer?de={before[^1].Number}&a={created.Number}");
        var text = Html.Text(await Html.ParseAsync(compare));
        Assert.Equal(HttpStatusCode.OK, compare.StatusCode);
        Assert.Contains("Avant", text, StringComparison.Ordinal);
        Assert.Contains("Après", text, StringComparison.Ordinal);
        Assert.Contains("Vaccin Suivi rend l’historique vaccinal fiable.", text, StringComparison.Ordinal);
        Assert.Contains("Impact attendu", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_statement_is_refused_in_french_and_the_input_is_kept()
    {
        using var client = factory.CreateClientFor(Demo.ProductOwner);
        var before = (await VersionsAsync()).Count;

        using var response = await PostFormAsync(client, $"{Page}/modifier", VisionFields("  ", "Impact gardé à l’écran"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await Html.ParseAsync(response);
        Assert.Contains("Saisissez la phrase qui dit pourquoi le produit existe.", document.QuerySelector("#Input_Statement-messages")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Impact gardé à l’écran", document.QuerySelector("#Input_ExpectedImpact")!.TextContent.Trim());
        Assert.Equal(before, (await VersionsAsync()).Count);
    }

    [Fact]
    public async Task Compare_with_unknown_versions_says_so_without_error()
    {
        using var client = factory.CreateClientFor(Demo.Lecteur);

        using var response = await client.GetAsync($"{Page}/comparer?de=abc&a=999");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Choisissez deux versions existantes", Html.Text(await Html.ParseAsync(response)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Confirm_stamps_the_review_without_a_new_version()
    {
        using var client = factory.CreateClientFor(Demo.ProductOwner);
        var before = await VersionsAsync();

        using var response = await PostFormAsync(client, Page, new Dictionary<string, string>(), $"{Page}?handler=Confirm");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await VersionsAsync();
        Assert.Equal(before.Count, after.Count);
        Assert.Equal("Karim Benali", after[^1].ReviewedByName);
        Assert.NotNull(after[^1].ReviewedAt);
        Assert.False(after[^1].NeedsRevisit(DateTimeOffset.UtcNow));
    }

    [Fact]
    public async Task Accepted_proposal_creates_the_next_version_with_its_wording()
    {
        const string wording = "Chaque patient retrouve son historique vaccinal, où qu’il ait été vacciné.";
        using (var jean = factory.CreateClientFor("jean.dupont@demo.cap.gouv.fr"))
        using (var proposed = await PostFormAsync(jean, Page, new Dictionary<string, string>
        {
            ["Contribution.Part"] = nameof(VisionPart.Statement),
            ["Contribution.Kind"] = nameof(ContributionKind.Proposal),
            ["Contribution.Text"] = wording,
        }, $"{Page}?handler=Contribute"))
        {
            Assert.Equal(HttpStatusCode.Redirect, proposed.StatusCode);
        }
        var proposal = await QueryAsync(factory, db => db.VisionContributions.AsNoTracking().SingleAsync(c => c.Text == wording));
        Assert.Equal(ContributionStatus.Open, proposal.Status);
        var before = await VersionsAsync();

        using var owner = factory.CreateClientFor(Demo.ProductOwner);
        var contributionPage = $"{Page}/contributions/{proposal.Id}";
        using var accepted = await PostFormAsync(owner, contributionPage, new Dictionary<string, string>(), $"{contributionPage}?handler=Accept");

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var after = await VersionsAsync();
        Assert.Equal(before.Count + 1, after.Count);
        var created = after[^1];
        Assert.Equal(before[^1].Number + 1, created.Number);
        Assert.Equal(wording, created.Statement);
        Assert.Equal(before[^1].Users, created.Users);
        Assert.Contains("Jean Dupont", created.ChangeNote, StringComparison.Ordinal);
        var answered = await QueryAsync(factory, db => db.VisionContributions.AsNoTracking().SingleAsync(c => c.Id == proposal.Id));
        Assert.Equal(ContributionStatus.Accepted, answered.Status);
        Assert.Equal(created.Id, answered.ResultingVisionId);
    }

    [Fact]
    public async Task Declining_a_proposal_requires_an_answer()
    {
        var proposalId = await AddContributionAsync(ContributionKind.Proposal, "Proposition à refuser");
        using var owner = factory.CreateClientFor(Demo.ProductOwner);
        var contributionPage = $"{Page}/contributions/{proposalId}";

        using var refused = await PostFormAsync(owner, contributionPage, new Dictionary<string, string> { ["Reply"] = " " }, $"{contributionPage}?handler=Decline");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var document = await Html.ParseAsync(refused);
        Assert.Contains("Expliquez à l’auteur pourquoi la proposition est refusée.", document.QuerySelector("#Reply-messages")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(ContributionStatus.Open, await StatusAsync(proposalId));

        using var declined = await PostFormAsync(owner, contributionPage, new Dictionary<string, string> { ["Reply"] = "Hors du périmètre du produit." }, $"{contributionPage}?handler=Decline");

        Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);
        Assert.Equal(ContributionStatus.Declined, await StatusAsync(proposalId));
    }

    [Fact]
    public async Task Team_answers_a_comment()
    {
        var commentId = await AddContributionAsync(ContributionKind.Comment, "Commentaire à répondre");
        using var owner = factory.CreateClientFor(Demo.ProductOwner);
        var contributionPage = $"{Page}/contributions/{commentId}";

        using var answered = await PostFormAsync(owner, contributionPage, new Dictionary<string, string> { ["Reply"] = "Merci, c’est noté." }, $"{contributionPage}?handler=Answer");

        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        Assert.Equal(ContributionStatus.Answered, await StatusAsync(commentId));
    }

    [Fact]
    public async Task Lecteur_cannot_contribute_and_outsiders_cannot_answer_or_edit()
    {
        using var lecteur = factory.CreateClientFor(Demo.Lecteur);
        using var contributed = await PostForgedAsync(lecteur, "/compte", new Dictionary<string, string>
        {
            ["Contribution.Part"] = nameof(VisionPart.Users), ["Contribution.Kind"] = nameof(ContributionKind.Comment), ["Contribution.Text"] = "Interdit",
        }, $"{Page}?handler=Contribute");
        Assert.Equal(HttpStatusCode.Forbidden, contributed.StatusCode);

        var proposalId = await AddContributionAsync(ContributionKind.Proposal, "Proposition que seule l’équipe accepte");
        using var julie = factory.CreateClientFor(Julie);
        var contributionPage = $"{Page}/contributions/{proposalId}";
        using var accepted = await PostForgedAsync(julie, "/compte", new Dictionary<string, string>(), $"{contributionPage}?handler=Accept");
        Assert.Equal(HttpStatusCode.Forbidden, accepted.StatusCode);
        Assert.Equal(ContributionStatus.Open, await StatusAsync(proposalId));

        using var edited = await PostForgedAsync(julie, "/compte", VisionFields("Interdit", "Interdit"), $"{Page}/modifier");
        Assert.Equal(HttpStatusCode.Forbidden, edited.StatusCode);
        using var editPage = await julie.GetAsync($"{Page}/modifier");
        Assert.Equal(HttpStatusCode.Forbidden, editPage.StatusCode);
    }

    [Fact]
    public async Task Vision_page_counts_open_proposals_and_flags_an_old_vision()
    {
        await QueryAsync(factory, db => db.Visions.Where(v => v.Product!.Slug == Slug)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.CreatedAt, DateTimeOffset.UtcNow.AddYears(-1)).SetProperty(v => v.ReviewedAt, (DateTimeOffset?)null)));
        var productId = await QueryAsync(factory, db => db.Products.Where(p => p.Slug == Slug).Select(p => p.Id).SingleAsync());
        var open = await QueryAsync(factory, db => db.VisionContributions.CountAsync(c => c.ProductId == productId && c.Kind == ContributionKind.Proposal && c.Status == ContributionStatus.Open));
        using var client = factory.CreateClientFor(Demo.Coach);

        using var response = await client.GetAsync(Page);

        var text = Html.Text(await Html.ParseAsync(response));
        Assert.Contains("Vision à revisiter", text, StringComparison.Ordinal);
        Assert.Contains(open == 1 ? "1 proposition ouverte" : $"{open} propositions ouvertes", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_reads_the_current_vision_and_answers_404_as_problem()
    {
        using var client = factory.CreateClientFor(Demo.Lecteur);
        var versions = await VersionsAsync();

        using var response = await client.GetAsync($"/api/v1/products/{Slug}/vision");
        using var json = await ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(versions[^1].Number, json.RootElement.GetProperty("current").GetProperty("number").GetInt32());
        Assert.Equal(versions.Count, json.RootElement.GetProperty("versions").GetArrayLength());

        using var missing = await client.GetAsync("/api/v1/products/inexistant/vision");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
    }

    private Task<ContributionStatus> StatusAsync(int id) =>
        QueryAsync(factory, db => db.VisionContributions.Where(c => c.Id == id).Select(c => c.Status).SingleAsync());

    private Task<int> AddContributionAsync(ContributionKind kind, string text) =>
        QueryAsync(factory, async db =>
        {
            var vision = await db.Visions.Where(v => v.Product!.Slug == Slug).OrderByDescending(v => v.Number).FirstAsync();
            var contribution = new VisionContribution
            {
                ProductId = vision.ProductId, VisionId = vision.Id, Part = VisionPart.Problems, Kind = kind, Text = text,
                AuthorName = "Test", CreatedAt = DateTimeOffset.UtcNow,
            };
            db.VisionContributions.Add(contribution);
            await db.SaveChangesAsync();
            return contribution.Id;
        });
}

public sealed class VisionPagesTestsSqlite(SqliteCapFactory factory) : VisionPagesTests<SqliteCapFactory>(factory);

public sealed class VisionPagesTestsPostgres(PostgresCapFactory factory) : VisionPagesTests<PostgresCapFactory>(factory);
