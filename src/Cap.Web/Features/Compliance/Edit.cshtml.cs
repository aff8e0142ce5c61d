using Cap.Data;
using Cap.Domain.Compliance;
using Cap.Web.Shared;
using Cap.Web.Shared.Auth;
using Cap.Web.Shared.Refusals;
using Microsoft.AspNetCore.Mvc;

namespace Cap.Web.Features.Compliance;

/// <summary>The team fills or edits the compliance record; the version read guards against overwriting someone else's save.</summary>
public sealed class EditModel(CapDbContext db, CurrentUser currentUser, ComplianceRecords records, TimeProvider time) : ProductPageModel(db, currentUser)
{
    public override string TabKey => "conformite";
    protected override string PageTitle => "Modifier la fiche de conformité";

    [BindProperty]
    public ComplianceForm Input { get; set; } = new();

    /// <summary>The version read (0 while the record does not exist).</summary>
    [BindProperty]
    public int Version { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (DeniedUnlessEditable() is { } denied)
        {
            return denied;
        }
        var record = await records.FindAsync(Product.Id, ct);
        Input = ComplianceForm.From(record);
        Version = record?.Version ?? 0;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (DeniedUnlessEditable() is { } denied)
        {
            return denied;
        }
        var (input, parseErrors) = Input.ToInput();
        var result = parseErrors.Count == 0
            ? await records.SaveAsync(Product.Id, input, Version, ct)
            // A field that does not parse refuses the form; the others' messages come with it.
            : Domain.Result<ProductCompliance>.Refused(Domain.Refusal.Invalid(parseErrors
                .Concat(ComplianceRules.Validate(input, time.ParisToday()).Where(e => !parseErrors.ContainsKey(e.Key)))
                .ToDictionary(e => e.Key, e => e.Value)));
        if (result.Refusal is not { } refusal)
        {
            TempData["Success"] = "La fiche de conformité est enregistrée.";
            return Redirect($"/produits/{Product.Slug}/conformite");
        }
        ModelState.Clear();
        ModelState.AddRefusal(refusal, "Input.");
        if (refusal.Kind == Domain.RefusalKind.Conflict)
        {
            // What the person typed stays; the next save is checked against the version now stored.
            Version = refusal.CurrentVersion ?? 0;
        }
        Response.StatusCode = refusal.PageStatus();
        return Page();
    }
}
