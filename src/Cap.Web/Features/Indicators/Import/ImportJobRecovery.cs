namespace Cap.Web.Features.Indicators.Import;

/// <summary>Every <c>Import:RecoverySeconds</c> (15 by default), takes again the imports whose instance stopped or died (see <see cref="ImportJobs"/>).</summary>
public sealed class ImportJobRecovery(ImportJobs jobs, IConfiguration configuration, ILogger<ImportJobRecovery> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var period = TimeSpan.FromSeconds(Math.Max(0.1, configuration.GetValue("Import:RecoverySeconds", 15.0)));
        using var timer = new PeriodicTimer(period);
        try
        {
            do
            {
                try
                {
                    await jobs.RecoverAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "Unfinished imports could not be looked at; next pass in {Period}", period);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
