using Cap.Domain.Catalogue;

namespace Cap.Domain.Tests.Catalogue;

public sealed class ProductRulesTests
{
    private static readonly ProductInput Valid = new()
    {
        Name = "Vaccin Suivi",
        Summary = "Enregistrer les vaccinations et retrouver son historique vaccinal.",
        DirectorateId = 1,
        DomainId = 2,
        TypologyId = 3,
        Phase = Phase.Mvp,
    };

    [Fact]
    public void Complete_input_has_no_error() =>
        Assert.Empty(ProductRules.Validate(Valid));

    [Fact]
    public void Optional_fields_may_be_left_out() =>
        Assert.Empty(ProductRules.Validate(Valid with { Phase = null, Url = null, Users = null, KeyFigures = null, Slug = null }));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Name_is_required(string? name)
    {
        var errors = ProductRules.Validate(Valid with { Name = name });

        Assert.Equal("Saisissez le nom.", Assert.Contains(nameof(ProductInput.Name), errors));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Summary_is_required(string? summary)
    {
        var errors = ProductRules.Validate(Valid with { Summary = summary });

        Assert.Equal("Saisissez le résumé.", Assert.Single(errors).Value);
    }

    [Fact]
    public void Directorate_is_required() =>
        Assert.Equal("Choisissez la direction qui porte le produit.",
            Assert.Single(ProductRules.Validate(Valid with { DirectorateId = null })).Value);

    [Fact]
    public void Domain_is_required() =>
        Assert.Equal("Choisissez le domaine du produit.",
            Assert.Single(ProductRules.Validate(Valid with { DomainId = null })).Value);

    [Fact]
    public void Typology_is_required() =>
        Assert.Equal("Choisissez la typologie du produit.",
            Assert.Single(ProductRules.Validate(Valid with { TypologyId = null })).Value);

    [Fact]
    public void Empty_input_reports_every_required_field()
    {
        var errors = ProductRules.Validate(new ProductInput());

        Assert.Equal(
            [nameof(ProductInput.DirectorateId), nameof(ProductInput.DomainId), nameof(ProductInput.Name), nameof(ProductInput.Summary), nameof(ProductInput.TypologyId)],
            errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Name_longer_than_120_characters_is_refused_with_its_length()
    {
        var errors = ProductRules.Validate(Valid with { Name = new string('n', 121) });

        Assert.Equal("Le nom ne doit pas dépasser 120 caractères (actuellement 121).", errors[nameof(ProductInput.Name)]);
    }

    [Fact]
    public void Name_of_exactly_120_characters_once_trimmed_is_accepted() =>
        Assert.Empty(ProductRules.Validate(Valid with { Name = "  " + new string('n', Product.NameMaxLength) + "  " }));

    [Fact]
    public void Summary_longer_than_500_characters_is_refused_with_its_length() =>
        Assert.Equal("Le résumé ne doit pas dépasser 500 caractères (actuellement 501).",
            ProductRules.Validate(Valid with { Summary = new string('s', 501) })[nameof(ProductInput.Summary)]);

    [Fact]
    public void Users_longer_than_500_characters_is_refused_with_its_length() =>
        Assert.Equal("La description des usagers ne doit pas dépasser 500 caractères (actuellement 501).",
            ProductRules.Validate(Valid with { Users = new string('u', 501) })[nameof(ProductInput.Users)]);

    [Fact]
    public void Key_figures_longer_than_1000_characters_are_refused_with_their_length()
    {
        var message = ProductRules.Validate(Valid with { KeyFigures = new string('k', 1001) })[nameof(ProductInput.KeyFigures)];

        Assert.Equal("Le texte des chiffres clés ne doit pas dépasser 1000 caractères (actuellement 1001).", message);
    }

    [Fact]
    public void Users_and_key_figures_at_their_limits_are_accepted() =>
        Assert.Empty(ProductRules.Validate(Valid with { Users = new string('u', Product.UsersMaxLength), KeyFigures = new string('k', Product.KeyFiguresMaxLength) }));

    [Theory]
    [InlineData("pas une adresse")]
    [InlineData("mon-service.gouv.fr")]
    [InlineData("ftp://mon-service.gouv.fr")]
    [InlineData("javascript:alert(1)")]
    [InlineData("/relative/path")]
    public void Url_that_is_not_a_complete_web_address_is_refused(string url) =>
        Assert.Equal("Saisissez une adresse web complète, commençant par https:// (par exemple https://mon-service.gouv.fr).",
            ProductRules.Validate(Valid with { Url = url })[nameof(ProductInput.Url)]);

    [Theory]
    [InlineData("https://vaccin-suivi.social.gouv.fr")]
    [InlineData("http://intranet.social.gouv.fr/produit")]
    [InlineData("  https://mon-service.gouv.fr/  ")]
    [InlineData("")]
    public void Url_over_http_or_https_or_left_empty_is_accepted(string url) =>
        Assert.Empty(ProductRules.Validate(Valid with { Url = url }));

    [Fact]
    public void Url_longer_than_300_characters_is_refused()
    {
        var url = "https://exemple.gouv.fr/" + new string('a', 300);

        Assert.Equal("L’adresse du service ne doit pas dépasser 300 caractères.", ProductRules.Validate(Valid with { Url = url })[nameof(ProductInput.Url)]);
    }

    [Theory]
    [InlineData("Vaccin Suivi")]
    [InlineData("vaccin--suivi")]
    [InlineData("-vaccin")]
    [InlineData("vaccin_suivi")]
    public void Typed_slug_must_be_valid(string slug) =>
        Assert.Contains(nameof(ProductInput.Slug), ProductRules.Validate(Valid with { Slug = slug }));

    [Fact]
    public void Typed_slug_is_trimmed_before_checking() =>
        Assert.Empty(ProductRules.Validate(Valid with { Slug = "  vaccin-suivi " }));

    [Fact]
    public void Name_without_usable_characters_needs_a_typed_slug()
    {
        Assert.Equal("Saisissez un identifiant d’adresse : le nom ne contient aucune lettre ni chiffre utilisable.",
            ProductRules.Validate(Valid with { Name = "!!!" })[nameof(ProductInput.Slug)]);
        Assert.Empty(ProductRules.Validate(Valid with { Name = "!!!", Slug = "points" }));
    }

    [Fact]
    public void Undefined_phase_is_refused() =>
        Assert.Equal("Choisissez une phase du cycle de vie.", ProductRules.Validate(Valid with { Phase = (Phase)42 })[nameof(ProductInput.Phase)]);

    [Fact]
    public void SlugFor_uses_the_typed_slug_else_one_made_from_the_name()
    {
        Assert.Equal("mon-slug", ProductRules.SlugFor(Valid with { Slug = " mon-slug " }));
        Assert.Equal("vaccin-suivi", ProductRules.SlugFor(Valid with { Slug = "  " }));
    }

    [Fact]
    public void Apply_trims_values_and_stores_blanks_as_null()
    {
        var product = new Product();

        ProductRules.Apply(Valid with { Name = "  Vaccin Suivi ", Url = "  ", Users = " Patients ", KeyFigures = "" }, product);

        Assert.Equal("Vaccin Suivi", product.Name);
        Assert.Equal("vaccin-suivi", product.Slug);
        Assert.Null(product.Url);
        Assert.Equal("Patients", product.Users);
        Assert.Null(product.KeyFigures);
        Assert.Equal((1, 2, 3), (product.DirectorateId, product.DomainId, product.TypologyId));
    }
}
