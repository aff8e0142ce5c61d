using Cap.Data;
using Cap.Domain.Steering;
using Cap.Web.Shared;
using Cap.Web.Shared.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Vision;

/// <summary>What changed between two versions of the vision, part by part.</summary>
public sealed class CompareModel(CapDbContext db, CurrentUser currentUser) : ProductPageModel(db, currentUser)
{
    public override string TabKey => "vision";
    protected override string PageTitle => "Comparer deux versions de la vision";

    [FromQuery(Name = "de")]
    public string? From { get; set; }

    [FromQuery(Name = "a")]
    public string? To { get; set; }

    public Domain.Steering.Vision? Older { get; private set; }
    public Domain.Steering.Vision? Newer { get; private set; }
    public IReadOnlyList<(VisionPart Part, string? Before, string? After)> Changes { get; private set; } = [];
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var versions = await Db.Visions.AsNoTracking().Where(v => v.ProductId == Product.Id).OrderBy(v => v.Number).ToListAsync(ct);
        if (versions.Count < 2)
        {
            Problem = "La vision n’a pas encore deux versions à comparer.";
            return Page();
        }
        // Without parameters: the current version against the one before.
        var from = Parse(From) ?? versions[^2].Number;
        var to = Parse(To) ?? versions[^1].Number;
        var older = versions.FirstOrDefault(v => v.Number == Math.Min(from, to));
        var newer = versions.FirstOrDefault(v => v.Number == Math.Max(from, to));
        if ((From is not null && Parse(From) is null) || (To is not null && Parse(To) is null) || older is null || newer is null)
        {
            Problem = $"Choisissez deux versions existantes, entre 1 et {versions[^1].Number}.";
            return Page();
        }
        Older = older;
        Newer = newer;
        Changes = Domain.Steering.Vision.Compare(older, newer);
        return Page();
    }

    private static int? Parse(string? value) =>
        int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
}
