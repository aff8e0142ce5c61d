using Cap.Data.Coordination;

namespace Cap.Web.Features.Indicators.Import;

/// <summary>A job running in this instance: its live progress and its end, for the confirmation's short wait.</summary>
public sealed class ImportRun(Guid id, int productId, int indicatorId, int personId, string personName)
{
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _gate = new();
    private ImportStage _stage = ImportStage.Reading;
    private int _written;
    private int _total;
    private MeasurementWriter.Outcome? _outcome;
    private string? _error;

    public Guid Id { get; } = id;
    public int ProductId { get; } = productId;
    public int IndicatorId { get; } = indicatorId;
    public int PersonId { get; } = personId;
    public string PersonName { get; } = personName;
    public Task Completion => _completion.Task;
    public DateTimeOffset? FinishedAt { get; private set; }
    public bool Abandoned { get; private set; }

    public (ImportStage Stage, int Written, int Total) Progress()
    {
        lock (_gate)
        {
            return (_stage == ImportStage.Writing ? ImportStage.Writing : ImportStage.Reading, _written, _total);
        }
    }

    public ImportJob Snapshot()
    {
        lock (_gate)
        {
            return new ImportJob(Id, ProductId, IndicatorId, PersonId, _stage, _written, _total, _outcome?.Added ?? 0, _outcome?.Updated ?? 0, _error);
        }
    }

    public void Report(int written, int total)
    {
        lock (_gate)
        {
            _written = written;
            _total = total;
            _stage = ImportStage.Writing;
        }
    }

    public void Finish(MeasurementWriter.Outcome outcome)
    {
        lock (_gate)
        {
            _outcome = outcome;
            _written = _total;
            FinishedAt = DateTimeOffset.UtcNow;
            _stage = ImportStage.Done;
        }
        _completion.TrySetResult();
    }

    public void Fail(string message)
    {
        lock (_gate)
        {
            _error = message;
            _stage = ImportStage.Failed;
            FinishedAt = DateTimeOffset.UtcNow;
        }
        _completion.TrySetResult();
    }

    /// <summary>Stopped before its end: the row says what happens next.</summary>
    public void Abandon()
    {
        Abandoned = true;
        _completion.TrySetResult();
    }
}
