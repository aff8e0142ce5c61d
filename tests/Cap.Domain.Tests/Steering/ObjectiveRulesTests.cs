using Cap.Domain.Steering;

namespace Cap.Domain.Tests.Steering;

public class ObjectiveRulesTests
{
    private static readonly HashSet<int> Offered = [1, 2];

    private static ObjectiveInput Input(string? title = "Réduire les délais", string? description = null, string? horizon = null,
        ObjectiveStatus? status = ObjectiveStatus.Active, params int[] priorities) => new(title, description, horizon, status, priorities);

    [Fact]
    public void A_complete_objective_is_accepted_with_cleaned_values()
    {
        var result = ObjectiveRules.Validate(Input(title: "  Réduire les délais  ", description: " ", horizon: "30/06/2027", priorities: [1, 1, 2]), Offered, new HashSet<int>());
        var values = Assert.IsType<ObjectiveValues>(result.Value);
        Assert.Equal("Réduire les délais", values.Title);
        Assert.Null(values.Description);
        Assert.Equal(new DateOnly(2027, 6, 30), values.Horizon);
        Assert.Equal([1, 2], values.PriorityIds.Order());
    }

    [Fact]
    public void Each_refusal_names_its_field()
    {
        var result = ObjectiveRules.Validate(Input(title: " ", description: new string('d', Objective.DescriptionMaxLength + 1), horizon: "bientôt", status: null, priorities: [9]), Offered, new HashSet<int>());
        var refusal = Assert.IsType<Refusal>(result.Refusal);
        Assert.Equal(RefusalKind.Invalid, refusal.Kind);
        Assert.Equal("Saisissez le titre de l’objectif.", refusal.Errors["Title"]);
        Assert.Equal($"La description ne doit pas dépasser 2000 caractères (actuellement 2001).", refusal.Errors["Description"]);
        Assert.Equal("Saisissez l’horizon sous la forme jj/mm/aaaa, par exemple 30/06/2027.", refusal.Errors["Horizon"]);
        Assert.Equal("Choisissez le statut de l’objectif.", refusal.Errors["Status"]);
        Assert.Equal("Une des priorités choisies n’existe pas ou n’est plus proposée.", refusal.Errors["PriorityIds"]);
        Assert.Contains("ne doit pas dépasser 200 caractères", ObjectiveRules.Validate(Input(title: new string('t', 201)), Offered, new HashSet<int>()).Refusal!.Errors["Title"], StringComparison.Ordinal);
    }

    [Fact]
    public void A_priority_no_longer_offered_stays_on_the_objective_that_had_it()
    {
        Assert.True(ObjectiveRules.Validate(Input(priorities: [7]), Offered, new HashSet<int> { 7 }).Succeeded);
        Assert.False(ObjectiveRules.Validate(Input(priorities: [7]), Offered, new HashSet<int>()).Succeeded);
    }
}
