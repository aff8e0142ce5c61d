using System.Net;
using Cap.Domain.Catalogue;
using Cap.Domain.Compliance;
using Cap.Domain.Platform;
using Cap.Web.Shared;
using Cap.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Cap.Web.Tests.Infrastructure.TestHttp;

namespace Cap.Web.Tests.Catalogue;

public abstract class StaffingTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : CapWebFactory
{
    /// <summary>A product of its own, in <paramref name="phase"/>, with the journey product's team (no roles nor shares yet).</summary>
    private Task<(int Id, string Slug)> FreshProductAsync(Phase phase) => QueryAsync(factory, async db =>
    {
        var slug = $"staff-{Guid.NewGuid():N}"[..20];
        var product = await TestProducts.AddWithJourneyTeamAsync(db, slug, $"Produit {slug}", "Produit de test de la composition d’équipe.", phase);
        await db.SaveChangesAsync();
        return (product.Id, slug);
    });

    private Task<List<TeamMember>> TeamAsync(int productId) =>
        QueryAsync(factory, db => db.TeamMembers.AsNoTracking().Include(m => m.Person).Where(m => m.ProductId == productId).OrderBy(m => m.Id).ToListAsync());

    private async Task<IReadOnlyList<string>> FlagCodesAsync(int productId, bool all = false)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var flags = scope.ServiceProvider.GetRequiredService<ProductFlags>();
        var found = all ? (await flags.ForProductsAsync(null, default))[productId] : await flags.ForProductAsync(productId, default);
        return [.. found.Select(f => f.Code).Where(c => c.StartsWith("staffing-", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];
    }

    private static async Task<string> TabTextAsync(HttpClient client, string slug)
    {
        using var tab = await client.GetAsync($"/produits/{slug}/equipe");
        Assert.Equal(HttpStatusCode.OK, tab.StatusCode);
        return Html.Text(await Html.ParseAsync(tab));
    }

    [Fact]
    public async Task Owner_sets_roles_and_shares_through_the_form_and_the_warnings_follow()
    {
        var (id, slug) = await FreshProductAsync(Phase.Construction);
        var team = await TeamAsync(id);
        var rm = team.First(m => m.Role == ProductRole.ResponsableMetier);
        var maker = team.First(m => m.Role == ProductRole.MembreEquipe);
        var rp = team.First(m => m.Role == ProductRole.ResponsableProduit);
        using var client = factory.CreateClientFor(Demo.ProductOwner);

        // Nothing known yet: the responsable métier's share is unknown, no designer, no developer nor DevOps.
        Assert.Equal(["staffing-no-designer", "staffing-rm-under-60", "staffing-role-missing"], await FlagCodesAsync(id));
        var text = await TabTextAsync(client, slug);
        Assert.Contains("Responsable métier sous 60 %", text, StringComparison.Ordinal);
        Assert.Contains($"Le temps que {rm.Person!.DisplayName} consacre au produit n’est pas renseigné", text, StringComparison.Ordinal);
        Assert.Contains("La phase Construction demande les rôles développeur, DevOps : personne ne les tient.", text, StringComparison.Ordinal);
        Assert.Contains("Responsabilités du responsable métier et du responsable produit", text, StringComparison.Ordinal);

        // A share that is not a number, then one out of bounds: refused beside the field, nothing saved.
        var page = $"/produits/{slug}/equipe/{rm.Id}/modifier";
        var form = await RenderedForm.ReadAsync(client, page);
        using (var refused = await form.Set("Input.TimeShare", "beaucoup").SubmitAsync(client))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            var doc = await Html.ParseAsync(refused);
            Assert.Contains("Saisissez un nombre entier entre 1 et 100", doc.QuerySelector("#Input_TimeShare-messages")?.TextContent, StringComparison.Ordinal);
        }
        using (var refused = await (await RenderedForm.ReadAsync(client, page)).Set("Input.TimeShare", "150").SubmitAsync(client))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            Assert.Contains("Indiquez une part de temps entre 1 et 100 %", Html.Text(await Html.ParseAsync(refused)), StringComparison.Ordinal);
            // The form shown again keeps what was typed.
            Assert.Equal("150", (await RenderedForm.InAsync(refused, page, "/modifier"))["Input.TimeShare"]);
        }
        Assert.Null((await TeamAsync(id)).Single(m => m.Id == rm.Id).TimeShare);

        // 59 % is still under; 60 % is enough.
        using (var saved = await (await RenderedForm.ReadAsync(client, page)).Set("Input.TimeShare", "59 %").SubmitAsync(client))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }
        Assert.Contains("staffing-rm-under-60", await FlagCodesAsync(id));
        using (var saved = await (await RenderedForm.ReadAsync(client, page)).Set("Input.TimeShare", "60").SubmitAsync(client))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }
        Assert.Equal(["staffing-no-designer", "staffing-role-missing"], await FlagCodesAsync(id));

        // One maker designs, develops and runs the product: nothing left.
        var makerPage = $"/produits/{slug}/equipe/{maker.Id}/modifier";
        using (var saved = await (await RenderedForm.ReadAsync(client, makerPage))
            .SetAll("Input.Roles", [nameof(GuideRole.Designer), nameof(GuideRole.Developpeur), nameof(GuideRole.DevOps)]).Set("Input.TimeShare", "100").SubmitAsync(client))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }
        var stored = (await TeamAsync(id)).Single(m => m.Id == maker.Id);
        Assert.Equal(GuideRole.Designer | GuideRole.Developpeur | GuideRole.DevOps, stored.ChosenRoles);
        Assert.Equal(100, stored.TimeShare);
        Assert.Empty(await FlagCodesAsync(id));
        Assert.Empty(await FlagCodesAsync(id, all: true));
        text = await TabTextAsync(client, slug);
        Assert.Contains("La composition de l’équipe suit le guide pour la phase Construction.", text, StringComparison.Ordinal);
        Assert.Contains("Designer, Développeur, DevOps", text, StringComparison.Ordinal);

        // The change is in the audit trail.
        var audited = await QueryAsync(factory, db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(TeamMember) && a.EntityId == maker.Id.ToString() && a.Action == AuditAction.Updated).Select(a => a.After).ToListAsync());
        Assert.Contains(audited, a => a!.Contains("ChosenRoles", StringComparison.Ordinal) && a.Contains("TimeShare", StringComparison.Ordinal));

        // Public: someone must be in charge of accessibility; the responsable produit as referent is.
        await QueryAsync(factory, db =>
        {
            db.ProductCompliances.Add(new ProductCompliance { ProductId = id, IsPublic = true });
            return db.SaveChangesAsync();
        });
        Assert.Equal(["staffing-no-accessibility"], await FlagCodesAsync(id));
        Assert.Contains("Accessibilité sans responsable", await TabTextAsync(client, slug), StringComparison.Ordinal);
        using (var saved = await (await RenderedForm.ReadAsync(client, $"/produits/{slug}/equipe/{rp.Id}/modifier"))
            .Set("Input.AccessibilityReferent", "oui").SubmitAsync(client))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }
        Assert.Empty(await FlagCodesAsync(id));
        Assert.Contains("Référent accessibilité", await TabTextAsync(client, slug), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readers_see_the_team_but_not_its_forms_and_a_plain_member_cannot_edit()
    {
        var (id, slug) = await FreshProductAsync(Phase.Mvp);
        var member = (await TeamAsync(id)).First(m => m.Role == ProductRole.MembreEquipe);
        using var reader = factory.CreateClientFor(Demo.Lecteur);
        using (var tab = await reader.GetAsync($"/produits/{slug}/equipe"))
        {
            var doc = await Html.ParseAsync(tab);
            Assert.Equal(HttpStatusCode.OK, tab.StatusCode);
            Assert.Null(doc.QuerySelector($"a[href='/produits/{slug}/equipe/{member.Id}/modifier']"));
            Assert.NotNull(doc.QuerySelector("#partage"));
        }
        using (var edit = await reader.GetAsync($"/produits/{slug}/equipe/{member.Id}/modifier"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
        }
        using var plain = factory.CreateClientFor(member.Person!.Email);
        using var forbidden = await plain.GetAsync($"/produits/{slug}/equipe/{member.Id}/modifier");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Fact]
    public async Task Adding_a_person_twice_is_refused_beside_the_field()
    {
        var (id, slug) = await FreshProductAsync(Phase.Idee);
        var newcomer = await OutsiderAsync(factory, slug, Demo.ProductOwner);
        using var client = factory.CreateClientFor(Demo.ProductOwner);
        var page = $"/produits/{slug}/equipe";
        using (var empty = await (await RenderedForm.ReadAsync(client, page, $"{page}?handler=Add")).SubmitAsync(client))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
            var doc = await Html.ParseAsync(empty);
            Assert.Contains("Choisissez la personne à ajouter.", doc.QuerySelector("#Input_PersonId-messages")?.TextContent, StringComparison.Ordinal);
        }
        using (var added = await (await RenderedForm.ReadAsync(client, page, $"{page}?handler=Add"))
            .Set("Input.PersonId", newcomer.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).Set("Input.Role", nameof(ProductRole.MembreEquipe)).SubmitAsync(client))
        {
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }
        Assert.Contains(await TeamAsync(id), m => m.PersonId == newcomer.Id && m.Role == ProductRole.MembreEquipe && m.TimeShare == null);
    }

    [Fact]
    public async Task The_api_reads_the_team_and_sets_a_members_staffing()
    {
        var (id, slug) = await FreshProductAsync(Phase.Poc);
        var team = await TeamAsync(id);
        var maker = team.First(m => m.Role == ProductRole.MembreEquipe);
        var rm = team.First(m => m.Role == ProductRole.ResponsableMetier);
        using var reader = factory.CreateClientFor(Demo.Lecteur);
        var url = $"/api/v1/products/{slug}/team";

        using (var read = await reader.GetAsync(url))
        using (var json = await ReadJsonAsync(read))
        {
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
            var root = json.RootElement;
            Assert.Equal("poc", root.GetProperty("phase").GetString());
            Assert.Equal(JsonValueKindNull, root.GetProperty("isPublic").ValueKind);
            Assert.Equal(team.Count, root.GetProperty("members").GetArrayLength());
            var owner = root.GetProperty("members").EnumerateArray().First(m => m.GetProperty("accessRole").GetString() == "product-owner");
            Assert.Equal(["product-owner"], owner.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
            Assert.Equal(["staffing-no-designer", "staffing-rm-under-60", "staffing-role-missing"],
                root.GetProperty("warnings").EnumerateArray().Select(w => w.GetProperty("code").GetString()).Order(StringComparer.Ordinal));
            Assert.Equal(["business-owner", "product-owner", "designer", "developer"], root.GetProperty("neededRoles").EnumerateArray().Select(n => n.GetProperty("role").GetString()));
            var vision = root.GetProperty("responsibilities").EnumerateArray().First(r => r.GetProperty("key").GetString() == "vision");
            Assert.Equal(("responsible", "co-responsible"), (vision.GetProperty("businessOwner").GetString(), vision.GetProperty("productOwner").GetString()));
        }

        using var owner2 = factory.CreateClientFor(Demo.ProductOwner);
        var put = $"{url}/{maker.Id}/staffing";
        using (var bad = await owner2.PutAsync(put, Json(new { roles = new[] { "designer", "astronaut" }, timeShare = 0 })))
        using (var json = await ReadJsonAsync(bad))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.True(json.RootElement.GetProperty("errors").TryGetProperty("roles[1]", out _));
        }
        using (var zero = await owner2.PutAsync(put, Json(new { roles = new[] { "designer" }, timeShare = 0 })))
        using (var json = await ReadJsonAsync(zero))
        {
            Assert.Equal(HttpStatusCode.BadRequest, zero.StatusCode);
            Assert.True(json.RootElement.GetProperty("errors").TryGetProperty("timeShare", out _));
        }
        using (var notOwner = await owner2.PutAsync(put, Json(new { roles = new[] { "business-owner" }, timeShare = 80 })))
        using (var json = await ReadJsonAsync(notOwner))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, notOwner.StatusCode);
            Assert.True(json.RootElement.GetProperty("errors").TryGetProperty("roles", out _));
        }
        using (var unknown = await owner2.PutAsync($"{url}/999999/staffing", Json(new { roles = Array.Empty<string>() })))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }
        using (var malformed = await owner2.PutAsync(put, RawJson("""{ "roles": "designer", "timeShare": "beaucoup" }""")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        }
        Assert.Equal(GuideRole.None, (await TeamAsync(id)).Single(m => m.Id == maker.Id).ChosenRoles);

        using (var ok = await owner2.PutAsync(put, Json(new { roles = new[] { "designer", "developer", "accessibility-expert" }, timeShare = 80 })))
        using (var json = await ReadJsonAsync(ok))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            var updated = json.RootElement.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("id").GetInt32() == maker.Id);
            Assert.Equal(["designer", "developer", "accessibility-expert"], updated.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
            Assert.Equal(80, updated.GetProperty("timeShare").GetInt32());
            Assert.Equal(["staffing-rm-under-60"], json.RootElement.GetProperty("warnings").EnumerateArray().Select(w => w.GetProperty("code").GetString()));
        }
        // The responsable métier may send their own role back; it is not stored, it follows the access role.
        using (var rmOk = await owner2.PutAsync($"{url}/{rm.Id}/staffing", Json(new { roles = new[] { "business-owner" }, timeShare = 60 })))
        using (var json = await ReadJsonAsync(rmOk))
        {
            Assert.Equal(HttpStatusCode.OK, rmOk.StatusCode);
            Assert.Empty(json.RootElement.GetProperty("warnings").EnumerateArray());
        }
        Assert.Equal(GuideRole.None, (await TeamAsync(id)).Single(m => m.Id == rm.Id).ChosenRoles);
        Assert.Empty(await FlagCodesAsync(id));

        using (var forbidden = await reader.PutAsync(put, Json(new { roles = Array.Empty<string>() })))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        }
        using var plain = factory.CreateClientFor(maker.Person!.Email);
        using (var forbidden = await plain.PutAsync(put, Json(new { roles = Array.Empty<string>() })))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        }
    }

    [Fact]
    public async Task Demo_teams_tell_each_story()
    {
        async Task<IReadOnlyList<string>> Of(string slug) => await FlagCodesAsync(await QueryAsync(factory, db => db.Products.Where(p => p.Slug == slug).Select(p => p.Id).SingleAsync()));
        Assert.Equal(["staffing-rm-under-60"], await Of(Demo.JourneyProductSlug));
        Assert.Equal(["staffing-no-accessibility"], await Of("autorisations-activites-soins"));
        Assert.Equal(["staffing-no-designer"], await Of("mon-parcours-emploi"));
        Assert.Equal(["staffing-role-missing"], await Of("hopital-capacites"));
        Assert.Equal(["staffing-rm-under-60", "staffing-role-missing"], await Of("urgences-stats"));
        Assert.Equal(["staffing-rm-under-60"], await Of("data-catalogue"));
        Assert.Empty(await Of("index-egalite"));
        Assert.Empty(await Of("code-travail-numerique"));
        Assert.Empty(await Of("eprouvette"));
        // Across the whole demo portfolio, every kind is counted somewhere and many products raise none.
        await using var scope = factory.Services.CreateAsyncScope();
        var all = await scope.ServiceProvider.GetRequiredService<ProductFlags>().ForProductsAsync(null, default);
        var staffing = all.SelectMany(g => g).Where(f => f.Code.StartsWith("staffing-", StringComparison.Ordinal)).GroupBy(f => f.Code).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(4, staffing.Count);
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;
}

public sealed class StaffingTestsSqlite(SqliteCapFactory factory) : StaffingTests<SqliteCapFactory>(factory);

public sealed class StaffingTestsPostgres(PostgresCapFactory factory) : StaffingTests<PostgresCapFactory>(factory);
