using System.Diagnostics.Metrics;

namespace Cap.Data.Telemetry;

/// <summary>
/// Cap's own metrics (meter <see cref="MeterName"/>), beside those of ASP.NET Core, HttpClient and Npgsql: what an
/// operator needs to see that the satisfaction intake keeps up, that mails leave and that connectors are not late.
/// Created through the host's <see cref="IMeterFactory"/>, so each host has its own instruments; recording costs next to
/// nothing when no exporter listens (docs/operations.md lists them and what to alert on).
/// </summary>
public sealed class CapMetrics
{
    public const string MeterName = "Cap";

    private readonly Meter _meter;

    public CapMetrics(IMeterFactory meters)
    {
        _meter = meters.Create(MeterName);
        IntakeBatchDuration = _meter.CreateHistogram<double>("cap.intake.batch.duration", "ms",
            "Time to write and commit one batch of satisfaction answers.");
        IntakeAnswersStored = _meter.CreateCounter<long>("cap.intake.answers.stored", "{answer}",
            "Satisfaction answers stored by the intake engine (resent answers not counted).");
        IntakeBatchesFailed = _meter.CreateCounter<long>("cap.intake.batches.failed", "{batch}",
            "Batches of satisfaction answers the database refused as a whole.");
    }

    /// <summary>The host's meter (tests listen to it alone).</summary>
    public Meter Meter => _meter;

    public Histogram<double> IntakeBatchDuration { get; }

    public Counter<long> IntakeAnswersStored { get; }

    public Counter<long> IntakeBatchesFailed { get; }

    /// <summary>The answers accepted and not yet written, read when the metrics are collected.</summary>
    public void ObserveIntakeQueue(Func<int> waiting) =>
        _meter.CreateObservableGauge("cap.intake.queue.depth", waiting, "{answer}", "Satisfaction answers waiting to be written.");

    /// <summary>Gauges of the database's state, sampled by the host (<c>OperationalGauges</c>) rather than queried at collection.</summary>
    public void ObserveSampled(Func<OperationalSample> sample)
    {
        _meter.CreateObservableGauge("cap.outbox.backlog", () => sample().OutboxBacklog, "{mail}", "Mails of the outbox not yet sent.");
        _meter.CreateObservableGauge("cap.outbox.oldest.age", () => sample().OldestMailAgeSeconds, "s", "Age of the oldest mail not yet sent (0 when none).");
        _meter.CreateObservableGauge("cap.connector.lag", () => sample().ConnectorLag.Select(l => new Measurement<double>(l.Seconds,
            new KeyValuePair<string, object?>("cap.connector", l.Connector))), "s",
            "Per connector kind, the time since the least recently synchronised connection last succeeded.");
    }
}

/// <summary>One sampling of the database's operational state.</summary>
public sealed record OperationalSample(long OutboxBacklog, double OldestMailAgeSeconds, IReadOnlyList<ConnectorLag> ConnectorLag)
{
    public static readonly OperationalSample None = new(0, 0, []);
}

/// <summary>Seconds since the least recently synchronised connection of a connector kind last succeeded.</summary>
public sealed record ConnectorLag(string Connector, double Seconds);
