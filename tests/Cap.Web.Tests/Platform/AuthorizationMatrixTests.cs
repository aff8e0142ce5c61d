using System.Globalization;
using System.Net;
using Cap.Domain.Catalogue;
using Cap.Domain.Platform;
using Cap.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Cap.Web.Tests.Infrastructure.TestHttp;

namespace Cap.Web.Tests.Platform;

public enum MatrixRole
{
    Anonymous,
    Lecteur,
    Coach,
    Comite,
    /// <summary>An agent with no global role and not in the product's team (Julie Moreau).</summary>
    Agent,
    /// <summary>Membre d’équipe of the product (found in the database).</summary>
    TeamMember,
    /// <summary>Responsable produit of the product (Karim Benali).</summary>
    Owner,
    Admin,
}

public enum Expected
{
    /// <summary>2xx; for a form post, the 302 of a successful save.</summary>
    Allowed,
    /// <summary>302 to /connexion for a page, 401 for /api.</summary>
    Challenge,
    Forbidden,
    NotFound,
    /// <summary>400 or 422: past the rights check, refused only for its content (an API write sent with an empty body).</summary>
    Invalid,
}

/// <summary>
/// Every page and endpoint of Cap.Web against every kind of person. Placeholders: {product} is
/// vaccin-suivi (read-only rows); {fresh} is a product created for the row with vaccin-suivi's
/// team, so that writes never change what later rows see; {member} is that product's
/// Membre d’équipe row; {directorate}, {person} are existing ids.
/// </summary>
public abstract class AuthorizationMatrixTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : CapWebFactory
{
    public const string Julie = "julie.moreau@demo.cap.gouv.fr";

    /// <summary>
    /// One line per page or endpoint; the last column gives the outcome for, in order:
    /// Anonymous, Lecteur, Coach, Comite, Agent, TeamMember, Owner, Admin
    /// (A allowed, C challenge, F forbidden, N not found, V invalid: allowed to try, refused for its empty body).
    /// </summary>
    internal static (string Method, string Path, string Outcomes)[] Table => [.. CatalogueRows, .. MatrixRows.Vision, .. MatrixRows.Indicators, .. MatrixRows.ImportExport, .. MatrixRows.Satisfaction, .. MatrixRows.LifeCycle, .. MatrixRows.Committee, .. MatrixRows.Roadmap, .. MatrixRows.Retrospectives, .. MatrixRows.Rituals, .. MatrixRows.Coaching, .. MatrixRows.Iterations, .. MatrixRows.Notifications, .. MatrixRows.Compliance, .. MatrixRows.Checklist, .. MatrixRows.OpenData, .. MatrixRows.Portfolio, .. MatrixRows.Staffing, .. MatrixRows.Digests, .. MatrixRows.Jdma, .. MatrixRows.Matomo];

    private static readonly (string Method, string Path, string Outcomes)[] CatalogueRows =
    [
        // Public pages
        ("GET", "/", "A A A A A A A A"),
        ("GET", "/connexion", "A A A A A A A A"),
        ("GET", "/deconnexion", "A A A A A A A A"),
        ("GET", "/accessibilite", "A A A A A A A A"),
        ("GET", "/mentions-legales", "A A A A A A A A"),
        ("GET", "/donnees-personnelles", "A A A A A A A A"),
        ("GET", "/erreur/404", "N N N N N N N N"),
        ("GET", "/health", "A A A A A A A A"),
        ("GET", "/health/live", "A A A A A A A A"),
        ("GET", "/health/ready", "A A A A A A A A"),
        ("GET", "/openapi/v1.json", "A A A A A A A A"),
        // Catalogue pages
        ("GET", "/produits", "C A A A A A A A"),
        ("GET", "/produits/nouveau", "C F A A A A A A"),
        ("GET", "/produits/{product}", "C A A A A A A A"),
        ("GET", "/produits/{product}/modifier", "C F F F F A A A"),
        ("GET", "/produits/{product}/equipe", "C A A A A A A A"),
        ("GET", "/produits/{product}/historique", "C A A A A A A A"),
        ("GET", "/produits/{product}/archiver", "C F F F F F A A"),
        ("GET", "/produits/inexistant", "C N N N N N N N"),
        // Account
        ("GET", "/compte", "C A A A A A A A"),
        // Administration
        ("GET", "/admin", "C F F F F F F A"),
        ("GET", "/admin/referentiels/directions", "C F F F F F F A"),
        ("GET", "/admin/referentiels/directions/nouveau", "C F F F F F F A"),
        ("GET", "/admin/referentiels/directions/{directorate}", "C F F F F F F A"),
        ("GET", "/admin/referentiels/inconnu", "C F F F F F F N"),
        ("GET", "/admin/personnes", "C F F F F F F A"),
        ("GET", "/admin/personnes/nouveau", "C F F F F F F A"),
        ("GET", "/admin/personnes/{person}", "C F F F F F F A"),
        ("GET", "/admin/journal", "C F F F F F F A"),
        // API reads
        ("GET", "/api/v1/products", "C A A A A A A A"),
        ("GET", "/api/v1/products/{product}", "C A A A A A A A"),
        ("GET", "/api/v1/products/inexistant", "C N N N N N N N"),
        ("GET", "/api/v1/directorates", "C A A A A A A A"),
        ("GET", "/api/v1/domains", "C A A A A A A A"),
        ("GET", "/api/v1/priorities", "C A A A A A A A"),
        ("GET", "/api/v1/typologies", "C A A A A A A A"),
        ("GET", "/api/v1/phases", "C A A A A A A A"),
        ("GET", "/api/v1/me", "C A A A A A A A"),
        // Form posts
        ("POST", "/connexion?handler=Demo&personId={person}", "A A A A A A A A"),
        ("POST", "/connexion?handler=ProConnect", "N N N N N N N N"),
        ("POST", "/deconnexion", "A A A A A A A A"),
        ("POST", "/compte?handler=Create", "C A A A A A A A"),
        ("POST", "/compte?handler=Revoke&id=0", "C N N N N N N N"),
        ("POST", "/produits/nouveau", "C F A A A A A A"),
        ("POST", "/produits/{fresh}/modifier", "C F F F F A A A"),
        ("POST", "/produits/{fresh}/equipe?handler=Add", "C F F F F F A A"),
        ("POST", "/produits/{fresh}/equipe?handler=Remove&memberId={member}", "C F F F F F A A"),
        ("POST", "/produits/{fresh}/archiver", "C F F F F F A A"),
        ("POST", "/admin/referentiels/directions/nouveau", "C F F F F F F A"),
        ("POST", "/admin/personnes/nouveau", "C F F F F F F A"),
        // API writes
        ("POST", "/api/v1/products", "C F A A A A A A"),
        ("PUT", "/api/v1/products/{fresh}", "C F F F F A A A"),
        ("POST", "/api/v1/products/{fresh}/archive", "C F F F F F A A"),
        ("POST", "/api/v1/products/{fresh}/restore", "C F F F F F A A"),
    ];

    public static TheoryData<string, string, MatrixRole, Expected> Rows()
    {
        var data = new TheoryData<string, string, MatrixRole, Expected>();
        foreach (var (method, path, outcomes) in Table)
        {
            var codes = outcomes.Split(' ');
            Assert.Equal(Enum.GetValues<MatrixRole>().Length, codes.Length);
            foreach (var role in Enum.GetValues<MatrixRole>())
            {
                data.Add(method, path, role, codes[(int)role] switch
                {
                    "A" => Expected.Allowed,
                    "C" => Expected.Challenge,
                    "F" => Expected.Forbidden,
                    "N" => Expected.NotFound,
                    "V" => Expected.Invalid,
                    var other => throw new InvalidOperationException($"Unknown outcome {other} for {method} {path}."),
                });
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Access_matches_the_matrix(string method, string path, MatrixRole role, Expected expected)
    {
        var email = await EmailAsync(role);
        using var client = factory.CreateClientFor(email);
        var url = await ResolveAsync(path);

        using var response = await SendAsync(client, method, url, role);

        var body = await response.Content.ReadAsStringAsync();
        var location = response.Headers.Location is { } l ? (l.IsAbsoluteUri ? l.PathAndQuery : l.OriginalString) : null;
        var observed = $"{method} {url} as {role}: {(int)response.StatusCode} {location} {body[..Math.Min(body.Length, 300)]}";
        var isApi = url.StartsWith("/api/", StringComparison.Ordinal);
        switch (expected)
        {
            case Expected.Allowed:
                // Creating a token answers 200 with the secret, shown once, instead of redirecting; so does taking the
                // checklist's suggestions (the form shown again, nothing saved).
                var createsToken = url.StartsWith("/compte?handler=Create", StringComparison.Ordinal) || url.EndsWith("/indicateurs/jetons?handler=Create", StringComparison.Ordinal)
                    || url.EndsWith("/checklist/nouvelle?handler=Suggest", StringComparison.Ordinal);
                var isFormPost = method != "GET" && !isApi && !createsToken;
                var ok = isFormPost
                    ? response.StatusCode == HttpStatusCode.Redirect && location?.StartsWith("/connexion", StringComparison.Ordinal) != true
                    : response.IsSuccessStatusCode || (response.StatusCode == HttpStatusCode.Redirect && location?.StartsWith("/connexion", StringComparison.Ordinal) != true);
                Assert.True(ok, observed);
                break;
            case Expected.Challenge:
                if (isApi)
                {
                    Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, observed);
                }
                else
                {
                    Assert.True(response.StatusCode == HttpStatusCode.Redirect && location?.StartsWith("/connexion", StringComparison.Ordinal) == true, observed);
                }
                break;
            case Expected.Forbidden:
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, observed);
                break;
            case Expected.NotFound:
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, observed);
                break;
            case Expected.Invalid:
                Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity, observed);
                break;
        }
    }

    /// <summary>Every API write the application maps (read from its endpoint data source) has at least one row.</summary>
    [Fact]
    public void Every_api_write_endpoint_has_a_matrix_row()
    {
        var writes = ApiRoute.All(factory.Services).Where(r => r.IsWrite).ToList();
        Assert.NotEmpty(writes);
        var missing = writes.Where(route => !Table.Any(row => route.Matches(row.Method, row.Path))).Select(r => r.ToString()).ToList();
        Assert.True(missing.Count == 0, $"API writes without a row in the authorization matrix:\n{string.Join("\n", missing)}");
    }

    [Fact]
    public async Task Matrix_people_hold_the_roles_the_matrix_assumes()
    {
        var members = await TeamAsync(Demo.JourneyProductSlug);
        Assert.Contains(members, m => m.Email == Demo.ProductOwner && m.Role == ProductRole.ResponsableProduit);
        Assert.Contains(members, m => m.Role == ProductRole.MembreEquipe);
        foreach (var outsider in new[] { Demo.Lecteur, Demo.Coach, Demo.MembreComite, Julie, Demo.Administrateur })
        {
            Assert.DoesNotContain(members, m => m.Email == outsider);
        }
        var julie = await QueryAsync(factory, db => db.People.AsNoTracking().SingleAsync(p => p.Email == Julie));
        Assert.Equal(GlobalRoles.None, julie.Roles);
    }

    private Task<List<(string Email, ProductRole Role)>> TeamAsync(string slug) =>
        QueryAsync(factory, async db => (await db.TeamMembers.AsNoTracking().Where(m => m.Product!.Slug == slug)
            .Select(m => new { m.Person!.Email, m.Role }).ToListAsync()).Select(m => (m.Email, m.Role)).ToList());

    private async Task<string?> EmailAsync(MatrixRole role) => role switch
    {
        MatrixRole.Anonymous => null,
        MatrixRole.Lecteur => Demo.Lecteur,
        MatrixRole.Coach => Demo.Coach,
        MatrixRole.Comite => Demo.MembreComite,
        MatrixRole.Agent => Julie,
        MatrixRole.TeamMember => await MemberEmailAsync(factory, Demo.JourneyProductSlug, ProductRole.MembreEquipe),
        MatrixRole.Owner => Demo.ProductOwner,
        MatrixRole.Admin => Demo.Administrateur,
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    private string? _fresh;

    private async Task<string> ResolveAsync(string path)
    {
        if (path.Contains("{fresh}", StringComparison.Ordinal))
        {
            _fresh = await CreateFreshProductAsync();
            path = path.Replace("{fresh}", _fresh, StringComparison.Ordinal);
        }
        if (path.Contains("{member}", StringComparison.Ordinal))
        {
            var member = await QueryAsync(factory, db => db.TeamMembers.Where(m => m.Product!.Slug == _fresh && m.Role == ProductRole.MembreEquipe).Select(m => m.Id).FirstAsync());
            path = path.Replace("{member}", member.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }
        if (path.Contains("{request}", StringComparison.Ordinal))
        {
            var id = await QueryAsync(factory, db => db.GateRequests.Where(r => r.Status == Cap.Domain.Committee.GateRequestStatus.Soumise).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync());
            path = path.Replace("{request}", id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }
        if (path.Contains("{directorate}", StringComparison.Ordinal))
        {
            var id = await QueryAsync(factory, db => db.Directorates.Where(d => d.Code == "DGS").Select(d => d.Id).SingleAsync());
            path = path.Replace("{directorate}", id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }
        if (path.Contains("{person}", StringComparison.Ordinal))
        {
            var id = await PersonIdAsync(factory, "chloe.blanc@demo.cap.gouv.fr");
            path = path.Replace("{person}", id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }
        if (path.Contains("{avis}", StringComparison.Ordinal))
        {
            var key = await QueryAsync(factory, db => db.Placements.Where(p => p.IsEnabled && p.Form!.IsEnabled && p.Form.Product!.Slug == Demo.JourneyProductSlug)
                .OrderBy(p => p.Id).Select(p => p.PublicKey).FirstAsync());
            path = path.Replace("{avis}", key, StringComparison.Ordinal);
        }
        return path.Replace("{product}", Demo.JourneyProductSlug, StringComparison.Ordinal);
    }

    /// <summary>A product of its own for a write row, with the same team as vaccin-suivi.</summary>
    private async Task<string> CreateFreshProductAsync()
    {
        var slug = $"matrice-{Guid.NewGuid():N}"[..20];
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Cap.Data.CapDbContext>();
        await TestProducts.AddWithJourneyTeamAsync(db, slug, $"Matrice {slug}", "Produit créé pour une ligne de la matrice des droits.");
        await db.SaveChangesAsync();
        return slug;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string url, MatrixRole role)
    {
        if (method == "GET")
        {
            return await client.GetAsync(url);
        }
        if (url.StartsWith("/api/", StringComparison.Ordinal))
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = await ApiBodyAsync(method, url) };
            return await client.SendAsync(request);
        }
        // A real browser's token: from the sign-in page for a visitor, from the account page otherwise.
        var fields = await CapWebFactory.FormFieldsAsync(client, role == MatrixRole.Anonymous ? "/connexion" : "/compte");
        var form = new Dictionary<string, string> { [CapWebFactory.AntiforgeryField] = fields[CapWebFactory.AntiforgeryField] };
        foreach (var (name, value) in await FormBodyAsync(url))
        {
            form[name] = value;
        }
        using var content = new FormUrlEncodedContent(form);
        return await client.PostAsync(url, content);
    }

    private async Task<Dictionary<string, string>> FormBodyAsync(string url)
    {
        var unique = Guid.NewGuid().ToString("N")[..8];
        if (url == "/produits/nouveau")
        {
            var refs = await ReferencesAsync();
            return new()
            {
                ["Input.Name"] = $"Matrice création {unique}",
                ["Input.Summary"] = "Créé par la matrice des droits.",
                ["Input.DirectorateId"] = refs.Directorate, ["Input.DomainId"] = refs.Domain, ["Input.TypologyId"] = refs.Typology,
                ["Input.Phase"] = nameof(Phase.Idee),
            };
        }
        if (url.EndsWith("/modifier", StringComparison.Ordinal))
        {
            var p = await QueryAsync(factory, db => db.Products.AsNoTracking().SingleAsync(x => x.Slug == _fresh));
            return new()
            {
                ["Version"] = p.Version.ToString(CultureInfo.InvariantCulture),
                ["Input.Name"] = p.Name, ["Input.Slug"] = p.Slug, ["Input.Summary"] = "Modifié par la matrice des droits.",
                ["Input.DirectorateId"] = p.DirectorateId.ToString(CultureInfo.InvariantCulture),
                ["Input.DomainId"] = p.DomainId.ToString(CultureInfo.InvariantCulture),
                ["Input.TypologyId"] = p.TypologyId.ToString(CultureInfo.InvariantCulture),
                ["Input.Phase"] = p.Phase.ToString(),
            };
        }
        if (url.Contains("handler=Add", StringComparison.Ordinal))
        {
            var newcomer = await OutsiderAsync(factory, _fresh!, Julie, Demo.ProductOwner);
            return new()
            {
                ["Input.PersonId"] = newcomer.Id.ToString(CultureInfo.InvariantCulture),
                ["Input.Role"] = nameof(ProductRole.MembreEquipe),
            };
        }
        if (url.EndsWith("/cycle-de-vie?handler=Deliverable", StringComparison.Ordinal))
        {
            return new() { ["Deliverable.Key"] = "feuille-de-route", ["Deliverable.Provided"] = "true", ["Deliverable.Link"] = "https://exemple.gouv.fr/matrice", ["Deliverable.Version"] = "0" };
        }
        if (url.EndsWith("/cycle-de-vie?handler=Override", StringComparison.Ordinal))
        {
            return new() { ["Override.Target"] = nameof(Phase.Generalisation), ["Override.Reason"] = "Matrice des droits" };
        }
        if (url.EndsWith("/indicateurs/jetons?handler=Create", StringComparison.Ordinal))
        {
            return new() { ["Input.Name"] = $"Jeton produit matrice {unique}" };
        }
        if (url.EndsWith("/satisfaction/emplacements/nouveau", StringComparison.Ordinal))
        {
            return new() { ["Input.Label"] = $"Emplacement matrice {unique}", ["Input.IsEnabled"] = "true" };
        }
        if (url.StartsWith("/avis/", StringComparison.Ordinal))
        {
            return new() { ["Input.Experience"] = "3" };
        }
        if (url == "/compte?handler=Create")
        {
            return new() { ["Input.Name"] = $"Jeton matrice {unique}" };
        }
        if (url == "/admin/referentiels/directions/nouveau")
        {
            return new() { ["Input.Code"] = $"M{unique}".ToUpperInvariant(), ["Input.Name"] = $"Direction matrice {unique}", ["Input.IsActive"] = "true" };
        }
        if (url == "/admin/personnes/nouveau")
        {
            return new() { ["Input.DisplayName"] = $"Personne Matrice {unique}", ["Input.Email"] = $"matrice.{unique}@sante.gouv.fr", ["Input.IsActive"] = "true" };
        }
        return [];
    }

    private async Task<StringContent?> ApiBodyAsync(string method, string url)
    {
        if (url.EndsWith("/archive", StringComparison.Ordinal) || url.EndsWith("/restore", StringComparison.Ordinal))
        {
            if (url.EndsWith("/restore", StringComparison.Ordinal))
            {
                // Restoring needs an archived product.
                await QueryAsync(factory, db => db.Products.Where(p => p.Slug == _fresh).ExecuteUpdateAsync(s => s.SetProperty(p => p.IsArchived, true)));
            }
            return null;
        }
        var unique = Guid.NewGuid().ToString("N")[..8];
        if (url.StartsWith("/api/v1/satisfaction/", StringComparison.Ordinal))
        {
            return Json(new { experience = 3 });
        }
        if (url.EndsWith("/lifecycle/override", StringComparison.Ordinal))
        {
            return Json(new { targetPhase = "generalisation", reason = "Matrice des droits (API)" });
        }
        if (method == "POST" && url.EndsWith("/indicators", StringComparison.Ordinal))
        {
            var today = Demo.Today;
            return Json(new
            {
                kind = "success", name = $"Indicateur matrice {unique}", unit = "percent", direction = "up", baseline = 10m,
                baselineDate = today.AddMonths(-6).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), target = 80m,
                targetDate = today.AddMonths(6).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), frequency = "weekly",
            });
        }
        if (url.EndsWith("/messages", StringComparison.Ordinal))
        {
            return Json(new { body = "Message de la matrice des droits." });
        }
        if (url.EndsWith("/measurements", StringComparison.Ordinal))
        {
            return Json(new[] { new { date = Demo.Today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), value = 42m } });
        }
        if (method == "PUT" && url == $"/api/v1/products/{_fresh}")
        {
            var version = await QueryAsync(factory, db => db.Products.Where(p => p.Slug == _fresh).Select(p => p.Version).SingleAsync());
            return Json(new { name = $"Matrice {_fresh}", slug = _fresh, summary = "Modifié par la matrice (API).", directorate = "DGS", domain = "SANTE", typology = "DOSSIER", version });
        }
        if (url == "/api/v1/products")
        {
            return Json(new { name = $"Matrice API {unique}", summary = "Créé par la matrice (API).", directorate = "DGS", domain = "SANTE", typology = "DOSSIER", phase = "idea" });
        }
        // Every other write: an empty object, refused for its content (V) once the rights allow it.
        return RawJson("{}");
    }

    private Task<(string Directorate, string Domain, string Typology)> ReferencesAsync() =>
        QueryAsync(factory, async db => (
            (await db.Directorates.SingleAsync(d => d.Code == "DGS")).Id.ToString(CultureInfo.InvariantCulture),
            (await db.Domains.SingleAsync(d => d.Code == "SANTE")).Id.ToString(CultureInfo.InvariantCulture),
            (await db.Typologies.SingleAsync(d => d.Code == "DOSSIER")).Id.ToString(CultureInfo.InvariantCulture)));
}

public sealed class AuthorizationMatrixTestsSqlite(SqliteCapFactory factory) : AuthorizationMatrixTests<SqliteCapFactory>(factory);

public sealed class AuthorizationMatrixTestsPostgres(PostgresCapFactory factory) : AuthorizationMatrixTests<PostgresCapFactory>(factory);
