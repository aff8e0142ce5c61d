using Cap.Data;
using Cap.Web.Shared;
using Cap.Web.Shared.Auth;
using Microsoft.AspNetCore.Mvc;

namespace Cap.Web.Features.Checklist;

/// <summary>One assessment as it was saved, with the wording of the catalogue version it answered.</summary>
public sealed class AssessmentModel(CapDbContext db, CurrentUser currentUser, ChecklistQueries queries) : ProductPageModel(db, currentUser)
{
    public override string TabKey => "checklist";
    protected override string PageTitle => $"Auto-évaluation n° {Number}";

    [FromRoute]
    public int Number { get; set; }

    public AssessmentView View { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await queries.LoadByNumberAsync(Product.Id, Number, ct) is not { } view)
        {
            return NotFound();
        }
        View = view;
        return Page();
    }
}
