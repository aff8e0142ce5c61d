using Cap.Web.Shared;
using Cap.Domain.Catalogue;
using Cap.Domain.Iterations;

namespace Cap.Web.Features.Iterations;

/// <summary>One line of the iterations list.</summary>
public sealed record IterationSummary(
    int Id, int Number, DateOnly Start, DateOnly End, int Days, string Goal, Phase Phase, IterationState State,
    bool Reviewed, int? RetrospectiveId, int InitiativeCount, int Version);

/// <summary>The cadence indicators as read on screen and in the API (shares and means rounded for display).</summary>
public sealed record CadenceView(int Total, int Ended, bool Running, double? MeanLengthDays, int? DaysSinceLastEnded, double? RetrospectiveShare, int WithRetrospective)
{
    public static CadenceView From(IterationCadence c) =>
        new(c.Total, c.Ended, c.Running, c.MeanLengthDays is { } m ? Math.Round(m, 1) : null, c.DaysSinceLastEnded,
            c.RetrospectiveShare is { } s ? Math.Round(s, 3) : null, c.WithRetrospective);
}

/// <summary>A product's iterations, newest first, with the cadence.</summary>
public sealed record IterationListView(string Product, IReadOnlyList<IterationSummary> Iterations, CadenceView Cadence)
{
    public IterationSummary? Current => Iterations.FirstOrDefault(i => i.State == IterationState.Running);
}

public sealed record IterationWorkView(int Id, int InitiativeId, string Title, string Kind, string ObjectiveTitle, IterationWorkOutcome Outcome, int? CarriedFromNumber)
{
    public bool CanCarry => IterationRules.CanCarry(Outcome);
}

public sealed record FeedbackLinkView(int Id, long? FeedbackAnswerId, string? Verbatim, DateOnly? Day, string? Note);

public sealed record IterationReviewView(
    string? Delivered, string? Learned, string? Feedback, DateOnly? DemoDate, string? DemoAudience, DateTimeOffset? ReviewedAt,
    IReadOnlyList<FeedbackLinkView> FeedbackLinks);

/// <summary>One iteration with its work, its review and its retrospective (when one was held).</summary>
public sealed record IterationDetailView(
    int Id, string Product, int Number, DateOnly Start, DateOnly End, int Days, string Goal, Phase Phase, IterationState State,
    IReadOnlyList<IterationWorkView> Initiatives, IterationReviewView Review, int? RetrospectiveId,
    int? PreviousNumber, int? NextNumber, int Version)
{
    public bool HasUnfinished => Initiatives.Any(i => i.CanCarry);
}

/// <summary>An iteration as planned or edited by a form or the API.</summary>
public sealed class IterationInput
{
    public DateOnly? Start { get; set; }
    /// <summary>Last day, inclusive: 7 to 42 days after the start, both ends counted.</summary>
    public DateOnly? End { get; set; }
    public string? Goal { get; set; }
    /// <summary>Initiatives of the product's roadmap worked on.</summary>
    public List<int> InitiativeIds { get; set; } = [];
    /// <summary>The version read before an update.</summary>
    public int? Version { get; set; }
}

public sealed class OutcomeInput
{
    /// <summary>The iteration's row (<see cref="IterationWorkView.Id"/>).</summary>
    public int RowId { get; set; }
    /// <summary>Pending, Done or NotDone (CarriedOver is set by the carry-over).</summary>
    public IterationWorkOutcome? Outcome { get; set; }
}

/// <summary>The review of an iteration as written by a form or the API.</summary>
public sealed class ReviewInput
{
    public string? Delivered { get; set; }
    public string? Learned { get; set; }
    /// <summary>User feedback taken into account, in the team's words.</summary>
    public string? Feedback { get; set; }
    /// <summary>Satisfaction verbatims of the product taken into account.</summary>
    public List<long> FeedbackAnswerIds { get; set; } = [];
    public DateOnly? DemoDate { get; set; }
    public string? DemoAudience { get; set; }
    public List<OutcomeInput> Outcomes { get; set; } = [];
    public int? Version { get; set; }
}

/// <summary>Which unfinished initiatives to carry over (none listed: all of them).</summary>
public sealed class CarryOverInput
{
    public List<int> RowIds { get; set; } = [];
    public int? Version { get; set; }
}

/// <summary>
/// What a write did: the iteration it saved (for a carry-over, the next one, which receives the work) and, when the
/// carry-over had to plan that iteration, the sentence said to the person.
/// </summary>
public sealed record IterationSaved(int Number, string? Message = null);

public static class IterationDisplay
{
    /// <summary>Badge tone of an iteration's state (the label says the state).</summary>
    public static BadgeTone Tone(this IterationState state) => state switch
    {
        IterationState.Running => BadgeTone.Info,
        IterationState.Ended => BadgeTone.Neutral,
        _ => BadgeTone.New,
    };

    /// <summary>Badge tone of a work item's outcome (the label says the outcome).</summary>
    public static BadgeTone Tone(this IterationWorkOutcome outcome) => outcome switch
    {
        IterationWorkOutcome.Done => BadgeTone.Success,
        IterationWorkOutcome.CarriedOver => BadgeTone.Warning,
        IterationWorkOutcome.NotDone => BadgeTone.Error,
        _ => BadgeTone.Neutral,
    };

    /// <summary>A calendar day as shown on screen (dd/mm/yyyy).</summary>
    public static string Day(DateOnly day) => day.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
}
