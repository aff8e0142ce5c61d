using System.Text.Json.Serialization;

namespace Cap.Domain.Catalogue;

/// <summary>A person's role in one product team.</summary>
public enum ProductRole
{
    [JsonStringEnumMemberName("product-owner")]
    ResponsableProduit = 1,
    [JsonStringEnumMemberName("business-owner")]
    ResponsableMetier = 2,
    [JsonStringEnumMemberName("team-member")]
    MembreEquipe = 3,
}

public static class ProductRoleExtensions
{
    public static string Label(this ProductRole role) => role switch
    {
        ProductRole.ResponsableProduit => "Responsable produit",
        ProductRole.ResponsableMetier => "Responsable métier",
        ProductRole.MembreEquipe => "Membre d’équipe",
        _ => role.ToString(),
    };

    /// <summary>Owners steer the product: they manage its team and may archive it.</summary>
    public static bool IsOwner(this ProductRole role) =>
        role is ProductRole.ResponsableProduit or ProductRole.ResponsableMetier;
}
