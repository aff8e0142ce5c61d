using Cap.Domain.Satisfaction;

namespace Cap.Data.Intake;

/// <summary>
/// The rows an insert of the intake returned (<c>RETURNING "PlacementId", "ClientKey"</c>), and from them each answer's
/// outcome: an answer without a client key is always stored; one with a key is stored when the database returned its
/// (placement, key) — the first answer of a batch to carry it, as rows are inserted in order — and already stored
/// otherwise. When every row came back, every answer is stored and no key is looked up.
/// </summary>
public sealed class InsertedRows
{
    private readonly HashSet<(int PlacementId, string ClientKey)> _keys = [];

    /// <summary>Rows returned.</summary>
    public int Count { get; private set; }

    /// <summary>A row returned by the insert.</summary>
    public void Add(int placementId, string? clientKey)
    {
        Count++;
        if (clientKey is not null)
        {
            _keys.Add((placementId, clientKey));
        }
    }

    public void Clear()
    {
        Count = 0;
        _keys.Clear();
    }

    /// <summary>Fills <paramref name="outcomes"/>, one per answer of the batch, in order.</summary>
    public void Settle(IReadOnlyList<FeedbackAnswer> answers, StoreOutcome[] outcomes)
    {
        if (Count == answers.Count)
        {
            Array.Fill(outcomes, StoreOutcome.Stored);
            return;
        }
        for (var i = 0; i < answers.Count; i++)
        {
            var answer = answers[i];
            outcomes[i] = answer.ClientKey is null || _keys.Remove((answer.PlacementId, answer.ClientKey))
                ? StoreOutcome.Stored
                : StoreOutcome.AlreadyStored;
        }
    }
}
