using Cap.Data;
using Cap.Domain.Catalogue;
using Cap.Domain.Compliance;
using Cap.Web.Shared;
using Cap.Web.Shared.Auth;
using Microsoft.AspNetCore.Mvc;

namespace Cap.Web.Features.Compliance;

/// <summary>The « Conformité » tab: the compliance record, its points of attention, the agrément SIG's current request and history.</summary>
public sealed class IndexModel(CapDbContext db, CurrentUser currentUser, ComplianceRecords records, SigApprovals approvals, ComplianceFlagSource flags, TimeProvider time)
    : ProductPageModel(db, currentUser)
{
    public override string TabKey => "conformite";
    protected override string PageTitle => "Conformité";

    public ProductCompliance? Record { get; private set; }
    public IReadOnlyList<ProductFlag> Flags { get; private set; } = [];
    public List<SigApproval> Requests { get; private set; } = [];
    public SigApproval? Current => Requests.FirstOrDefault();
    public DateOnly Today { get; private set; }

    /// <summary>A new request may be opened: none yet, or the latest is closed (a major change may always be declared).</summary>
    public bool CanOpenRequest => Record?.IsPublic == true && (Current is null || SigProcedure.IsClosed(Current.State));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Today = time.ParisToday();
        Record = await records.FindAsync(Product.Id, ct);
        Requests = await approvals.ListAsync(Product.Id, ct);
        Flags = [.. (await flags.FlagsAsync([Product.Id], Today, ct)).Select(f => f.Flag).OrderByDescending(f => f.Level)];
        return Page();
    }

    /// <summary>The DSFR stepper of a request: the step in progress (1 to 4), its title, the next step's title.</summary>
    public static (int Step, string Title, string? Next) Stepper(SigApproval a) => a.State switch
    {
        SigState.FramingSent => (2, $"Agrément de principe attendu (fiche de cadrage transmise le {Day(a.FramingSentOn)})", "Conception et réalisation"),
        SigState.PrincipleRefused => (2, $"Agrément de principe refusé le {Day(a.PrincipleDecidedOn)}", null),
        SigState.PrincipleGranted => (3, $"Conception et réalisation (agrément de principe {a.PrincipleOutcome!.Value.Label().ToLowerInvariant()} le {Day(a.PrincipleDecidedOn)})",
            "Agrément définitif, à demander au moins un mois avant la mise en ligne publique"),
        SigState.FinalWithReservations => (4, $"Agrément définitif accordé sous réserve le {Day(a.FinalDecidedOn)}", null),
        SigState.FinalGranted => (4, $"Agrément définitif accordé le {Day(a.FinalDecidedOn)}", null),
        SigState.FinalRefused => (4, $"Agrément définitif refusé le {Day(a.FinalDecidedOn)}", null),
        _ => (1, "Demande remplacée par une demande ultérieure", null),
    };

    public static BadgeTone Tone(SigState state) => state switch
    {
        SigState.FinalGranted => BadgeTone.Success,
        SigState.PrincipleRefused or SigState.FinalRefused => BadgeTone.Error,
        SigState.FinalWithReservations => BadgeTone.Warning,
        SigState.Superseded => BadgeTone.Neutral,
        _ => BadgeTone.Info,
    };

    public static string Day(DateOnly? date) => date?.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture) ?? "—";

    public string PhaseLabel => Product.Phase.Label();
}
