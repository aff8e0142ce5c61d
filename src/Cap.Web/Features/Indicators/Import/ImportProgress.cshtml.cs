using Cap.Data;
using Cap.Data.Coordination;
using Cap.Domain.Steering;
using Cap.Web.Shared;
using Cap.Web.Shared.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Indicators.Import;

/// <summary>
/// The progress of a long import: a progress bar that a small script refreshes (the page also works without it,
/// with a refresh link), then the indicator page with the outcome once the job is done. The job's progress is read
/// from the database (or from this instance's memory when it runs here), so any instance shows it.
/// </summary>
public sealed class ImportProgressModel(CapDbContext db, CurrentUser currentUser, ImportJobs jobs) : ProductPageModel(db, currentUser)
{
    public override string TabKey => "indicateurs";
    protected override string PageTitle => "Import en cours";

    public static string PathOf(string slug, int indicatorId, Guid jobId) => $"/produits/{slug}/indicateurs/{indicatorId}/import/{jobId}";

    public Indicator Indicator { get; private set; } = default!;
    public ImportJob? Job { get; private set; }

    /// <summary>No job recorded but the file still waits: the import was cut short before it was recorded (restart) and can be confirmed again.</summary>
    public bool Interrupted { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, Guid jobId, CancellationToken ct)
    {
        if (await LoadAsync(id, jobId, ct) is { } refusal)
        {
            return refusal;
        }
        if (Job is { Stage: ImportStage.Done })
        {
            TempData["Success"] = Job.SuccessMessage;
            return Redirect($"/produits/{Product.Slug}/indicateurs/{Indicator.Id}");
        }
        if (Job is null)
        {
            Interrupted = await Db.PendingImports.AnyAsync(p => p.Id == jobId && p.IndicatorId == Indicator.Id && p.PersonId == Me.Id, ct);
            if (!Interrupted)
            {
                return NotFound();
            }
        }
        return Page();
    }

    /// <summary>The job's progress as JSON, for the script that moves the bar.</summary>
    public async Task<IActionResult> OnGetStatusAsync(int id, Guid jobId, CancellationToken ct)
    {
        if (await LoadAsync(id, jobId, ct) is { } refusal)
        {
            return refusal;
        }
        if (Job is null)
        {
            return NotFound();
        }
        return new JsonResult(new ImportStatus(Job.Stage.ToString(), Job.Written, Job.Total, Job.Percent, Job.Error));
    }

    public sealed record ImportStatus(string Stage, int Written, int Total, int? Percent, string? Error);

    private async Task<IActionResult?> LoadAsync(int id, Guid jobId, CancellationToken ct)
    {
        if (DeniedUnlessEditable() is { } denied)
        {
            return denied;
        }
        var indicator = await Db.Indicators.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id && i.ProductId == Product.Id, ct);
        if (indicator is null)
        {
            return NotFound();
        }
        Indicator = indicator;
        // Someone else's import is not found, rather than forbidden: its id says nothing.
        var job = await jobs.FindAsync(jobId, ct);
        Job = job is not null && job.IndicatorId == indicator.Id && job.PersonId == Me.Id ? job : null;
        if (job is not null && Job is null)
        {
            return NotFound();
        }
        ViewData["Title"] = $"Import en cours — {indicator.Name}";
        return null;
    }
}
