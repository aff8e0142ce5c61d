using Cap.Domain.Catalogue;
using Cap.Domain.Portfolio;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cap.Data.Configurations;

internal sealed class PortfolioSummaryConfiguration : IEntityTypeConfiguration<PortfolioSummary>
{
    public void Configure(EntityTypeBuilder<PortfolioSummary> builder)
    {
        builder.HasKey(s => s.ProductId);
        builder.Property(s => s.ProductId).ValueGeneratedNever();
        builder.HasOne<Product>().WithOne(p => p.Portfolio).HasForeignKey<PortfolioSummary>(s => s.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.Health).HasConversion<int>();
        foreach (var level in new[] { nameof(PortfolioSummary.SatisfactionLevel), nameof(PortfolioSummary.SatisfactionLevelPrevious), nameof(PortfolioSummary.ClarityLevel),
                     nameof(PortfolioSummary.ClarityLevelPrevious), nameof(PortfolioSummary.HelpLevel), nameof(PortfolioSummary.HelpLevelPrevious), nameof(PortfolioSummary.RgaaLevel),
                     nameof(PortfolioSummary.AvailabilityLevel), nameof(PortfolioSummary.AvailabilityLevelPrevious), nameof(PortfolioSummary.PageLoadLevel), nameof(PortfolioSummary.PageLoadLevelPrevious) })
        {
            // Numbers, not names: the scorecard sums them by level in SQL.
            builder.Property<ObservatoryLevel>(level).HasConversion<int>();
        }
        builder.Property(s => s.Weather).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.RgaaRate).HasPrecision(4, 1);
        builder.Property(s => s.FlagCodes).HasMaxLength(PortfolioSummary.FlagCodesMaxLength).IsRequired();
        // The refresher's question: which rows are stale (changed since computed, or computed another day).
        builder.HasIndex(s => s.ComputedOn);
    }
}
