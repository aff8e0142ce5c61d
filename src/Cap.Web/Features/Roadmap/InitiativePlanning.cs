using Cap.Data;
using Cap.Domain;
using Cap.Domain.Roadmap;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Roadmap;

/// <summary>The roadmap's initiatives: added, changed (their status too) or withdrawn, each write saved with a revision.</summary>
public sealed class InitiativePlanning(CapDbContext db, RoadmapRevisionRecorder revisions)
{
    public async Task<Result<RoadmapView>> SaveInitiativeAsync(int productId, int? id, InitiativeInput input, CancellationToken ct)
    {
        var checks = new RoadmapChecks();
        Initiative? initiative = null;
        if (id is not null)
        {
            initiative = await db.Initiatives.FirstOrDefaultAsync(i => i.Id == id && i.ProductId == productId, ct);
            if (initiative is null)
            {
                return Refusal.NotFound(RoadmapQueries.NotFoundMessage);
            }
        }
        var title = Text.Clean(input.Title);
        checks.Required("Title", title, Initiative.TitleMaxLength, "Saisissez le titre de l’initiative.", "Le titre");
        var description = Text.Clean(input.Description);
        checks.MaxLength("Description", description, Initiative.TextMaxLength, "La description");
        if (input.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            checks.Errors["Kind"] = "Choisissez le type d’initiative : fonctionnalité, expérimentation ou action.";
        }
        var status = input.Status ?? InitiativeStatus.Planned;
        if (!Enum.IsDefined(status))
        {
            checks.Errors["Status"] = "Choisissez le statut : prévu, en cours, livré ou abandonné.";
        }
        if (input.ObjectiveId is not { } objectiveId)
        {
            checks.Errors["ObjectiveId"] = "Choisissez l’objectif que sert l’initiative.";
        }
        else if (!await db.Objectives.AnyAsync(o => o.Id == objectiveId && o.ProductId == productId, ct))
        {
            checks.Errors["ObjectiveId"] = "L’objectif choisi n’est pas un objectif de ce produit : reliez l’initiative à un des objectifs du produit.";
            checks.RuleRefused = true;
        }
        var start = RoadmapRules.ParsePeriod(input.Start);
        var end = RoadmapRules.ParsePeriod(input.End);
        const string periodHint = "sous la forme aaaa-mm pour un mois ou aaaa-Sss pour une semaine, par exemple 2027-03 ou 2027-S12";
        if (start is null)
        {
            checks.Errors["Start"] = $"Saisissez le début de la période {periodHint}.";
        }
        if (end is null)
        {
            checks.Errors["End"] = $"Saisissez la fin de la période {periodHint}.";
        }
        if (start is { } s && end is { } e)
        {
            if (s.Unit != e.Unit)
            {
                checks.Errors["End"] = "Exprimez le début et la fin de la période dans la même unité : deux mois ou deux semaines.";
            }
            else if (e.Last < s.First)
            {
                checks.Errors["End"] = "La fin de la période doit être après son début.";
            }
        }
        var effect = Text.Clean(input.ExpectedEffect);
        checks.MaxLength("ExpectedEffect", effect, Initiative.EffectMaxLength, "L’effet attendu");
        if (input.IndicatorId is { } indicatorId)
        {
            if (!await db.Indicators.AnyAsync(i => i.Id == indicatorId && i.ProductId == productId, ct))
            {
                checks.Errors["IndicatorId"] = "L’indicateur choisi n’est pas un indicateur de ce produit.";
                checks.RuleRefused = true;
            }
        }
        else if (effect is not null)
        {
            checks.Errors["IndicatorId"] = "Choisissez l’indicateur sur lequel l’effet est attendu, ou videz l’effet attendu.";
        }
        checks.CheckVersion(initiative?.Version, input.Version);
        if (checks.Refusal is { } refused)
        {
            return refused;
        }
        var isNew = initiative is null;
        var before = initiative?.Status;
        if (initiative is null)
        {
            initiative = new Initiative { ProductId = productId };
            db.Initiatives.Add(initiative);
        }
        initiative.ObjectiveId = input.ObjectiveId!.Value;
        initiative.Kind = input.Kind!.Value;
        initiative.Title = title!;
        initiative.Description = description;
        initiative.PeriodUnit = start!.Value.Unit;
        initiative.Start = start.Value.First;
        initiative.End = end!.Value.Last;
        initiative.Status = status;
        initiative.IndicatorId = input.IndicatorId;
        initiative.ExpectedEffect = effect;
        var summary = isNew
            ? $"Initiative « {initiative.Title} » ajoutée ({initiative.Kind.Label().ToLower(RoadmapRevisionRecorder.French)}, {status.Label().ToLower(RoadmapRevisionRecorder.French)})."
            : before != status
                ? $"Initiative « {initiative.Title} » : {before!.Value.Label().ToLower(RoadmapRevisionRecorder.French)} → {status.Label().ToLower(RoadmapRevisionRecorder.French)}."
                : $"Initiative « {initiative.Title} » modifiée.";
        return await revisions.CommitAsync(productId, summary, ct);
    }

    public async Task<Result<RoadmapView>> DeleteInitiativeAsync(int productId, int id, CancellationToken ct)
    {
        var initiative = await db.Initiatives.FirstOrDefaultAsync(i => i.Id == id && i.ProductId == productId, ct);
        if (initiative is null)
        {
            return Refusal.NotFound(RoadmapQueries.NotFoundMessage);
        }
        db.Initiatives.Remove(initiative);
        return await revisions.CommitAsync(productId, $"Initiative « {initiative.Title} » retirée.", ct);
    }
}
