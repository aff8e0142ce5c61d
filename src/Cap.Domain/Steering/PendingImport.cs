namespace Cap.Domain.Steering;

/// <summary>
/// An uploaded measurement file waiting for its author's confirmation after the preview. Kept in
/// the database (not in one server's memory) so that any instance can commit it; removed once
/// committed or abandoned.
/// </summary>
public class PendingImport
{
    public const int MaxBytes = 20 * 1024 * 1024;

    public Guid Id { get; set; }
    public int ProductId { get; set; }
    public int IndicatorId { get; set; }
    public int PersonId { get; set; }
    public string FileName { get; set; } = string.Empty;
    public byte[] Content { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
}
