using System.Text.Json;
using System.Text.Json.Serialization;
using Cap.Domain.Roadmap;
using Cap.Web.Features.Roadmap;

namespace Cap.Web.Tests.Roadmap;

public class RoadmapSnapshotTests
{
    /// <summary>How revisions were stored before <see cref="RoadmapSnapshot"/>: the page's view, serialized with these options.</summary>
    private static readonly JsonSerializerOptions ViewJson = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private static readonly RoadmapView Roadmap = new("produit", "Produit",
        new RoadmapHorizonView(new DateOnly(2027, 1, 1), new DateOnly(2027, 6, 30), 3),
        [new RoadmapObjectiveView(1, "Objectif", true), new RoadmapObjectiveView(2, "Autre objectif", false)],
        [
            new InitiativeView(5, 1, "Objectif", InitiativeKind.Feature, "Initiative", "Description", PeriodUnit.Month, "2027-03", "2027-04",
                new DateOnly(2027, 3, 1), new DateOnly(2027, 4, 30), InitiativeStatus.InProgress, 8, "Indicateur", "Effet", 2),
            new InitiativeView(6, 2, "Autre objectif", InitiativeKind.Action, "Action", null, PeriodUnit.Week, "2027-S02", "2027-S03",
                new DateOnly(2027, 1, 11), new DateOnly(2027, 1, 24), InitiativeStatus.Planned, null, null, null, 1),
        ],
        [new DependencyView(7, DependencyKind.Team, "Équipe", null, "Description", DependencyStatus.Blocking, 1)],
        [new RiskView(9, "Risque", null, 2, 3, 6, RoadmapRules.RiskLevel(2, 3), "Mesure", "Alice", null, RiskStatus.Open, 4)])
    {
        ClosedBeforeHorizon = 2,
    };

    [Fact]
    public void A_revision_stored_as_the_view_before_snapshots_had_a_version_is_read_as_version_0_and_shown_the_same()
    {
        var snapshot = RoadmapSnapshot.Read(JsonSerializer.Serialize(Roadmap, ViewJson))!;

        Assert.Equal(0, snapshot.Version);
        AssertShownAsStored(snapshot.ToView());
    }

    [Fact]
    public void A_new_revision_stores_the_facts_with_the_current_version_and_is_shown_the_same()
    {
        var json = RoadmapSnapshot.Of(Roadmap).Serialize();

        using var document = JsonDocument.Parse(json);
        Assert.Equal(RoadmapSnapshot.CurrentVersion, document.RootElement.GetProperty("version").GetInt32());
        // Derived fields are not stored: they are computed again when the revision is shown.
        Assert.False(document.RootElement.GetProperty("risks")[0].TryGetProperty("level", out _));
        Assert.False(document.RootElement.GetProperty("initiatives")[0].TryGetProperty("start", out _));
        AssertShownAsStored(RoadmapSnapshot.Read(json)!.ToView());
    }

    private static void AssertShownAsStored(RoadmapView shown)
    {
        // A revision is read-only: its items carry no version.
        Assert.Equal((Roadmap.Product, Roadmap.ProductName, Roadmap.ClosedBeforeHorizon), (shown.Product, shown.ProductName, shown.ClosedBeforeHorizon));
        Assert.Equal(Roadmap.Horizon! with { Version = 0 }, shown.Horizon);
        Assert.Equal(Roadmap.Objectives, shown.Objectives);
        Assert.Equal(Roadmap.Initiatives.Select(i => i with { Version = 0 }), shown.Initiatives);
        Assert.Equal(Roadmap.Dependencies.Select(d => d with { Version = 0 }), shown.Dependencies);
        Assert.Equal(Roadmap.Risks.Select(r => r with { Version = 0 }), shown.Risks);
        Assert.Equal([1], shown.Priorities.Select(o => o.Id));
    }
}
