namespace Cap.Domain.Catalogue;

/// <summary>
/// An administered reference list entry (directorate, domain, ministry priority, typology).
/// They share one shape so that one administration screen and one API serve them all.
/// </summary>
public abstract class ReferenceItem : IVersioned, ITimestamped
{
    public const int CodeMaxLength = 20;
    public const int NameMaxLength = 120;
    public const int DescriptionMaxLength = 1000;

    public int Id { get; set; }
    /// <summary>Short stable code (DGS, SANTE...): unique within its list.</summary>
    public string Code { get; set; } = string.Empty;
    public string Name { get; set; } = string.Empty;
    public string? Description { get; set; }
    /// <summary>Inactive entries stay on existing products but are no longer offered.</summary>
    public bool IsActive { get; set; } = true;
    public int Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>Sponsoring directorate (DGS, DGOS...).</summary>
public class Directorate : ReferenceItem;

/// <summary>Business domain grouping products (Santé, Travail...).</summary>
public class BusinessDomain : ReferenceItem;

/// <summary>A priority of the ministries that objectives align with.</summary>
public class MinistryPriority : ReferenceItem;

/// <summary>Product typology (Gestion de dossier, Tableaux de bord...), used to suggest indicators.</summary>
public class Typology : ReferenceItem;

/// <summary>The four administered lists.</summary>
public enum ReferenceKind
{
    Directorate,
    Domain,
    Priority,
    Typology,
}

public static class ReferenceKindExtensions
{
    public static string Slug(this ReferenceKind kind) => kind switch
    {
        ReferenceKind.Directorate => "directions",
        ReferenceKind.Domain => "domaines",
        ReferenceKind.Priority => "priorites",
        ReferenceKind.Typology => "typologies",
        _ => kind.ToString(),
    };

    public static string PluralLabel(this ReferenceKind kind) => kind switch
    {
        ReferenceKind.Directorate => "Directions",
        ReferenceKind.Domain => "Domaines",
        ReferenceKind.Priority => "Priorités ministérielles",
        ReferenceKind.Typology => "Typologies de produit",
        _ => kind.ToString(),
    };

    public static string SingularLabel(this ReferenceKind kind) => kind switch
    {
        ReferenceKind.Directorate => "direction",
        ReferenceKind.Domain => "domaine",
        ReferenceKind.Priority => "priorité ministérielle",
        ReferenceKind.Typology => "typologie",
        _ => kind.ToString(),
    };

    public static bool TryParseSlug(string? slug, out ReferenceKind kind)
    {
        foreach (var k in Enum.GetValues<ReferenceKind>())
        {
            if (string.Equals(k.Slug(), slug, StringComparison.OrdinalIgnoreCase))
            {
                kind = k;
                return true;
            }
        }
        kind = default;
        return false;
    }
}
