using Cap.Domain.Compliance;
using Cap.Web.Shared;

namespace Cap.Web.Features.Compliance;

/// <summary>The agrément SIG's steps on the product timeline (« Agrément SIG »): framing sent, agrément de principe, agrément définitif.</summary>
public sealed class SigTimelineSource(SigApprovals approvals) : ITimelineSource
{
    public const string Category = "Agrément SIG";

    public async Task<IReadOnlyList<TimelineEvent>> EventsAsync(int productId, string productSlug, CancellationToken ct)
    {
        var url = $"/produits/{productSlug}/conformite";
        var events = new List<TimelineEvent>();
        foreach (var a in await approvals.ListAsync(productId, ct))
        {
            var what = $"demande n° {a.Number} ({a.Kind.Label().ToLowerInvariant()})";
            // A day without a time: placed at noon, Paris time, so it sorts within its day.
            events.Add(new TimelineEvent(Noon(a.FramingSentOn), Category, $"Fiche de cadrage transmise, {what}", a.Note, url));
            if (a.PrincipleOutcome is { } principle && a.PrincipleDecidedOn is { } principleOn)
            {
                events.Add(new TimelineEvent(Noon(principleOn), Category, $"Agrément de principe : {principle.Label().ToLowerInvariant()}, {what}", a.PrincipleReservations, url));
            }
            if (a.FinalOutcome is { } final && a.FinalDecidedOn is { } finalOn)
            {
                events.Add(new TimelineEvent(Noon(finalOn), Category, $"Agrément définitif : {final.Label().ToLowerInvariant()}, {what}", a.FinalReservations, url));
            }
        }
        return events;
    }

    private static DateTimeOffset Noon(DateOnly day) => Dates.StartOfParisDay(day).AddHours(12);
}
