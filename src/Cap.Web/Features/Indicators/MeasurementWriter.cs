using System.Data.Common;
using System.Text.Json;
using Cap.Data;
using Cap.Domain.Platform;
using Cap.Domain.Steering;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Cap.Web.Features.Indicators;

/// <summary>One value to write at a date.</summary>
public sealed record MeasurementRow(DateOnly Date, decimal Value, string? Comment);

/// <summary>
/// The one way to write many measurements (file import, API push): all or nothing, one value per
/// date (an existing date is updated). Rows go through one prepared upsert inside one transaction
/// (same SQL on SQLite and PostgreSQL) rather than the change tracker, and the batch is audited as
/// one entry that says what it did (see docs/decisions/0003).
/// </summary>
public static class MeasurementWriter
{
    public sealed record Outcome(int Added, int Updated);

    /// <summary>Rows written between two progress reports (see <c>ImportJobs</c>).</summary>
    public const int ProgressStep = 500;

    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly string[] Columns =
    [
        nameof(Measurement.IndicatorId), nameof(Measurement.ProductId), nameof(Measurement.Date), nameof(Measurement.Value), nameof(Measurement.Comment),
        nameof(Measurement.Source), nameof(Measurement.AuthorId), nameof(Measurement.AuthorName), nameof(Measurement.CreatedAt),
    ];

    /// <summary>What an upsert of an existing date replaces.</summary>
    private static readonly string[] Updated =
    [
        nameof(Measurement.Value), nameof(Measurement.Comment), nameof(Measurement.Source), nameof(Measurement.AuthorId), nameof(Measurement.AuthorName),
    ];

    public static async Task<Outcome> UpsertAsync(
        CapDbContext db, Indicator indicator, IReadOnlyList<MeasurementRow> rows, MeasurementSource source, int? authorId, string authorName, DateTimeOffset now, CancellationToken ct,
        Action<int, int>? progress = null)
    {
        var existing = await db.Measurements.AsNoTracking().Where(m => m.IndicatorId == indicator.Id)
            .Select(m => new { m.Date, m.Value, m.Comment }).ToDictionaryAsync(m => m.Date, ct);
        var changes = rows.Where(r => !existing.TryGetValue(r.Date, out var e) || e.Value != r.Value || e.Comment != r.Comment).ToList();
        var updated = changes.Count(r => existing.ContainsKey(r.Date));
        var added = changes.Count - updated;
        if (changes.Count == 0)
        {
            return new Outcome(0, 0);
        }

        // The columns as the EF model maps them (enum names, dates, decimals): the binding the answers' intake and the
        // satisfaction rollups use too.
        var columns = EntityColumns<Measurement>.Of(db, Columns);
        string Excluded(string property) => $"{columns.NameOf(property)} = excluded.{columns.NameOf(property)}";
        // Inside a caller's transaction (a connector writing several indicators at once), the caller commits.
        await using var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await using (var command = db.Database.GetDbConnection().CreateCommand())
        {
            command.Transaction = (own ?? db.Database.CurrentTransaction!).GetDbTransaction();
            command.CommandText =
                $"{columns.InsertInto} VALUES {columns.Row(i => $"@p{i}")} " +
                $"ON CONFLICT ({columns.NameOf(nameof(Measurement.IndicatorId))}, {columns.NameOf(nameof(Measurement.Date))}) DO UPDATE SET " +
                string.Join(", ", Updated.Select(Excluded));
            var written = 0;
            progress?.Invoke(0, changes.Count);
            foreach (var row in changes)
            {
                var measurement = new Measurement
                {
                    IndicatorId = indicator.Id, ProductId = indicator.ProductId, Date = row.Date, Value = row.Value, Comment = row.Comment,
                    Source = source, AuthorId = authorId, AuthorName = authorName, CreatedAt = now,
                };
                columns.Set(command, measurement, "@p");
                await command.ExecuteNonQueryAsync(ct);
                if (++written % ProgressStep == 0)
                {
                    progress?.Invoke(written, changes.Count);
                }
            }
        }
        db.AuditEntries.Add(new AuditEntry
        {
            At = now,
            PersonId = authorId,
            ActorName = authorName,
            Action = added > 0 ? AuditAction.Created : AuditAction.Updated,
            EntityType = nameof(Measurement),
            EntityId = indicator.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            EntityLabel = source switch
            {
                MeasurementSource.Import => $"Import de {changes.Count} mesure(s) dans « {indicator.Name} »",
                MeasurementSource.Matomo => $"Synchronisation de {changes.Count} mesure(s) depuis Matomo dans « {indicator.Name} »",
                _ => $"Envoi de {changes.Count} mesure(s) ({source.Label()}) dans « {indicator.Name} »",
            },
            ProductId = indicator.ProductId,
            After = JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["Indicateur"] = indicator.Name,
                ["Ajoutées"] = added,
                ["Mises à jour"] = updated,
                ["Du"] = changes.Min(r => r.Date).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                ["Au"] = changes.Max(r => r.Date).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            }, JsonOptions),
        });
        await db.SaveChangesAsync(ct);
        await IndicatorSummaries.RefreshAsync(db, [indicator.Id], ct);
        await PortfolioChanges.MarkAsync(db, [indicator.ProductId], now, ct);
        if (own is not null)
        {
            await own.CommitAsync(ct);
            PortfolioChanges.Committed();
        }
        progress?.Invoke(changes.Count, changes.Count);
        return new Outcome(added, updated);
    }
}
