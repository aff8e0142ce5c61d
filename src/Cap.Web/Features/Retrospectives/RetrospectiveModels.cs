using Cap.Web.Shared;
using Cap.Domain.Retrospectives;

namespace Cap.Web.Features.Retrospectives;

/// <summary>A line of the product's retrospectives list.</summary>
public sealed record RetrospectiveRow(
    int Id, string Title, DateOnly HeldOn, RetrospectiveStatus Status, int? IterationId, int? IterationNumber,
    int WorksCount, int ToImproveCount, int ActionsDone, int ActionsTotal)
{
    public int ItemsCount => WorksCount + ToImproveCount;
}

/// <summary>A person of the product's team, a possible owner of an action.</summary>
public sealed record TeamPersonView(int Id, string Name);

public sealed record RetroItemView(int Id, RetroItemKind Kind, string Text, int? AuthorId, string? Author, DateTimeOffset CreatedAt);

public sealed record RetroActionView(
    int Id, int RetrospectiveId, string Title, int OwnerPersonId, string OwnerName, DateOnly? DueDate, RetroActionStatus Status,
    int? CarriedToRetrospectiveId, DateTimeOffset? ClosedAt, int Version)
{
    public bool IsOpen => RetrospectiveRules.IsOpen(Status);
}

/// <summary>An open action of an earlier retrospective, reviewed at the start of this one.</summary>
public sealed record EarlierActionView(RetroActionView Action, int FromRetrospectiveId, string FromTitle, DateOnly FromHeldOn, bool CarriedHere);

/// <summary>A retrospective with its items and actions, as read on screen and in the API.</summary>
public sealed record RetrospectiveView(
    int Id, string Product, string Title, DateOnly HeldOn, RetrospectiveStatus Status, int? IterationId, int? IterationNumber,
    IReadOnlyList<RetroItemView> Items, IReadOnlyList<RetroActionView> Actions,
    IReadOnlyList<EarlierActionView> ToReview, IReadOnlyList<EarlierActionView> Carried, int Version)
{
    public IEnumerable<RetroItemView> Works => Items.Where(i => i.Kind == RetroItemKind.Works);
    public IEnumerable<RetroItemView> ToImprove => Items.Where(i => i.Kind == RetroItemKind.ToImprove);
    public bool IsOpen => Status == RetrospectiveStatus.Open;
}

/// <summary>What the live channel sends: items and actions newer than the ones the screen has.</summary>
public sealed record RetrospectiveNews(IReadOnlyList<RetroItemView> Items, IReadOnlyList<RetroActionView> Actions, RetrospectiveStatus Status);

/// <summary>A retrospective as created by a form or the API.</summary>
public sealed class RetrospectiveInput
{
    /// <summary>Optional: by default « Rétrospective de l’itération N » or « Rétrospective du jj/mm/aaaa ».</summary>
    public string? Title { get; set; }
    public DateOnly? HeldOn { get; set; }
    /// <summary>An iteration of the product without a retrospective; none for a free-standing retrospective.</summary>
    public int? IterationId { get; set; }
}

/// <summary>An item (« ce qui fonctionne » or « à améliorer »).</summary>
public sealed class RetroItemInput
{
    public RetroItemKind? Kind { get; set; }
    public string? Text { get; set; }
}

/// <summary>An action decided in the retrospective.</summary>
public sealed class RetroActionInput
{
    public string? Title { get; set; }
    /// <summary>A member of the product's team (required).</summary>
    public int? OwnerPersonId { get; set; }
    public DateOnly? DueDate { get; set; }
}

/// <summary>A change of an action: status, owner, due date; <see cref="Version"/> is the version read.</summary>
public sealed class RetroActionUpdate
{
    public RetroActionStatus? Status { get; set; }
    public int? OwnerPersonId { get; set; }
    public DateOnly? DueDate { get; set; }
    public int? Version { get; set; }
}

/// <summary>The decision on an open action of an earlier retrospective.</summary>
public sealed class ActionReviewInput
{
    public ActionReview? Outcome { get; set; }
}

public static class RetrospectiveLabels
{
    public static string Label(this RetroActionStatus status) => status switch
    {
        RetroActionStatus.Open => "À faire",
        RetroActionStatus.InProgress => "En cours",
        RetroActionStatus.Done => "Réalisée",
        RetroActionStatus.Abandoned => "Abandonnée",
        _ => status.ToString(),
    };

    public static string Label(this RetroItemKind kind) => kind == RetroItemKind.Works ? "Ce qui fonctionne" : "À améliorer";

    public static string Label(this RetrospectiveStatus status) => status == RetrospectiveStatus.Open ? "En cours" : "Close";

    /// <summary>Badge tone of an action's status (the label always says the status: colour is never alone).</summary>
    public static BadgeTone Tone(this RetroActionStatus status) => status switch
    {
        RetroActionStatus.Done => BadgeTone.Success,
        RetroActionStatus.InProgress => BadgeTone.Info,
        RetroActionStatus.Abandoned => BadgeTone.Neutral,
        _ => BadgeTone.New,
    };

    /// <summary>Badge tone of a retrospective's status.</summary>
    public static BadgeTone Tone(this RetrospectiveStatus status) => status == RetrospectiveStatus.Open ? BadgeTone.Info : BadgeTone.Neutral;
}
