using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Cap.Data;
using Cap.Domain;
using Cap.Domain.Roadmap;
using Cap.Web.Shared.Auth;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Roadmap;

/// <summary>
/// Reads and writes a product's roadmap for the pages and the API alike. Every write is saved with a
/// <see cref="RoadmapRevision"/> (summary and snapshot) in the same transaction, so the history misses no change, and
/// answers the roadmap as saved. A refused write is Invalid (a field missing or malformed), a Rule's (well formed, but
/// another product's objective or indicator, a horizon beyond 6 months), a Conflict (a stale version, with the version
/// now stored) or NotFound.
/// </summary>
public sealed class RoadmapService(CapDbContext db, CurrentUser currentUser, TimeProvider time)
{
    internal static readonly JsonSerializerOptions SnapshotJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public const string ConflictMessage = "L’élément a été modifié depuis la version lue. Relisez-le, puis renvoyez vos changements.";

    public const string NotFoundMessage = "Cet élément n’existe pas dans la feuille de route de ce produit.";

    public Task<RoadmapView?> LoadAsync(int productId, CancellationToken ct) => LoadAsync(db, productId, ct);

    /// <summary>The product's roadmap as shown (and as kept in revisions' snapshots).</summary>
    public static async Task<RoadmapView?> LoadAsync(CapDbContext db, int productId, CancellationToken ct)
    {
        var product = await db.Products.AsNoTracking().Where(p => p.Id == productId).Select(p => new { p.Slug, p.Name }).FirstOrDefaultAsync(ct);
        if (product is null)
        {
            return null;
        }
        var roadmap = await db.Roadmaps.AsNoTracking().Include(r => r.Priorities).FirstOrDefaultAsync(r => r.ProductId == productId, ct);
        var priorityIds = roadmap?.Priorities.Select(p => p.ObjectiveId).ToHashSet() ?? [];
        var objectives = (await db.Objectives.AsNoTracking().Where(o => o.ProductId == productId)
                .OrderBy(o => o.Position).ThenBy(o => o.Id).Select(o => new { o.Id, o.Title }).ToListAsync(ct))
            .Select(o => new RoadmapObjectiveView(o.Id, o.Title, priorityIds.Contains(o.Id))).ToList();
        // Years of past cycles stay in the database and in the revisions, not on the current roadmap: what was delivered
        // or abandoned before the horizon starts is only counted, which keeps the page and the snapshots small.
        var horizonStart = roadmap?.HorizonStart ?? DateOnly.MinValue;
        var current = db.Initiatives.AsNoTracking().Where(i => i.ProductId == productId);
        var closedBefore = roadmap is null ? 0 : await current.CountAsync(i => i.End < horizonStart && (i.Status == InitiativeStatus.Delivered || i.Status == InitiativeStatus.Abandoned), ct);
        var initiatives = (await current.Where(i => !(i.End < horizonStart && (i.Status == InitiativeStatus.Delivered || i.Status == InitiativeStatus.Abandoned)))
                .OrderBy(i => i.Start).ThenBy(i => i.Id)
                .Select(i => new { i, ObjectiveTitle = i.Objective!.Title, IndicatorName = i.Indicator != null ? i.Indicator.Name : null })
                .ToListAsync(ct))
            .Select(x => new InitiativeView(x.i.Id, x.i.ObjectiveId, x.ObjectiveTitle, x.i.Kind, x.i.Title, x.i.Description, x.i.PeriodUnit,
                RoadmapRules.FormatPeriod(x.i.PeriodUnit, x.i.Start), RoadmapRules.FormatPeriod(x.i.PeriodUnit, x.i.End), x.i.Start, x.i.End,
                x.i.Status, x.i.IndicatorId, x.IndicatorName, x.i.ExpectedEffect, x.i.Version))
            .ToList();
        var dependencies = await db.RoadmapDependencies.AsNoTracking().Where(d => d.ProductId == productId).OrderBy(d => d.Id)
            .Select(d => new DependencyView(d.Id, d.Kind, d.TargetProduct != null ? d.TargetProduct.Name : d.Target,
                d.TargetProduct != null ? d.TargetProduct.Slug : null, d.Description, d.Status, d.Version))
            .ToListAsync(ct);
        var risks = (await db.Risks.AsNoTracking().Where(r => r.ProductId == productId).OrderBy(r => r.Id).ToListAsync(ct))
            .Select(r => new RiskView(r.Id, r.Title, r.Description, r.Probability, r.Impact, r.Score, RoadmapRules.RiskLevel(r.Probability, r.Impact),
                r.Mitigation, r.OwnerName, r.OwnerPersonId, r.Status, r.Version))
            .OrderByDescending(r => r.Status == RiskStatus.Open).ThenByDescending(r => r.Score).ThenBy(r => r.Id)
            .ToList();
        return new RoadmapView(product.Slug, product.Name,
            roadmap is null ? null : new RoadmapHorizonView(roadmap.HorizonStart, roadmap.HorizonEnd, roadmap.Version),
            objectives, initiatives, dependencies, risks)
        {
            ClosedBeforeHorizon = closedBefore,
        };
    }

    public static RoadmapView? ReadSnapshot(string json) => JsonSerializer.Deserialize<RoadmapView>(json, SnapshotJson);

    // ---- Horizon -------------------------------------------------------------------------------------

    public async Task<Result<RoadmapView>> SetHorizonAsync(int productId, HorizonInput input, CancellationToken ct)
    {
        var checks = new Checks();
        var roadmap = await db.Roadmaps.Include(r => r.Priorities).FirstOrDefaultAsync(r => r.ProductId == productId, ct);
        if (input.Start is null)
        {
            checks.Errors["Start"] = "Saisissez le début de l’horizon sous la forme jj/mm/aaaa.";
        }
        if (input.End is null)
        {
            checks.Errors["End"] = "Saisissez la fin de l’horizon sous la forme jj/mm/aaaa.";
        }
        if (input.Start is { } s && input.End is { } e && RoadmapRules.HorizonError(s, e) is { } horizonError)
        {
            checks.Errors["End"] = horizonError;
            checks.RuleRefused = true;
        }
        var wanted = input.PriorityObjectiveIds.Distinct().ToList();
        var own = await db.Objectives.Where(o => o.ProductId == productId && wanted.Contains(o.Id)).Select(o => o.Id).ToListAsync(ct);
        if (own.Count != wanted.Count)
        {
            checks.Errors["PriorityObjectiveIds"] = "Un des objectifs prioritaires choisis n’est pas un objectif de ce produit.";
            checks.RuleRefused = true;
        }
        if (roadmap is not null && input.Version is { } v && v != roadmap.Version)
        {
            checks.StaleVersion = roadmap.Version;
        }
        if (checks.Refusal is { } refused)
        {
            return refused;
        }
        if (roadmap is null)
        {
            roadmap = new ProductRoadmap { ProductId = productId };
            db.Roadmaps.Add(roadmap);
        }
        roadmap.HorizonStart = input.Start!.Value;
        roadmap.HorizonEnd = input.End!.Value;
        roadmap.Priorities.RemoveAll(p => !wanted.Contains(p.ObjectiveId));
        foreach (var id in wanted.Where(id => roadmap.Priorities.All(p => p.ObjectiveId != id)))
        {
            roadmap.Priorities.Add(new RoadmapPriority { ObjectiveId = id, ProductId = productId });
        }
        var summary = $"Horizon du {Day(roadmap.HorizonStart)} au {Day(roadmap.HorizonEnd)}, {Plural(wanted.Count, "objectif prioritaire", "objectifs prioritaires")}.";
        return await CommitAsync(productId, summary, ct);
    }

    // ---- Initiatives ---------------------------------------------------------------------------------

    public async Task<Result<RoadmapView>> SaveInitiativeAsync(int productId, int? id, InitiativeInput input, CancellationToken ct)
    {
        var checks = new Checks();
        Initiative? initiative = null;
        if (id is not null)
        {
            initiative = await db.Initiatives.FirstOrDefaultAsync(i => i.Id == id && i.ProductId == productId, ct);
            if (initiative is null)
            {
                return Refusal.NotFound(NotFoundMessage);
            }
        }
        var title = Text.Clean(input.Title);
        Required(checks, "Title", title, Initiative.TitleMaxLength, "Saisissez le titre de l’initiative.", "Le titre");
        var description = Text.Clean(input.Description);
        MaxLength(checks, "Description", description, Initiative.TextMaxLength, "La description");
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
        MaxLength(checks, "ExpectedEffect", effect, Initiative.EffectMaxLength, "L’effet attendu");
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
        CheckVersion(checks, initiative?.Version, input.Version);
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
            ? $"Initiative « {initiative.Title} » ajoutée ({initiative.Kind.Label().ToLower(French)}, {status.Label().ToLower(French)})."
            : before != status
                ? $"Initiative « {initiative.Title} » : {before!.Value.Label().ToLower(French)} → {status.Label().ToLower(French)}."
                : $"Initiative « {initiative.Title} » modifiée.";
        return await CommitAsync(productId, summary, ct);
    }

    public async Task<Result<RoadmapView>> DeleteInitiativeAsync(int productId, int id, CancellationToken ct)
    {
        var initiative = await db.Initiatives.FirstOrDefaultAsync(i => i.Id == id && i.ProductId == productId, ct);
        if (initiative is null)
        {
            return Refusal.NotFound(NotFoundMessage);
        }
        db.Initiatives.Remove(initiative);
        return await CommitAsync(productId, $"Initiative « {initiative.Title} » retirée.", ct);
    }

    // ---- Dependencies --------------------------------------------------------------------------------

    public async Task<Result<RoadmapView>> SaveDependencyAsync(int productId, int? id, DependencyInput input, CancellationToken ct)
    {
        var checks = new Checks();
        RoadmapDependency? dependency = null;
        if (id is not null)
        {
            dependency = await db.RoadmapDependencies.FirstOrDefaultAsync(d => d.Id == id && d.ProductId == productId, ct);
            if (dependency is null)
            {
                return Refusal.NotFound(NotFoundMessage);
            }
        }
        if (input.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            checks.Errors["Kind"] = "Choisissez ce dont dépend la feuille de route : autre produit, équipe, prestataire ou décision.";
        }
        var target = Text.Clean(input.Target);
        if (input.TargetProductId is { } targetProductId)
        {
            if (input.Kind != DependencyKind.Product)
            {
                checks.Errors["TargetProductId"] = "Ne choisissez un produit du catalogue que pour une dépendance à un autre produit.";
            }
            else if (targetProductId == productId)
            {
                checks.Errors["TargetProductId"] = "Un produit ne dépend pas de lui-même : choisissez un autre produit.";
            }
            else if (await db.Products.Where(p => p.Id == targetProductId).Select(p => p.Name).FirstOrDefaultAsync(ct) is { } name)
            {
                target = name;
            }
            else
            {
                checks.Errors["TargetProductId"] = "Le produit choisi n’existe pas.";
            }
        }
        Required(checks, "Target", target, RoadmapDependency.NameMaxLength, "Nommez le produit, l’équipe, le prestataire ou la décision attendue.", "Le nom");
        var description = Text.Clean(input.Description);
        MaxLength(checks, "Description", description, RoadmapDependency.TextMaxLength, "La description");
        var status = input.Status ?? DependencyStatus.Pending;
        if (!Enum.IsDefined(status))
        {
            checks.Errors["Status"] = "Choisissez le statut : en attente, bloquante ou levée.";
        }
        CheckVersion(checks, dependency?.Version, input.Version);
        if (checks.Refusal is { } refused)
        {
            return refused;
        }
        var isNew = dependency is null;
        if (dependency is null)
        {
            dependency = new RoadmapDependency { ProductId = productId };
            db.RoadmapDependencies.Add(dependency);
        }
        dependency.Kind = input.Kind!.Value;
        dependency.Target = target!;
        dependency.TargetProductId = input.TargetProductId;
        dependency.Description = description;
        dependency.Status = status;
        var summary = $"Dépendance « {dependency.Target} » {(isNew ? "ajoutée" : "modifiée")} ({status.Label().ToLower(French)}).";
        return await CommitAsync(productId, summary, ct);
    }

    public async Task<Result<RoadmapView>> DeleteDependencyAsync(int productId, int id, CancellationToken ct)
    {
        var dependency = await db.RoadmapDependencies.FirstOrDefaultAsync(d => d.Id == id && d.ProductId == productId, ct);
        if (dependency is null)
        {
            return Refusal.NotFound(NotFoundMessage);
        }
        db.RoadmapDependencies.Remove(dependency);
        return await CommitAsync(productId, $"Dépendance « {dependency.Target} » retirée.", ct);
    }

    // ---- Risks ---------------------------------------------------------------------------------------

    public async Task<Result<RoadmapView>> SaveRiskAsync(int productId, int? id, RiskInput input, CancellationToken ct)
    {
        var checks = new Checks();
        Risk? risk = null;
        if (id is not null)
        {
            risk = await db.Risks.FirstOrDefaultAsync(r => r.Id == id && r.ProductId == productId, ct);
            if (risk is null)
            {
                return Refusal.NotFound(NotFoundMessage);
            }
        }
        var title = Text.Clean(input.Title);
        Required(checks, "Title", title, Risk.TitleMaxLength, "Saisissez le titre du risque.", "Le titre");
        var description = Text.Clean(input.Description);
        MaxLength(checks, "Description", description, Risk.TextMaxLength, "La description");
        var mitigation = Text.Clean(input.Mitigation);
        MaxLength(checks, "Mitigation", mitigation, Risk.TextMaxLength, "La mesure de réduction");
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
        MaxLength(checks, "OwnerName", owner, Risk.OwnerMaxLength, "Le nom du porteur");
        CheckVersion(checks, risk?.Version, input.Version);
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
        var summary = $"Risque « {risk.Title} » {(isNew ? "ajouté" : "modifié")} (probabilité {risk.Probability}, impact {risk.Impact}, {status.Label().ToLower(French)}).";
        return await CommitAsync(productId, summary, ct);
    }

    public async Task<Result<RoadmapView>> DeleteRiskAsync(int productId, int id, CancellationToken ct)
    {
        var risk = await db.Risks.FirstOrDefaultAsync(r => r.Id == id && r.ProductId == productId, ct);
        if (risk is null)
        {
            return Refusal.NotFound(NotFoundMessage);
        }
        db.Risks.Remove(risk);
        return await CommitAsync(productId, $"Risque « {risk.Title} » retiré.", ct);
    }

    // ---- Share links ---------------------------------------------------------------------------------

    /// <summary>Creates a share link and returns its token, shown once.</summary>
    public async Task<string> CreateShareLinkAsync(int productId, string label, CancellationToken ct)
    {
        var (token, hash) = RoadmapShareLink.NewToken();
        var person = await currentUser.GetAsync(ct);
        db.RoadmapShareLinks.Add(new RoadmapShareLink { ProductId = productId, Label = label, Hash = hash, CreatedByName = person?.DisplayName ?? currentUser.Name });
        await db.SaveChangesAsync(ct);
        return token;
    }

    public async Task<bool> RevokeShareLinkAsync(int productId, int id, CancellationToken ct)
    {
        var link = await db.RoadmapShareLinks.FirstOrDefaultAsync(l => l.Id == id && l.ProductId == productId && l.RevokedAt == null, ct);
        if (link is null)
        {
            return false;
        }
        link.RevokedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The product a live share token opens, or null.</summary>
    public Task<int?> ProductOfShareTokenAsync(string token, CancellationToken ct)
    {
        var hash = Cap.Domain.Platform.ApiToken.HashSecret(token);
        return db.RoadmapShareLinks.Where(l => l.Hash == hash && l.RevokedAt == null).Select(l => (int?)l.ProductId).FirstOrDefaultAsync(ct);
    }

    // ---- Helpers -------------------------------------------------------------------------------------

    private async Task<Result<RoadmapView>> CommitAsync(int productId, string summary, CancellationToken ct)
    {
        var person = await currentUser.GetAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Changed between the check and the save: the version now stored is not known here.
            return Refusal.Conflict(ConflictMessage, currentVersion: -1);
        }
        var view = await LoadAsync(productId, ct);
        var number = (await db.RoadmapRevisions.Where(r => r.ProductId == productId).MaxAsync(r => (int?)r.Number, ct) ?? 0) + 1;
        db.RoadmapRevisions.Add(new RoadmapRevision
        {
            ProductId = productId,
            Number = number,
            At = time.GetUtcNow(),
            AuthorName = person?.DisplayName ?? currentUser.Name,
            Summary = summary.Length > RoadmapRevision.SummaryMaxLength ? summary[..(RoadmapRevision.SummaryMaxLength - 1)] + "…" : summary,
            Snapshot = JsonSerializer.Serialize(view, SnapshotJson),
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return view!;
    }

    private static void CheckVersion(Checks checks, int? current, int? read)
    {
        if (current is { } c && read is { } r && c != r)
        {
            checks.StaleVersion = c;
        }
    }

    private static void Required(Checks checks, string field, string? value, int max, string missing, string what)
    {
        if (value is null)
        {
            checks.Errors[field] = missing;
        }
        else
        {
            MaxLength(checks, field, value, max, what);
        }
    }

    private static void MaxLength(Checks checks, string field, string? value, int max, string what)
    {
        if (value is not null && value.Length > max)
        {
            checks.Errors[field] = $"{what} ne doit pas dépasser {max} caractères (actuellement {value.Length}).";
        }
    }

    /// <summary>
    /// What a write's checks found: messages by field (the input's property names), whether a roadmap rule rather than
    /// the form refused it, and the version stored when the one read is stale (a conflict keeps the field messages).
    /// </summary>
    private sealed class Checks
    {
        public Dictionary<string, string> Errors { get; } = [];
        public bool RuleRefused { get; set; }
        public int? StaleVersion { get; set; }

        public Refusal? Refusal => StaleVersion is { } current
            ? new Refusal(RefusalKind.Conflict, new Dictionary<string, string>(Errors.Prepend(new(string.Empty, ConflictMessage)))) { CurrentVersion = current }
            : Errors.Count == 0 ? null
            : RuleRefused ? Refusal.Rule(Errors) : Refusal.Invalid(Errors);
    }


    internal static string Day(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static string Plural(int count, string one, string many) => $"{count} {(count > 1 ? many : one)}";
}
