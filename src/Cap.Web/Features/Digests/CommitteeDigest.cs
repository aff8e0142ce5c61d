using System.Diagnostics;
using Cap.Data;
using Cap.Data.Notifications;
using Cap.Domain.Catalogue;
using Cap.Domain.Committee;
using Cap.Domain.Notifications;
using Cap.Domain.Platform;
using Cap.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Digests;

/// <summary>
/// The committee digest (decision 0022): <see cref="DigestOptions.CommitteeDigestOptions.DaysBefore"/> days before a
/// planned session, its agenda (the requests scheduled in it: product, kind, requested phase) and each dossier's link,
/// to the committee's members (the people holding the « membre du comité produit » role, and those already recorded as
/// the session's members) who did not opt out. One run per session; a session with an empty agenda mails nobody.
/// </summary>
public sealed class CommitteeDigest(CapDbContext db, DigestRuns runs, UnsubscribeTokens tokens, DigestLinks links, TimeProvider time)
{
    /// <summary>The planned sessions whose digest is due now and not generated yet.</summary>
    public async Task<List<int>> DueSessionsAsync(int daysBefore, TimeOnly at, CancellationToken ct)
    {
        var parisNow = Dates.ToParis(time.GetUtcNow()).DateTime;
        var today = DateOnly.FromDateTime(parisNow);
        var last = today.AddDays(Math.Max(0, daysBefore));
        var sessions = await db.CommitteeSessions.AsNoTracking()
            .Where(s => s.Status == SessionStatus.Planifiee && s.Date >= today && s.Date <= last)
            .Select(s => new { s.Id, s.Date }).ToListAsync(ct);
        var done = await db.DigestRuns.AsNoTracking().Where(r => r.Kind == DigestKind.Committee).Select(r => r.ScopeId).ToListAsync(ct);
        return sessions.Where(s => DigestRules.CommitteeDue(s.Date, parisNow, daysBefore, at) && !done.Contains(s.Id)).Select(s => s.Id).ToList();
    }

    public async Task<DigestOutcome?> GenerateAsync(int sessionId, string trigger, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var session = await db.CommitteeSessions.AsNoTracking().Where(s => s.Id == sessionId).Select(s => new { s.Id, s.Date }).FirstOrDefaultAsync(ct);
        if (session is null)
        {
            return null;
        }
        var key = session.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        if (await runs.ExistsAsync(DigestKind.Committee, key, session.Id, ct))
        {
            return new DigestOutcome(DigestKind.Committee, key, session.Id, false, 0, 0);
        }
        var agenda = (await db.GateRequests.AsNoTracking()
            .Where(r => r.SessionId == session.Id && r.Status != GateRequestStatus.Retiree && r.Status != GateRequestStatus.Brouillon)
            .OrderBy(r => r.Product!.Name).ThenBy(r => r.Id)
            .Select(r => new { r.Id, r.Product!.Name, r.Product.Slug, r.Kind, r.FromPhase, r.TargetPhase })
            .ToListAsync(ct))
            .Select(r => new AgendaItem(r.Id, r.Name, r.Slug, r.Kind.Label(), CommitteeLabels.Subject(r.Kind, r.FromPhase, r.TargetPhase), r.TargetPhase.Label()))
            .ToList();
        var mails = new List<DigestMail>();
        if (agenda.Count > 0)
        {
            var optedOut = (await DigestPreferences.OptedOutAsync(db, DigestKind.Committee, ct)).ToHashSet();
            var present = db.SessionMembers.Where(m => m.SessionId == session.Id).Select(m => m.PersonId);
            var members = await db.People.AsNoTracking()
                .Where(p => p.IsActive && ((p.Roles & GlobalRoles.MembreComite) != 0 || present.Contains(p.Id)))
                .OrderBy(p => p.Id).Select(p => new { p.Id, p.DisplayName, p.Email }).ToListAsync(ct);
            var baseUrl = links.Base();
            foreach (var m in members.Where(m => !optedOut.Contains(m.Id)))
            {
                mails.Add(new DigestMail(m.Email, DigestMails.Committee(m.DisplayName, session.Date, session.Id, agenda, baseUrl, tokens.Links(baseUrl, m.Id, DigestKind.Committee))));
            }
        }
        return await runs.SaveAsync(DigestKind.Committee, key, session.Id, trigger, agenda.Count, mails, clock, null, ct);
    }
}
