using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Cap.Web.Features.OpenData;

/// <summary>
/// /donnees-ouvertes: the public page of the dataset (anonymous): what it holds, its licence, its last modification, links
/// to the files, their schemas and the DCAT-AP catalogue, and the published products and indicators as tables. Read from
/// the same in-memory dataset as the files.
/// </summary>
[AllowAnonymous]
public sealed class DatasetModel(OpenDataCache cache, IOptions<OpenDataOptions> options) : PageModel
{
    public OpenDataSnapshot Snapshot { get; private set; } = default!;
    public OpenDataOptions Options => options.Value;
    public string Modified { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Snapshot = await cache.GetAsync(ct);
        var paris = Cap.Web.Shared.Dates.ToParis(Snapshot.Modified);
        Modified = paris.ToString("dd/MM/yyyy 'à' HH'h'mm", System.Globalization.CultureInfo.InvariantCulture);
        ViewData["Title"] = "Données ouvertes";
        ViewData["Breadcrumb"] = new List<Cap.Web.Shared.Crumb> { new("Accueil", "/"), new("Données ouvertes", null) };
        return Page();
    }

    public string FileUrl(string name) => $"{OpenDataFiles.FilesPath}/{name}";

    public static string Size(OpenDataFile file) =>
        file.Content.Length < 1024 ? $"{file.Content.Length} octets" : $"{Math.Ceiling(file.Content.Length / 1024.0):0} Ko";
}
