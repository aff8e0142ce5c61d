using System.Text.Json.Serialization;
using Cap.Domain.Platform;

namespace Cap.Domain.Connectors;

/// <summary>The outside tools Cap pulls figures from. Stored as text; the API's values are kebab-case.</summary>
public enum ConnectorKind
{
    /// <summary>A product's JDMA connection (<see cref="JdmaConnection"/>), kept by its team.</summary>
    [JsonStringEnumMemberName("jdma")]
    Jdma = 1,
    /// <summary>A product's Matomo connection (<see cref="MatomoConnection"/>), kept by its team, feeding its indicators.</summary>
    [JsonStringEnumMemberName("matomo")]
    Matomo = 2,

    /// <summary>An organisation's JDMA connection (<see cref="JdmaOrganisationConnection"/>), kept by the administrators, feeding several products.</summary>
    [JsonStringEnumMemberName("jdma-organisation")]
    JdmaOrganisation = 3,
}

/// <summary>
/// A product's connection to « Je donne mon avis » (JDMA): the back-office address and an API key, and the JDMA
/// services/forms whose statistics become the product's daily satisfaction figures (<see cref="JdmaFormMapping"/>).
/// The key is stored only encrypted with the application's data-protection keys (<see cref="ProtectedKey"/>), never read
/// back to a screen, a response or the audit trail: only when it was saved (<see cref="KeySavedAt"/>) is shown and audited.
/// </summary>
public class JdmaConnection : IVersioned, IProductScoped, ITimestamped
{
    public const int BaseUrlMaxLength = 300;
    public const int KeyMaxLength = 500;
    public const int ProtectedKeyMaxLength = 2000;

    public int Id { get; set; }
    public int ProductId { get; set; }
    public Catalogue.Product? Product { get; set; }

    /// <summary>The back-office's address (https, or http for a local or demo server); the open API is under /api/open-api.</summary>
    public string BaseUrl { get; set; } = string.Empty;

    /// <summary>The API key encrypted by the data-protection keys (purpose <c>Cap.Connectors.Jdma</c>); never audited.</summary>
    [AuditIgnore]
    public string ProtectedKey { get; set; } = string.Empty;

    /// <summary>When the key was last saved or replaced: what screens show of it, and what the audit trail records.</summary>
    public DateTimeOffset KeySavedAt { get; set; }

    public List<JdmaFormMapping> Forms { get; set; } = [];

    public int Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>One JDMA form (of a JDMA service, « produit » in JDMA's words) whose statistics feed the connection's product.</summary>
public class JdmaFormMapping : IProductScoped
{
    public const int TitleMaxLength = 300;

    public int Id { get; set; }
    public int JdmaConnectionId { get; set; }
    public int ProductId { get; set; }

    /// <summary>JDMA's service (product) id.</summary>
    public int ServiceId { get; set; }
    public string ServiceTitle { get; set; } = string.Empty;

    public int FormId { get; set; }
    public string FormTitle { get; set; } = string.Empty;
}

/// <summary>
/// An organisation's connection to JDMA (« DNUM des ministères sociaux »), kept by the administrators: one address and
/// one key created in JDMA for the organisation (« entité »), whose services and forms each feed one Cap product
/// (<see cref="JdmaOrganisationForm"/>). One synchronisation reads all its forms and writes each product's days. The key
/// is stored and shown as for a product's connection (<see cref="JdmaConnection"/>): encrypted, never read back.
/// </summary>
public class JdmaOrganisationConnection : IVersioned, ITimestamped
{
    public const int NameMaxLength = 200;

    public int Id { get; set; }

    /// <summary>The organisation's name, as people know it.</summary>
    public string Name { get; set; } = string.Empty;

    public string BaseUrl { get; set; } = string.Empty;

    /// <summary>The API key encrypted by the data-protection keys (purpose <c>Cap.Connectors.Jdma</c>); never audited.</summary>
    [AuditIgnore]
    public string ProtectedKey { get; set; } = string.Empty;

    public DateTimeOffset KeySavedAt { get; set; }

    public List<JdmaOrganisationForm> Forms { get; set; } = [];

    public int Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>One JDMA form of an organisation's connection and the Cap product its statistics feed (audited in that product's history).</summary>
public class JdmaOrganisationForm : IProductScoped
{
    public int Id { get; set; }
    public int ConnectionId { get; set; }
    public int ProductId { get; set; }
    public Catalogue.Product? Product { get; set; }

    public int ServiceId { get; set; }
    public string ServiceTitle { get; set; } = string.Empty;

    public int FormId { get; set; }
    public string FormTitle { get; set; } = string.Empty;
}
