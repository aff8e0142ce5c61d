using Cap.Data;
using Cap.Data.Intake;
using Cap.Domain.Satisfaction;
using Cap.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using static Cap.Web.Tests.Infrastructure.TestHttp;

namespace Cap.Web.Tests.Satisfaction;

/// <summary>The intake's group commit on each database: a resent client key never fails its batch.</summary>
public abstract class AnswerIntakeTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : CapWebFactory
{
    [Fact]
    public async Task Same_client_key_twice_is_stored_once_and_the_other_answers_of_the_batch_are_stored()
    {
        var (placementId, _) = await SatisfactionTestData.PlacementAsync(factory);
        var productId = await QueryAsync(factory, db => db.Placements.Where(p => p.Id == placementId).Select(p => p.ProductId).SingleAsync());
        var intake = factory.Services.GetRequiredService<IAnswerIntake>();
        FeedbackAnswer Answer(string? key) => new()
        {
            ProductId = productId, PlacementId = placementId, FormVersion = 1, ReceivedAt = DateTimeOffset.UtcNow,
            Day = DateOnly.FromDateTime(DateTime.UtcNow), Experience = 3, ClientKey = key,
        };

        var tasks = new List<Task<StoreOutcome>>();
        foreach (var answer in new[] { Answer("k-1"), Answer("k-1"), Answer("k-2"), Answer(null), Answer(null) })
        {
            Assert.True(intake.TrySubmit(answer, out var stored));
            tasks.Add(stored);
        }
        var outcomes = await Task.WhenAll(tasks);

        Assert.Equal(new[] { StoreOutcome.Stored, StoreOutcome.AlreadyStored, StoreOutcome.Stored, StoreOutcome.Stored, StoreOutcome.Stored }, outcomes);
        var rows = await SatisfactionTestData.AnswersAsync(factory, placementId);
        Assert.Equal(4, rows.Count);
        Assert.Single(rows, r => r.ClientKey == "k-1");
    }

    [Fact]
    public async Task Every_value_of_an_answer_reads_back_as_it_was_queued()
    {
        var (placementId, _) = await SatisfactionTestData.PlacementAsync(factory);
        var productId = await QueryAsync(factory, db => db.Placements.Where(p => p.Id == placementId).Select(p => p.ProductId).SingleAsync());
        var intake = factory.Services.GetRequiredService<IAnswerIntake>();
        var receivedAt = new DateTimeOffset(2026, 3, 29, 1, 30, 15, TimeSpan.Zero).AddTicks(1234000); // a tenth of a millisecond: what both databases keep
        var full = new FeedbackAnswer
        {
            ProductId = productId, PlacementId = placementId, FormVersion = 7, ReceivedAt = receivedAt, Day = new DateOnly(2026, 3, 29),
            Experience = 2, Clarity = 5, HelpChannels = HelpChannels.Email | HelpChannels.Phone, AdministrationReached = false, HelpQuality = 1,
            Comment = "« Guillemets », \"doubles\", barre \\ oblique,\nretour à la ligne, tabulation\t, émoji 🙂 et 日本語",
            ClientKey = "clé-accentuée-1",
        };
        var bare = new FeedbackAnswer { ProductId = productId, PlacementId = placementId, FormVersion = 1, ReceivedAt = receivedAt, Day = new DateOnly(2026, 3, 29), Experience = 1 };

        Assert.True(intake.TrySubmit(full, out var first));
        Assert.True(intake.TrySubmit(bare, out var second));
        Assert.Equal([StoreOutcome.Stored, StoreOutcome.Stored], await Task.WhenAll(first, second));

        var rows = await SatisfactionTestData.AnswersAsync(factory, placementId);
        var stored = Assert.Single(rows, r => r.ClientKey == full.ClientKey);
        Assert.Equal(Fields(full), Fields(stored));
        var storedBare = Assert.Single(rows, r => r.FormVersion == 1 && r.Experience == 1 && r.ReceivedAt == receivedAt);
        Assert.Equal(Fields(bare), Fields(storedBare));
    }

    [Fact]
    public async Task Every_answer_of_a_long_stream_is_stored_once_with_its_own_values()
    {
        // 200 answers queued at once make batches of many rows (on SQLite, written 64, 32, … rows to a statement); then a
        // resent client key among new answers.
        var (placementId, _) = await SatisfactionTestData.PlacementAsync(factory);
        var productId = await QueryAsync(factory, db => db.Placements.Where(p => p.Id == placementId).Select(p => p.ProductId).SingleAsync());
        var intake = factory.Services.GetRequiredService<IAnswerIntake>();
        FeedbackAnswer Answer(int i) => new()
        {
            ProductId = productId, PlacementId = placementId, FormVersion = 1 + i % 4, ReceivedAt = new DateTimeOffset(2026, 5, 4, 8, 0, 0, TimeSpan.Zero).AddSeconds(i),
            Day = new DateOnly(2026, 5, 4).AddDays(i % 2), Experience = 1 + i % 3, Clarity = i % 6 == 0 ? null : i % 5 + 1,
            Comment = i % 7 == 0 ? null : $"Réponse n° {i}", ClientKey = $"flux-{i}",
        };
        async Task<StoreOutcome[]> SendAsync(IEnumerable<FeedbackAnswer> answers)
        {
            var tasks = new List<Task<StoreOutcome>>();
            foreach (var answer in answers)
            {
                Assert.True(intake.TrySubmit(answer, out var stored));
                tasks.Add(stored);
            }
            return await Task.WhenAll(tasks);
        }

        var stream = await SendAsync(Enumerable.Range(0, 200).Select(Answer));
        var resent = await SendAsync([Answer(200), Answer(3), Answer(201), Answer(202)]);

        Assert.All(stream, o => Assert.Equal(StoreOutcome.Stored, o));
        Assert.Equal([StoreOutcome.Stored, StoreOutcome.AlreadyStored, StoreOutcome.Stored, StoreOutcome.Stored], resent);
        var rows = (await SatisfactionTestData.AnswersAsync(factory, placementId)).ToDictionary(r => r.ClientKey!);
        Assert.Equal(203, rows.Count);
        foreach (var i in Enumerable.Range(0, 203))
        {
            Assert.Equal(Fields(Answer(i)), Fields(rows[$"flux-{i}"]));
        }
    }

    [Fact]
    public async Task A_resent_key_in_a_batch_of_new_ones_is_already_stored_and_the_new_ones_are_stored_without_a_retry()
    {
        var (placementId, _) = await SatisfactionTestData.PlacementAsync(factory);
        var productId = await QueryAsync(factory, db => db.Placements.Where(p => p.Id == placementId).Select(p => p.ProductId).SingleAsync());
        FeedbackAnswer Answer(string? key, int experience) => new()
        {
            ProductId = productId, PlacementId = placementId, FormVersion = 1, ReceivedAt = DateTimeOffset.UtcNow,
            Day = DateOnly.FromDateTime(DateTime.UtcNow), Experience = experience, ClientKey = key,
        };
        var application = factory.Services.GetRequiredService<IAnswerIntake>();
        Assert.Equal(StoreOutcome.Stored, await application.SubmitAsync(Answer("deja-1", 3), CancellationToken.None));

        // A writer of its own that lingers, so that the five answers make one batch; a warning would tell that the batch
        // was tried again answer by answer.
        var log = new WarningLog();
        var intake = AnswerIntake.Create(factory.Services.GetRequiredService<IServiceScopeFactory>(), new SatisfactionChanges(), new IntakeOptions { LingerMilliseconds = 300 }, log);
        await intake.StartAsync(CancellationToken.None);
        StoreOutcome[] outcomes;
        try
        {
            var tasks = new List<Task<StoreOutcome>>();
            foreach (var answer in new[] { Answer("neuf-1", 3), Answer("deja-1", 1), Answer("neuf-2", 2), Answer("neuf-2", 1), Answer(null, 2) })
            {
                Assert.True(intake.TrySubmit(answer, out var stored));
                tasks.Add(stored);
            }
            outcomes = await Task.WhenAll(tasks);
        }
        finally
        {
            await intake.StopAsync(CancellationToken.None);
        }

        Assert.Equal([StoreOutcome.Stored, StoreOutcome.AlreadyStored, StoreOutcome.Stored, StoreOutcome.AlreadyStored, StoreOutcome.Stored], outcomes);
        Assert.Empty(log.Warnings);
        Assert.Equal(3, intake.Stored);
        var rows = await SatisfactionTestData.AnswersAsync(factory, placementId);
        Assert.Equal(["deja-1", "neuf-1", "neuf-2", null], rows.Select(r => r.ClientKey));
        Assert.Equal(3, Assert.Single(rows, r => r.ClientKey == "deja-1").Experience);
        Assert.Equal(2, Assert.Single(rows, r => r.ClientKey == "neuf-2").Experience);
        // The rollups count the answers stored, not the resent ones.
        var rollups = await QueryAsync(factory, db => db.FeedbackDailyRollups.AsNoTracking().Where(r => r.PlacementId == placementId).ToListAsync());
        Assert.Equal(4, rollups.Sum(r => r.Count));
        Assert.Equal(10 + 10 + 5 + 5, rollups.Sum(r => r.Points));
    }

    private static object Fields(FeedbackAnswer a) => new
    {
        a.ProductId, a.PlacementId, a.FormVersion, a.ReceivedAt, a.Day, a.Experience, a.Clarity, a.HelpChannels,
        a.AdministrationReached, a.HelpQuality, a.Comment, a.ClientKey,
    };
}

public sealed class AnswerIntakeTestsSqlite(SqliteCapFactory factory) : AnswerIntakeTests<SqliteCapFactory>(factory)
{
    private readonly SqliteCapFactory _factory = factory;

    [Fact]
    public async Task Under_a_steady_stream_the_log_restarts_and_stays_small()
    {
        // The checkpoints run beside the writer (WalCheckpointer), and the writer finishes them so that the log
        // restarts: without that, 100,000 answers leave more than 30 MB of log (a passive checkpoint alone never lets a
        // log restart while a writer keeps appending).
        var (placementId, _) = await SatisfactionTestData.PlacementAsync(_factory);
        var productId = await QueryAsync(_factory, db => db.Placements.Where(p => p.Id == placementId).Select(p => p.ProductId).SingleAsync());
        var intake = _factory.Services.GetRequiredService<IAnswerIntake>();
        var log = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(_factory.ConnectionString).DataSource + "-wal";
        var day = DateOnly.FromDateTime(DateTime.UtcNow);
        var largest = 0L;
        for (var round = 0; round < 50; round++)
        {
            var tasks = new List<Task<StoreOutcome>>(2000);
            for (var i = 0; i < 2000; i++)
            {
                var answer = new FeedbackAnswer
                {
                    ProductId = productId, PlacementId = placementId, FormVersion = 1, ReceivedAt = DateTimeOffset.UtcNow, Day = day,
                    Experience = 1 + (i % 3), Comment = "Réponse du flot continu.", ClientKey = $"flot-{round}-{i}",
                };
                Assert.True(intake.TrySubmit(answer, out var stored));
                tasks.Add(stored);
            }
            Assert.All(await Task.WhenAll(tasks), outcome => Assert.Equal(StoreOutcome.Stored, outcome));
            largest = Math.Max(largest, new FileInfo(log).Length);
        }
        Assert.True(largest < 12 * 1024 * 1024, $"log of {largest:N0} bytes");
        Assert.Equal(100_000, await QueryAsync(_factory, db => db.FeedbackAnswers.CountAsync(a => a.PlacementId == placementId && a.ClientKey!.StartsWith("flot-"))));
    }
}

public sealed class AnswerIntakeTestsPostgres(PostgresCapFactory factory) : AnswerIntakeTests<PostgresCapFactory>(factory);

/// <summary>What the intake does when it cannot take or write answers: refuse at once, never acknowledge.</summary>
public sealed class AnswerIntakeFailureTests
{
    private static FeedbackAnswer Answer() => new() { ProductId = 1, PlacementId = 1, FormVersion = 1, ReceivedAt = DateTimeOffset.UtcNow, Day = DateOnly.FromDateTime(DateTime.UtcNow), Experience = 2 };

    [Fact]
    public void A_full_queue_refuses_at_once()
    {
        // The intake reads its insert from the EF model: a context it never connects with (the loop is not started).
        using var services = new ServiceCollection().AddDbContext<CapDbContext>(o => o.UseSqlite("Data Source=:memory:")).BuildServiceProvider();
        var intake = AnswerIntake.Create(services.GetRequiredService<IServiceScopeFactory>(), new SatisfactionChanges(), new IntakeOptions { QueueCapacity = 2 }, NullLoggerFactory.Instance);

        Assert.True(intake.TrySubmit(Answer(), out _));
        Assert.True(intake.TrySubmit(Answer(), out _));
        Assert.False(intake.TrySubmit(Answer(), out _));
    }

    [Fact]
    public async Task A_batch_that_cannot_be_written_fails_every_waiting_answer_and_the_writer_goes_on()
    {
        var services = new ServiceCollection();
        services.AddDbContext<CapDbContext>(o => o.UseSqlite($"Data Source={Path.Combine(Path.GetTempPath(), $"no-such-folder-{Guid.NewGuid():N}", "cap.db")};Mode=ReadWrite"));
        await using var provider = services.BuildServiceProvider();
        var intake = AnswerIntake.Create(provider.GetRequiredService<IServiceScopeFactory>(), new SatisfactionChanges(), new IntakeOptions(), NullLoggerFactory.Instance);
        await intake.StartAsync(CancellationToken.None);
        try
        {
            Assert.True(intake.TrySubmit(Answer(), out var first));
            Assert.True(intake.TrySubmit(Answer(), out var second));
            await Assert.ThrowsAsync<AnswerNotStoredException>(() => first);
            await Assert.ThrowsAsync<AnswerNotStoredException>(() => second);

            // The writer survives a failed batch: the next answer gets its own answer (here, the same failure).
            Assert.True(intake.TrySubmit(Answer(), out var third));
            await Assert.ThrowsAsync<AnswerNotStoredException>(() => third);
        }
        finally
        {
            await intake.StopAsync(CancellationToken.None);
        }
    }
}

/// <summary>The warnings and errors an intake logs.</summary>
internal sealed class WarningLog : ILoggerFactory, ILogger
{
    public System.Collections.Concurrent.ConcurrentQueue<string> Warnings { get; } = new();

    public ILogger CreateLogger(string categoryName) => this;

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
        {
            Warnings.Enqueue(formatter(state, exception));
        }
    }

    public void Dispose()
    {
    }
}
