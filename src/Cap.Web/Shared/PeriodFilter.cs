using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Cap.Web.Shared;

/// <summary>
/// A period filter of a page or an export: <c>?du=aaaa-mm-jj&amp;au=aaaa-mm-jj</c>, as a date input posts it (the
/// satisfaction pages and exports, the administration journal). Bound once, by <see cref="PeriodFilterBinder"/> on pages
/// (an unreadable end is a model-state error under its name, shown beside its field by <c>_PeriodFields</c>) and
/// <see cref="BindAsync"/> on endpoints; what was typed is kept for the form shown again. Each end is optional for a
/// filter (an unreadable one filters nothing); the statistics' chosen period needs both, checked by <see cref="Range"/>
/// with its French messages.
/// </summary>
[ModelBinder(typeof(PeriodFilterBinder))]
public sealed record PeriodFilter(string? FromText, string? ToText)
{
    public const string FromName = "du";
    public const string ToName = "au";
    /// <summary>About five years: a longer chosen period is refused.</summary>
    public const int MaxDays = 366 * 5;

    public const string FromMissing = "Indiquez la date de début de la période (jj/mm/aaaa).";
    public const string ToMissing = "Indiquez la date de fin de la période (jj/mm/aaaa).";
    public const string Reversed = "La date de début doit précéder la date de fin.";
    public const string TooLong = "Choisissez une période de cinq ans au plus.";
    public const string FromUnreadable = "La date de début n’est pas valide : utilisez le format jj/mm/aaaa. Elle n’est pas appliquée.";
    public const string ToUnreadable = "La date de fin n’est pas valide : utilisez le format jj/mm/aaaa. Elle n’est pas appliquée.";

    public static readonly PeriodFilter None = new(null, null);

    /// <summary>The first day, when it was given and reads as a date.</summary>
    public DateOnly? From { get; } = Parse(FromText);

    /// <summary>The last day, when it was given and reads as a date.</summary>
    public DateOnly? To { get; } = Parse(ToText);

    /// <summary>
    /// The chosen period, both ends required and in order, at most <see cref="MaxDays"/> days; otherwise null, with the
    /// French messages of what is wrong in <paramref name="errors"/>.
    /// </summary>
    public (DateOnly From, DateOnly To)? Range(ICollection<string> errors)
    {
        if (From is null) errors.Add(FromMissing);
        if (To is null) errors.Add(ToMissing);
        if (From is not { } from || To is not { } to) return null;
        if (from > to)
        {
            errors.Add(Reversed);
            return null;
        }
        if (to.DayNumber - from.DayNumber > MaxDays)
        {
            errors.Add(TooLong);
            return null;
        }
        return (from, to);
    }

    /// <summary>The query string's pairs that carry the filter as it was typed (to keep it in a link).</summary>
    public IEnumerable<KeyValuePair<string, string?>> Query() => [new(FromName, FromText), new(ToName, ToText)];

    /// <summary>Minimal-API binding: <c>du</c> and <c>au</c> from the query string.</summary>
    public static ValueTask<PeriodFilter?> BindAsync(HttpContext context) =>
        ValueTask.FromResult<PeriodFilter?>(Of(context.Request.Query[FromName], context.Request.Query[ToName]));

    /// <summary>A filter from the two texts as received; blanks count as absent.</summary>
    public static PeriodFilter Of(string? from, string? to) =>
        new(string.IsNullOrWhiteSpace(from) ? null : from.Trim(), string.IsNullOrWhiteSpace(to) ? null : to.Trim());

    private static DateOnly? Parse(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}

/// <summary>Binds a <see cref="PeriodFilter"/> from <c>du</c> and <c>au</c>, whatever the property's name.</summary>
public sealed class PeriodFilterBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var values = bindingContext.ValueProvider;
        var filter = PeriodFilter.Of(values.GetValue(PeriodFilter.FromName).FirstValue, values.GetValue(PeriodFilter.ToName).FirstValue);
        if (filter.FromText is not null && filter.From is null)
        {
            bindingContext.ModelState.AddModelError(PeriodFilter.FromName, PeriodFilter.FromUnreadable);
        }
        if (filter.ToText is not null && filter.To is null)
        {
            bindingContext.ModelState.AddModelError(PeriodFilter.ToName, PeriodFilter.ToUnreadable);
        }
        bindingContext.Result = ModelBindingResult.Success(filter);
        return Task.CompletedTask;
    }
}

/// <summary>The model of <c>_PeriodFields</c>: the filter, a hint under both labels, the grid column of each field.</summary>
public sealed record PeriodFields(PeriodFilter Filter, string? Hint = null, string Column = "fr-col-6 fr-col-md-2");
