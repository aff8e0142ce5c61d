using System.Text;
using System.Xml;

namespace Cap.Web.Shared.Export;

/// <summary>
/// What happens to a text before it goes into an exported cell (CSV or XLSX). Every export goes through
/// <see cref="CsvSheet"/> or <see cref="StreamedXlsx"/>, which call this class: no export has its own copy.
/// </summary>
public static class SpreadsheetText
{
    /// <summary>
    /// A text cell that starts with = + - @, a tab or a carriage return gets a leading apostrophe, so that a
    /// spreadsheet shows it as text instead of running it as a formula (OWASP « CSV injection »: =HYPERLINK(…),
    /// +cmd|…, @SUM(…), -2+3). Only texts are touched: numbers are written as numbers by the writers and never
    /// come here, so a negative value stays a number.
    /// </summary>
    public static string NeutraliseFormula(string? text) =>
        string.IsNullOrEmpty(text) ? string.Empty : StartsLikeAFormula(text) ? "'" + text : text;

    public static bool StartsLikeAFormula(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    /// <summary>
    /// Keeps only what XML 1.0 allows (an XLSX sheet is XML): control characters other than tab and line breaks,
    /// U+FFFE and U+FFFF are removed, a lone surrogate (half of a character cut in two) becomes U+FFFD « � ».
    /// </summary>
    public static string XmlSafe(string text)
    {
        var first = FirstInvalidXmlChar(text);
        if (first < 0)
        {
            return text;
        }
        var builder = new StringBuilder(text.Length);
        builder.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (char.IsSurrogate(c))
            {
                builder.Append('\uFFFD');
            }
            else if (XmlConvert.IsXmlChar(c))
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }

    private static int FirstInvalidXmlChar(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (XmlConvert.IsXmlChar(c))
            {
                continue;
            }
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }
            return i;
        }
        return -1;
    }
}
