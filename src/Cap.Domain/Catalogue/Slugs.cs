using System.Globalization;
using System.Text;

namespace Cap.Domain.Catalogue;

/// <summary>URL slugs: lower-case ASCII letters, digits and single hyphens.</summary>
public static class Slugs
{
    public static string FromName(string name)
    {
        var normalized = name.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(normalized.Length);
        var lastHyphen = true;
        foreach (var c in normalized)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            var lower = char.ToLowerInvariant(c);
            if (lower is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                sb.Append(lower);
                lastHyphen = false;
            }
            else if (lower is 'œ' or 'æ')
            {
                sb.Append(lower == 'œ' ? "oe" : "ae");
                lastHyphen = false;
            }
            else if (!lastHyphen)
            {
                sb.Append('-');
                lastHyphen = true;
            }
        }
        var slug = sb.ToString().Trim('-');
        return slug.Length > Product.SlugMaxLength ? slug[..Product.SlugMaxLength].Trim('-') : slug;
    }

    /// <summary>Slugs that are screen addresses under /produits/ and cannot name a product.</summary>
    public static readonly IReadOnlySet<string> Reserved = new HashSet<string>(StringComparer.Ordinal) { "nouveau" };

    public static bool IsValid(string? slug) =>
        !string.IsNullOrEmpty(slug)
        && slug.Length <= Product.SlugMaxLength
        && slug.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')
        && !slug.StartsWith('-') && !slug.EndsWith('-') && !slug.Contains("--", StringComparison.Ordinal);
}
