using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Cap.Data;
using Cap.Domain.Catalogue;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cap.Web.Tests.Infrastructure;

/// <summary>Small helpers shared by the web tests: JSON bodies, JSON answers, database reads.</summary>
public static class TestHttp
{
    public static StringContent Json(object value) =>
        new(JsonSerializer.Serialize(value), Encoding.UTF8, "application/json");

    public static StringContent RawJson(string json) =>
        new(json, Encoding.UTF8, "application/json");

    public static async Task<JsonDocument> ReadJsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync());

    public static HttpClient WithBearer(HttpClient client, string secret)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    /// <summary>Runs a query on a fresh context of the application's own database.</summary>
    public static async Task<T> QueryAsync<T>(CapWebFactory factory, Func<CapDbContext, Task<T>> query)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CapDbContext>();
        return await query(db);
    }

    public static Task<int> PersonIdAsync(CapWebFactory factory, string email) =>
        QueryAsync(factory, db => db.People.Where(p => p.Email == email).Select(p => p.Id).SingleAsync());

    /// <summary>The e-mail of a team member with that role in the product (the first by e-mail).</summary>
    public static Task<string> MemberEmailAsync(CapWebFactory factory, string slug, ProductRole role) =>
        QueryAsync(factory, db => db.TeamMembers.Where(m => m.Product!.Slug == slug && m.Role == role)
            .Select(m => m.Person!.Email).OrderBy(e => e).FirstAsync());

    /// <summary>An active person who is not in the product's team and is none of <paramref name="excluded"/>.</summary>
    public static Task<(int Id, string Email)> OutsiderAsync(CapWebFactory factory, string slug, params string[] excluded) =>
        QueryAsync(factory, async db =>
        {
            var members = await db.TeamMembers.Where(m => m.Product!.Slug == slug).Select(m => m.PersonId).ToListAsync();
            var person = await db.People.Where(p => p.IsActive && p.Roles == Cap.Domain.Platform.GlobalRoles.None && !members.Contains(p.Id) && !excluded.Contains(p.Email))
                .OrderBy(p => p.Id).Select(p => new { p.Id, p.Email }).FirstAsync();
            return (person.Id, person.Email);
        });
}
