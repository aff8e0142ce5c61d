using System.Globalization;
using System.Net;
using Cap.Domain.Catalogue;
using Cap.Domain.Committee;
using Cap.Domain.LifeCycle;
using Cap.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Cap.Web.Tests.Infrastructure.CapWebFactory;
using static Cap.Web.Tests.Infrastructure.TestHttp;

namespace Cap.Web.Tests.Committee;

public abstract class CommitteeTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : CapWebFactory
{
    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A product of its own for each test, in <paramref name="phase"/>, with Karim Benali as Responsable produit.</summary>
    private async Task<(int Id, string Slug)> FreshProductAsync(Phase phase)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Cap.Data.CapDbContext>();
        var karim = await db.People.SingleAsync(p => p.Email == Demo.ProductOwner);
        var slug = $"comite-{Guid.NewGuid():N}"[..20];
        var product = new Product
        {
            Slug = slug, Name = $"Produit {slug}", Summary = "Produit de test du comité.", Phase = phase,
            DirectorateId = await db.Directorates.Select(d => d.Id).FirstAsync(),
            DomainId = await db.Domains.Select(d => d.Id).FirstAsync(),
            TypologyId = await db.Typologies.Select(d => d.Id).FirstAsync(),
        };
        product.Team.Add(new TeamMember { PersonId = karim.Id, Role = ProductRole.ResponsableProduit });
        db.Products.Add(product);
        await db.SaveChangesAsync();
        return (product.Id, slug);
    }

    private static Task<HttpResponseMessage> RequestAsync(HttpClient client, string slug, string target, string submit = "oui") =>
        PostFormAsync(client, $"/produits/{slug}/comite/demandes/nouvelle", new Dictionary<string, string>
        {
            ["Input.Target"] = target,
            ["Input.Context"] = "Le produit est en service auprès de vrais usagers.",
            ["Input.Ask"] = "Valider le passage.",
            ["Input.DesiredDate"] = Iso(Demo.Today.AddDays(10)),
            ["submit"] = submit,
        });

    private Task<List<GateRequest>> RequestsAsync(int productId) =>
        QueryAsync(factory, db => db.GateRequests.AsNoTracking().Where(r => r.ProductId == productId).OrderBy(r => r.Id).ToListAsync());

    private static Dictionary<string, string> Review(string outcome, int aspects = 7, string? target = null, bool condition = false, int? ownerId = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Outcome"] = outcome,
            ["Input.Summary"] = "Le comité a entendu l’équipe.",
            ["Input.Needs"] = "DevOps",
        };
        if (target is not null)
        {
            fields["Input.TargetPhase"] = target;
        }
        for (var i = 0; i < aspects; i++)
        {
            fields[$"Input.Aspects[{i}].Rating"] = i == 3 ? "AAmeliorer" : "Satisfaisant";
            fields[$"Input.Aspects[{i}].Comment"] = $"Commentaire {i}";
        }
        if (condition)
        {
            fields["Input.Conditions[0].Description"] = "Publier la déclaration d’accessibilité";
            fields["Input.Conditions[0].OwnerId"] = ownerId!.Value.ToString(CultureInfo.InvariantCulture);
            fields["Input.Conditions[0].DueDate"] = Iso(Demo.Today.AddDays(30));
        }
        return fields;
    }

    [Fact]
    public async Task Team_drafts_submits_and_withdraws_a_request()
    {
        var (id, slug) = await FreshProductAsync(Phase.Mvp);
        using var team = factory.CreateClientFor(Demo.ProductOwner);

        using var drafted = await RequestAsync(team, slug, "construction", submit: "non");
        Assert.Equal(HttpStatusCode.Redirect, drafted.StatusCode);
        var request = Assert.Single(await RequestsAsync(id));
        Assert.Equal(GateRequestStatus.Brouillon, request.Status);
        Assert.Equal(Phase.Mvp, request.FromPhase);
        Assert.Equal(Phase.Construction, request.TargetPhase);
        Assert.Null(request.SubmittedAt);

        using var submitted = await PostFormAsync(team, $"/produits/{slug}/comite", new Dictionary<string, string>(), $"/produits/{slug}/comite?handler=Submit&requestId={request.Id}");
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Equal(GateRequestStatus.Soumise, (await RequestsAsync(id))[0].Status);

        using var home = await factory.CreateClientFor(Demo.MembreComite).GetAsync("/comite");
        Assert.Contains($"Produit {slug}", Html.Text(await Html.ParseAsync(home)), StringComparison.Ordinal);

        using var withdrawn = await PostFormAsync(team, $"/produits/{slug}/comite", new Dictionary<string, string>(), $"/produits/{slug}/comite?handler=Withdraw&requestId={request.Id}");
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.Equal(GateRequestStatus.Retiree, (await RequestsAsync(id))[0].Status);
    }

    [Fact]
    public async Task A_second_open_request_is_refused_with_409_and_a_french_message()
    {
        var (id, slug) = await FreshProductAsync(Phase.Mvp);
        using var team = factory.CreateClientFor(Demo.ProductOwner);
        using var first = await RequestAsync(team, slug, "construction", submit: "non");
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        using var second = await RequestAsync(team, slug, "construction");

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("déjà une demande de passage en cours", Html.Text(await Html.ParseAsync(second)), StringComparison.Ordinal);
        Assert.Single(await RequestsAsync(id));
    }

    [Fact]
    public async Task A_request_for_a_move_the_rules_forbid_is_refused_with_422()
    {
        var (id, slug) = await FreshProductAsync(Phase.Mvp);
        using var team = factory.CreateClientFor(Demo.ProductOwner);

        using var response = await RequestAsync(team, slug, "generalisation");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var document = await Html.ParseAsync(response);
        Assert.Contains("saute une étape", document.QuerySelector("#Input_Target-messages")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(await RequestsAsync(id));
    }

    [Fact]
    public async Task A_desired_date_that_cannot_be_read_creates_nothing_and_the_other_fields_are_checked_too()
    {
        var (id, slug) = await FreshProductAsync(Phase.Mvp);
        using var team = factory.CreateClientFor(Demo.ProductOwner);
        Task<HttpResponseMessage> PostAsync(string ask) => PostFormAsync(team, $"/produits/{slug}/comite/demandes/nouvelle", new Dictionary<string, string>
        {
            ["Input.Target"] = "construction",
            ["Input.Context"] = "Le produit est en service auprès de vrais usagers.",
            ["Input.Ask"] = ask,
            ["Input.DesiredDate"] = "31/02/2027",
            ["submit"] = "oui",
        });

        using (var otherwiseValid = await PostAsync("Valider le passage."))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, otherwiseValid.StatusCode);
            var document = await Html.ParseAsync(otherwiseValid);
            Assert.Contains("jj/mm/aaaa", document.QuerySelector("#Input_DesiredDate-messages")!.TextContent, StringComparison.Ordinal);
            Assert.Empty(await RequestsAsync(id));
        }
        using (var askMissing = await PostAsync(""))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, askMissing.StatusCode);
            var document = await Html.ParseAsync(askMissing);
            Assert.Contains("jj/mm/aaaa", document.QuerySelector("#Input_DesiredDate-messages")!.TextContent, StringComparison.Ordinal);
            Assert.Contains("Indiquez ce que l’équipe attend du comité.", document.QuerySelector("#Input_Ask-messages")!.TextContent, StringComparison.Ordinal);
        }
        Assert.Empty(await RequestsAsync(id));
    }

    [Fact]
    public async Task A_session_in_the_past_is_refused()
    {
        using var member = factory.CreateClientFor(Demo.MembreComite);
        var before = await QueryAsync(factory, db => db.CommitteeSessions.CountAsync());

        using var response = await PostFormAsync(member, "/comite/seances/nouvelle", new Dictionary<string, string> { ["Input.Date"] = Iso(Demo.Today.AddDays(-1)) });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("ne peut pas être passée", (await Html.ParseAsync(response)).QuerySelector("#Input_Date-messages")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await QueryAsync(factory, db => db.CommitteeSessions.CountAsync()));
    }

    [Fact]
    public async Task A_review_missing_an_aspect_records_nothing()
    {
        var (id, slug) = await FreshProductAsync(Phase.Mvp);
        using var team = factory.CreateClientFor(Demo.ProductOwner);
        using var _ = await RequestAsync(team, slug, "construction");
        var request = (await RequestsAsync(id))[0];
        using var member = factory.CreateClientFor(Demo.MembreComite);

        using var response = await PostFormAsync(member, $"/comite/demandes/{request.Id}/examen", Review("Go", aspects: 6));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Pratiques de développement", (await Html.ParseAsync(response)).QuerySelector("#Input_Aspects_6__Rating-messages")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await QueryAsync(factory, db => db.GateDecisions.CountAsync(d => d.ProductId == id)));
        Assert.Equal(0, await QueryAsync(factory, db => db.AspectAssessments.CountAsync(a => a.ProductId == id)));
        Assert.Equal(GateRequestStatus.Soumise, (await RequestsAsync(id))[0].Status);
        Assert.Equal(Phase.Mvp, await QueryAsync(factory, db => db.Products.Where(p => p.Id == id).Select(p => p.Phase).SingleAsync()));
    }

    [Fact]
    public async Task A_go_to_another_phase_than_the_requested_one_is_refused()
    {
        var (id, slug) = await FreshProductAsync(Phase.Mvp);
        using var team = factory.CreateClientFor(Demo.ProductOwner);
        using var _ = await RequestAsync(team, slug, "construction");
        var request = (await RequestsAsync(id))[0];
        using var member = factory.CreateClientFor(Demo.MembreComite);

        using var response = await PostFormAsync(member, $"/comite/demandes/{request.Id}/examen", Review("Go", target: "poc"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("phase demandée", (await Html.ParseAsync(response)).QuerySelector("#Input_TargetPhase-messages")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(Phase.Mvp, await QueryAsync(factory, db => db.Products.Where(p => p.Id == id).Select(p => p.Phase).SingleAsync()));
    }

    [Fact]
    public async Task Ajourne_leaves_the_phase_and_arret_stops_the_product()
    {
        var (id, slug) = await FreshProductAsync(Phase.Poc);
        using var team = factory.CreateClientFor(Demo.ProductOwner);
        using var member = factory.CreateClientFor(Demo.MembreComite);
        using var r1 = await RequestAsync(team, slug, "mvp");
        using var adjourned = await PostFormAsync(member, $"/comite/demandes/{(await RequestsAsync(id))[0].Id}/examen", Review("Ajourne"));
        Assert.Equal(HttpStatusCode.Redirect, adjourned.StatusCode);
        Assert.Equal(Phase.Poc, await QueryAsync(factory, db => db.Products.Where(p => p.Id == id).Select(p => p.Phase).SingleAsync()));
        Assert.Equal(0, await QueryAsync(factory, db => db.PhaseChanges.CountAsync(c => c.ProductId == id)));

        using var r2 = await RequestAsync(team, slug, "mvp");
        using var stopped = await PostFormAsync(member, $"/comite/demandes/{(await RequestsAsync(id))[1].Id}/examen", Review("Arret"));
        Assert.Equal(HttpStatusCode.Redirect, stopped.StatusCode);
        Assert.Equal(Phase.Arret, await QueryAsync(factory, db => db.Products.Where(p => p.Id == id).Select(p => p.Phase).SingleAsync()));
    }

    [Fact]
    public async Task Correcting_a_go_to_ajourne_moves_the_product_back_and_says_so()
    {
        var (id, slug) = await FreshProductAsync(Phase.Poc);
        using var team = factory.CreateClientFor(Demo.ProductOwner);
        using var member = factory.CreateClientFor(Demo.MembreComite);
        using var requested = await RequestAsync(team, slug, "mvp");
        var review = $"/comite/demandes/{(await RequestsAsync(id))[0].Id}/examen";
        using var go = await PostFormAsync(member, review, Review("Go"));
        Assert.Equal(HttpStatusCode.Redirect, go.StatusCode);
        Assert.Equal(Phase.Mvp, await QueryAsync(factory, db => db.Products.Where(p => p.Id == id).Select(p => p.Phase).SingleAsync()));

        // The correction form the page renders comes filled with the Go; the member chooses « Ajourné ».
        var correction = await RenderedForm.ReadAsync(member, review);
        Assert.Contains("Pas de passage pour l’instant : le produit passe de la phase MVP à la phase POC.", correction.Text);
        using var corrected = await correction.Set("Input.Outcome", "Ajourne").SubmitAsync(member);
        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        Assert.Equal(Phase.Poc, await QueryAsync(factory, db => db.Products.Where(p => p.Id == id).Select(p => p.Phase).SingleAsync()));
        var page = await member.GetStringAsync(corrected.Headers.Location);
        Assert.Contains($"Décision « Ajourné » enregistrée pour Produit {slug} : le produit passe de la phase MVP à la phase POC.", System.Net.WebUtility.HtmlDecode(page));
    }

    [Fact]
    public async Task Go_avec_conditions_through_a_session_moves_the_phase_then_the_condition_is_met_and_confirmed()
    {
        var (id, slug) = await FreshProductAsync(Phase.Mvp);
        var karimId = await PersonIdAsync(factory, Demo.ProductOwner);
        using var team = factory.CreateClientFor(Demo.ProductOwner);
        using var member = factory.CreateClientFor(Demo.MembreComite);
        using var requested = await RequestAsync(team, slug, "construction");
        var request = (await RequestsAsync(id))[0];

        using var planned = await PostFormAsync(member, "/comite/seances/nouvelle", new Dictionary<string, string> { ["Input.Date"] = Iso(Demo.Today.AddDays(3)) });
        Assert.Equal(HttpStatusCode.Redirect, planned.StatusCode);
        var sessionUrl = planned.Headers.Location!.OriginalString;
        using var added = await PostFormAsync(member, sessionUrl, new Dictionary<string, string> { ["RequestId"] = request.Id.ToString(CultureInfo.InvariantCulture) }, $"{sessionUrl}?handler=Add");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(GateRequestStatus.Inscrite, (await RequestsAsync(id))[0].Status);
        using (var again = await PostFormAsync(member, sessionUrl, new Dictionary<string, string> { ["RequestId"] = request.Id.ToString(CultureInfo.InvariantCulture) }, $"{sessionUrl}?handler=Add"))
        {
            // The refusal is about the chosen request: the summary leads to the request field.
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
            var link = (await Html.ParseAsync(again)).QuerySelector("#error-summary a[href='#RequestId']");
            Assert.Contains("Seule une demande soumise", link?.TextContent, StringComparison.Ordinal);
        }
        using var agenda = await member.GetAsync(sessionUrl);
        Assert.NotNull((await Html.ParseAsync(agenda)).QuerySelector($"a[href='/comite/demandes/{request.Id}/dossier']"));
        using var pack = await member.GetAsync($"/comite/demandes/{request.Id}/dossier");
        Assert.Equal(HttpStatusCode.OK, pack.StatusCode);
        // The fresh product has no vision: the pack's points of attention say so and lead to the vision tab.
        var attention = (await Html.ParseAsync(pack)).QuerySelector("section[aria-labelledby='attention']");
        Assert.Contains("Vision absente", attention?.TextContent, StringComparison.Ordinal);
        Assert.NotNull(attention!.QuerySelector($"a[href='/produits/{slug}/vision']"));

        using var decided = await PostFormAsync(member, $"/comite/demandes/{request.Id}/examen", Review("GoAvecConditions", target: "construction", condition: true, ownerId: karimId));

        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        var decision = await QueryAsync(factory, db => db.GateDecisions.AsNoTracking().Include(d => d.Assessments).Include(d => d.Conditions).SingleAsync(d => d.ProductId == id));
        Assert.Equal(DecisionOutcome.GoAvecConditions, decision.Outcome);
        Assert.Equal(7, decision.Assessments.Count);
        Assert.Equal(SupportNeeds.DevOps, decision.SupportNeeds);
        Assert.Equal(Phase.Construction, await QueryAsync(factory, db => db.Products.Where(p => p.Id == id).Select(p => p.Phase).SingleAsync()));
        var change = await QueryAsync(factory, db => db.PhaseChanges.AsNoTracking().SingleAsync(c => c.ProductId == id));
        Assert.Equal((Phase.Mvp, Phase.Construction, PhaseChangeKind.CommitteeDecision, decision.Id), (change.From!.Value, change.To, change.Kind, change.GateDecisionId!.Value));
        // The phase's start is kept on the product with the move.
        Assert.Equal(change.At, await QueryAsync(factory, db => db.Products.Where(p => p.Id == id).Select(p => p.PhaseSince).SingleAsync()));
        Assert.Equal(GateRequestStatus.Examinee, (await RequestsAsync(id))[0].Status);
        var audited = await QueryAsync(factory, db => db.AuditEntries.AsNoTracking().Where(a => a.ProductId == id).Select(a => a.EntityType).ToListAsync());
        Assert.Contains(nameof(GateDecision), audited);
        Assert.Contains(nameof(PhaseChange), audited);
        Assert.Contains(nameof(GateCondition), audited);
        Assert.Contains(nameof(Product), audited);

        var condition = Assert.Single(decision.Conditions);
        using var declared = await PostFormAsync(team, $"/produits/{slug}/comite", new Dictionary<string, string>
        {
            ["Evidence"] = "Déclaration publiée.",
            ["EvidenceLink"] = "https://exemple.gouv.fr/accessibilite",
        }, $"/produits/{slug}/comite?handler=Declare&conditionId={condition.Id}");
        Assert.Equal(HttpStatusCode.Redirect, declared.StatusCode);
        Assert.Equal(ConditionStatus.LeveeDeclaree, await QueryAsync(factory, db => db.GateConditions.Where(c => c.Id == condition.Id).Select(c => c.Status).SingleAsync()));

        using var confirmed = await PostFormAsync(member, "/comite", new Dictionary<string, string>(), $"/comite?handler=Confirm&conditionId={condition.Id}");
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(ConditionStatus.Confirmee, await QueryAsync(factory, db => db.GateConditions.Where(c => c.Id == condition.Id).Select(c => c.Status).SingleAsync()));

        using var api = await factory.CreateClientFor(Demo.Lecteur).GetAsync($"/api/v1/products/{slug}/decisions");
        using var json = await ReadJsonAsync(api);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        var first = json.RootElement[0];
        Assert.Equal("go-with-conditions", first.GetProperty("outcome").GetString());
        Assert.Equal(7, first.GetProperty("assessments").GetArrayLength());
        Assert.Equal("confirmed", first.GetProperty("conditions")[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_home_lists_products_whose_phase_has_lasted_long_from_the_kept_phase_start()
    {
        var (id, slug) = await FreshProductAsync(Phase.Construction);
        using var member = factory.CreateClientFor(Demo.MembreComite);
        async Task<List<string>> LongPhaseRowsAsync()
        {
            using var home = await member.GetAsync("/comite");
            var table = (await Html.ParseAsync(home)).QuerySelectorAll("table")
                .FirstOrDefault(t => t.QuerySelector("caption")?.TextContent.Contains("phase dure depuis longtemps", StringComparison.Ordinal) == true);
            return table is null ? [] : [.. table.QuerySelectorAll("tbody tr").Select(r => r.TextContent)];
        }
        Assert.DoesNotContain(await LongPhaseRowsAsync(), r => r.Contains($"Produit {slug}", StringComparison.Ordinal));

        // In Construction for ten years: the oldest of all, first in the list, with the date its phase started.
        var since = (await QueryAsync(factory, db => db.Products.Where(p => p.Id == id).Select(p => p.PhaseSince).SingleAsync())).AddYears(-10);
        await QueryAsync(factory, db => db.Products.Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.PhaseSince, since)));
        var first = (await LongPhaseRowsAsync())[0];
        Assert.Contains($"Produit {slug}", first, StringComparison.Ordinal);
        Assert.Contains(Cap.Web.Shared.Dates.Day(since), first, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_redesign_is_reviewed_by_the_committee_without_a_change_of_phase()
    {
        var (id, slug) = await FreshProductAsync(Phase.Mvp);
        using var team = factory.CreateClientFor(Demo.ProductOwner);
        using var member = factory.CreateClientFor(Demo.MembreComite);

        // The team writes the request in the form the page renders: a redesign, no target phase.
        var form = await RenderedForm.ReadAsync(team, $"/produits/{slug}/comite/demandes/nouvelle");
        Assert.Equal("PassagePhase", form["Input.Kind"]);
        using var created = await form.Set("Input.Kind", "Refonte").Set("Input.Target", "")
            .Set("Input.Context", "Le parcours de dépôt est repris avec le DSFR.").Set("Input.Ask", "Valider la refonte du parcours de dépôt.")
            .Set("submit", "oui").SubmitAsync(team);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Contains("La demande de revue (refonte) est soumise au comité produit.", System.Net.WebUtility.HtmlDecode(await team.GetStringAsync(created.Headers.Location)), StringComparison.Ordinal);
        var request = Assert.Single(await RequestsAsync(id));
        Assert.Equal((GateRequestKind.Refonte, Phase.Mvp, Phase.Mvp, GateRequestStatus.Soumise), (request.Kind, request.FromPhase, request.TargetPhase, request.Status));

        // The committee's home and the dossier say what the request is about.
        Assert.Contains("Refonte (phase MVP)", System.Net.WebUtility.HtmlDecode(await member.GetStringAsync("/comite")), StringComparison.Ordinal);
        var dossier = await Html.ParseAsync(await member.GetAsync($"/comite/demandes/{request.Id}/dossier"));
        Assert.Equal("Revue demandée : Refonte (phase MVP)", dossier.QuerySelector("p.fr-text--lead")?.TextContent.Trim());

        // The review form has no « phase ouverte par un Go »; a Go validates the redesign and the product stays in MVP.
        var review = await RenderedForm.ReadAsync(member, $"/comite/demandes/{request.Id}/examen");
        Assert.DoesNotContain("Input.TargetPhase", review.Names);
        Assert.Contains("La refonte est validée ; le produit reste en phase MVP.", review.Text, StringComparison.Ordinal);
        for (var i = 0; i < 7; i++)
        {
            review.Set($"Input.Aspects[{i}].Rating", "Satisfaisant");
        }
        using var decided = await review.Set("Input.Outcome", "Go").Set("Input.Summary", "Refonte validée.").SubmitAsync(member);
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        Assert.Equal(Phase.Mvp, await QueryAsync(factory, db => db.Products.Where(p => p.Id == id).Select(p => p.Phase).SingleAsync()));
        Assert.False(await QueryAsync(factory, db => db.PhaseChanges.AnyAsync(c => c.ProductId == id)));
        var decision = await QueryAsync(factory, db => db.GateDecisions.AsNoTracking().SingleAsync(d => d.ProductId == id));
        Assert.Equal((GateRequestKind.Refonte, DecisionOutcome.Go), (decision.Kind, decision.Outcome));

        // The product's timeline and the API tell a review from a phase change.
        var timeline = System.Net.WebUtility.HtmlDecode(await team.GetStringAsync($"/produits/{slug}/cycle-de-vie"));
        Assert.Contains("Demande de revue (refonte) soumise par", timeline, StringComparison.Ordinal);
        Assert.Contains("Décision du comité : Go (Refonte (phase MVP))", timeline, StringComparison.Ordinal);
        using var api = await ReadJsonAsync(await team.GetAsync($"/api/v1/products/{slug}/decisions"));
        Assert.Equal("redesign", api.RootElement[0].GetProperty("kind").GetString());
    }

    [Fact]
    public async Task A_request_of_an_unknown_kind_or_a_review_naming_another_phase_is_refused_beside_its_field()
    {
        var (id, slug) = await FreshProductAsync(Phase.Mvp);
        using var team = factory.CreateClientFor(Demo.ProductOwner);
        var form = await RenderedForm.ReadAsync(team, $"/produits/{slug}/comite/demandes/nouvelle");
        form.Set("Input.Context", "Contexte.").Set("Input.Ask", "Demande.").Set("submit", "oui");
        using var other = await form.Set("Input.Kind", "EvolutionMajeure").Set("Input.Target", "construction").SubmitAsync(team);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Contains("ne change pas de phase", (await Html.ParseAsync(other)).QuerySelector("#Input_Target-messages")?.TextContent, StringComparison.Ordinal);
        using var unknown = await form.Set("Input.Kind", "2").Set("Input.Target", "construction").SubmitAsync(team);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        Assert.Contains("Choisissez l’objet de la demande", (await Html.ParseAsync(unknown)).QuerySelector("#Input_Kind-messages")?.TextContent, StringComparison.Ordinal);
        Assert.Empty(await RequestsAsync(id));
    }

    [Fact]
    public async Task Points_of_attention_follow_the_latest_vision_for_one_product_and_for_all()
    {
        var (id, slug) = await FreshProductAsync(Phase.Mvp);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Cap.Data.CapDbContext>();
        var flags = scope.ServiceProvider.GetRequiredService<Cap.Web.Shared.ProductFlags>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        // Other sources (the checklist…) raise their own flags on this MVP product: this test follows the vision's.
        static IEnumerable<Cap.Web.Shared.ProductFlag> VisionFlags(IEnumerable<Cap.Web.Shared.ProductFlag> all) => all.Where(f => f.Code.StartsWith("vision-", StringComparison.Ordinal));
        Assert.Equal(["vision-missing"], VisionFlags(await flags.ForProductAsync(id, default)).Select(f => f.Code));

        db.Visions.Add(new Cap.Domain.Steering.Vision { ProductId = id, Number = 1, Statement = "Une vision toute neuve.", CreatedAt = now });
        await db.SaveChangesAsync();
        Assert.Empty(VisionFlags(await flags.ForProductAsync(id, default)));

        var written = now.AddDays(-200);
        await db.Visions.Where(v => v.ProductId == id).ExecuteUpdateAsync(s => s.SetProperty(v => v.CreatedAt, written));
        var stale = Assert.Single(VisionFlags(await flags.ForProductAsync(id, default)));
        Assert.Equal(("vision-stale", "Vision à revisiter"), (stale.Code, stale.Label));
        Assert.Contains(Cap.Web.Shared.Dates.Day(written), stale.Detail, StringComparison.Ordinal);
        // The product's overview shows it first among its panels, with a link to act on it.
        using (var reader = factory.CreateClientFor(Demo.Lecteur))
        using (var overview = await reader.GetAsync($"/produits/{slug}"))
        {
            var panel = (await Html.ParseAsync(overview)).QuerySelectorAll(".fr-card")
                .FirstOrDefault(c => c.QuerySelector(".fr-card__title")?.TextContent == "Points d’attention");
            Assert.Contains("Vision à revisiter", panel?.TextContent, StringComparison.Ordinal);
            Assert.NotNull(panel!.QuerySelector($"a[href='/produits/{slug}/vision']"));
        }
        // Asked for every product at once, the same flag comes out for this one.
        Assert.Equal(["vision-stale"], VisionFlags((await flags.ForProductsAsync(null, default))[id]).Select(f => f.Code));

        // Confirmed yesterday: nothing to look at.
        await db.Visions.Where(v => v.ProductId == id).ExecuteUpdateAsync(s => s.SetProperty(v => v.ReviewedAt, now.AddDays(-1)));
        Assert.Empty(VisionFlags(await flags.ForProductAsync(id, default)));

        // An archived product raises no point of attention, however old its vision.
        await db.Visions.Where(v => v.ProductId == id).ExecuteUpdateAsync(s => s.SetProperty(v => v.ReviewedAt, (DateTimeOffset?)null));
        await db.Products.Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.IsArchived, true));
        Assert.Empty(await flags.ForProductAsync(id, default));
    }

    [Fact]
    public async Task Evidence_without_text_or_link_is_refused_and_outsiders_cannot_declare()
    {
        var conditionId = await QueryAsync(factory, db => db.GateConditions.Where(c => c.Status == ConditionStatus.Ouverte).Select(c => new { c.Id, c.Product!.Slug }).FirstAsync());
        var owner = await MemberEmailAsync(factory, conditionId.Slug, ProductRole.ResponsableProduit);
        var page = $"/produits/{conditionId.Slug}/comite";
        using var team = factory.CreateClientFor(owner);
        using var empty = await PostFormAsync(team, page, new Dictionary<string, string> { ["Evidence"] = " " }, $"{page}?handler=Declare&conditionId={conditionId.Id}");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        // The message sits beside that condition's evidence field, and the summary leads to it.
        var html = await Html.ParseAsync(empty);
        var field = $"condition-{conditionId.Id}-Evidence";
        Assert.NotNull(html.QuerySelector($"textarea#{field}[name='Evidence']"));
        Assert.Contains("Décrivez la preuve", html.QuerySelector($"#{field}-messages")?.TextContent, StringComparison.Ordinal);
        Assert.NotNull(html.QuerySelector($"#error-summary a[href='#{field}']"));
        using var reader = factory.CreateClientFor(Demo.Lecteur);
        using var refused = await PostForgedAsync(reader, "/compte", new Dictionary<string, string> { ["Evidence"] = "fait" }, $"{page}?handler=Declare&conditionId={conditionId.Id}");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(ConditionStatus.Ouverte, await QueryAsync(factory, db => db.GateConditions.Where(c => c.Id == conditionId.Id).Select(c => c.Status).SingleAsync()));
    }

    [Fact]
    public async Task Demo_has_a_submitted_mvp_request_of_the_journey_owner_waiting_for_a_session()
    {
        var waiting = await QueryAsync(factory, db => db.GateRequests.AsNoTracking()
            .Where(r => r.Product!.Slug == Cap.Data.Seeding.DemoCommittee.JourneyProductSlug && r.Status == GateRequestStatus.Soumise && r.FromPhase == Phase.Mvp && r.TargetPhase == Phase.Construction
                && r.Product!.Phase == Phase.Mvp && r.Product.Team.Any(m => m.Person!.Email == Demo.ProductOwner && m.Role == ProductRole.ResponsableProduit))
            .CountAsync());
        Assert.Equal(1, waiting);
        var upcoming = await QueryAsync(factory, db => db.CommitteeSessions.CountAsync(s => s.Status == SessionStatus.Planifiee));
        Assert.True(upcoming >= 2);
        Assert.True(await QueryAsync(factory, db => db.GateConditions.AnyAsync(c => c.Status == ConditionStatus.LeveeDeclaree)));
    }

    [Fact]
    public async Task Api_lists_sessions_and_decisions_with_filters_and_refuses_bad_ones()
    {
        using var reader = factory.CreateClientFor(Demo.Lecteur);
        using var sessions = await reader.GetAsync($"/api/v1/committee/sessions?from={Iso(Demo.Today)}&pageSize=5");
        using var sessionsJson = await ReadJsonAsync(sessions);
        Assert.Equal(HttpStatusCode.OK, sessions.StatusCode);
        Assert.True(sessionsJson.RootElement.GetProperty("total").GetInt32() >= 2);
        Assert.All(sessionsJson.RootElement.GetProperty("items").EnumerateArray(), s => Assert.True(DateOnly.Parse(s.GetProperty("date").GetString()!, CultureInfo.InvariantCulture) >= Demo.Today));

        using var decisions = await reader.GetAsync("/api/v1/committee/decisions?outcome=go-with-conditions&pageSize=100");
        using var decisionsJson = await ReadJsonAsync(decisions);
        Assert.Equal(HttpStatusCode.OK, decisions.StatusCode);
        Assert.All(decisionsJson.RootElement.GetProperty("items").EnumerateArray(), d => Assert.Equal("go-with-conditions", d.GetProperty("outcome").GetString()));

        using var bad = await reader.GetAsync("/api/v1/committee/decisions?outcome=peut-etre&from=hier");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType!.MediaType);
        using var badJson = await ReadJsonAsync(bad);
        Assert.True(badJson.RootElement.GetProperty("errors").TryGetProperty("outcome", out _));
        using var missing = await reader.GetAsync("/api/v1/products/inexistant/decisions");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}

public sealed class CommitteeTestsSqlite(SqliteCapFactory factory) : CommitteeTests<SqliteCapFactory>(factory);

public sealed class CommitteeTestsPostgres(PostgresCapFactory factory) : CommitteeTests<PostgresCapFactory>(factory);
