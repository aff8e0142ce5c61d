using Cap.Data;
using Cap.Domain.Notifications;
using Cap.Domain.Platform;
using Cap.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Digests;

/// <summary>
/// Stops a digest for the person a valid unsubscribe token names. The change is saved through a context whose audit
/// actor is that person (« par le lien du courriel »): nobody is signed in, yet the history says who asked.
/// </summary>
public sealed class DigestUnsubscriber(DbContextOptions<CapDbContext> options, DigestPreferences preferences, TimeProvider time)
{
    public async Task StopAsync(Person person, DigestKind kind, CancellationToken ct)
    {
        await using var db = new CapDbContext(options, new LinkActor(person), time);
        await preferences.SetAsync(db, person, new Dictionary<DigestKind, bool> { [kind] = false }, ct);
    }

    private sealed class LinkActor(Person person) : IAuditActor
    {
        public int? PersonId => person.Id;
        public string Name => $"{person.DisplayName} (lien de désabonnement du courriel)";
    }
}
