using Cap.Data;
using Cap.Domain.Platform;
using Cap.Web.Shared;
using Cap.Web.Shared.Auth;
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

    /// <summary>Copies a refused command's errors into ModelState (with a prefix for the form's fields) and sets the status.</summary>
    protected IActionResult? Refused(CoachingResult result, string prefix = "")
    {
        if (result.Succeeded)
        {
            return null;
        }
        switch (result.Status)
        {
            case StatusCodes.Status404NotFound:
                return NotFound();
            case StatusCodes.Status403Forbidden:
                return Forbid();
        }
        foreach (var (key, message) in result.Errors)
        {
            ModelState.AddModelError(key.Length == 0 ? string.Empty : prefix + key, message);
        }
        Response.StatusCode = result.Status;
        return null;
    }
}
