using Cap.Data;
using Cap.Domain;
using Cap.Domain.Compliance;
using Cap.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Compliance;

/// <summary>The product's compliance record: read, and saved against the version read (one row per product, created on first save).</summary>
public sealed class ComplianceRecords(CapDbContext db, TimeProvider time)
{
    /// <summary>The stored record, or null when the team has not filled it yet (read as version 0).</summary>
    public Task<ProductCompliance?> FindAsync(int productId, CancellationToken ct) =>
        db.ProductCompliances.AsNoTracking().FirstOrDefaultAsync(c => c.ProductId == productId, ct);

    /// <summary>
    /// Saves the record if <paramref name="version"/> is the stored one (0 when there is none yet); a concurrent save answers a
    /// conflict with the stored record in <see cref="Result{T}.Current"/>.
    /// </summary>
    public async Task<Result<ProductCompliance>> SaveAsync(int productId, ComplianceInput input, int version, CancellationToken ct)
    {
        var errors = ComplianceRules.Validate(input, time.ParisToday());
        if (errors.Count > 0)
        {
            return Refusal.Invalid(errors);
        }
        var record = await db.ProductCompliances.FirstOrDefaultAsync(c => c.ProductId == productId, ct);
        if ((record?.Version ?? 0) != version)
        {
            return Changed(record);
        }
        if (record is null)
        {
            // Version 1 once stored: 0 means « not filled yet », so a second first save is told it comes late.
            record = new ProductCompliance { ProductId = productId, Version = 1 };
            db.ProductCompliances.Add(record);
        }
        ComplianceRules.Apply(record, input);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A concurrent save of the same version (or the first row written twice: the unique index keeps one).
            db.ChangeTracker.Clear();
            return Changed(await FindAsync(productId, ct));
        }
        return record;
    }

    private static Result<ProductCompliance> Changed(ProductCompliance? stored) => Result<ProductCompliance>.Refused(Refusal.Conflict(
        "La fiche de conformité a été modifiée par quelqu’un d’autre pendant que vous la modifiiez : vos changements ne sont pas enregistrés. Relisez-la puis recommencez.",
        currentVersion: stored?.Version ?? 0), stored);
}
