using Cap.Domain.Compliance;

namespace Cap.Web.Features.Compliance;

/// <summary>Settings of the compliance flags (section <c>Compliance</c>).</summary>
public sealed class ComplianceOptions
{
    /// <summary>A homologation ending within this many days (inclusive) is flagged « bientôt expirée ».</summary>
    public int HomologationWarningDays { get; set; } = ComplianceRules.DefaultWarningDays;
}
