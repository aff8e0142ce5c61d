using Cap.Domain;
using System.Globalization;
using Cap.Data;
using Cap.Web.Shared.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Roadmap;

/// <summary>Sets the roadmap's horizon (3 to 6 months) and chooses its priority objectives.</summary>
public sealed class HorizonFormModel(CapDbContext db, CurrentUser currentUser, RoadmapQueries roadmap, HorizonPlanning horizon) : RoadmapFormPage(db, currentUser)
{
    protected override string PageTitle => "Horizon de la feuille de route";

    [BindProperty]
    public HorizonForm Input { get; set; } = new();

    public IReadOnlyList<RoadmapObjectiveView> Objectives { get; private set; } = [];

    public sealed class HorizonForm
    {
        public string? Start { get; set; }
        public string? End { get; set; }
        public List<int> PriorityObjectiveIds { get; set; } = [];
        public int? Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (DeniedUnlessEditable() is { } stop)
        {
            return stop;
        }
        var view = (await roadmap.LoadAsync(Product.Id, ct))!;
        Objectives = view.Objectives;
        Input.PriorityObjectiveIds = view.Priorities.Select(o => o.Id).ToList();
        if (view.Horizon is { } h)
        {
            Input.Start = h.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            Input.End = h.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            Input.Version = h.Version;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (DeniedUnlessEditable() is { } stop)
        {
            return stop;
        }
        ClearBindingErrors();
        Objectives = (await roadmap.LoadAsync(Product.Id, ct))!.Objectives;
        var input = new HorizonInput { PriorityObjectiveIds = Input.PriorityObjectiveIds, Version = Input.Version };
        input.Start = Parse(Input.Start, "Start", "le début");
        input.End = Parse(Input.End, "End", "la fin");
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (!Apply(await horizon.SetHorizonAsync(Product.Id, input, ct), "La feuille de route"))
        {
            return Page();
        }
        TempData["Success"] = "L’horizon et les objectifs prioritaires sont enregistrés.";
        return Redirect(RoadmapUrl);
    }

    private DateOnly? Parse(string? raw, string field, string what)
    {
        if (Text.Clean(raw) is not { } text)
        {
            return null;
        }
        if (DateOnly.TryParseExact(text, ["yyyy-MM-dd", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }
        ModelState.AddModelError($"Input.{field}", $"Saisissez {what} de l’horizon sous la forme jj/mm/aaaa, par exemple 01/01/2027.");
        return null;
    }
}
