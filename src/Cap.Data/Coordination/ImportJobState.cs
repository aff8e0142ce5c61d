using Cap.Domain.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cap.Data.Coordination;

public enum ImportStage
{
    /// <summary>Reading the stored file again (the rows are not counted yet).</summary>
    Reading,
    Writing,
    Done,
    Failed,
}

/// <summary>
/// A confirmed measurement import and its progress, in the database so that any instance shows it. Its id is the
/// pending import's. The instance running it holds a lease (<see cref="Owner"/> until <see cref="LeaseUntil"/>) that
/// it renews while it works; a job whose lease ran out (its instance stopped or died) is taken again by any instance.
/// Not audited: the measurements it writes are (one entry per import).
/// </summary>
public class ImportJobState : IAuditExempt
{
    public const int OwnerMaxLength = 100;
    public const int ErrorMaxLength = 500;

    public Guid Id { get; set; }
    public int ProductId { get; set; }
    public int IndicatorId { get; set; }
    public int PersonId { get; set; }
    public string PersonName { get; set; } = string.Empty;
    public ImportStage Stage { get; set; }
    public int Written { get; set; }
    public int Total { get; set; }
    public int Added { get; set; }
    public int Updated { get; set; }

    /// <summary>The French message of a failure.</summary>
    public string? Error { get; set; }

    /// <summary>The instance running the job (its name and a random suffix).</summary>
    public string? Owner { get; set; }

    public DateTimeOffset LeaseUntil { get; set; }

    /// <summary>Runs started (a run cut short by a stopped instance counts).</summary>
    public int Attempts { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
}

internal sealed class ImportJobStateConfiguration : IEntityTypeConfiguration<ImportJobState>
{
    public void Configure(EntityTypeBuilder<ImportJobState> builder)
    {
        builder.ToTable("ImportJobs");
        builder.Property(j => j.Id).ValueGeneratedNever();
        builder.Property(j => j.PersonName).HasMaxLength(Cap.Domain.Platform.Person.NameMaxLength).IsRequired();
        builder.Property(j => j.Stage).HasConversion<string>().HasMaxLength(20);
        builder.Property(j => j.Error).HasMaxLength(ImportJobState.ErrorMaxLength);
        builder.Property(j => j.Owner).HasMaxLength(ImportJobState.OwnerMaxLength);
        builder.HasOne<Cap.Domain.Steering.Indicator>().WithMany().HasForeignKey(j => j.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        // The recovery pass: unfinished jobs whose lease ran out.
        builder.HasIndex(j => new { j.Stage, j.LeaseUntil });
        builder.HasIndex(j => j.CreatedAt);
    }
}
