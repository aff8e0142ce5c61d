using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cap.Web.Tests.Infrastructure;

namespace Cap.Web.Tests.Platform;

/// <summary>
/// The published OpenAPI document is committed in docs/api/openapi.v1.json so that API changes show
/// in review. Set CAP_UPDATE_OPENAPI=1 to rewrite the file from the running application.
/// </summary>
public abstract class OpenApiTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : CapWebFactory
{
    public const string UpdateVariable = "CAP_UPDATE_OPENAPI";
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private async Task<JsonNode> DocumentAsync()
    {
        using var client = factory.CreateClientFor(null);
        using var response = await client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    [Fact]
    public async Task OpenApi_document_describes_the_product_endpoints()
    {
        var document = await DocumentAsync();

        var paths = document["paths"]!.AsObject();
        Assert.True(paths.ContainsKey("/api/v1/products"));
        Assert.True(paths.ContainsKey("/api/v1/products/{slug}"));
        Assert.NotNull(paths["/api/v1/products"]!["get"]);
        Assert.NotNull(paths["/api/v1/products"]!["post"]);
        Assert.NotNull(paths["/api/v1/products/{slug}"]!["put"]);
        Assert.Equal("API Cap", document["info"]!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task OpenApi_document_equals_the_committed_file()
    {
        var served = await DocumentAsync();
        var file = Path.Combine(RepositoryRoot(), "docs", "api", "openapi.v1.json");

        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            await File.WriteAllTextAsync(file, served.ToJsonString(Indented).ReplaceLineEndings("\n") + "\n");
        }

        Assert.True(File.Exists(file), $"{file} is missing: run the tests once with {UpdateVariable}=1 and commit it.");
        var committed = JsonNode.Parse(await File.ReadAllTextAsync(file));
        Assert.True(JsonNode.DeepEquals(committed, served),
            $"The API changed: {file} differs from /openapi/v1.json. If intended, run the tests with {UpdateVariable}=1 and commit the file.");
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Cap.slnx")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException($"Cap.slnx not found above {AppContext.BaseDirectory}.");
    }
}

public sealed class OpenApiTestsSqlite(SqliteCapFactory factory) : OpenApiTests<SqliteCapFactory>(factory);

public sealed class OpenApiTestsPostgres(PostgresCapFactory factory) : OpenApiTests<PostgresCapFactory>(factory);
