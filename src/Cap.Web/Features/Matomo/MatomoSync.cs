using Cap.Data;
using Cap.Domain.Connectors;
using Cap.Domain.Steering;
using Cap.Web.Shared;
using Cap.Web.Shared.Connectors;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Matomo;

/// <summary>
/// One Matomo connection's synchronisation: for each mapping, the whole periods of its indicator's frequency from the
/// period of the last day read (or twelve months back the first time, <see cref="MatomoRules.Periods"/>), asked with
/// Matomo's <c>period</c> and <c>date=a,b</c> (one call per method, goal and frequency: the visits' metrics share one
/// <c>VisitsSummary.get</c>; a quarter is one <c>range</c> call). Everything is read before anything is written; then
/// every indicator's values go through the measurement writer the imports use, in one transaction
/// (<see cref="IConnectorMeasurements"/>): one measurement per date, replaced when Matomo's figure changed, source « Matomo ».
/// </summary>
public sealed class MatomoSync(CapDbContext db, MatomoClient client, ConnectorSecrets secrets, IConnectorMeasurements measurements, TimeProvider time) : IConnectorSync
{
    public const string AuthorName = "Synchronisation Matomo";

    public ConnectorKind Kind => ConnectorKind.Matomo;

    public async Task<ConnectorSyncOutcome> SyncAsync(int connectionId, DateOnly? syncedThrough, CancellationToken ct)
    {
        var connection = await db.MatomoConnections.AsNoTracking().Include(c => c.Mappings).ThenInclude(m => m.Indicator)
            .FirstOrDefaultAsync(c => c.Id == connectionId, ct)
            ?? throw new ConnectorException("La connexion Matomo n’existe plus.");
        var mappings = connection.Mappings.Where(m => m.Indicator is not null).OrderBy(m => m.Id).ToList();
        if (mappings.Count == 0)
        {
            throw new ConnectorException("Aucune mesure de Matomo n’est encore associée à un indicateur : choisissez celles à synchroniser.");
        }
        var token = secrets.Unprotect(ConnectorKind.Matomo, connection.ProtectedToken)
            ?? throw new ConnectorException("Le jeton enregistré ne peut plus être déchiffré (clés de chiffrement de Cap changées) : enregistrez-le de nouveau.");
        var today = time.ParisToday();

        // Read everything first: one report per method, goal and frequency (and per quarter).
        var reports = new Dictionary<MatomoReportRequest, Dictionary<DateOnly, Dictionary<string, string?>>>();
        var wanted = new List<(MatomoMetricMapping Mapping, List<(MatomoPeriod Period, MatomoReportRequest Report)> Periods)>();
        foreach (var mapping in mappings)
        {
            var frequency = mapping.Indicator!.Frequency;
            var periods = MatomoRules.Periods(frequency, syncedThrough, today);
            if (periods.Count == 0)
            {
                continue;
            }
            var method = mapping.Metric.Method();
            var name = MatomoRules.PeriodName(frequency);
            // A quarter is one range call; the other periods come together, keyed by period, in one call.
            var asked = periods.Select(p => (Period: p, Report: name == "range"
                ? new MatomoReportRequest(method, mapping.GoalId, name, p.From, p.To)
                : new MatomoReportRequest(method, mapping.GoalId, name, periods[0].From, periods[^1].To))).ToList();
            wanted.Add((mapping, asked));
            foreach (var report in asked.Select(a => a.Report).Distinct())
            {
                if (!reports.ContainsKey(report))
                {
                    reports[report] = await client.ReportAsync(connection.BaseUrl, connection.SiteId, token, report, ct);
                }
            }
        }

        var batches = new List<ConnectorMeasurementBatch>();
        foreach (var (mapping, periods) in wanted)
        {
            var values = new List<(DateOnly, decimal)>();
            foreach (var (period, report) in periods)
            {
                if (reports[report].TryGetValue(period.From, out var figures) && figures.TryGetValue(mapping.Metric.Field(), out var raw)
                    && MatomoRules.ParseValue(raw) is { } value)
                {
                    values.Add((period.To, MatomoRules.ToIndicatorValue(mapping.Metric, mapping.Indicator!.Unit, value)));
                }
            }
            batches.Add(new ConnectorMeasurementBatch(mapping.IndicatorId, values));
        }
        var written = await measurements.WriteAsync(batches, MeasurementSource.Matomo, AuthorName, ct);
        return new ConnectorSyncOutcome(today.AddDays(-1), written);
    }
}
