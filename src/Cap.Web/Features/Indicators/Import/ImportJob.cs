using Cap.Data.Coordination;
using Cap.Domain.Steering;

namespace Cap.Web.Features.Indicators.Import;

/// <summary>What the pages show of a confirmed import: a snapshot of its row (or of its run in this instance).</summary>
public sealed record ImportJob(Guid Id, int ProductId, int IndicatorId, int PersonId, ImportStage Stage, int Written, int Total, int Added, int Updated, string? Error)
{
    public bool IsFinished => Stage is ImportStage.Done or ImportStage.Failed;

    /// <summary>0 to 100, or null while the file is read (an indeterminate bar).</summary>
    public int? Percent => Stage switch
    {
        ImportStage.Reading => null,
        ImportStage.Writing => Total == 0 ? 100 : (int)(100L * Written / Total),
        _ => 100,
    };

    public string SuccessMessage => Stage == ImportStage.Done
        ? $"Import terminé : {Added} mesure(s) ajoutée(s), {Updated} mise(s) à jour."
        : string.Empty;

    internal static ImportJob Of(ImportJobState row) =>
        new(row.Id, row.ProductId, row.IndicatorId, row.PersonId, row.Stage, row.Written, row.Total, row.Added, row.Updated, row.Error);
}
