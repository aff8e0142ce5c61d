using System.Diagnostics;
using Cap.Web.Features.Jdma;
using Cap.Web.Features.Matomo;
using Cap.Web.Shared.Connectors;
using Microsoft.Extensions.Options;

namespace Cap.Web.Tests.Connectors;

/// <summary>
/// The failures every connector shares (<see cref="ConnectorHttp"/>), through each tool's client against its test
/// server on a real port: a tool that does not answer within the time limit, an address where nothing listens.
/// </summary>
public sealed class ConnectorHttpTests
{
    private static readonly DateOnly From = new(2026, 11, 2);
    private static readonly DateOnly To = new(2026, 11, 29);

    [Fact]
    public async Task A_matomo_that_does_not_answer_in_time_is_reported_with_the_limit_and_the_call_is_abandoned()
    {
        await using var server = await MatomoServer.StartAsync();
        var token = server.AddToken();
        server.AddSite(7);
        server.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var http = new HttpClient();
        var client = new MatomoClient(http, Options.Create(new ConnectorOptions { TimeoutSeconds = 0.5 }));

        var watch = Stopwatch.StartNew();
        var failure = await Assert.ThrowsAsync<ConnectorException>(() =>
            client.ReportAsync(server.BaseUrl.ToString(), 7, token, new MatomoReportRequest("VisitsSummary.get", null, "week", From, To), CancellationToken.None));

        Assert.Equal("Matomo n’a pas répondu dans le délai de 0,5 s.", failure.Message);
        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(0.4), TimeSpan.FromSeconds(10));
        Assert.Single(server.Calls);
        server.Gate.SetResult();
    }

    [Fact]
    public async Task A_jdma_that_does_not_answer_in_time_is_reported_with_the_limit()
    {
        await using var server = await JdmaServer.StartAsync();
        var key = server.AddKey();
        server.AddService(11, "Démarche lente", "DNUM", (111, "Formulaire lent"));
        server.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var http = new HttpClient();
        var client = new JdmaClient(http, Options.Create(new ConnectorOptions { TimeoutSeconds = 1 }));

        var failure = await Assert.ThrowsAsync<ConnectorException>(() =>
            client.StatisticsAsync(server.BaseUrl.ToString(), key, [11], [111], From, To, CancellationToken.None));

        Assert.Equal("JDMA n’a pas répondu dans le délai de 1 s.", failure.Message);
        server.Gate.SetResult();
    }

    [Fact]
    public async Task An_address_where_nothing_listens_is_reported_as_unreachable_without_waiting_for_the_limit()
    {
        string address;
        await using (var server = await MatomoServer.StartAsync())
        {
            address = server.BaseUrl.ToString();
        }
        using var http = new HttpClient();
        var client = new MatomoClient(http, Options.Create(new ConnectorOptions { TimeoutSeconds = 30 }));

        var watch = Stopwatch.StartNew();
        var failure = await Assert.ThrowsAsync<ConnectorException>(() =>
            client.ReportAsync(address, 7, "jeton", new MatomoReportRequest("VisitsSummary.get", null, "week", From, To), CancellationToken.None));

        Assert.StartsWith($"Matomo est injoignable à l’adresse {new Uri(address).GetLeftPart(UriPartial.Authority)}", failure.Message, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"refused at once, not after the time limit ({watch.Elapsed})");
    }
}
