using Cap.Data;
using Cap.Domain.Steering;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Indicators.Import;

/// <summary>Writes imported rows into an indicator: all or nothing, one value per date (an existing date is updated).</summary>
public static class MeasurementImporter
{
    public sealed record Outcome(int Added, int Updated);

    public static async Task<Outcome> CommitAsync(CapDbContext db, Indicator indicator, IReadOnlyList<ImportedRow> rows, int? authorId, string authorName, CancellationToken ct)
    {
        var existing = await db.Measurements.Where(m => m.IndicatorId == indicator.Id).ToDictionaryAsync(m => m.Date, ct);
        int added = 0, updated = 0;
        foreach (var row in rows)
        {
            if (existing.TryGetValue(row.Date, out var measurement))
            {
                if (measurement.Value != row.Value || measurement.Comment != row.Comment)
                {
                    measurement.Value = row.Value;
                    measurement.Comment = row.Comment;
                    measurement.Source = MeasurementSource.Import;
                    updated++;
                }
                continue;
            }
            db.Measurements.Add(new Measurement
            {
                IndicatorId = indicator.Id, ProductId = indicator.ProductId, Date = row.Date, Value = row.Value, Comment = row.Comment,
                Source = MeasurementSource.Import, AuthorId = authorId, AuthorName = authorName, CreatedAt = DateTimeOffset.UtcNow,
            });
            added++;
        }
        // One SaveChanges: one transaction with the audit entries, so the import is whole or absent.
        await db.SaveChangesAsync(ct);
        return new Outcome(added, updated);
    }
}
