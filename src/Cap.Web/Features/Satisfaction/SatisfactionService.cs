using Cap.Data;
using Cap.Domain.Satisfaction;
using Cap.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Satisfaction;

/// <summary>A placement open to answers, with the questions its form asks now.</summary>
public sealed record OpenPlacement(int PlacementId, int ProductId, string ProductName, string Label, string PublicKey, IReadOnlyList<string> Origins, FormQuestions Questions, int FormVersion)
{
    public bool Allows(string origin) => Origins.Contains(Cap.Domain.Satisfaction.Origins.Normalize(origin) ?? string.Empty, StringComparer.Ordinal);
}

/// <summary>Form configuration, placements and the storing of answers.</summary>
public sealed class SatisfactionService(CapDbContext db, TimeProvider time)
{
    public DateOnly Today => time.ParisToday();

    public Task<FeedbackForm?> FormAsync(int productId, CancellationToken ct) =>
        db.FeedbackForms.FirstOrDefaultAsync(f => f.ProductId == productId, ct);

    /// <summary>The product's form, created switched off with its first version when the team first opens it for writing.</summary>
    public async Task<FeedbackForm> EnsureFormAsync(int productId, string authorName, CancellationToken ct)
    {
        var form = await FormAsync(productId, ct);
        if (form is not null)
        {
            return form;
        }
        form = new FeedbackForm { ProductId = productId, IsEnabled = false, AskClarity = FormQuestions.Default.Clarity, AskHelp = FormQuestions.Default.Help, AskComment = FormQuestions.Default.Comment };
        db.FeedbackForms.Add(form);
        db.FeedbackFormVersions.Add(FeedbackFormVersion.Of(form, authorName));
        await db.SaveChangesAsync(ct);
        return form;
    }

    /// <summary>Saves the switch and the questions; false when someone else saved the form since <paramref name="readVersion"/>.</summary>
    public async Task<bool> SaveFormAsync(FeedbackForm form, int readVersion, bool enabled, bool publicStatistics, FormQuestions questions, string authorName, CancellationToken ct)
    {
        if (form.Version != readVersion)
        {
            return false;
        }
        form.IsEnabled = enabled;
        form.PublicStatistics = publicStatistics;
        if (form.ChangeQuestions(questions, authorName) is { } version)
        {
            db.FeedbackFormVersions.Add(version);
        }
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }

    public Task<List<FeedbackFormVersion>> VersionsAsync(int productId, CancellationToken ct) =>
        db.FeedbackFormVersions.AsNoTracking().Where(v => v.ProductId == productId).OrderByDescending(v => v.Number).ToListAsync(ct);

    public Task<List<Placement>> PlacementsAsync(int productId, CancellationToken ct) =>
        db.Placements.AsNoTracking().Where(p => p.ProductId == productId).OrderBy(p => p.Id).ToListAsync(ct);

    /// <summary>The placement behind a public key when both it and its form are switched on.</summary>
    public async Task<OpenPlacement?> OpenPlacementAsync(string key, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(key) || key.Length != Placement.KeyLength)
        {
            return null;
        }
        var row = await db.Placements.AsNoTracking()
            .Where(p => p.PublicKey == key && p.IsEnabled && p.Form!.IsEnabled)
            .Select(p => new
            {
                p.Id, p.ProductId, ProductName = p.Form!.Product!.Name, p.Label, p.PublicKey, p.AllowedOrigins,
                p.Form.AskClarity, p.Form.AskHelp, p.Form.AskComment, p.Form.ConfigVersion,
            })
            .FirstOrDefaultAsync(ct);
        return row is null
            ? null
            : new OpenPlacement(row.Id, row.ProductId, row.ProductName, row.Label, row.PublicKey, Origins.Split(row.AllowedOrigins),
                new FormQuestions(row.AskClarity, row.AskHelp, row.AskComment), row.ConfigVersion);
    }

    /// <summary>The answer to store for a validated input, received at <paramref name="now"/> (masked comment, questions the form asks).</summary>
    public static FeedbackAnswer NewAnswer(OpenPlacement placement, AnswerInput input, DateTimeOffset now)
    {
        return AnswerRules.Build(input, placement.ProductId, placement.PlacementId, placement.Questions, placement.FormVersion, now,
            Dates.ParisDay(now));
    }
}
