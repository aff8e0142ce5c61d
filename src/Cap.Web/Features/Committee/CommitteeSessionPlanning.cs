using Cap.Data;
using Cap.Domain;
using Cap.Domain.Committee;
using Cap.Domain.Platform;
using Cap.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Committee;

/// <summary>Plans a committee session: its date, the members expected, its notes.</summary>
public sealed class CommitteeSessionPlanning(CapDbContext db, TimeProvider time)
{
    public DateOnly Today => time.ParisToday();

    public async Task<Result<CommitteeSession>> PlanSessionAsync(DateOnly? date, IReadOnlyCollection<int> memberIds, string? notes, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        if (GateRules.SessionDateRefusal(date, Today) is { } refusal)
        {
            errors["Date"] = refusal;
        }
        var members = await EligibleMembersAsync(ct);
        if (memberIds.Any(id => members.All(m => m.Id != id)))
        {
            errors["MemberIds"] = "Une des personnes choisies n’est pas membre du comité produit.";
        }
        var cleanNotes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim();
        if (cleanNotes is { Length: > CommitteeSession.NotesMaxLength })
        {
            errors["Notes"] = $"Les notes ne doivent pas dépasser {CommitteeSession.NotesMaxLength} caractères.";
        }
        if (errors.Count > 0)
        {
            return Refusal.Rule(errors);
        }
        var session = new CommitteeSession { Date = date!.Value, Notes = cleanNotes };
        session.Members.AddRange(memberIds.Distinct().Select(id => new SessionMember { PersonId = id }));
        db.CommitteeSessions.Add(session);
        await db.SaveChangesAsync(ct);
        return session;
    }

    /// <summary>People who may be recorded as present: committee members and administrators.</summary>
    public Task<List<Person>> EligibleMembersAsync(CancellationToken ct) =>
        db.People.AsNoTracking()
            .Where(p => p.IsActive && ((p.Roles & GlobalRoles.MembreComite) != 0 || (p.Roles & GlobalRoles.Administrateur) != 0))
            .OrderBy(p => p.DisplayName).ToListAsync(ct);
}
