using System.Globalization;
using Cap.Data;
using Cap.Domain.Satisfaction;
using Cap.Web.Shared;
using Cap.Web.Shared.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Satisfaction;

public sealed record VerbatimRow(long Id, DateTimeOffset ReceivedAt, int Experience, string Comment, string PlacementLabel, bool IsHidden, string? Reason, string? ModeratorName);

/// <summary>
/// The comments ("verbatims"), newest first, with a search in their text and filters (score, period, placement).
/// The team hides a comment with a reason (audited) or shows it again; people outside the team never see hidden ones.
/// </summary>
public sealed class VerbatimsModel(CapDbContext db, CurrentUser currentUser) : ProductPageModel(db, currentUser)
{
    public const int PageSize = 20;

    public override string TabKey => "satisfaction";
    protected override string PageTitle => "Verbatims";

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "note")]
    public int? Experience { get; set; }

    [BindProperty(SupportsGet = true)]
    public PeriodFilter Filter { get; set; } = PeriodFilter.None;

    [BindProperty(SupportsGet = true, Name = "emplacement")]
    public int? PlacementId { get; set; }

    [BindProperty(SupportsGet = true, Name = "masques")]
    public bool ShowHidden { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public List<Placement> Placements { get; private set; } = [];
    public PagedResult<VerbatimRow> Result { get; private set; } = new([], 0, 1, PageSize);
    public int HiddenCount { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Placements = await Db.Placements.AsNoTracking().Where(p => p.ProductId == Product.Id).OrderBy(p => p.Id).ToListAsync(ct);
        var showHidden = ShowHidden && CanEdit;
        var rows =
            from a in Db.FeedbackAnswers.AsNoTracking()
            where a.ProductId == Product.Id && a.Comment != null
            join p in Db.Placements on a.PlacementId equals p.Id
            join m in Db.VerbatimModerations on a.Id equals m.AnswerId into moderations
            from m in moderations.DefaultIfEmpty()
            select new { a.Id, a.ReceivedAt, a.Day, a.Experience, a.Comment, a.PlacementId, PlacementLabel = p.Label, Hidden = m != null && m.IsHidden, Reason = m != null ? m.Reason : null, Moderator = m != null ? m.ModeratorName : null };
        if (!string.IsNullOrWhiteSpace(Query))
        {
            var q = Query.Trim().ToLowerInvariant();
            rows = rows.Where(r => r.Comment!.ToLower().Contains(q));
        }
        if (Experience is >= 1 and <= 3)
        {
            rows = rows.Where(r => r.Experience == Experience);
        }
        if (PlacementId is { } placementId)
        {
            rows = rows.Where(r => r.PlacementId == placementId);
        }
        if (Filter.From is { } from)
        {
            rows = rows.Where(r => r.Day >= from);
        }
        if (Filter.To is { } to)
        {
            rows = rows.Where(r => r.Day <= to);
        }
        if (CanEdit)
        {
            HiddenCount = await rows.CountAsync(r => r.Hidden, ct);
        }
        if (!showHidden)
        {
            rows = rows.Where(r => !r.Hidden);
        }
        var total = await rows.CountAsync(ct);
        var page = Math.Clamp(PageNumber, 1, Math.Max(1, (int)Math.Ceiling(total / (double)PageSize)));
        var items = await rows.OrderByDescending(r => r.Id).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        Result = new PagedResult<VerbatimRow>(
            items.Select(r => new VerbatimRow(r.Id, r.ReceivedAt, r.Experience, r.Comment!, r.PlacementLabel, r.Hidden, r.Reason, r.Moderator)).ToList(),
            total, page, PageSize);
        return Page();
    }

    /// <summary>Shows a hidden comment again (the moderation record stays, audited, with the change).</summary>
    public async Task<IActionResult> OnPostRestoreAsync(long id, CancellationToken ct)
    {
        if (DeniedUnlessEditable() is { } denied)
        {
            return denied;
        }
        var moderation = await Db.VerbatimModerations.FirstOrDefaultAsync(m => m.AnswerId == id && m.ProductId == Product.Id, ct);
        if (moderation is null)
        {
            return NotFound();
        }
        moderation.IsHidden = false;
        moderation.ModeratorName = Me.DisplayName;
        await Db.SaveChangesAsync(ct);
        TempData["Success"] = "Le verbatim est de nouveau affiché.";
        return Redirect($"/produits/{Product.Slug}/satisfaction/verbatims");
    }

    public string UrlFor(int page)
    {
        var query = new Dictionary<string, string?>
        {
            ["q"] = Query, ["note"] = Experience?.ToString(CultureInfo.InvariantCulture),
            ["emplacement"] = PlacementId?.ToString(CultureInfo.InvariantCulture), ["masques"] = ShowHidden ? "true" : null,
            ["page"] = page.ToString(CultureInfo.InvariantCulture),
        };
        foreach (var (name, value) in Filter.Query())
        {
            query[name] = value;
        }
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString($"/produits/{Product.Slug}/satisfaction/verbatims", query.Where(kv => !string.IsNullOrEmpty(kv.Value)));
    }
}
