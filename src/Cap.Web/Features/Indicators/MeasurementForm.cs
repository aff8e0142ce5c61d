using Cap.Domain;
using Cap.Domain.Steering;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Cap.Web.Features.Indicators;

/// <summary>A measurement as typed; the value stays text so both "12,5" and "12.5" are read.</summary>
public sealed class MeasurementForm
{
    public DateOnly? Date { get; set; }
    public string? Value { get; set; }
    public string? Comment { get; set; }

    public MeasurementInput ToInput(out Dictionary<string, string> parseErrors)
    {
        parseErrors = [];
        decimal? value = null;
        if (!string.IsNullOrWhiteSpace(Value))
        {
            if (IndicatorRules.TryParseNumber(Value, out var parsed))
            {
                value = parsed;
            }
            else
            {
                parseErrors[nameof(Value)] = IndicatorRules.NotNumericMessage;
            }
        }
        return new MeasurementInput(Date, value, Comment);
    }

    /// <summary>Validates then writes through <paramref name="write"/>; errors go to ModelState under <paramref name="prefix"/>.</summary>
    public async Task<bool> SaveAsync(ModelStateDictionary modelState, string prefix, DateOnly today, Func<MeasurementInput, Task<Result<Measurement>>> write)
    {
        var input = ToInput(out var parseErrors);
        var result = parseErrors.Count == 0 ? await write(input) : IndicatorForm.Unparsed(parseErrors, IndicatorRules.ValidateMeasurement(input, today));
        if (result.Refusal is { } refusal)
        {
            IndicatorForm.Show(modelState, prefix, refusal);
            return false;
        }
        return true;
    }
}
