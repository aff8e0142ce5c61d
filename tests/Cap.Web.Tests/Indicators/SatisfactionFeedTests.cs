using System.Net;
using Cap.Domain.Satisfaction;
using Cap.Domain.Steering;
using Cap.Web.Features.Indicators;
using Cap.Web.Tests.Infrastructure;
using Cap.Web.Tests.Satisfaction;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Cap.Web.Tests.Infrastructure.TestHttp;

namespace Cap.Web.Tests.Indicators;

/// <summary>The satisfaction form feeds the product's "Satisfaction usagers" indicator, one measurement per month.</summary>
public abstract class SatisfactionFeedTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : CapWebFactory
{
    private Task<Indicator> FedIndicatorAsync(string slug) => QueryAsync(factory, db =>
        db.Indicators.AsNoTracking().Include(i => i.Measurements).SingleAsync(i => i.Product!.Slug == slug && i.FedBySatisfactionForm));

    [Fact]
    public async Task Demo_answers_give_the_indicator_one_measurement_per_month_with_the_index_of_its_answers()
    {
        var indicator = await FedIndicatorAsync(Demo.JourneyProductSlug);
        Assert.Equal(SatisfactionFeed.IndicatorName, indicator.Name);
        Assert.Equal((IndicatorUnit.ScoreOn10, WantedDirection.Range, 8m, 10m, ImpactFamily.Satisfaction), (indicator.Unit, indicator.Direction, indicator.Target, indicator.TargetMax!.Value, indicator.Family!.Value));
        Assert.All(indicator.Measurements, m =>
        {
            Assert.Equal(1, m.Date.Day);
            Assert.Equal(MeasurementSource.Form, m.Source);
        });
        // Each month's value is the index of that month's answers, computed here from the answers themselves.
        var answers = await QueryAsync(factory, db => db.FeedbackAnswers.AsNoTracking().Where(a => a.ProductId == indicator.ProductId)
            .Select(a => new { a.Day, a.Experience }).ToListAsync());
        var expected = answers.GroupBy(a => new DateOnly(a.Day.Year, a.Day.Month, 1))
            .ToDictionary(g => g.Key, g => SatisfactionScore.Index(g.Sum(a => (long)SatisfactionScore.Points(a.Experience)), g.LongCount())!.Value);
        Assert.Equal(expected.Count, indicator.Measurements.Count);
        Assert.All(indicator.Measurements, m => Assert.Equal(expected[m.Date], m.Value));
        Assert.NotNull(indicator.Summary);

        // The tab shows it with a status like any other indicator.
        using var client = factory.CreateClientFor(Demo.Lecteur);
        using var tab = await client.GetAsync($"/produits/{Demo.JourneyProductSlug}/indicateurs");
        Assert.Contains(SatisfactionFeed.IndicatorName, await tab.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static readonly DateOnly CurrentMonth = new(Demo.Today.Year, Demo.Today.Month, 1);

    private async Task<Measurement?> CurrentMonthAsync() =>
        (await FedIndicatorAsync(Demo.JourneyProductSlug)).Measurements.SingleOrDefault(m => m.Date == CurrentMonth);

    /// <summary>The answers a month's measurement counts, from its comment (« N réponse(s) au formulaire »).</summary>
    private static int Counted(Measurement? month) =>
        month is null ? 0 : int.Parse(month.Comment!.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The feed's worker after a pass, so that earlier changes are taken.</summary>
    private async Task<SatisfactionFeedWorker> PassedWorkerAsync()
    {
        var worker = factory.Services.GetRequiredService<SatisfactionFeedWorker>();
        await worker.PassAsync(CancellationToken.None);
        return worker;
    }

    [Fact]
    public async Task New_answers_move_the_current_month_at_the_next_pass()
    {
        var worker = await PassedWorkerAsync();
        var (_, key) = await SatisfactionTestData.PlacementAsync(factory);
        var before = await CurrentMonthAsync();

        using var client = factory.CreateClientFor(null);
        for (var n = 0; n < 5; n++)
        {
            using var posted = await client.PostAsync($"/api/v1/satisfaction/{key}/answers", Json(new { experience = 1, clientKey = $"feed-{Guid.NewGuid():N}" }));
            Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        }
        Assert.True(await worker.PassAsync(CancellationToken.None) >= 1);

        var after = await CurrentMonthAsync();
        Assert.Equal(Counted(before) + 5, Counted(after));
        if (before is not null)
        {
            Assert.True(after!.Value < before.Value, "five answers « bad » lower the month's index");
        }
        // Nothing new, nothing written.
        Assert.Equal(0, await worker.PassAsync(CancellationToken.None));
    }

    [Fact]
    public async Task An_answer_through_the_public_form_moves_the_current_month_at_the_next_pass()
    {
        var worker = await PassedWorkerAsync();
        var (_, key) = await SatisfactionTestData.PlacementAsync(factory);
        var before = await CurrentMonthAsync();

        using var person = factory.CreateClientFor(null);
        using (var page = await person.GetAsync($"/avis/{key}"))
        {
            var document = await Html.ParseAsync(page);
            var fields = document.QuerySelectorAll("main form input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? string.Empty);
            fields["Input.Experience"] = "3";
            using var content = new FormUrlEncodedContent(fields);
            using var posted = await person.PostAsync($"/avis/{key}", content);
            Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        }
        Assert.Equal(1, await worker.PassAsync(CancellationToken.None));

        Assert.Equal(Counted(before) + 1, Counted(await CurrentMonthAsync()));
    }
}

public sealed class SatisfactionFeedTestsSqlite(SqliteCapFactory factory) : SatisfactionFeedTests<SqliteCapFactory>(factory);

public sealed class SatisfactionFeedTestsPostgres(PostgresCapFactory factory) : SatisfactionFeedTests<PostgresCapFactory>(factory);
