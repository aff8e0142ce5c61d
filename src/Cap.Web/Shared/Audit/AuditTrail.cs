using System.Globalization;
using System.Text.Json;
using Cap.Data;
using Cap.Domain.Platform;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Shared.Audit;

/// <summary>Filters of the audit trail (administration journal and product history).</summary>
public sealed record AuditFilter
{
    public const int PageSize = 30;
    public string? EntityType { get; init; }
    public int? PersonId { get; init; }
    public int? ProductId { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public int Page { get; init; } = 1;
}

/// <summary>Model of the _AuditEntries partial.</summary>
public sealed record AuditList(PagedResult<AuditEntry> Entries, IReadOnlyDictionary<string, string> Names, string Caption);

/// <summary>One changed field of an audit entry, for display.</summary>
public sealed record AuditChange(string Field, string? Before, string? After);

/// <summary>Reads the audit trail written by <see cref="CapDbContext"/> and presents it in French.</summary>
public static class AuditTrail
{
    public static readonly IReadOnlyDictionary<string, string> EntityLabels = new Dictionary<string, string>
    {
        ["Product"] = "Produit",
        ["TeamMember"] = "Membre d’équipe",
        ["Person"] = "Personne",
        ["Directorate"] = "Direction",
        ["BusinessDomain"] = "Domaine",
        ["MinistryPriority"] = "Priorité ministérielle",
        ["Typology"] = "Typologie",
        ["ApiToken"] = "Jeton d’API",
    };

    private static readonly Dictionary<string, string> FieldLabels = new()
    {
        ["Name"] = "Nom", ["Slug"] = "Identifiant d’adresse", ["Summary"] = "Résumé", ["DirectorateId"] = "Direction",
        ["DomainId"] = "Domaine", ["TypologyId"] = "Typologie", ["Phase"] = "Phase", ["Url"] = "Adresse du service",
        ["Users"] = "Usagers", ["KeyFigures"] = "Chiffres clés", ["IsArchived"] = "Archivé", ["ArchivedAt"] = "Archivé le",
        ["PersonId"] = "Personne", ["ProductId"] = "Produit", ["Role"] = "Rôle", ["DisplayName"] = "Nom affiché",
        ["Email"] = "Adresse électronique", ["Organisation"] = "Organisation", ["Roles"] = "Rôles", ["IsActive"] = "Actif",
        ["Code"] = "Code", ["Description"] = "Description", ["RevokedAt"] = "Révoqué le", ["ExpiresAt"] = "Expire le",
        ["Prefix"] = "Début du jeton", ["IsDemo"] = "Démonstration", ["ExternalSubject"] = "Identifiant ProConnect", ["Id"] = "Identifiant",
    };

    public static string EntityLabel(string entityType) => EntityLabels.GetValueOrDefault(entityType, entityType);

    public static string ActionLabel(AuditAction action) => action switch
    {
        AuditAction.Created => "Création",
        AuditAction.Updated => "Modification",
        AuditAction.Deleted => "Suppression",
        _ => action.ToString(),
    };

    public static async Task<PagedResult<AuditEntry>> SearchAsync(CapDbContext db, AuditFilter filter, CancellationToken ct)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrEmpty(filter.EntityType))
        {
            query = query.Where(a => a.EntityType == filter.EntityType);
        }
        if (filter.PersonId is { } person)
        {
            query = query.Where(a => a.PersonId == person);
        }
        if (filter.ProductId is { } product)
        {
            query = query.Where(a => a.ProductId == product);
        }
        if (filter.From is { } from)
        {
            var start = Dates.StartOfParisDay(from);
            query = query.Where(a => a.At >= start);
        }
        if (filter.To is { } to)
        {
            var end = Dates.StartOfParisDay(to.AddDays(1));
            query = query.Where(a => a.At < end);
        }
        var total = await query.CountAsync(ct);
        var page = Math.Max(1, filter.Page);
        var items = await query.OrderByDescending(a => a.Id)
            .Skip((page - 1) * AuditFilter.PageSize).Take(AuditFilter.PageSize).ToListAsync(ct);
        return new PagedResult<AuditEntry>(items, total, page, AuditFilter.PageSize);
    }

    /// <summary>The entry's fields with values before and after, references shown as ids resolved by <paramref name="names"/> when given.</summary>
    public static IReadOnlyList<AuditChange> Changes(AuditEntry entry, IReadOnlyDictionary<string, string>? names = null)
    {
        var before = Parse(entry.Before);
        var after = Parse(entry.After);
        return before.Keys.Union(after.Keys)
            .Where(k => k != "Id" || entry.Action != AuditAction.Updated)
            .Select(k => new AuditChange(
                FieldLabels.GetValueOrDefault(k, k),
                Display(k, before.TryGetValue(k, out var b) ? b : null, names),
                Display(k, after.TryGetValue(k, out var a) ? a : null, names)))
            .Where(c => c.Before != c.After)
            .ToList();
    }

    private static Dictionary<string, JsonElement> Parse(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json) ?? [];

    private static string? Display(string field, JsonElement? value, IReadOnlyDictionary<string, string>? names)
    {
        if (value is not { } v || v.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return null;
        }
        var text = v.ValueKind switch
        {
            JsonValueKind.True => "oui",
            JsonValueKind.False => "non",
            JsonValueKind.String => v.GetString(),
            _ => v.GetRawText(),
        };
        if (names is not null && field.EndsWith("Id", StringComparison.Ordinal) && names.TryGetValue($"{field}:{text}", out var name))
        {
            return name;
        }
        if (v.ValueKind == JsonValueKind.String && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var date) && text!.Contains('T', StringComparison.Ordinal))
        {
            return Dates.WithTime(date);
        }
        return text;
    }


    /// <summary>Names for the ids that audit entries mention (directorates, domains, typologies, people, products).</summary>
    public static async Task<Dictionary<string, string>> ReferenceNamesAsync(CapDbContext db, IEnumerable<AuditEntry> entries, CancellationToken ct)
    {
        var names = new Dictionary<string, string>();
        foreach (var d in await db.Directorates.AsNoTracking().Select(x => new { x.Id, x.Code }).ToListAsync(ct)) { names[$"DirectorateId:{d.Id}"] = d.Code; }
        foreach (var d in await db.Domains.AsNoTracking().Select(x => new { x.Id, x.Name }).ToListAsync(ct)) { names[$"DomainId:{d.Id}"] = d.Name; }
        foreach (var d in await db.Typologies.AsNoTracking().Select(x => new { x.Id, x.Name }).ToListAsync(ct)) { names[$"TypologyId:{d.Id}"] = d.Name; }
        var personIds = new HashSet<int>();
        var productIds = new HashSet<int>();
        foreach (var e in entries)
        {
            foreach (var json in new[] { e.Before, e.After })
            {
                var values = Parse(json);
                if (values.TryGetValue("PersonId", out var p) && p.ValueKind == JsonValueKind.Number) { personIds.Add(p.GetInt32()); }
                if (values.TryGetValue("ProductId", out var q) && q.ValueKind == JsonValueKind.Number) { productIds.Add(q.GetInt32()); }
            }
        }
        foreach (var p in await db.People.AsNoTracking().Where(x => personIds.Contains(x.Id)).Select(x => new { x.Id, x.DisplayName }).ToListAsync(ct)) { names[$"PersonId:{p.Id}"] = p.DisplayName; }
        foreach (var p in await db.Products.AsNoTracking().Where(x => productIds.Contains(x.Id)).Select(x => new { x.Id, x.Name }).ToListAsync(ct)) { names[$"ProductId:{p.Id}"] = p.Name; }
        return names;
    }
}
