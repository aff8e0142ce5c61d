using Cap.Data;
using Cap.Domain;
using Cap.Domain.Notifications;
using Cap.Domain.Platform;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Shared;

/// <summary>
/// Which digests a person receives (decision 0022), shared by « Mon compte », the API (<c>/api/v1/me/digests</c>), the
/// unsubscribe link and the digests' generation. Without a stored choice, <see cref="DigestRules.ReceivesByDefault"/>
/// (opt-out). The committee's digest only concerns the committee's members.
/// </summary>
public sealed class DigestPreferences(CapDbContext db, TimeProvider time)
{
    /// <summary>One digest as the person sees it: whether it concerns them and whether they receive it.</summary>
    public sealed record Choice(DigestKind Kind, bool Applies, bool Receives);

    /// <summary>Whether a digest concerns the person at all (the committee's: its members only).</summary>
    public static bool Applies(Person person, DigestKind kind) => kind switch
    {
        DigestKind.Committee => person.Has(GlobalRoles.MembreComite),
        _ => true,
    };

    public async Task<IReadOnlyList<Choice>> ForAsync(Person person, CancellationToken ct)
    {
        var stored = await db.DigestPreferences.AsNoTracking().Where(p => p.PersonId == person.Id)
            .ToDictionaryAsync(p => p.Kind, p => p.Receives, ct);
        return DigestKinds.All
            .Select(k => new Choice(k, Applies(person, k), stored.TryGetValue(k, out var r) ? r : DigestRules.ReceivesByDefault(k)))
            .ToList();
    }

    /// <summary>The people who said no to a digest (the generation's one read of preferences).</summary>
    public static Task<List<int>> OptedOutAsync(CapDbContext db, DigestKind kind, CancellationToken ct) =>
        db.DigestPreferences.AsNoTracking().Where(p => p.Kind == kind && !p.Receives).Select(p => p.PersonId).ToListAsync(ct);

    /// <summary>
    /// Stores the person's choices (only those that differ from what is stored, each change audited); a digest that does
    /// not concern them is refused for its field.
    /// </summary>
    public async Task<Result<IReadOnlyList<Choice>>> SetAsync(Person person, IReadOnlyDictionary<DigestKind, bool> choices, CancellationToken ct) =>
        await SetAsync(db, person, choices, ct);

    /// <summary>The same through another context (the unsubscribe link saves under its own audit actor).</summary>
    public async Task<Result<IReadOnlyList<Choice>>> SetAsync(CapDbContext context, Person person, IReadOnlyDictionary<DigestKind, bool> choices, CancellationToken ct)
    {
        var refused = choices.Where(c => c.Value && !Applies(person, c.Key)).Select(c => c.Key).ToList();
        if (refused.Count > 0)
        {
            return Refusal.Rule(refused[0].ToString(), $"« {refused[0].Label()} » n’est envoyé qu’aux membres du comité produit.");
        }
        var stored = await context.DigestPreferences.Where(p => p.PersonId == person.Id).ToDictionaryAsync(p => p.Kind, ct);
        foreach (var (kind, receives) in choices)
        {
            if (!Applies(person, kind))
            {
                continue; // Not sent to them anyway.
            }
            if (stored.TryGetValue(kind, out var row))
            {
                row.Receives = receives;
            }
            else if (receives != DigestRules.ReceivesByDefault(kind))
            {
                context.DigestPreferences.Add(new DigestPreference { PersonId = person.Id, Kind = kind, Receives = receives });
            }
        }
        await context.SaveChangesAsync(ct);
        return Result<IReadOnlyList<Choice>>.Ok(await new DigestPreferences(context, time).ForAsync(person, ct));
    }
}
