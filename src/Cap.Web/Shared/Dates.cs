using System.Globalization;

namespace Cap.Web.Shared;

/// <summary>Times are stored in UTC and shown in Europe/Paris, in French.</summary>
public static class Dates
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static DateTimeOffset ToParis(DateTimeOffset value) => TimeZoneInfo.ConvertTime(value, Paris);

    /// <summary>Today in Paris: the day dates people type and read are judged against.</summary>
    public static DateOnly ParisToday(this TimeProvider time) => ParisDay(time.GetUtcNow());

    /// <summary>The Paris calendar day of an instant.</summary>
    public static DateOnly ParisDay(DateTimeOffset value) => DateOnly.FromDateTime(ToParis(value).DateTime);

    /// <summary>The instant a Paris calendar day starts (midnight, Paris time), in UTC: the bound of a period filter.</summary>
    public static DateTimeOffset StartOfParisDay(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, Paris.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>"26/11/2026".</summary>
    public static string Day(DateTimeOffset value) => ToParis(value).ToString("dd/MM/yyyy", French);

    /// <summary>"26/11/2026 à 21:05".</summary>
    public static string WithTime(DateTimeOffset value) => ToParis(value).ToString("dd/MM/yyyy 'à' HH:mm", French);

    /// <summary>ISO form for the datetime attribute of a time element.</summary>
    public static string Iso(DateTimeOffset value) => value.ToString("O", CultureInfo.InvariantCulture);
}
