using Cap.Data;
using Cap.Domain;
using Cap.Domain.Platform;
using Cap.Web.Shared;
using Cap.Web.Shared.Auth;
using Cap.Web.Shared.Refusals;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cap.Web.Features.Coaching;

/// <summary>Base of the pages under /accompagnement: the signed-in person, whether they coach, the breadcrumb.</summary>
public abstract class CoachingPageModel(CapDbContext db, CurrentUser currentUser) : PageModel
{
    protected CapDbContext Db { get; } = db;
    protected CurrentUser CurrentUser { get; } = currentUser;

    public Person Me { get; private set; } = default!;
    public bool IsCoach { get; private set; }
    public bool IsAdmin { get; private set; }

    protected async Task LoadMeAsync(string title, CancellationToken ct, params Crumb[] trail)
    {
        Me = (await CurrentUser.GetAsync(ct))!;
        IsCoach = Domain.Coaching.CoachingWorkflow.CanCoach(Me);
        IsAdmin = Access.CanAdminister(Me);
        ViewData["Title"] = title;
        var crumbs = new List<Crumb> { new("Accueil", "/") };
        crumbs.Add(new Crumb("Accompagnement", trail.Length == 0 ? null : "/accompagnement"));
        crumbs.AddRange(trail);
        ViewData["Breadcrumb"] = crumbs;
    }

    /// <summary>
    /// A refused command: 404 and 403 are answered as such; otherwise its messages go beside the form's fields (with a
    /// prefix), the response takes the form's status, and null says to show the form again.
    /// </summary>
    protected IActionResult? Refused(Refusal refusal, string prefix = "")
    {
        switch (refusal.Kind)
        {
            case RefusalKind.NotFound:
                return NotFound();
            case RefusalKind.Forbidden:
                return Forbid();
        }
        ModelState.AddRefusal(refusal, prefix);
        Response.StatusCode = refusal.PageStatus();
        return null;
    }
}
