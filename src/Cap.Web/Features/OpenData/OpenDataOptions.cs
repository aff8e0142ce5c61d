using Cap.Domain.OpenData;

namespace Cap.Web.Features.OpenData;

/// <summary>The open data's settings (section <c>OpenData</c>).</summary>
public sealed class OpenDataOptions
{
    /// <summary>How long an instance keeps the built dataset before reading the database again (a burst never reaches it).</summary>
    public int CacheSeconds { get; set; } = 60;

    /// <summary>The files' <c>Cache-Control: public, max-age</c>: how long a client or a proxy may reuse them without asking.</summary>
    public int MaxAgeSeconds { get; set; } = 300;

    /// <summary>The number of full days before today the satisfaction index covers.</summary>
    public int SatisfactionDays { get; set; } = OpenDataRules.DefaultSatisfactionDays;

    /// <summary>Below this number of answers over the period, the index is not published (its count is).</summary>
    public int MinimumAnswers { get; set; } = OpenDataRules.DefaultMinimumAnswers;

    /// <summary>Who publishes the dataset (<c>dct:publisher</c>).</summary>
    public string Publisher { get; set; } = "Direction du numérique des ministères sociaux";

    /// <summary>The publisher's address (<c>foaf:homepage</c>).</summary>
    public string PublisherUrl { get; set; } = "https://www.sg.social.gouv.fr";
}
