namespace Cap.Web.Features.Committee;

public sealed class CommitteeOptions
{
    /// <summary>The committee home flags products whose current phase has lasted longer than this.</summary>
    public int PhaseAlertMonths { get; set; } = 12;
}
