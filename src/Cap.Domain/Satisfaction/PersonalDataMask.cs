using System.Text.RegularExpressions;

namespace Cap.Domain.Satisfaction;

/// <summary>
/// Masks the personal data people type into free comments before they are stored: e-mail addresses, social
/// security numbers (NIR, 13 digits and an optional 2-digit key, Corsica's 2A/2B included) and French phone
/// numbers (0X XX XX XX XX, +33 X..., 0033 X..., with spaces, dots or dashes). The NIR is looked for before
/// the phone so that its digits are not half-masked as a phone number.
/// </summary>
public static partial class PersonalDataMask
{
    public const string EmailMask = "[adresse e-mail masquée]";
    public const string PhoneMask = "[numéro de téléphone masqué]";
    public const string NirMask = "[numéro de sécurité sociale masqué]";

    /// <summary>What is stored when a comment cannot be checked in time (never seen; the patterns are linear).</summary>
    public const string UncheckedMask = "[commentaire masqué : vérification impossible]";

    public static string? Apply(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }
        try
        {
            // The patterns need an at sign (or "(at)", "[at]") and digits: most comments have neither, and a plain
            // search for them costs a fraction of running the patterns over the whole comment.
            var masked = MayHoldEmail(text) ? Email().Replace(text, EmailMask) : text;
            if (!HasDigit(masked))
            {
                return masked;
            }
            masked = Nir().Replace(masked, NirMask);
            return Phone().Replace(masked, PhoneMask);
        }
        catch (RegexMatchTimeoutException)
        {
            // Storing the comment unmasked is not an option.
            return UncheckedMask;
        }
    }

    private static bool MayHoldEmail(string text) =>
        text.Contains('@') || text.Contains("(at)", StringComparison.OrdinalIgnoreCase) || text.Contains("[at]", StringComparison.OrdinalIgnoreCase);

    /// <summary>Any decimal digit, as <c>\d</c> matches them (every script's, not only 0 to 9).</summary>
    private static bool HasDigit(string text)
    {
        foreach (var c in text)
        {
            if (char.IsDigit(c))
            {
                return true;
            }
        }
        return false;
    }

    [GeneratedRegex(@"[\p{L}\p{N}._%+'-]+\s?(?:@|\(at\)|\[at\])\s?[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex Email();

    // Sex (1, 2, or 7/8 for temporary numbers), year, month (01-12, 20-42 or 50-99 in special cases), department
    // (2 digits or 2A/2B), commune (3), order (3), optional key (2); separators are spaces, dots or dashes.
    [GeneratedRegex(@"(?<![\p{L}\p{N}])[12378][ .-]?\d{2}[ .-]?\d{2}[ .-]?(?:\d{2}|2[AB])[ .-]?\d{3}[ .-]?\d{3}(?:[ .-]?\d{2})?(?!\p{N})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex Nir();

    [GeneratedRegex(@"(?<![\p{N}+])(?:(?:\+|00)\s?33[ .-]?(?:\(0\)[ .-]?)?|0)[1-9](?:[ .-]?\d{2}){4}(?!\p{N})", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex Phone();
}
