using System.Globalization;
using System.Text;
using Cap.Data;
using Cap.Domain.Satisfaction;
using Cap.Web.Shared;
using Cap.Web.Shared.Auth;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Satisfaction;

/// <summary>
/// /produits/{slug}/satisfaction/export/csv: every answer of the product (or of a period), streamed row by row from
/// the database to the response, so that a million answers never sit in memory. Comments hidden by the team are left out.
/// </summary>
public static class AnswerExport
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static IEndpointRouteBuilder MapAnswerExport(this IEndpointRouteBuilder app)
    {
        app.MapGet("/produits/{slug}/satisfaction/export/csv", ExportCsv).RequireAuthorization(Policies.Reader).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> ExportCsv(string slug, string? du, string? au, HttpContext http, CapDbContext db, CancellationToken ct)
    {
        var product = await db.Products.AsNoTracking().Where(p => p.Slug == slug).Select(p => new { p.Id, p.Slug }).FirstOrDefaultAsync(ct);
        if (product is null)
        {
            return TypedResults.NotFound();
        }
        var placements = await db.Placements.AsNoTracking().Where(p => p.ProductId == product.Id).ToDictionaryAsync(p => p.Id, p => p.Label, ct);
        var hidden = (await db.VerbatimModerations.AsNoTracking().Where(m => m.ProductId == product.Id && m.IsHidden).Select(m => m.AnswerId).ToListAsync(ct)).ToHashSet();
        var answers = db.FeedbackAnswers.AsNoTracking().Where(a => a.ProductId == product.Id);
        if (DateOnly.TryParseExact(du, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from))
        {
            answers = answers.Where(a => a.Day >= from);
        }
        if (DateOnly.TryParseExact(au, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to))
        {
            answers = answers.Where(a => a.Day <= to);
        }

        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"satisfaction-{product.Slug}.csv\"";
        await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 64 * 1024);
        await writer.WriteLineAsync("numero;recue_le;emplacement;version_formulaire;experience;points;clarte;aide_canaux;administration_jointe;qualite_aide;commentaire");
        var rows = 0;
        await foreach (var a in answers.OrderBy(a => a.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            var line = string.Join(';',
                a.Id.ToString(CultureInfo.InvariantCulture),
                Dates.ToParis(a.ReceivedAt).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                Cell(placements.GetValueOrDefault(a.PlacementId)),
                a.FormVersion.ToString(CultureInfo.InvariantCulture),
                SatisfactionScore.ExperienceLabel(a.Experience),
                SatisfactionScore.Points(a.Experience).ToString(CultureInfo.InvariantCulture),
                a.Clarity?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
                Cell(string.Join(", ", HelpChannelLabels.All.Where(c => a.HelpChannels.HasFlag(c)).Select(c => c.Label()))),
                a.AdministrationReached switch { true => "oui", false => "non", _ => string.Empty },
                a.HelpQuality?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
                hidden.Contains(a.Id) ? "[masqué par l’équipe]" : Cell(a.Comment));
            await writer.WriteLineAsync(line);
            if (++rows % 5000 == 0)
            {
                await writer.FlushAsync(ct);
            }
        }
        await writer.FlushAsync(ct);
        return TypedResults.Empty;
    }

    /// <summary>Quotes when needed; a leading = + - @ is neutralised so that a spreadsheet never runs a comment as a formula.</summary>
    private static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }
        return value.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
