using System.Globalization;
using Cap.Data;
using Cap.Domain.Satisfaction;
using Cap.Web.Shared;
using Cap.Web.Shared.Auth;
using Cap.Web.Shared.Export;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Satisfaction;

/// <summary>
/// /produits/{slug}/satisfaction/export/csv and /xlsx: every answer of the product (or of a period), streamed row by row from
/// the database to the response, so that a million answers never sit in memory. Comments hidden by the team are left out.
/// </summary>
public static class AnswerExport
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    private static readonly string[] Header =
        ["numero", "recue_le", "emplacement", "version_formulaire", "experience", "points", "clarte", "aide_canaux", "administration_jointe", "qualite_aide", "commentaire"];

    public static IEndpointRouteBuilder MapAnswerExport(this IEndpointRouteBuilder app)
    {
        app.MapGet("/produits/{slug}/satisfaction/export/csv", (string slug, PeriodFilter period, HttpContext http, CapDbContext db, CancellationToken ct) =>
            ExportAsync(slug, period, xlsx: false, http, db, ct)).RequireAuthorization(Policies.Reader).ExcludeFromDescription();
        app.MapGet("/produits/{slug}/satisfaction/export/xlsx", (string slug, PeriodFilter period, HttpContext http, CapDbContext db, CancellationToken ct) =>
            ExportAsync(slug, period, xlsx: true, http, db, ct)).RequireAuthorization(Policies.Reader).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> ExportAsync(string slug, PeriodFilter period, bool xlsx, HttpContext http, CapDbContext db, CancellationToken ct)
    {
        var product = await db.Products.AsNoTracking().Where(p => p.Slug == slug).Select(p => new { p.Id, p.Slug }).FirstOrDefaultAsync(ct);
        if (product is null)
        {
            return TypedResults.NotFound();
        }
        var placements = await db.Placements.AsNoTracking().Where(p => p.ProductId == product.Id).ToDictionaryAsync(p => p.Id, p => p.Label, ct);
        var hidden = (await db.VerbatimModerations.AsNoTracking().Where(m => m.ProductId == product.Id && m.IsHidden).Select(m => m.AnswerId).ToListAsync(ct)).ToHashSet();
        var answers = db.FeedbackAnswers.AsNoTracking().Where(a => a.ProductId == product.Id);
        if (period.From is { } from)
        {
            answers = answers.Where(a => a.Day >= from);
        }
        if (period.To is { } to)
        {
            answers = answers.Where(a => a.Day <= to);
        }
        var rows = RowsAsync(answers.OrderBy(a => a.Id).AsAsyncEnumerable(), placements, hidden, ct);

        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"satisfaction-{product.Slug}.{(xlsx ? "xlsx" : "csv")}\"";
        if (xlsx)
        {
            http.Response.ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            await StreamedXlsx.WriteAsync(http.Response.Body, "Réponses", Header, rows, ct);
            return TypedResults.Empty;
        }
        http.Response.ContentType = "text/csv; charset=utf-8";
        await CsvSheet.WriteAsync(http.Response.Body, Header, rows, ct);
        return TypedResults.Empty;
    }

    /// <summary>One row per answer, the same cells in CSV and XLSX; the shared writers make texts formula-safe and keep numbers as numbers.</summary>
    private static async IAsyncEnumerable<object?[]> RowsAsync(IAsyncEnumerable<FeedbackAnswer> answers, Dictionary<int, string> placements, HashSet<long> hidden,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var a in answers.WithCancellation(ct))
        {
            yield return
            [
                a.Id,
                Dates.ToParis(a.ReceivedAt).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                placements.GetValueOrDefault(a.PlacementId),
                a.FormVersion,
                SatisfactionScore.ExperienceLabel(a.Experience),
                SatisfactionScore.Points(a.Experience),
                a.Clarity,
                string.Join(", ", HelpChannelLabels.All.Where(c => a.HelpChannels.HasFlag(c)).Select(c => c.Label())),
                a.AdministrationReached switch { true => "oui", false => "non", _ => string.Empty },
                a.HelpQuality,
                hidden.Contains(a.Id) ? "[masqué par l’équipe]" : a.Comment,
            ];
        }
    }
}
