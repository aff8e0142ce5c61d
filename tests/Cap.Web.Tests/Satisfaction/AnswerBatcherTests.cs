using Cap.Data;
using Cap.Domain.Satisfaction;
using Cap.Web.Features.Satisfaction;
using Cap.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static Cap.Web.Tests.Infrastructure.TestHttp;

namespace Cap.Web.Tests.Satisfaction;

/// <summary>The intake's group commit on each database: a resent client key never fails its batch.</summary>
public abstract class AnswerBatcherTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : CapWebFactory
{
    [Fact]
    public async Task Same_client_key_twice_is_stored_once_and_the_other_answers_of_the_batch_are_stored()
    {
        var (placementId, _) = await SatisfactionTestData.PlacementAsync(factory);
        var productId = await QueryAsync(factory, db => db.Placements.Where(p => p.Id == placementId).Select(p => p.ProductId).SingleAsync());
        var batcher = factory.Services.GetRequiredService<AnswerBatcher>();
        FeedbackAnswer Answer(string? key) => new()
        {
            ProductId = productId, PlacementId = placementId, FormVersion = 1, ReceivedAt = DateTimeOffset.UtcNow,
            Day = DateOnly.FromDateTime(DateTime.UtcNow), Experience = 3, ClientKey = key,
        };

        var tasks = new List<Task<StoreOutcome>>();
        foreach (var answer in new[] { Answer("k-1"), Answer("k-1"), Answer("k-2"), Answer(null), Answer(null) })
        {
            Assert.True(batcher.TryEnqueue(answer, out var stored));
            tasks.Add(stored);
        }
        var outcomes = await Task.WhenAll(tasks);

        Assert.Equal(new[] { StoreOutcome.Stored, StoreOutcome.AlreadyStored, StoreOutcome.Stored, StoreOutcome.Stored, StoreOutcome.Stored }, outcomes);
        var rows = await SatisfactionTestData.AnswersAsync(factory, placementId);
        Assert.Equal(4, rows.Count);
        Assert.Single(rows, r => r.ClientKey == "k-1");
    }
}

public sealed class AnswerBatcherTestsSqlite(SqliteCapFactory factory) : AnswerBatcherTests<SqliteCapFactory>(factory);

public sealed class AnswerBatcherTestsPostgres(PostgresCapFactory factory) : AnswerBatcherTests<PostgresCapFactory>(factory);

/// <summary>What the batcher does when it cannot take or write answers: refuse at once, never acknowledge.</summary>
public sealed class AnswerBatcherFailureTests
{
    private static FeedbackAnswer Answer() => new() { ProductId = 1, PlacementId = 1, FormVersion = 1, ReceivedAt = DateTimeOffset.UtcNow, Day = DateOnly.FromDateTime(DateTime.UtcNow), Experience = 2 };

    [Fact]
    public void A_full_queue_refuses_at_once()
    {
        using var services = new ServiceCollection().BuildServiceProvider();
        var batcher = new AnswerBatcher(services.GetRequiredService<IServiceScopeFactory>(), Options.Create(new SatisfactionOptions { IntakeQueueCapacity = 2 }), NullLogger<AnswerBatcher>.Instance);

        Assert.True(batcher.TryEnqueue(Answer(), out _));
        Assert.True(batcher.TryEnqueue(Answer(), out _));
        Assert.False(batcher.TryEnqueue(Answer(), out _));
    }

    [Fact]
    public async Task A_batch_that_cannot_be_written_fails_every_waiting_answer_and_the_writer_goes_on()
    {
        var services = new ServiceCollection();
        services.AddDbContext<CapDbContext>(o => o.UseSqlite($"Data Source={Path.Combine(Path.GetTempPath(), $"no-such-folder-{Guid.NewGuid():N}", "cap.db")};Mode=ReadWrite"));
        await using var provider = services.BuildServiceProvider();
        var batcher = new AnswerBatcher(provider.GetRequiredService<IServiceScopeFactory>(), Options.Create(new SatisfactionOptions()), NullLogger<AnswerBatcher>.Instance);
        await batcher.StartAsync(CancellationToken.None);
        try
        {
            Assert.True(batcher.TryEnqueue(Answer(), out var first));
            Assert.True(batcher.TryEnqueue(Answer(), out var second));
            await Assert.ThrowsAsync<AnswerNotStoredException>(() => first);
            await Assert.ThrowsAsync<AnswerNotStoredException>(() => second);

            // The writer survives a failed batch: the next answer gets its own answer (here, the same failure).
            Assert.True(batcher.TryEnqueue(Answer(), out var third));
            await Assert.ThrowsAsync<AnswerNotStoredException>(() => third);
        }
        finally
        {
            await batcher.StopAsync(CancellationToken.None);
        }
    }
}
