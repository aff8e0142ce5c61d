namespace Cap.Domain.Platform;

/// <summary>A person who signs in to Cap. Rights come from global roles and from product team memberships.</summary>
public class Person : IVersioned, ITimestamped
{
    public const int NameMaxLength = 120;
    public const int EmailMaxLength = 254;

    public int Id { get; set; }
    public string DisplayName { get; set; } = string.Empty;
    /// <summary>Normalised to lower case; unique.</summary>
    public string Email { get; set; } = string.Empty;
    /// <summary>The OpenID Connect subject ("sub"), set at the first sign-in through the identity provider.</summary>
    public string? ExternalSubject { get; set; }
    public string? Organisation { get; set; }
    public GlobalRoles Roles { get; set; }
    public bool IsActive { get; set; } = true;
    public bool IsDemo { get; set; }
    public int Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public bool Has(GlobalRoles role) => (Roles & role) == role;
}
