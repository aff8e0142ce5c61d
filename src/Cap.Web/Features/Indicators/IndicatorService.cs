using Cap.Data;
using Cap.Domain;
using Cap.Domain.Platform;
using Cap.Domain.Steering;
using Cap.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Indicators;

/// <summary>What a batch of measurements did: points created, points updated (same date).</summary>
public sealed record PushCounts(int Created, int Updated);

/// <summary>Reads and writes indicators and their measurements; statuses come from <see cref="IndicatorStatusRule"/>.</summary>
public sealed class IndicatorService(CapDbContext db, TimeProvider time)
{
    public const int MaxBulkPoints = 10_000;

    /// <summary>Today in Paris, the day measurements are judged against.</summary>
    public DateOnly Today => time.ParisToday();

    /// <summary>The product's indicators with their statuses, from their kept measurement summaries: one query, no history read.</summary>
    public Task<List<IndicatorRow>> ListAsync(int productId, CancellationToken ct) => IndicatorRows.ListAsync(db, productId, Today, ct);

    /// <summary>One indicator of the product with its measurements (oldest first), or null.</summary>
    public async Task<IndicatorRow?> GetAsync(int productId, int id, CancellationToken ct)
    {
        var indicator = await db.Indicators.AsNoTracking().Include(i => i.Objective)
            .FirstOrDefaultAsync(i => i.Id == id && i.ProductId == productId, ct);
        if (indicator is null)
        {
            return null;
        }
        indicator.Measurements = await db.Measurements.AsNoTracking()
            .Where(m => m.IndicatorId == id).OrderBy(m => m.Date).ToListAsync(ct);
        var assessment = IndicatorStatusRule.Assess(indicator.Spec, indicator.Measurements.Select(m => new Point(m.Date, m.Value)).ToList(), Today);
        return new IndicatorRow(indicator, indicator.Objective?.Title, indicator.Objective?.Position, assessment);
    }

    public Task<List<Objective>> ObjectivesAsync(int productId, CancellationToken ct) =>
        db.Objectives.AsNoTracking().Where(o => o.ProductId == productId).OrderBy(o => o.Position).ThenBy(o => o.Id).ToListAsync(ct);

    public async Task<Result<Indicator>> CreateAsync(int productId, IndicatorInput input, CancellationToken ct)
    {
        var errors = await ValidateAsync(productId, input, ct);
        if (errors.Count > 0)
        {
            return Refusal.Invalid(errors);
        }
        if (await ObservatoryMeasureTakenAsync(productId, null, input.ObservatoryMeasure, ct) is { } taken)
        {
            return taken;
        }
        var position = await db.Indicators.Where(i => i.ProductId == productId).MaxAsync(i => (int?)i.Position, ct) ?? -1;
        var indicator = new Indicator { ProductId = productId, Position = position + 1 };
        Apply(indicator, input);
        db.Indicators.Add(indicator);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (input.ObservatoryMeasure is not null)
        {
            // Another indicator took the measure meanwhile (the unique index): the same refusal as the check above.
            db.ChangeTracker.Clear();
            return await ObservatoryMeasureTakenAsync(productId, null, input.ObservatoryMeasure, ct) ?? throw new InvalidOperationException("Indicator not saved.");
        }
        return indicator;
    }

    /// <summary>Replaces the fields; <paramref name="version"/> is the version read (null: no check).</summary>
    public async Task<Result<Indicator>> UpdateAsync(Indicator indicator, IndicatorInput input, int? version, CancellationToken ct)
    {
        var errors = await ValidateAsync(indicator.ProductId, input, ct);
        if (errors.Count > 0)
        {
            return Refusal.Invalid(errors);
        }
        if (version is { } v && v != indicator.Version)
        {
            return Changed(indicator);
        }
        if (await ObservatoryMeasureTakenAsync(indicator.ProductId, indicator.Id, input.ObservatoryMeasure, ct) is { } taken)
        {
            return taken;
        }
        Apply(indicator, input);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Changed(indicator);
        }
        catch (DbUpdateException) when (input.ObservatoryMeasure is not null)
        {
            // Another indicator took the measure meanwhile (the unique index).
            db.ChangeTracker.Clear();
            return await ObservatoryMeasureTakenAsync(indicator.ProductId, indicator.Id, input.ObservatoryMeasure, ct) ?? Changed(indicator);
        }
        return indicator;
    }

    private static Refusal Changed(Indicator indicator) => Refusal.Conflict(
        "Cet indicateur a été modifié par quelqu’un d’autre pendant que vous le modifiiez : vos changements ne sont pas enregistrés. Relisez la page de l’indicateur puis recommencez.",
        currentVersion: indicator.Version);

    public async Task DeleteAsync(Indicator indicator, CancellationToken ct)
    {
        db.Indicators.Remove(indicator);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Creates indicators from the product typology's templates. Baseline and target are placeholders to complete:
    /// baseline today, target date in 12 months, values by unit and direction; the data source says "à compléter".
    /// </summary>
    public async Task<int> AddSuggestionsAsync(int productId, int typologyId, IReadOnlyCollection<int> templateIds, CancellationToken ct)
    {
        var templates = await db.IndicatorTemplates.AsNoTracking()
            .Where(t => t.TypologyId == typologyId && templateIds.Contains(t.Id)).OrderBy(t => t.Id).ToListAsync(ct);
        var position = await db.Indicators.Where(i => i.ProductId == productId).MaxAsync(i => (int?)i.Position, ct) ?? -1;
        var today = Today;
        foreach (var t in templates)
        {
            var (baseline, target) = Placeholder(t.Unit, t.Direction);
            db.Indicators.Add(new Indicator
            {
                ProductId = productId, Kind = t.Kind, Name = t.Name, Definition = t.Definition, Unit = t.Unit,
                Direction = t.Direction, Family = t.Family, Baseline = baseline, BaselineDate = today,
                Target = target.Min, TargetMax = t.Direction == WantedDirection.Range ? target.Max : null,
                TargetDate = today.AddMonths(12), Frequency = UpdateFrequency.Monthly,
                DataSource = IndicatorRules.PendingDataSource, Position = ++position,
            });
        }
        await db.SaveChangesAsync(ct);
        return templates.Count;
    }

    /// <summary>Placeholder values for a suggestion, chosen so the rule can already judge the first measurements.</summary>
    public static (decimal Baseline, (decimal Min, decimal Max) Target) Placeholder(IndicatorUnit unit, WantedDirection direction) => (unit, direction) switch
    {
        (_, WantedDirection.Range) => (50m, (40m, 60m)),
        (IndicatorUnit.Percent, WantedDirection.Down) => (50m, (20m, 20m)),
        (IndicatorUnit.Percent, _) => (0m, (80m, 80m)),
        (IndicatorUnit.ScoreOn10, WantedDirection.Down) => (10m, (5m, 5m)),
        (IndicatorUnit.ScoreOn10, _) => (0m, (8m, 8m)),
        (IndicatorUnit.Days or IndicatorUnit.Minutes, WantedDirection.Down) => (30m, (15m, 15m)),
        (_, WantedDirection.Down) => (100m, (50m, 50m)),
        _ => (0m, (100m, 100m)),
    };

    public Task<Measurement?> FindMeasurementAsync(int indicatorId, long id, CancellationToken ct) =>
        db.Measurements.FirstOrDefaultAsync(m => m.Id == id && m.IndicatorId == indicatorId, ct);

    /// <summary>Adds one measurement; a measurement already at that date is refused (edit it instead).</summary>
    public async Task<Result<Measurement>> AddMeasurementAsync(Indicator indicator, MeasurementInput input, MeasurementSource source, Person author, CancellationToken ct)
    {
        var errors = IndicatorRules.ValidateMeasurement(input, Today);
        if (errors.Count == 0 && await db.Measurements.AnyAsync(m => m.IndicatorId == indicator.Id && m.Date == input.Date, ct))
        {
            errors["Date"] = "Une mesure existe déjà à cette date : modifiez-la dans la liste des mesures.";
        }
        if (errors.Count > 0)
        {
            return Refusal.Invalid(errors);
        }
        var measurement = New(indicator, input, source, author);
        db.Measurements.Add(measurement);
        await db.SaveChangesAsync(ct);
        return measurement;
    }

    public async Task<Result<Measurement>> UpdateMeasurementAsync(Measurement measurement, MeasurementInput input, CancellationToken ct)
    {
        var errors = IndicatorRules.ValidateMeasurement(input, Today);
        if (errors.Count == 0 && input.Date != measurement.Date
            && await db.Measurements.AnyAsync(m => m.IndicatorId == measurement.IndicatorId && m.Date == input.Date && m.Id != measurement.Id, ct))
        {
            errors["Date"] = "Une autre mesure existe déjà à cette date.";
        }
        if (errors.Count > 0)
        {
            return Refusal.Invalid(errors);
        }
        measurement.Date = input.Date!.Value;
        measurement.Value = input.Value!.Value;
        measurement.Comment = Text.Clean(input.Comment);
        await db.SaveChangesAsync(ct);
        return measurement;
    }

    public async Task DeleteMeasurementAsync(Measurement measurement, CancellationToken ct)
    {
        db.Measurements.Remove(measurement);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Writes a batch of points all or nothing, idempotent on the date: an existing date is updated, never duplicated.
    /// Errors are keyed "[index].field"; <paramref name="parseErrors"/> come from the caller's parsing.
    /// </summary>
    public async Task<Result<PushCounts>> PushAsync(
        Indicator indicator, IReadOnlyList<MeasurementInput> points, Dictionary<string, string> parseErrors, MeasurementSource source, Person author, CancellationToken ct, string? authorName = null)
    {
        var errors = new Dictionary<string, string>(parseErrors);
        var today = Today;
        var seen = new Dictionary<DateOnly, int>();
        for (var i = 0; i < points.Count; i++)
        {
            foreach (var (field, message) in IndicatorRules.ValidateMeasurement(points[i], today))
            {
                errors.TryAdd($"[{i}].{char.ToLowerInvariant(field[0])}{field[1..]}", message);
            }
            if (points[i].Date is { } date)
            {
                if (seen.TryGetValue(date, out var first))
                {
                    errors.TryAdd($"[{i}].date", $"Date déjà présente au point [{first}] de la même requête.");
                }
                else
                {
                    seen[date] = i;
                }
            }
        }
        if (errors.Count > 0)
        {
            return Refusal.Invalid(errors);
        }
        var rows = points.Select(p => new MeasurementRow(p.Date!.Value, p.Value!.Value, Text.Clean(p.Comment))).ToList();
        var (created, updated) = await MeasurementWriter.UpsertAsync(db, indicator, rows, source, author.Id, authorName ?? author.DisplayName, time.GetUtcNow(), ct);
        return new PushCounts(created, updated);
    }

    private Measurement New(Indicator indicator, MeasurementInput input, MeasurementSource source, Person author) => new()
    {
        IndicatorId = indicator.Id, ProductId = indicator.ProductId, Date = input.Date!.Value, Value = input.Value!.Value,
        Comment = Text.Clean(input.Comment), Source = source, AuthorId = author.Id, AuthorName = author.DisplayName,
        CreatedAt = time.GetUtcNow(),
    };

    private async Task<Dictionary<string, string>> ValidateAsync(int productId, IndicatorInput input, CancellationToken ct)
    {
        var errors = IndicatorRules.Validate(input);
        if (input.ObjectiveId is { } objectiveId && !await db.Objectives.AnyAsync(o => o.Id == objectiveId && o.ProductId == productId, ct))
        {
            errors[nameof(input.ObjectiveId)] = "Choisissez un objectif de ce produit.";
        }
        return errors;
    }

    /// <summary>The refusal when another indicator of the product already gives this observatory measure (<see cref="IndicatorRules.ObservatoryMeasureTaken"/>).</summary>
    private async Task<Refusal?> ObservatoryMeasureTakenAsync(int productId, int? self, Domain.Portfolio.ObservatoryMeasure? measure, CancellationToken ct)
    {
        if (measure is null)
        {
            return null;
        }
        var others = await db.Indicators.AsNoTracking()
            .Where(i => i.ProductId == productId && i.ObservatoryMeasure == measure && (self == null || i.Id != self)).ToListAsync(ct);
        return IndicatorRules.ObservatoryMeasureTaken(measure, others);
    }

    private static void Apply(Indicator indicator, IndicatorInput input)
    {
        indicator.Kind = input.Kind!.Value;
        indicator.Name = input.Name!.Trim();
        indicator.Definition = Text.Clean(input.Definition);
        indicator.Unit = input.Unit!.Value;
        indicator.CustomUnit = input.Unit == IndicatorUnit.Free ? Text.Clean(input.CustomUnit) : null;
        indicator.Direction = input.Direction!.Value;
        indicator.Baseline = input.Baseline!.Value;
        indicator.BaselineDate = input.BaselineDate!.Value;
        indicator.Target = input.Target!.Value;
        indicator.TargetMax = input.Direction == WantedDirection.Range ? input.TargetMax : null;
        indicator.TargetDate = input.TargetDate!.Value;
        indicator.Frequency = input.Frequency!.Value;
        indicator.ObjectiveId = input.ObjectiveId;
        indicator.Family = input.Family;
        indicator.DataSource = Text.Clean(input.DataSource);
        indicator.ObservatoryMeasure = input.ObservatoryMeasure;
    }

}
