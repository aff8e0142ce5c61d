using Cap.Web.Features.Satisfaction;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cap.Bench;

/// <summary>
/// The yardstick of the intake benchmark (<c>Cap.Bench intake-bare --urls …</c>): an ASP.NET Core minimal endpoint on
/// Kestrel, at the intake's address, that binds the same JSON to the same <see cref="AnswerRequest"/> and answers 201
/// with the same receipt, storing nothing.
/// </summary>
internal static class IntakeBareServer
{
    public static async Task<int> RunAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        app.MapGet("/health", () => "ok");
        app.MapPost("/api/v1/satisfaction/{key}/answers", (string key, AnswerRequest request) =>
            TypedResults.Created((string?)null, new AnswerReceipt("stored", Cap.Domain.Satisfaction.SatisfactionScore.Points(Math.Clamp(request.Experience ?? 3, 1, 3)))));
        await app.RunAsync();
        return 0;
    }
}
