using Cap.Data;
using Cap.Domain.Catalogue;
using Cap.Domain.LifeCycle;

namespace Cap.Web.Shared;

/// <summary>
/// The only way a product's phase changes: checks the move against <see cref="PhaseTransitions"/>, sets the phase and
/// the date it started (<see cref="Product.PhaseSince"/>) and records the <see cref="PhaseChange"/>. It stages the change without saving, so that the caller commits it in the
/// same transaction as what caused it (a product's registration, a committee decision, an administrator's override).
/// Shared because three capabilities move phases: the catalogue, the committee and the life cycle.
/// </summary>
public sealed class PhaseMoves(CapDbContext db, TimeProvider time)
{
    /// <returns>The French reason for refusing the move, or null when it was staged.</returns>
    public string? Stage(Product product, Phase to, PhaseChangeKind kind, string authorName, string? reason = null, int? gateDecisionId = null)
    {
        var refusal = PhaseTransitions.Refusal(product.Phase, to, kind, reason);
        if (refusal is not null)
        {
            return refusal;
        }
        var at = time.GetUtcNow();
        db.PhaseChanges.Add(new PhaseChange
        {
            ProductId = product.Id,
            Product = product,
            From = kind == PhaseChangeKind.Creation ? null : product.Phase,
            To = to,
            At = at,
            Kind = kind,
            Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(),
            GateDecisionId = gateDecisionId,
            AuthorName = authorName,
        });
        product.Phase = to;
        product.PhaseSince = at;
        return null;
    }
}
