using Cap.Data;
using Cap.Data.Coordination;
using Cap.Domain.Steering;
using Cap.Web.Shared;
using Cap.Web.Shared.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Indicators.Import;

/// <summary>
/// Imports measurements from a CSV or XLSX file in two steps: upload and preview (nothing written,
/// every faulty line listed), then confirmation, which writes every row or none.
/// </summary>
[RequestSizeLimit(PendingImport.MaxBytes + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = PendingImport.MaxBytes + 64 * 1024)]
public sealed class ImportPageModel(CapDbContext db, CurrentUser currentUser, TimeProvider time, ImportJobs jobs, IConfiguration configuration) : ProductPageModel(db, currentUser)
{
    public const int PreviewRows = 20;

    public override string TabKey => "indicateurs";
    protected override string PageTitle => "Importer des mesures";

    public Indicator Indicator { get; private set; } = default!;
    public ImportPreview? Preview { get; private set; }
    public Guid? PendingId { get; private set; }
    public string? FileName { get; private set; }
    public int ExistingDates { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) is { } refusal ? refusal : Page();

    public async Task<IActionResult> OnPostPreviewAsync(int id, IFormFile? file, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refusal)
        {
            return refusal;
        }
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("file", "Choisissez un fichier CSV ou XLSX contenant les mesures.");
            return Page();
        }
        if (file.Length > PendingImport.MaxBytes)
        {
            ModelState.AddModelError("file", $"Le fichier dépasse {PendingImport.MaxBytes / 1024 / 1024} Mo : découpez-le.");
            return Page();
        }
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        FileName = Path.GetFileName(file.FileName);
        Preview = MeasurementFileReader.Read(new MemoryStream(bytes), FileName, Today, ImportLimits.From(configuration));
        if (Preview.Refusal is { } fileRefusal)
        {
            // The whole file is refused (empty, too large once decompressed, too many lines…): said at the file field.
            ModelState.AddModelError("file", fileRefusal);
            Preview = null;
            return Page();
        }
        if (Preview.CanCommit)
        {
            var pending = new PendingImport
            {
                Id = Guid.NewGuid(), ProductId = Product.Id, IndicatorId = Indicator.Id, PersonId = Me.Id,
                FileName = FileName, Content = bytes, CreatedAt = time.GetUtcNow(),
            };
            // Abandoned previews older than a day are cleared as new ones arrive.
            var stale = time.GetUtcNow().AddDays(-1);
            await Db.PendingImports.Where(p => p.CreatedAt < stale).ExecuteDeleteAsync(ct);
            Db.PendingImports.Add(pending);
            await Db.SaveChangesAsync(ct);
            PendingId = pending.Id;
            // Counted in memory: a list of 100,000 dates would exceed the databases' parameter limits.
            var existing = (await Db.Measurements.Where(m => m.IndicatorId == Indicator.Id).Select(m => m.Date).ToListAsync(ct)).ToHashSet();
            ExistingDates = Preview.Rows.Count(r => existing.Contains(r.Date));
        }
        return Page();
    }

    public async Task<IActionResult> OnPostCommitAsync(int id, Guid pendingId, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refusal)
        {
            return refusal;
        }
        var pending = await Db.PendingImports.AsNoTracking().FirstOrDefaultAsync(p => p.Id == pendingId && p.IndicatorId == Indicator.Id && p.PersonId == Me.Id, ct);
        if (pending is null)
        {
            ModelState.AddModelError("file", "Cet aperçu a expiré ou a déjà été importé : envoyez le fichier de nouveau.");
            return Page();
        }
        // The import runs as a job; a short one finishes within the wait and the page goes straight to the indicator.
        var started = await jobs.StartAsync(Db, pending, Indicator, Me.Id, Me.DisplayName, ct);
        var job = await jobs.WaitAsync(started.Id, jobs.InlineWait, ct) ?? started;
        if (!job.IsFinished)
        {
            return Redirect(ImportProgressModel.PathOf(Product.Slug, Indicator.Id, job.Id));
        }
        if (job.Stage == ImportStage.Failed)
        {
            ModelState.AddModelError("file", job.Error!);
            return Page();
        }
        TempData["Success"] = job.SuccessMessage;
        return Redirect($"/produits/{Product.Slug}/indicateurs/{Indicator.Id}");
    }

    private DateOnly Today => time.ParisToday();

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var indicator = await Db.Indicators.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id && i.ProductId == Product.Id, ct);
        if (indicator is null)
        {
            return NotFound();
        }
        if (!CanEdit)
        {
            return Forbid();
        }
        Indicator = indicator;
        ViewData["Title"] = $"Importer des mesures — {indicator.Name}";
        return null;
    }
}
