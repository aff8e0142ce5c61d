using System.Globalization;

namespace Cap.Domain.Steering;

/// <summary>
/// Reads numbers and dates as people type them in French or international spreadsheets:
/// "1 234,5", "1234.5", "1,234.5", "1.234,5"; "31/12/2025", "2025-12-31", "31-12-2025", "31.12.2025".
/// </summary>
public static class FlexibleParse
{
    private static readonly string[] DateFormats =
    [
        "dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd", "yyyy-M-d", "dd-MM-yyyy", "d-M-yyyy", "dd.MM.yyyy", "d.M.yyyy", "yyyy/MM/dd",
        "dd/MM/yyyy HH:mm", "dd/MM/yyyy HH:mm:ss", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ssZ", "yyyy-MM-ddTHH:mm:ss.fffZ",
    ];

    public static bool TryDecimal(string? text, out decimal value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        // Spaces, no-break spaces and apostrophes group thousands; a trailing % is decoration.
        var s = new string(text.Trim().Where(c => !char.IsWhiteSpace(c) && c is not ('\u00A0' or '\u202F' or '\'')).ToArray()).TrimEnd('%').Replace('\u2212', '-');
        var commas = s.Count(c => c == ',');
        var dots = s.Count(c => c == '.');
        if (commas > 0 && dots > 0)
        {
            // The last separator is the decimal one.
            var decimalSeparator = s.LastIndexOf(',') > s.LastIndexOf('.') ? ',' : '.';
            var thousands = decimalSeparator == ',' ? '.' : ',';
            if (s.Count(c => c == decimalSeparator) > 1 || !IsGrouped(s[..s.LastIndexOf(decimalSeparator)], thousands))
            {
                return false;
            }
            s = s.Replace(thousands.ToString(), string.Empty, StringComparison.Ordinal).Replace(',', '.');
        }
        else if (commas > 1 || dots > 1)
        {
            var separator = commas > 1 ? ',' : '.';
            if (!IsGrouped(s, separator))
            {
                return false;
            }
            s = s.Replace(separator.ToString(), string.Empty, StringComparison.Ordinal);
        }
        else
        {
            s = s.Replace(',', '.');
        }
        return decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>The same value without trailing zeros (databases give back 30.0000 for 30).</summary>
    public static decimal Normalize(decimal value) => value / 1.0000000000000000000000000000m;

    /// <summary>Thousands groups: 1 to 3 digits, then groups of exactly 3.</summary>
    private static bool IsGrouped(string integerPart, char separator)
    {
        var groups = integerPart.TrimStart('-', '+').Split(separator);
        return groups[0].Length is >= 1 and <= 3 && groups.Skip(1).All(g => g.Length == 3 && g.All(char.IsAsciiDigit));
    }

    public static bool TryDate(string? text, out DateOnly date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var s = text.Trim();
        if (DateTime.TryParseExact(s, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var parsed))
        {
            date = DateOnly.FromDateTime(parsed);
            return true;
        }
        return false;
    }
}
