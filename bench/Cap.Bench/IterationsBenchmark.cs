using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Cap.Data;
using Cap.Domain.Iterations;
using Cap.Domain.Retrospectives;
using Cap.Domain.Roadmap;
using Cap.Domain.Steering;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cap.Bench;

/// <summary>
/// Issue 6's target: the roadmap tab, the iterations tab and an iteration page of a product with three years of
/// two-week iterations (78, each with three initiatives, a review and most with a retrospective) and a full roadmap
/// (six objectives, 160 initiatives over three years, risks and dependencies) render within 100 ms server time at p95,
/// on the generated portfolio (default 2,000 products).
/// </summary>
internal static class IterationsBenchmark
{
    public const double PageTargetMs = 100;
    private const int Iterations = 78;


    public static async Task<int> RunAsync(BenchOptions options)
    {
        var started = DateTimeOffset.Now;
        var problems = new List<string>();
        var pages = new List<IndicatorsBenchmark.PageResult>();
        double otherCpus;
        TimeSpan seedTime;
        string volumes;
        await using (var database = BenchDatabase.Create(options.Postgres, options.Products, options.KeepDatabase))
        {
            Console.Error.WriteLine($"[iterations] {database.Description}: migrating and seeding {options.Products} generated products, then three years of iterations for one…");
            var seed = Stopwatch.StartNew();
            await using var factory = new BenchFactory(database, options.Products);
            using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = BenchFactory.SiteAddress });
            await factory.Identities.AddAsync(factory.Services, options.Person);
            (var slug, volumes) = await SeedProductAsync(factory.Services);
            seed.Stop();
            seedTime = seed.Elapsed;
            Console.Error.WriteLine($"[iterations] seeded in {seedTime.TotalSeconds:F1} s: {volumes}");

            client.DefaultRequestHeaders.Add(BenchAuthHandler.PersonHeader, options.Person);
            var cpu = new CpuMeter();
            var id = 0;
            foreach (var (name, url) in new[]
                     {
                         ("Onglet Feuille de route", $"/produits/{slug}/feuille-de-route"),
                         ("Onglet Itérations (78 itérations, cadence)", $"/produits/{slug}/iterations"),
                         ("Page d’une itération terminée (revue, initiatives, rétrospective)", $"/produits/{slug}/iterations/{Iterations - 1}"),
                         ("Aperçu du produit (panneau de cadence)", $"/produits/{slug}"),
                         ("API liste des itérations", $"/api/v1/products/{slug}/iterations"),
                     })
            {
                var page = await IndicatorsBenchmark.MeasurePageAsync(factory, client, options, name, url, () => (++id).ToString(CultureInfo.InvariantCulture), problems);
                pages.Add(page);
                Console.Error.WriteLine($"[iterations] {url}: p50 {page.Server.P50:F2} ms, p95 {page.Server.P95:F2} ms, p99 {page.Server.P99:F2} ms, SQL {page.SqlMin}–{page.SqlMax}, {page.Bytes:N0} bytes");
            }
            otherCpus = cpu.OtherCpus();
        }

        var report = Report(options, started, seedTime, otherCpus, volumes, pages, problems);
        Console.WriteLine();
        Console.WriteLine(report);
        if (options.Out is not null)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(options.Out));
            if (folder is not null)
            {
                Directory.CreateDirectory(folder);
            }
            await File.WriteAllTextAsync(options.Out, report);
            Console.WriteLine($"Report written to {options.Out}");
        }
        return problems.Count == 0 ? 0 : 1;
    }

    /// <summary>The first generated product gets a full roadmap and 78 two-week iterations ending with one running today.</summary>
    private static async Task<(string Slug, string Volumes)> SeedProductAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CapDbContext>();
        var product = await db.Products.AsNoTracking().Where(p => p.Slug.StartsWith("produit-")).OrderBy(p => p.Id).Select(p => new { p.Id, p.Slug, p.Phase }).FirstAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var random = new Random(6);
        var objectives = Enumerable.Range(1, 6).Select(k => new Objective { ProductId = product.Id, Title = $"Objectif {k} du banc", Position = k }).ToList();
        db.Objectives.AddRange(objectives);
        await db.SaveChangesAsync();
        var month = new DateOnly(today.Year, today.Month, 1);
        db.Roadmaps.Add(new ProductRoadmap
        {
            ProductId = product.Id, HorizonStart = month.AddMonths(-1), HorizonEnd = month.AddMonths(5).AddDays(-1),
            Priorities = objectives.Take(3).Select(o => new RoadmapPriority { ProductId = product.Id, ObjectiveId = o.Id }).ToList(),
        });
        var initiatives = new List<Initiative>();
        for (var k = 0; k < 160; k++)
        {
            var start = month.AddMonths(-36 + k * 42 / 160);
            initiatives.Add(new Initiative
            {
                ProductId = product.Id, ObjectiveId = objectives[k % objectives.Count].Id, Kind = (InitiativeKind)(1 + k % 3),
                Title = $"Initiative {k + 1} du banc", Description = "Description d’une initiative du banc d’essai des itérations.",
                PeriodUnit = PeriodUnit.Month, Start = start, End = start.AddMonths(2).AddDays(-1),
                Status = start.AddMonths(2) <= month ? (k % 7 == 0 ? InitiativeStatus.Abandoned : InitiativeStatus.Delivered) : start <= month ? InitiativeStatus.InProgress : InitiativeStatus.Planned,
            });
        }
        db.Initiatives.AddRange(initiatives);
        for (var k = 0; k < 12; k++)
        {
            db.Risks.Add(new Risk { ProductId = product.Id, Title = $"Risque {k + 1}", Probability = 1 + k % 3, Impact = 1 + (k / 3) % 3, Mitigation = "Mesure de réduction.", OwnerName = "Responsable produit" });
        }
        for (var k = 0; k < 6; k++)
        {
            db.RoadmapDependencies.Add(new RoadmapDependency { ProductId = product.Id, Kind = DependencyKind.Team, Target = $"Équipe {k + 1}" });
        }
        await db.SaveChangesAsync();

        var lastStart = today.AddDays(-5);
        var iterations = new List<Iteration>();
        for (var n = 1; n <= Iterations; n++)
        {
            var start = lastStart.AddDays(-14 * (Iterations - n));
            var end = start.AddDays(13);
            var ended = end < today;
            var it = new Iteration
            {
                ProductId = product.Id, Number = n, Start = start, End = end, Phase = product.Phase, Goal = $"Objectif de l’itération {n} du banc d’essai.",
                ReviewDelivered = ended ? "Ce qui a été livré pendant l’itération, en quelques lignes." : null,
                ReviewLearned = ended ? "Ce que l’équipe a appris." : null,
                ReviewFeedback = ended ? "Les retours des usagers pris en compte." : null,
                DemoDate = ended ? end : null, DemoAudience = ended ? "l’équipe métier" : null,
                ReviewedAt = ended ? new DateTimeOffset(end.ToDateTime(new TimeOnly(15, 0)), TimeSpan.Zero) : null,
            };
            // Three initiatives whose period covers the iteration.
            var near = initiatives.Where(i => i.Start <= end && i.End >= start).Take(3).ToList();
            foreach (var i in near.Count > 0 ? near : initiatives.Take(3))
            {
                it.Initiatives.Add(new IterationInitiative { ProductId = product.Id, InitiativeId = i.Id, Outcome = ended ? (random.Next(5) == 0 ? IterationWorkOutcome.NotDone : IterationWorkOutcome.Done) : IterationWorkOutcome.Pending });
            }
            iterations.Add(it);
        }
        db.Iterations.AddRange(iterations);
        await db.SaveChangesAsync();
        var retros = iterations.Where(i => i.End < today && i.Number % 4 != 0)
            .Select(i => new Retrospective { ProductId = product.Id, IterationId = i.Id, Title = $"Rétrospective de l’itération {i.Number}", HeldOn = i.End, Status = RetrospectiveStatus.Closed })
            .ToList();
        db.Retrospectives.AddRange(retros);
        await db.SaveChangesAsync();
        var rows = await db.IterationInitiatives.CountAsync(w => w.ProductId == product.Id);
        return (product.Slug, $"{iterations.Count} iterations, {rows} iteration initiatives, {retros.Count} retrospectives, {initiatives.Count} roadmap initiatives, 12 risks, 6 dependencies on « {product.Slug} »; {await db.Iterations.CountAsync():N0} iterations in the database");
    }

    private static string Report(BenchOptions options, DateTimeOffset started, TimeSpan seedTime, double otherCpus, string volumes, List<IndicatorsBenchmark.PageResult> pages, List<string> problems)
    {
        var inv = CultureInfo.InvariantCulture;
        var md = new StringBuilder();
        md.AppendLine(inv, $"### Roadmap and iteration pages: a product with three years of iterations, {options.Products:N0} generated products");
        md.AppendLine();
        md.AppendLine(inv, $"- Run: {started:yyyy-MM-dd HH:mm zzz}; {Machine.Describe()}; load average at the end: {Machine.LoadAverage()}");
        md.AppendLine(inv, $"- Database: {(options.Postgres is null ? "SQLite (fresh file in the temporary folder)" : "PostgreSQL (fresh database)")}; seeded and host started in {seedTime.TotalSeconds:F1} s");
        md.AppendLine(inv, $"- Volumes: {volumes}");
        md.AppendLine(inv, $"- {options.Warmup} warm-up requests, then {options.Requests} measured requests per page, one at a time, signed in as {options.Person}");
        md.AppendLine(inv, $"- Other processes' CPU use while measuring: {otherCpus:F2} CPUs on average; above ~0.1 the machine was not quiet and the figures are disturbed");
        md.AppendLine();
        md.AppendLine(inv, $"| Page | URL | Server p50 (ms) | Server p95 (ms) | Server p99 (ms) | Client p95 (ms) | SQL time p95 (ms) | SQL queries / request | Response (bytes) | p95 / {PageTargetMs:F0} ms target |");
        md.AppendLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        IndicatorsBenchmark.AppendPageRows(md, pages, options.Requests, problems);
        md.AppendLine();
        md.AppendLine(problems.Count == 0 ? "Every target is met." : "Problems:");
        foreach (var problem in problems)
        {
            md.AppendLine(inv, $"- {problem}");
        }
        return md.ToString();
    }

}
