namespace Cap.Web.Shared.Connectors;

/// <summary>The « Connectors » section: the background synchronisation of every connector (JDMA, later Matomo).</summary>
public sealed class ConnectorOptions
{
    /// <summary>False: no background synchronisation on this instance (« Synchroniser maintenant » still works).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the worker looks for connections due.</summary>
    public double PollSeconds { get; set; } = 60;

    /// <summary>The delay after a success before the next synchronisation.</summary>
    public double IntervalMinutes { get; set; } = 60;

    /// <summary>The first retry's delay after a failure; it doubles at each failure in a row, up to <see cref="RetryMaxSeconds"/>.</summary>
    public double RetryBaseSeconds { get; set; } = 60;

    public double RetryMaxSeconds { get; set; } = 6 * 3600;

    /// <summary>How long an instance holds a connection it syncs; past it (instance stopped), another takes it.</summary>
    public double LeaseSeconds { get; set; } = 300;

    /// <summary>The time limit of one call to a connected tool.</summary>
    public double TimeoutSeconds { get; set; } = 30;
}
