using Cap.Data;
using Cap.Domain.Catalogue;
using Cap.Domain.Compliance;
using Cap.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cap.Web.Features.Compliance;

/// <summary>
/// The compliance points of attention (<see cref="ComplianceFlags.Flags"/>): homologation expired, expiring or missing, RGAA below
/// 80 % or not audited, agrément de principe missing. One query for any number of products: the database keeps only the
/// compliance rows that may raise a flag (an indexed homologation date within the window, or a public product in service), the
/// agrément de principe as an indexed lookup; the rules then decide on those rows. A product with no compliance record raises
/// nothing: Cap does not know whether it faces the public.
/// </summary>
public sealed class ComplianceFlagSource(CapDbContext db, IOptions<ComplianceOptions> options) : IProductFlagSource
{
    public IReadOnlyList<(string Code, string Label)> Kinds { get; } =
        Enum.GetValues<ComplianceAttention>().Select(a => (a.Code(), a.Label())).ToList();

    public async Task<IReadOnlyList<(int ProductId, ProductFlag Flag)>> FlagsAsync(IReadOnlyCollection<int>? productIds, DateOnly today, CancellationToken ct)
    {
        var warningDays = options.Value.HomologationWarningDays;
        var limit = ComplianceFlags.WarningLimit(today, warningDays);
        // The phase is stored as text: the phases in service are listed, not compared.
        var inService = Enum.GetValues<Phase>().Where(ComplianceRules.IsInService).ToArray();
        var rows = db.ProductCompliances.AsNoTracking()
            .Where(c => !c.Product!.IsArchived && c.Product.Phase != Phase.Arret);
        if (productIds is not null)
        {
            rows = rows.Where(c => productIds.Contains(c.ProductId));
        }
        var candidates = await rows
            .Where(c => (c.HomologationValidUntil != null && c.HomologationValidUntil <= limit)
                || (c.IsPublic && inService.Contains(c.Product!.Phase)))
            .Select(c => new
            {
                c.ProductId,
                c.Product!.Slug,
                c.Product.Phase,
                c.IsPublic,
                c.RgaaRate,
                c.HomologationValidUntil,
                HasPrinciple = db.SigApprovals.Any(a => a.ProductId == c.ProductId
                    && (a.PrincipleOutcome == SigOutcome.Accorde || a.PrincipleOutcome == SigOutcome.SousReserve)),
            })
            .ToListAsync(ct);
        var flags = new List<(int, ProductFlag)>();
        foreach (var c in candidates)
        {
            var facts = new ComplianceFacts(c.Phase, c.IsPublic, c.RgaaRate, c.HomologationValidUntil, c.HasPrinciple);
            flags.AddRange(ComplianceFlags.Flags(facts, today, warningDays).Select(f => (c.ProductId, ToFlag(f, facts, today, c.Slug))));
        }
        return flags;
    }

    public static ProductFlag ToFlag(ComplianceAttention flag, ComplianceFacts facts, DateOnly today, string slug) =>
        new(flag.Code(), flag.Label(), flag.Detail(facts, today), $"/produits/{slug}/conformite", flag.IsAlert() ? FlagLevel.Alert : FlagLevel.Warning);
}
