using Cap.Domain.Catalogue;
using Cap.Domain.LifeCycle;
using Cap.Web.Shared;

namespace Cap.Web.Features.LifeCycle;

/// <summary>The life cycle's own events on the product timeline: creation, committee moves, overrides, stop and reopening.</summary>
public sealed class PhaseChangeTimelineSource(LifeCycleService lifeCycle) : ITimelineSource
{
    public const string Category = "Phase";

    public async Task<IReadOnlyList<TimelineEvent>> EventsAsync(int productId, string productSlug, CancellationToken ct)
    {
        var changes = await lifeCycle.ChangesAsync(productId, ct);
        return [.. changes.Select(ToEvent)];
    }

    public static TimelineEvent ToEvent(PhaseChange change)
    {
        string title;
        if (change.Kind == PhaseChangeKind.Creation || change.From is not { } from)
        {
            title = $"Produit enregistré en phase {change.To.Label()}";
        }
        else if (change.Kind == PhaseChangeKind.Reopening)
        {
            title = $"Produit rouvert en phase {change.To.Label()}";
        }
        else if (change.To == Phase.Arret)
        {
            title = $"Arrêt du produit (il était en phase {from.Label()})";
        }
        else
        {
            title = change.To < from
                ? $"Retour de la phase {from.Label()} à la phase {change.To.Label()}"
                : $"Passage de la phase {from.Label()} à la phase {change.To.Label()}";
        }
        var detail = $"{change.Kind.Label()}, par {change.AuthorName}";
        if (!string.IsNullOrWhiteSpace(change.Reason))
        {
            detail += $". Motif : {change.Reason}";
        }
        return new TimelineEvent(change.At, Category, title, detail);
    }
}
