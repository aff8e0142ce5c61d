using Cap.Web.Shared.Hosting;

namespace Cap.Web.Features.Indicators.Import;

/// <summary>Every <c>Import:RecoverySeconds</c> (15 by default), takes again the imports whose instance stopped or died (see <see cref="ImportJobs"/>).</summary>
public sealed class ImportJobRecovery(ImportJobs jobs, IConfiguration configuration, ILogger<ImportJobRecovery> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var period = TimeSpan.FromSeconds(Math.Max(0.1, configuration.GetValue("Import:RecoverySeconds", 15.0)));
        await PeriodicPasses.RunAsync(period, runFirst: true, jobs.RecoverAsync,
            (e, p) => logger.LogError(e, "Unfinished imports could not be looked at; next pass in {Period}", p), stoppingToken);
    }
}
