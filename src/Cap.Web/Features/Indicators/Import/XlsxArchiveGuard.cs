using System.IO.Compression;

namespace Cap.Web.Features.Indicators.Import;

/// <summary>Checks an XLSX archive against the <see cref="ImportLimits"/> before any of its XML is parsed (a « zip bomb » inflates a few megabytes to gigabytes).</summary>
public static class XlsxArchiveGuard
{
    /// <summary>Entries of an XLSX archive at most (a workbook has a few dozen).</summary>
    public const int MaxArchiveEntries = 10_000;

    /// <summary>Entries smaller than this are not held to the compression ratio.</summary>
    public const long RatioCheckedFromBytes = 1024 * 1024;

    /// <summary>
    /// Checks the archive before any XML is parsed: how many entries, the uncompressed size they declare, then the
    /// size they really inflate to (counted while inflating, stopped as soon as the limit is passed, so a lying header
    /// changes nothing), and how much each large entry is compressed (a zip bomb is mostly repeated bytes).
    /// Returns the French refusal, or null when the workbook may be read.
    /// </summary>
    public static string? Refusal(byte[] bytes, ImportLimits limits)
    {
        var tooLarge = $"Une fois décompressé, le classeur dépasse {Megabytes(limits.MaxUncompressedBytes)} Mo (un fichier XLSX est une archive compressée) : découpez-le ou enregistrez-le au format CSV.";
        var tooCompressed = $"Le classeur est compressé de façon anormale (plus de {limits.MaxCompressionRatio} pour 1) et n’est pas lu, par précaution : enregistrez-le de nouveau depuis votre tableur ou au format CSV.";
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > MaxArchiveEntries)
            {
                return $"Le classeur contient plus de {MaxArchiveEntries.ToString("N0", MeasurementFileReader.French)} fichiers internes et n’est pas lu : enregistrez-le de nouveau depuis votre tableur ou au format CSV.";
            }
            long declared = 0;
            foreach (var entry in zip.Entries)
            {
                declared += entry.Length;
                if (declared > limits.MaxUncompressedBytes)
                {
                    return tooLarge;
                }
                if (TooCompressed(entry.Length, entry.CompressedLength, limits))
                {
                    return tooCompressed;
                }
            }
            long inflated = 0;
            var buffer = new byte[64 * 1024];
            foreach (var entry in zip.Entries)
            {
                long length = 0;
                using var content = entry.Open();
                int read;
                while ((read = content.Read(buffer)) > 0)
                {
                    length += read;
                    inflated += read;
                    if (inflated > limits.MaxUncompressedBytes)
                    {
                        return tooLarge;
                    }
                }
                if (TooCompressed(length, entry.CompressedLength, limits))
                {
                    return tooCompressed;
                }
            }
            return null;
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or NotSupportedException)
        {
            return Unreadable;
        }
    }

    /// <summary>Small entries are let through whatever their ratio: a few kilobytes of repeated styles compress very well.</summary>
    private static bool TooCompressed(long length, long compressed, ImportLimits limits) =>
        length > RatioCheckedFromBytes && length > limits.MaxCompressionRatio * Math.Max(compressed, 1);

    private static long Megabytes(long bytes) => bytes / 1024 / 1024;

    /// <summary>The workbook cannot be opened as an archive.</summary>
    internal const string Unreadable = "Le classeur XLSX est illisible ou protégé : ouvrez-le dans un tableur et enregistrez-le de nouveau.";
}
