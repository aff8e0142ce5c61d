using System.Net;
using System.Net.Http.Json;
using Cap.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace Cap.Web.Tests.Platform;

/// <summary>Start-up rules: a production instance needs a sign-in method; the embedded database survives a restart.</summary>
public sealed class StartupTests
{
    /// <summary>Production refuses the demo sign-in once ProConnect is configured.</summary>
    [Fact]
    public void Production_with_ProConnect_and_the_demo_sign_in_refuses_to_start()
    {
        using var host = new SqliteHost("Production", new Dictionary<string, string?>
        {
            ["Authentication:Oidc:Authority"] = "https://proconnect.example.test",
            ["Authentication:Oidc:ClientId"] = "cap-test",
            ["Authentication:DemoSignIn:Enabled"] = "true",
        });

        var error = Assert.Throws<InvalidOperationException>(() => host.CreateClient());

        Assert.Contains("connexion de démonstration", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A database made by the migrations before the squash (decision 0012) is refused with what to do, not half-migrated.</summary>
    [Fact]
    public void A_database_from_an_older_migration_chain_stops_the_start_with_what_to_do()
    {
        var file = SqliteHost.NewFile();
        using (var connection = new SqliteConnection($"Data Source={file}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE "__EFMigrationsHistory" ("MigrationId" TEXT NOT NULL PRIMARY KEY, "ProductVersion" TEXT NOT NULL);
                INSERT INTO "__EFMigrationsHistory" VALUES ('20261205050840_Initial', '10.0.15'), ('20261205225504_MatomoConnector', '10.0.15');
                CREATE TABLE "Products" ("Id" INTEGER NOT NULL PRIMARY KEY);
                """;
            command.ExecuteNonQuery();
        }
        SqliteConnection.ClearAllPools();
        using var host = new SqliteHost("Development", file: file, settings: new Dictionary<string, string?>());

        var error = Assert.Throws<InvalidOperationException>(() => host.CreateClient());

        Assert.StartsWith("La base de données a été créée par une autre version de Cap : elle a reçu les migrations 20261205050840_Initial, 20261205225504_MatomoConnector,", error.Message, StringComparison.Ordinal);
        Assert.Contains("docs/operations.md", error.Message, StringComparison.Ordinal);
        using var check = new SqliteConnection($"Data Source={file}");
        check.Open();
        using var tables = check.CreateCommand();
        tables.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'";
        Assert.Equal(2L, (long)tables.ExecuteScalar()!);
    }

    [Fact]
    public void Production_without_any_sign_in_method_refuses_to_start()
    {
        var file = SqliteHost.NewFile();
        using var host = new SqliteHost("Production", file: file, settings: new Dictionary<string, string?>
        {
            ["Authentication:Oidc:Authority"] = "",
            ["Authentication:DemoSignIn:Enabled"] = "false",
        });

        var error = Assert.Throws<InvalidOperationException>(() => host.CreateClient());

        Assert.Contains("Aucune méthode de connexion", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_with_OpenID_Connect_configured_starts_without_demo_sign_in()
    {
        var file = SqliteHost.NewFile();
        await using var host = new SqliteHost("Production", file: file, settings: new Dictionary<string, string?>
        {
            ["Authentication:Oidc:Authority"] = "https://proconnect.example.test",
            ["Authentication:Oidc:ClientId"] = "cap-test",
            ["PublicBaseUrl"] = "https://cap.example.test",
        });
        // HTTPS as in production (the Secure antiforgery cookie is refused over plain HTTP).
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://cap.example.test") });

        var health = await client.GetAsync(new Uri("/health", UriKind.Relative));
        var signIn = await client.GetStringAsync(new Uri("/connexion", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Contains("ProConnect", signIn, StringComparison.Ordinal);
        Assert.DoesNotContain("Personnes de démonstration", signIn, StringComparison.Ordinal);
        // Without demo data, only the starting reference lists exist.
        var demoPost = await client.PostAsync(new Uri("/connexion?handler=Demo", UriKind.Relative), new FormUrlEncodedContent([]));
        Assert.NotEqual(HttpStatusCode.OK, demoPost.StatusCode);
    }

    [Fact]
    public async Task A_second_start_on_the_same_embedded_database_keeps_the_data()
    {
        var file = SqliteHost.NewFile();
        var settings = new Dictionary<string, string?> { ["Database:SeedDemoData"] = "true", ["Authentication:DemoSignIn:Enabled"] = "true" };
        try
        {
            int firstCount;
            await using (var first = new SqliteHost("Development", file: file, settings: settings))
            {
                var client = first.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
                var page = await CapWebFactory.FormFieldsAsync(client, "/connexion");
                Assert.NotEmpty(page);
                firstCount = await CountProductsAsync(file);
                Assert.Equal(Demo.ProductCount, firstCount);
                await RenameFirstProductAsync(file, "Renommé avant redémarrage");
            }

            await using (var second = new SqliteHost("Development", file: file, settings: settings))
            {
                var client = second.CreateClient();
                var health = await client.GetAsync(new Uri("/health", UriKind.Relative));
                Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            }

            Assert.Equal(firstCount, await CountProductsAsync(file));
            Assert.Equal("Renommé avant redémarrage", await FirstProductNameAsync(file));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var path in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(path);
            }
        }
    }

    private static async Task<int> CountProductsAsync(string file)
    {
        await using var connection = new SqliteConnection($"Data Source={file}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM Products";
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task RenameFirstProductAsync(string file, string name)
    {
        await using var connection = new SqliteConnection($"Data Source={file}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE Products SET Name = $name WHERE Id = (SELECT MIN(Id) FROM Products)";
        command.Parameters.AddWithValue("$name", name);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string?> FirstProductNameAsync(string file)
    {
        await using var connection = new SqliteConnection($"Data Source={file}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Name FROM Products WHERE Id = (SELECT MIN(Id) FROM Products)";
        return (string?)await command.ExecuteScalarAsync();
    }
}
