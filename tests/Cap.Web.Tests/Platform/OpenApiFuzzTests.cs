using System.Net.Http.Headers;
using System.Text;
using Cap.Data;
using Cap.Web.Shared.Auth;
using Cap.Web.Tests.Fuzz;
using Cap.Web.Tests.Infrastructure;
using CsCheck;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Cap.Web.Tests.Platform;

/// <summary>
/// Property-based fuzzing of the whole API from its own OpenAPI document (/openapi/v1.json): for every operation,
/// CsCheck generates valid requests (real path values from the demo data, bodies built from the declared schemas) and
/// malformed ones (null, array, scalar or broken JSON bodies, wrong-typed, out-of-range or huge fields, other content
/// types, random path and query values), sends them with an administrator's API token, and checks each answer against
/// the document: never a 5xx, a declared status, a declared media type, a body valid for the declared schema
/// (NJsonSchema). A failing operation is reported with the smallest request CsCheck shrank it to, and its seed.
/// </summary>
public abstract class OpenApiFuzzTests<TFactory>(TFactory factory, ITestOutputHelper output) : IClassFixture<TFactory>
    where TFactory : CapWebFactory
{
    /// <summary>Requests per operation and run (the whole document: about 75 operations, well under a minute).</summary>
    public const int CasesPerOperation = 25;

    [Fact]
    public async Task Every_operation_answers_valid_and_malformed_requests_as_the_document_describes()
    {
        using var anonymous = factory.CreateClientFor(null);
        var api = ApiDescription.Parse(await anonymous.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
        var validator = new ResponseValidator(api);
        using var client = TestHttp.WithBearer(factory.CreateClientFor(null), await IssueAdministratorTokenAsync());
        client.DefaultRequestHeaders.Accept.ParseAdd("application/json");
        // The public intake's keys are not readable through the API: the demo placements' keys, from the database.
        var keys = await TestHttp.QueryAsync<IReadOnlyList<string>>(factory, async db =>
            await db.Placements.Where(p => p.IsEnabled).OrderBy(p => p.Id).Select(p => p.PublicKey).Take(3).ToListAsync());
        var values = new PathValues(client, new Dictionary<string, IReadOnlyList<string>> { ["key"] = keys });

        var failures = new List<string>();
        var cases = 0;
        var statuses = new SortedDictionary<int, int>();
        // Reads first, then writes, deletions last: the valid paths read at the start stay valid for most requests.
        var operations = api.Operations
            .OrderBy(o => o.Method switch { "GET" => 0, "DELETE" => 2, _ => 1 })
            .ThenBy(o => o.PathTemplate, StringComparer.Ordinal)
            .ToList();
        foreach (var operation in operations)
        {
            var paths = await values.ValidPathsAsync(operation.PathTemplate);
            try
            {
                await RequestGenerators.For(operation, paths).SampleAsync(async request =>
                {
                    cases++;
                    var (status, problems) = await SendAsync(client, validator, operation, request);
                    statuses[status] = statuses.GetValueOrDefault(status) + 1;
                    if (problems.Count > 0)
                    {
                        throw new InvalidOperationException($"answered {status}: {string.Join(" | ", problems)}");
                    }
                }, iter: CasesPerOperation, threads: 1);
            }
            catch (Exception e) when (e is CsCheckException or InvalidOperationException)
            {
                failures.Add($"{operation.Name} ({paths.Count} real paths):\n{e.Message}\n{e.InnerException?.Message}");
            }
        }

        output.WriteLine($"{operations.Count} operations, {cases} requests; statuses: {string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}"))}");
        Assert.True(operations.Count > 60, $"Only {operations.Count} operations read from the document.");
        Assert.True(failures.Count == 0, $"{failures.Count} operation(s) answered what the document does not describe:\n\n" + string.Join("\n\n", failures));
        // Valid requests reached the handlers: not everything was refused at the door.
        Assert.True(statuses.Where(s => s.Key is >= 200 and < 300).Sum(s => s.Value) > operations.Count,
            "Too few successful answers: the generated valid requests do not reach the handlers.");
    }

    private static async Task<(int Status, IReadOnlyList<string> Problems)> SendAsync(HttpClient client, ResponseValidator validator, ApiOperation operation, FuzzRequest request)
    {
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(request.Url, UriKind.Relative));
        if (request.ContentType is not null)
        {
            message.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(request.Body ?? string.Empty));
            message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(request.ContentType);
        }
        using var response = await client.SendAsync(message);
        var body = await response.Content.ReadAsStringAsync();
        var status = (int)response.StatusCode;
        return (status, await validator.ValidateAsync(operation, status, response.Content.Headers.ContentType?.MediaType, body));
    }

    private async Task<string> IssueAdministratorTokenAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CapDbContext>();
        var administrator = await db.People.SingleAsync(p => p.Email == Demo.Administrateur);
        return await ApiTokenIssuer.IssueAsync(db, administrator.Id, productId: null,
            new ApiTokenInput { Name = "Fuzz OpenAPI", Days = 1 }, DateTimeOffset.UtcNow, CancellationToken.None);
    }
}

public sealed class OpenApiFuzzTestsSqlite(SqliteCapFactory factory, ITestOutputHelper output) : OpenApiFuzzTests<SqliteCapFactory>(factory, output);

public sealed class OpenApiFuzzTestsPostgres(PostgresCapFactory factory, ITestOutputHelper output) : OpenApiFuzzTests<PostgresCapFactory>(factory, output);
