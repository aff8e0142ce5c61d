namespace Cap.Web.Features.Jdma;

/// <summary>The connection form's fields: the key is write-only (the page never shows it back).</summary>
public sealed class JdmaConnectionForm
{
    public string? BaseUrl { get; set; }
    public string? ApiKey { get; set; }

    public JdmaConnectionInput ToInput() => new(BaseUrl, ApiKey);
}
