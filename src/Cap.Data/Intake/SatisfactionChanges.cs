using System.Collections.Concurrent;

namespace Cap.Data.Intake;

/// <summary>
/// The products that received answers in this process since the satisfaction feed last took them: every path that
/// stores answers (the intake's writer, the public form) marks the product once its answer is committed, and
/// <c>SatisfactionFeedWorker</c> takes the set at each pass. It replaces a scan of the answers stored since the last
/// pass, whose cost grew with the intake's rate (hundreds of thousands of rows read every pass under load). Several
/// instances on one database each refresh the products they received answers for; a refresh reads the shared
/// rollups, so it is right whichever instance runs it.
/// </summary>
public sealed class SatisfactionChanges
{
    private readonly ConcurrentDictionary<int, byte> _products = new();

    public void Stored(int productId) => _products.TryAdd(productId, 0);

    /// <summary>The marked products, unmarked as they are taken.</summary>
    public IReadOnlyList<int> Take()
    {
        var taken = new List<int>();
        foreach (var productId in _products.Keys)
        {
            if (_products.TryRemove(productId, out _))
            {
                taken.Add(productId);
            }
        }
        return taken;
    }
}
