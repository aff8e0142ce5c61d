using Cap.Domain.Connectors;
using Cap.Web.Shared.Connectors;

namespace Cap.Web.Features.Jdma;

/// <summary>The JDMA connection as the API saves it.</summary>
/// <param name="BaseUrl">JDMA's back-office address (https; http only for localhost).</param>
/// <param name="ApiKey">The API key created in JDMA: required the first time; left out (or empty), the saved key is kept; given, it replaces it (rotation). Never returned.</param>
/// <param name="Version">The version read (0 when the product had no connection): a different stored version answers 409.</param>
public sealed record JdmaConnectionRequest(string? BaseUrl, string? ApiKey, int? Version);

/// <summary>The JDMA forms that feed the product.</summary>
/// <param name="FormIds">JDMA form ids, among those <c>GET …/jdma/services</c> lists (at least one).</param>
public sealed record JdmaFormsRequest(List<int>? FormIds);

/// <summary>A JDMA form that feeds the product.</summary>
public sealed record JdmaFormResponse(int ServiceId, string ServiceTitle, int FormId, string FormTitle);

/// <summary>The product's JDMA connection. The key is never returned: only when it was saved.</summary>
/// <param name="KeySavedAt">When the API key was saved or last replaced.</param>
public sealed record JdmaConnectionResponse(string ProductSlug, string BaseUrl, DateTimeOffset KeySavedAt, int Version,
    List<JdmaFormResponse> Forms, SyncStatusResponse? Status)
{
    public static JdmaConnectionResponse From(string slug, JdmaConnection c, ConnectorStatus? status) => new(slug, c.BaseUrl, c.KeySavedAt, c.Version,
        [.. c.Forms.OrderBy(f => f.ServiceTitle).ThenBy(f => f.FormTitle).Select(f => new JdmaFormResponse(f.ServiceId, f.ServiceTitle, f.FormId, f.FormTitle))],
        status is null ? null : SyncStatusResponse.From(status));
}

/// <summary>A JDMA service (a « produit » in JDMA) the key can read, and its forms.</summary>
public sealed record JdmaServiceResponse(int Id, string Title, string? Entity, List<JdmaServiceFormResponse> Forms);

public sealed record JdmaServiceFormResponse(int Id, string Title);

/// <summary>An organisation's JDMA connection as the API saves it.</summary>
/// <param name="Name">The organisation's name (« DNUM des ministères sociaux »), unique among the organisations' connections.</param>
/// <param name="BaseUrl">JDMA's back-office address (https; http only for localhost).</param>
/// <param name="ApiKey">The API key created in JDMA for the organisation: required on creation; left out (or empty), the saved key is kept; given, it replaces it (rotation). Never returned.</param>
/// <param name="Version">On a change: the version read (a different stored version answers 409). Ignored on creation.</param>
public sealed record JdmaOrganisationRequest(string? Name, string? BaseUrl, string? ApiKey, int? Version);

/// <summary>The forms of an organisation's connection and the products they feed (the whole mapping: a form left out feeds nothing).</summary>
/// <param name="Forms">Each JDMA form (among those <c>GET …/services</c> lists) and the slug of the Cap product it feeds; at least one.</param>
public sealed record JdmaOrganisationFormsRequest(List<JdmaOrganisationFormRequest>? Forms);

/// <param name="FormId">The JDMA form id.</param>
/// <param name="Product">The slug of the Cap product it feeds.</param>
public sealed record JdmaOrganisationFormRequest(int? FormId, string? Product);

/// <summary>A form of an organisation's connection and the product it feeds.</summary>
public sealed record JdmaOrganisationFormResponse(int ServiceId, string ServiceTitle, int FormId, string FormTitle, string ProductSlug, string ProductName);

/// <summary>An organisation's JDMA connection. The key is never returned: only when it was saved.</summary>
public sealed record JdmaOrganisationResponse(int Id, string Name, string BaseUrl, DateTimeOffset KeySavedAt, int Version,
    List<JdmaOrganisationFormResponse> Forms, SyncStatusResponse? Status)
{
    public static JdmaOrganisationResponse From(JdmaOrganisationConnection c, ConnectorStatus? status) => new(c.Id, c.Name, c.BaseUrl, c.KeySavedAt, c.Version,
        [.. c.Forms.OrderBy(f => f.ServiceTitle).ThenBy(f => f.FormTitle)
            .Select(f => new JdmaOrganisationFormResponse(f.ServiceId, f.ServiceTitle, f.FormId, f.FormTitle, f.Product?.Slug ?? "", f.Product?.Name ?? ""))],
        status is null ? null : SyncStatusResponse.From(status));
}
