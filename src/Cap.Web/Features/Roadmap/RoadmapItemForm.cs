using Cap.Data;
using Cap.Domain;
using Cap.Web.Shared.Auth;
using Microsoft.AspNetCore.Mvc;

namespace Cap.Web.Features.Roadmap;

/// <summary>
/// The one shape of the roadmap's item forms (initiative, dependency, risk): a page creates (no id) or edits an item of
/// the product's roadmap, team only. The form binds the same input record as the API (<typeparamref name="TInput"/>),
/// and the one validation is the service's: its refusals are shown beside the fields.
/// </summary>
public abstract class RoadmapItemForm<TInput>(CapDbContext db, CurrentUser currentUser) : RoadmapFormPage(db, currentUser)
    where TInput : class, new()
{
    [FromRoute]
    public int? Id { get; set; }

    [BindProperty]
    public TInput Input { get; set; } = new();

    /// <summary>The item as a sentence's subject (« L’initiative »), for the conflict's message.</summary>
    protected abstract string What { get; }

    /// <summary>A new item's defaults.</summary>
    protected abstract TInput Blank();

    /// <summary>The stored item as the form shows it; null when the product has no such item.</summary>
    protected abstract Task<TInput?> ReadAsync(int id, CancellationToken ct);

    /// <summary>Hands <see cref="Input"/> to the service (creates when <see cref="Id"/> is null).</summary>
    protected abstract Task<Result<RoadmapView>> SaveAsync(CancellationToken ct);

    /// <summary>The message shown on the roadmap after a save.</summary>
    protected abstract string SavedMessage();

    /// <summary>The lists the form's choices come from.</summary>
    protected abstract Task LoadChoicesAsync(CancellationToken ct);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (DeniedUnlessEditable() is { } stop)
        {
            return stop;
        }
        Input = Blank();
        if (Id is { } id)
        {
            if (await ReadAsync(id, ct) is not { } stored)
            {
                return NotFound();
            }
            Input = stored;
        }
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (DeniedUnlessEditable() is { } stop)
        {
            return stop;
        }
        // A value that does not bind (a probability typed as text, an unknown choice): the service then says what it expects.
        ClearBindingErrors();
        var result = await SaveAsync(ct);
        if (result.Refusal?.Kind == RefusalKind.NotFound)
        {
            return NotFound();
        }
        if (!Apply(result, What))
        {
            await LoadChoicesAsync(ct);
            return Page();
        }
        TempData["Success"] = SavedMessage();
        return Redirect(RoadmapUrl);
    }
}
