using System.Security.Cryptography;
using Cap.Data;
using Cap.Domain.OpenData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cap.Web.Features.OpenData;

/// <summary>One file of the open data as served: its bytes and its entity tag (a hash of the bytes).</summary>
public sealed record OpenDataFile(byte[] Content, string ContentType, string ETag)
{
    public static OpenDataFile Of(byte[] content, string contentType) =>
        new(content, contentType, $"\"{Convert.ToHexStringLower(SHA256.HashData(content))[..32]}\"");
}

/// <summary>The dataset as built at one moment: its content, the files written from it, and when it last changed.</summary>
public sealed record OpenDataSnapshot(OpenDataContent Content, DateTimeOffset Modified, OpenDataDocument Document, IReadOnlyDictionary<string, OpenDataFile> Files);

/// <summary>
/// Keeps the built dataset in memory for <see cref="OpenDataOptions.CacheSeconds"/> so that a burst of anonymous requests
/// reaches the database once per instance and period (one build at a time; the others wait for it). A save of the
/// opt-ins on this instance drops it (<see cref="Invalidate"/>); other instances see the change within the period.
/// The instant the dataset last changed is kept in the database (<see cref="OpenDataRelease"/>): a build whose content
/// differs from the last one recorded writes the new fingerprint with the current time, so every instance answers the
/// same <c>Last-Modified</c>.
/// </summary>
public sealed class OpenDataCache(IServiceScopeFactory scopes, TimeProvider time, IOptions<OpenDataOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (OpenDataSnapshot Snapshot, DateTimeOffset BuiltAt)? _current;

    public void Invalidate() => _current = null;

    public void Dispose() => _gate.Dispose();

    public async Task<OpenDataSnapshot> GetAsync(CancellationToken ct)
    {
        if (Fresh() is { } snapshot)
        {
            return snapshot;
        }
        await _gate.WaitAsync(ct);
        try
        {
            if (Fresh() is { } built)
            {
                return built;
            }
            var now = time.GetUtcNow();
            var result = await BuildAsync(ct);
            _current = (result, now);
            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    private OpenDataSnapshot? Fresh() =>
        _current is { } c && time.GetUtcNow() - c.BuiltAt < TimeSpan.FromSeconds(Math.Max(0, options.Value.CacheSeconds)) ? c.Snapshot : null;

    private async Task<OpenDataSnapshot> BuildAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CapDbContext>();
        var content = await scope.ServiceProvider.GetRequiredService<OpenDataset>().BuildAsync(ct);

        // The fingerprint covers the data only (the CSV files hold every published value, and no modification date).
        var placeholder = OpenDataDocument.From(content, DateTimeOffset.UnixEpoch);
        var productsCsv = await OpenDataFormats.ProductsCsvAsync(placeholder, ct);
        var indicatorsCsv = await OpenDataFormats.IndicatorsCsvAsync(placeholder, ct);
        var hash = Convert.ToHexStringLower(SHA256.HashData([.. productsCsv, .. "\n"u8.ToArray(), .. indicatorsCsv]));
        var modified = await ModifiedAsync(db, hash, ct);

        var document = OpenDataDocument.From(content, modified);
        var files = new Dictionary<string, OpenDataFile>(StringComparer.Ordinal)
        {
            [OpenDataFormats.ProductsCsv] = OpenDataFile.Of(productsCsv, "text/csv; charset=utf-8"),
            [OpenDataFormats.IndicatorsCsv] = OpenDataFile.Of(indicatorsCsv, "text/csv; charset=utf-8"),
            [OpenDataFormats.ProductsJson] = OpenDataFile.Of(OpenDataFormats.ProductsJsonBytes(document), "application/json; charset=utf-8"),
        };
        return new OpenDataSnapshot(content, modified, document, files);
    }

    /// <summary>When the content with this fingerprint was first built (now, when it differs from the one recorded).</summary>
    private async Task<DateTimeOffset> ModifiedAsync(CapDbContext db, string hash, CancellationToken ct)
    {
        var release = await db.OpenDataReleases.AsNoTracking().FirstOrDefaultAsync(r => r.Id == 1, ct);
        if (release?.ContentHash == hash)
        {
            return release.ModifiedAt;
        }
        // Whole seconds: what Last-Modified and If-Modified-Since can say.
        var now = time.GetUtcNow();
        now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond));
        try
        {
            if (release is null)
            {
                db.OpenDataReleases.Add(new OpenDataRelease { Id = 1, ContentHash = hash, ModifiedAt = now });
                await db.SaveChangesAsync(ct);
            }
            else
            {
                var previous = release.ContentHash;
                // Another instance may have recorded the same change meanwhile: only the fingerprint read is replaced.
                await db.OpenDataReleases.Where(r => r.Id == 1 && r.ContentHash == previous)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.ContentHash, hash).SetProperty(r => r.ModifiedAt, now), ct);
            }
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
        }
        var stored = await db.OpenDataReleases.AsNoTracking().FirstOrDefaultAsync(r => r.Id == 1, ct);
        return stored?.ContentHash == hash ? stored.ModifiedAt : now;
    }
}
