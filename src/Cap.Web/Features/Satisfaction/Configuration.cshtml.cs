using Cap.Data;
using Cap.Domain.Satisfaction;
using Cap.Web.Features.Satisfaction.Public;
using Cap.Web.Shared;
using Cap.Web.Shared.Auth;
using Cap.Web.Shared.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace Cap.Web.Features.Satisfaction;

/// <summary>The form's switch and questions (versioned), and the placements with their integration snippets.</summary>
public sealed class ConfigurationModel(CapDbContext db, CurrentUser currentUser, SatisfactionService service, PublicUrls urls) : ProductPageModel(db, currentUser)
{
    public override string TabKey => "satisfaction";
    protected override string PageTitle => "Configuration du formulaire de satisfaction";

    public sealed class QuestionsForm
    {
        public bool IsEnabled { get; set; }
        public bool AskClarity { get; set; }
        public bool AskHelp { get; set; }
        public bool AskComment { get; set; }
        public bool PublicStatistics { get; set; }
    }

    [BindProperty]
    public QuestionsForm Input { get; set; } = new();

    [BindProperty]
    public int FormVersion { get; set; }

    public FeedbackForm? Form { get; private set; }
    public List<FeedbackFormVersion> Versions { get; private set; } = [];
    public List<Placement> Placements { get; private set; } = [];
    public string BaseUrl => urls.Base(Request);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var questions = Form?.Questions ?? FormQuestions.Default;
        Input = new QuestionsForm { IsEnabled = Form?.IsEnabled ?? false, PublicStatistics = Form?.PublicStatistics ?? false, AskClarity = questions.Clarity, AskHelp = questions.Help, AskComment = questions.Comment };
        FormVersion = Form?.Version ?? 0;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (DeniedUnlessEditable() is { } denied)
        {
            return denied;
        }
        var existing = await service.FormAsync(Product.Id, ct);
        var form = existing ?? await service.EnsureFormAsync(Product.Id, Me.DisplayName, ct);
        var readVersion = existing is null ? form.Version : FormVersion;
        var saved = await service.SaveFormAsync(form, readVersion, Input.IsEnabled, Input.PublicStatistics,
            new FormQuestions(Input.AskClarity, Input.AskHelp, Input.AskComment), Me.DisplayName, ct);
        if (!saved)
        {
            ModelState.AddModelError(string.Empty, "Le formulaire a été modifié par quelqu’un d’autre pendant que vous le modifiiez : vos changements ne sont pas enregistrés. Relisez la page puis recommencez.");
            await LoadAsync(ct);
            FormVersion = Form?.Version ?? 0;
            return Page();
        }
        TempData["Success"] = Input.IsEnabled ? "Le formulaire est enregistré et ouvert aux réponses." : "Le formulaire est enregistré ; il est fermé aux réponses.";
        return Redirect($"/produits/{Product.Slug}/satisfaction/configuration");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Form = await service.FormAsync(Product.Id, ct);
        Versions = await service.VersionsAsync(Product.Id, ct);
        Placements = await service.PlacementsAsync(Product.Id, ct);
    }
}
