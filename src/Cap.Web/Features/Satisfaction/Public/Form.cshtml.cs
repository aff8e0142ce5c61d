using Cap.Data.Intake;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Cap.Web.Features.Satisfaction.Public;

/// <summary>
/// The public form of a placement, for anyone (no sign-in), embeddable by the placement's origins only.
/// No antiforgery token: the form carries no one's authority (a forged post is just another anonymous answer,
/// which the rate limits and the honeypot already bound), and an antiforgery cookie is not sent from a page
/// framed by another site, so the token would make the embedded form unusable.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[FormBodyLimit]
public sealed class FormModel(SatisfactionService service, IAnswerIntake intake, TimeProvider time, IOptions<SatisfactionOptions> options) : PageModel
{
    [FromRoute]
    public string Key { get; set; } = string.Empty;

    /// <summary>"?integre=1": shown in an iframe, without the site's header and footer.</summary>
    [BindProperty(SupportsGet = true, Name = "integre")]
    public string? Integre { get; set; }

    public bool Embedded => Integre == "1";

    [BindProperty]
    public AnswerForm Input { get; set; } = new();

    public OpenPlacement Placement { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        Input = new AnswerForm { SubmissionKey = Guid.NewGuid().ToString("N") };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        var thanks = $"/avis/{Key}/merci{(Embedded ? "?integre=1" : string.Empty)}";
        if (!string.IsNullOrEmpty(Input.Website))
        {
            return Redirect(thanks);
        }
        // Model binding errors (a letter in a number field) are replaced by the rules' French messages.
        ModelState.Clear();
        var input = Input.ToInput();
        var errors = Domain.Satisfaction.AnswerRules.Validate(input);
        if (errors.Count > 0)
        {
            AnswerForm.AddErrors(ModelState, errors);
            return Page();
        }
        var cookie = RepeatCookie(Key);
        if (Request.Cookies.ContainsKey(cookie))
        {
            return Redirect(thanks);
        }
        // Through the intake engine, like the JSON intake: redirected once the answer is committed; the submission key,
        // stored as the answer's client key, makes a resent form "already stored" (nothing written twice).
        await intake.SubmitAsync(SatisfactionService.NewAnswer(Placement, input, time.GetUtcNow()), ct);
        Response.Cookies.Append(cookie, "1", new CookieOptions
        {
            MaxAge = TimeSpan.FromMinutes(options.Value.RepeatWindowMinutes),
            HttpOnly = true,
            Path = $"/avis/{Key}",
            Secure = Request.IsHttps,
            // In a frame of another site only SameSite=None (and so HTTPS) cookies are sent back.
            SameSite = Request.IsHttps ? SameSiteMode.None : SameSiteMode.Lax,
            IsEssential = true,
        });
        return Redirect(thanks);
    }

    public static string RepeatCookie(string key) => $"cap.avis.{key}";

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var placement = await service.OpenPlacementAsync(Key, ct);
        if (placement is null)
        {
            return false;
        }
        Placement = placement;
        Cap.Web.Shared.Hosting.SecurityHeaders.AllowFramingBy(Response, placement.Origins);
        ViewData["Title"] = $"Je donne mon avis sur {placement.ProductName}";
        ViewData["Embedded"] = Embedded;
        return true;
    }
}

/// <summary>
/// A posted answer has the same size limit as the JSON intake (<c>Satisfaction:MaxBodyBytes</c>, 16 Ko): a larger body
/// is refused with 413 and the French « Envoi trop volumineux » page before the form is read. A body without a
/// declared length is cut at the limit by the server (Kestrel), with the same answer.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class FormBodyLimitAttribute : Attribute, IResourceFilter
{
    public void OnResourceExecuting(ResourceExecutingContext context)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsPost(http.Request.Method))
        {
            return;
        }
        var limit = http.RequestServices.GetRequiredService<IOptions<SatisfactionOptions>>().Value.MaxBodyBytes;
        if (http.Request.ContentLength > limit)
        {
            context.Result = new StatusCodeResult(StatusCodes.Status413PayloadTooLarge);
            return;
        }
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }
    }

    public void OnResourceExecuted(ResourceExecutedContext context)
    {
    }
}
