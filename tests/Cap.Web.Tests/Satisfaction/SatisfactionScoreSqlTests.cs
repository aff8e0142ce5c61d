using Cap.Domain.Satisfaction;
using Cap.Web.Features.Satisfaction;
using Cap.Web.Shared;
using Cap.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Cap.Web.Tests.Infrastructure.TestHttp;

namespace Cap.Web.Tests.Satisfaction;

/// <summary>
/// The scoring rules exist twice on purpose: in C# (<see cref="SatisfactionScore.Points"/>, <see cref="FeedbackDailyRollup.Add"/>)
/// for the rollups, and as SQL (<see cref="SatisfactionScore.InSql"/>) for the statistics computed from the answers.
/// Over every possible answer, the database's evaluation must equal the C# one, on each database.
/// </summary>
public abstract class SatisfactionScoreSqlTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : CapWebFactory
{
    [Fact]
    public async Task The_sql_scoring_of_every_possible_answer_equals_the_csharp_rules()
    {
        var (placementId, _) = await SatisfactionTestData.PlacementAsync(factory);
        var productId = await QueryAsync(factory, db => db.Placements.Where(p => p.Id == placementId).Select(p => p.ProductId).SingleAsync());
        var day = new DateOnly(2001, 2, 3);
        var answers = (
            from experience in new[] { 1, 2, 3 }
            from clarity in new int?[] { null, 1, 2, 3, 4, 5 }
            from reached in new bool?[] { null, false, true }
            select new FeedbackAnswer
            {
                ProductId = productId, PlacementId = placementId, FormVersion = 1, Day = day,
                ReceivedAt = new DateTimeOffset(2001, 2, 3, 10, 0, 0, TimeSpan.Zero),
                Experience = experience, Clarity = clarity, AdministrationReached = reached,
            }).ToList();
        await QueryAsync(factory, async db =>
        {
            db.FeedbackAnswers.AddRange(answers);
            return await db.SaveChangesAsync();
        });
        try
        {
            // Answer by answer: the row the database computes equals the rollup of that one answer in C#.
            var stored = await QueryAsync(factory, db => db.FeedbackAnswers.AsNoTracking().Where(a => a.PlacementId == placementId).OrderBy(a => a.Id).ToListAsync());
            var inSql = await QueryAsync(factory, db => db.FeedbackAnswers.AsNoTracking().Where(a => a.PlacementId == placementId).OrderBy(a => a.Id)
                .Select(SatisfactionScore.InSql).ToListAsync());
            Assert.Equal(answers.Count, inSql.Count);
            foreach (var (answer, row) in stored.Zip(inSql))
            {
                var expected = FeedbackDailyRollup.Of([answer]).Single();
                Assert.Equal(
                    (expected.ProductId, expected.PlacementId, expected.Day, expected.Count, expected.Points, expected.ClarityCount, expected.ClaritySum, expected.HelpAsked, expected.Reached),
                    (row.ProductId, row.PlacementId, row.Day, row.Count, row.Points, row.ClarityCount, row.ClaritySum, row.HelpAsked, row.Reached));
                Assert.Equal(SatisfactionScore.Points(answer.Experience), row.Points);
            }

            // Summed: the statistics' totals from the answers equal the C# rollup of them, and so does the index.
            var totals = (await QueryAsync(factory, db => SatisfactionStatistics.DailyTotalsFromAnswersAsync(
                db.FeedbackAnswers.Where(a => a.PlacementId == placementId), CancellationToken.None)))[day];
            var rollup = FeedbackDailyRollup.Of(stored).Single();
            Assert.Equal(new AnswerTotals(rollup.Count, rollup.Points, rollup.ClarityCount, rollup.ClaritySum, rollup.HelpAsked, rollup.Reached), totals);
            Assert.Equal(SatisfactionScore.Index(bad: 18, average: 18, good: 18), totals.Index);
        }
        finally
        {
            await QueryAsync(factory, db => db.FeedbackAnswers.Where(a => a.PlacementId == placementId).ExecuteDeleteAsync());
        }
    }
}

public sealed class SatisfactionScoreSqlTestsSqlite(SqliteCapFactory factory) : SatisfactionScoreSqlTests<SqliteCapFactory>(factory);

public sealed class SatisfactionScoreSqlTestsPostgres(PostgresCapFactory factory) : SatisfactionScoreSqlTests<PostgresCapFactory>(factory);
