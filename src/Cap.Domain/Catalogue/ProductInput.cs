namespace Cap.Domain.Catalogue;

/// <summary>What a person submits to create or edit a product, from a form or the API.</summary>
public sealed record ProductInput
{
    public string? Name { get; init; }
    public string? Slug { get; init; }
    public string? Summary { get; init; }
    public int? DirectorateId { get; init; }
    public int? DomainId { get; init; }
    public int? TypologyId { get; init; }
    public Phase? Phase { get; init; }
    public string? Url { get; init; }
    public string? Users { get; init; }
    public string? KeyFigures { get; init; }
}

/// <summary>The field rules of a product, shared by the screens and the API so both say the same thing.</summary>
public static class ProductRules
{
    /// <summary>Checks the shape of the input (lengths, formats, required fields). References are checked by the caller against the database.</summary>
    public static Dictionary<string, string> Validate(ProductInput input)
    {
        var errors = new Dictionary<string, string>();
        Required(errors, nameof(input.Name), input.Name, "le nom", Product.NameMaxLength);
        Required(errors, nameof(input.Summary), input.Summary, "le résumé", Product.SummaryMaxLength);
        if (!string.IsNullOrWhiteSpace(input.Slug) && !Slugs.IsValid(input.Slug.Trim()))
        {
            errors[nameof(input.Slug)] = $"L’identifiant d’adresse ne peut contenir que des lettres minuscules sans accent, des chiffres et des tirets simples ({Product.SlugMaxLength} caractères au plus).";
        }
        else if (Slugs.Reserved.Contains(SlugFor(input)))
        {
            errors[string.IsNullOrWhiteSpace(input.Slug) ? nameof(input.Name) : nameof(input.Slug)] = $"« {SlugFor(input)} » est réservé par Cap : choisissez un autre identifiant d’adresse.";
        }
        else if (string.IsNullOrWhiteSpace(input.Slug) && !string.IsNullOrWhiteSpace(input.Name) && Slugs.FromName(input.Name).Length == 0)
        {
            errors[nameof(input.Slug)] = "Saisissez un identifiant d’adresse : le nom ne contient aucune lettre ni chiffre utilisable.";
        }
        if (input.DirectorateId is null)
        {
            errors[nameof(input.DirectorateId)] = "Choisissez la direction qui porte le produit.";
        }
        if (input.DomainId is null)
        {
            errors[nameof(input.DomainId)] = "Choisissez le domaine du produit.";
        }
        if (input.TypologyId is null)
        {
            errors[nameof(input.TypologyId)] = "Choisissez la typologie du produit.";
        }
        if (input.Phase is { } phase && !Enum.IsDefined(phase))
        {
            errors[nameof(input.Phase)] = "Choisissez une phase du cycle de vie.";
        }
        if (!string.IsNullOrWhiteSpace(input.Url))
        {
            var url = input.Url.Trim();
            if (url.Length > Product.UrlMaxLength)
            {
                errors[nameof(input.Url)] = $"L’adresse du service ne doit pas dépasser {Product.UrlMaxLength} caractères.";
            }
            else if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                errors[nameof(input.Url)] = "Saisissez une adresse web complète, commençant par https:// (par exemple https://mon-service.gouv.fr).";
            }
        }
        MaxLength(errors, nameof(input.Users), input.Users, "La description des usagers", Product.UsersMaxLength);
        MaxLength(errors, nameof(input.KeyFigures), input.KeyFigures, "Le texte des chiffres clés", Product.KeyFiguresMaxLength);
        return errors;
    }

    /// <summary>The slug to store: the one typed, or one made from the name.</summary>
    public static string SlugFor(ProductInput input) =>
        string.IsNullOrWhiteSpace(input.Slug) ? Slugs.FromName(input.Name ?? string.Empty) : input.Slug.Trim();

    /// <summary>Copies validated input onto the entity (trimmed, empty strings as null).</summary>
    public static void Apply(ProductInput input, Product product)
    {
        product.Name = input.Name!.Trim();
        product.Slug = SlugFor(input);
        product.Summary = input.Summary!.Trim();
        product.DirectorateId = input.DirectorateId!.Value;
        product.DomainId = input.DomainId!.Value;
        product.TypologyId = input.TypologyId!.Value;
        product.Url = NullIfBlank(input.Url);
        product.Users = NullIfBlank(input.Users);
        product.KeyFigures = NullIfBlank(input.KeyFigures);
    }

    public static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static void Required(Dictionary<string, string> errors, string field, string? value, string what, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[field] = $"Saisissez {what}.";
        }
        else if (value.Trim().Length > max)
        {
            errors[field] = $"{char.ToUpperInvariant(what[0])}{what[1..]} ne doit pas dépasser {max} caractères (actuellement {value.Trim().Length}).";
        }
    }

    private static void MaxLength(Dictionary<string, string> errors, string field, string? value, string what, int max)
    {
        if (value is not null && value.Trim().Length > max)
        {
            errors[field] = $"{what} ne doit pas dépasser {max} caractères (actuellement {value.Trim().Length}).";
        }
    }
}
