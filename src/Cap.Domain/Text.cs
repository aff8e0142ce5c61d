using System.Globalization;
using System.Text;

namespace Cap.Domain;

public static class Text
{
    /// <summary>The text as kept: trimmed, or null when there is nothing but spaces.</summary>
    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>At most <paramref name="max"/> characters: a longer text is cut and ends with « … ».</summary>
    public static string Truncate(string value, int max) => value.Length <= max ? value : value[..(max - 1)] + "…";

    /// <summary>The French message for a text longer than <paramref name="max"/> characters, or null.</summary>
    /// <param name="what">The field as a sentence starts with it: "Le titre", "La description".</param>
    public static string? TooLong(string what, string? value, int max) =>
        value is { Length: var length } && length > max ? $"{what} ne doit pas dépasser {max} caractères (actuellement {length})." : null;

    /// <summary>Lower-case without diacritics ("Santé" → "sante"), for accent-insensitive search on any database.</summary>
    public static string Fold(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }
        var normalized = value.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                sb.Append(char.ToLowerInvariant(c));
            }
        }
        return sb.ToString().Replace("œ", "oe", StringComparison.Ordinal).Replace("æ", "ae", StringComparison.Ordinal).Normalize(NormalizationForm.FormC);
    }
}
