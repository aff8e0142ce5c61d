namespace Cap.Web.Features.Indicators.Import;

public sealed record ImportedRow(int Line, DateOnly Date, decimal Value, string? Comment);

public sealed record ImportError(int Line, string Message);

/// <summary>What a file holds, before anything is written: the rows that can be imported and one French message per faulty line.</summary>
/// <param name="Format">What was recognised, for the preview ("CSV, UTF-8, séparateur « ; »").</param>
public sealed record ImportPreview(IReadOnlyList<ImportedRow> Rows, IReadOnlyList<ImportError> Errors, string Format)
{
    public bool CanCommit => Errors.Count == 0 && Rows.Count > 0;

    /// <summary>Set when the whole file is refused before its lines are read (empty, too large, unreadable…): the message to show at the file field.</summary>
    public string? Refusal { get; init; }
}

/// <summary>
/// Limits of a measurement import, from the « Import » configuration section. They are checked before the file is
/// parsed: an XLSX is a zip archive, and a few megabytes can inflate to gigabytes (a « zip bomb »).
/// </summary>
public sealed class ImportLimits
{
    public const string Section = "Import";

    /// <summary>Uncompressed size of all the entries of an XLSX archive together (Import:MaxUncompressedBytes).</summary>
    public long MaxUncompressedBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>Lines of measurements in a file, besides a header line (Import:MaxRows).</summary>
    public int MaxRows { get; set; } = 200_000;

    /// <summary>Uncompressed size over compressed size of an entry of 1 MB or more (Import:MaxCompressionRatio).</summary>
    public int MaxCompressionRatio { get; set; } = 100;

    /// <summary>The configured limits; a missing, zero or negative value keeps its default.</summary>
    public static ImportLimits From(IConfiguration configuration)
    {
        var defaults = new ImportLimits();
        var configured = configuration.GetSection(Section).Get<ImportLimits>() ?? defaults;
        return new ImportLimits
        {
            MaxUncompressedBytes = configured.MaxUncompressedBytes > 0 ? configured.MaxUncompressedBytes : defaults.MaxUncompressedBytes,
            MaxRows = configured.MaxRows > 0 ? configured.MaxRows : defaults.MaxRows,
            MaxCompressionRatio = configured.MaxCompressionRatio > 0 ? configured.MaxCompressionRatio : defaults.MaxCompressionRatio,
        };
    }
}
