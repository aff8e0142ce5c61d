using Cap.Data;
using Cap.Domain;
using Cap.Domain.Roadmap;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Roadmap;

/// <summary>The roadmap's risks (probability, impact, mitigation, owner), each write saved with a revision.</summary>
public sealed class RiskRegister(CapDbContext db, RoadmapRevisionRecorder revisions)
{
    public async Task<Result<RoadmapView>> SaveRiskAsync(int productId, int? id, RiskInput input, CancellationToken ct)
    {
        var checks = new RoadmapChecks();
        Risk? risk = null;
        if (id is not null)
        {
            risk = await db.Risks.FirstOrDefaultAsync(r => r.Id == id && r.ProductId == productId, ct);
            if (risk is null)
            {
                return Refusal.NotFound(RoadmapQueries.NotFoundMessage);
            }
        }
        var title = Text.Clean(input.Title);
        checks.Required("Title", title, Risk.TitleMaxLength, "Saisissez le titre du risque.", "Le titre");
        var description = Text.Clean(input.Description);
        checks.MaxLength("Description", description, Risk.TextMaxLength, "La description");
        var mitigation = Text.Clean(input.Mitigation);
        checks.MaxLength("Mitigation", mitigation, Risk.TextMaxLength, "La mesure de réduction");
        if (input.Probability is not { } p || !RoadmapRules.IsValidScale(p))
        {
            checks.Errors["Probability"] = "Notez la probabilité de 1 (faible) à 3 (forte).";
        }
        if (input.Impact is not { } i || !RoadmapRules.IsValidScale(i))
        {
            checks.Errors["Impact"] = "Notez l’impact de 1 (faible) à 3 (fort).";
        }
        var status = input.Status ?? RiskStatus.Open;
        if (!Enum.IsDefined(status))
        {
            checks.Errors["Status"] = "Choisissez le statut : ouvert, maîtrisé ou clos.";
        }
        var owner = Text.Clean(input.OwnerName);
        if (input.OwnerPersonId is { } personId)
        {
            var member = await db.TeamMembers.Where(m => m.ProductId == productId && m.PersonId == personId)
                .Select(m => m.Person!.DisplayName).FirstOrDefaultAsync(ct);
            if (member is null)
            {
                checks.Errors["OwnerPersonId"] = "Le porteur choisi n’est pas membre de l’équipe du produit.";
            }
            else
            {
                owner = member;
            }
        }
        checks.MaxLength("OwnerName", owner, Risk.OwnerMaxLength, "Le nom du porteur");
        checks.CheckVersion(risk?.Version, input.Version);
        if (checks.Refusal is { } refused)
        {
            return refused;
        }
        var isNew = risk is null;
        if (risk is null)
        {
            risk = new Risk { ProductId = productId };
            db.Risks.Add(risk);
        }
        risk.Title = title!;
        risk.Description = description;
        risk.Probability = input.Probability!.Value;
        risk.Impact = input.Impact!.Value;
        risk.Mitigation = mitigation;
        risk.OwnerPersonId = input.OwnerPersonId;
        risk.OwnerName = owner;
        risk.Status = status;
        var summary = $"Risque « {risk.Title} » {(isNew ? "ajouté" : "modifié")} (probabilité {risk.Probability}, impact {risk.Impact}, {status.Label().ToLower(RoadmapRevisionRecorder.French)}).";
        return await revisions.CommitAsync(productId, summary, ct);
    }

    public async Task<Result<RoadmapView>> DeleteRiskAsync(int productId, int id, CancellationToken ct)
    {
        var risk = await db.Risks.FirstOrDefaultAsync(r => r.Id == id && r.ProductId == productId, ct);
        if (risk is null)
        {
            return Refusal.NotFound(RoadmapQueries.NotFoundMessage);
        }
        db.Risks.Remove(risk);
        return await revisions.CommitAsync(productId, $"Risque « {risk.Title} » retiré.", ct);
    }
}
