using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Cap.Data;
using Cap.Data.Notifications;
using Cap.Domain.Platform;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Shared.Auth;

/// <summary>
/// Who may open an account through the identity provider. Off by default; when on, only the e-mail domains and the
/// ProConnect identity providers (<c>idp_id</c>) listed here: each list that is set must match, and with no list at all
/// nobody is provisioned (a switch turned on by mistake opens nothing).
/// </summary>
public sealed record OidcProvisioning(bool AutoProvision, IReadOnlyList<string> AllowedEmailDomains, IReadOnlyList<string> AllowedIdentityProviders)
{
    public const string Section = "Authentication:Oidc";

    public static OidcProvisioning From(IConfiguration configuration) => new(
        configuration.GetValue($"{Section}:AutoProvision", false),
        List(configuration, $"{Section}:AllowedEmailDomains").Select(d => d.TrimStart('@', '.').ToLowerInvariant()).ToList(),
        List(configuration, $"{Section}:AllowedIdentityProviders"));

    /// <summary>Whether a person with this e-mail and identity provider may have an account opened automatically.</summary>
    public bool Allows(string email, string? identityProvider)
    {
        if (!AutoProvision || (AllowedEmailDomains.Count == 0 && AllowedIdentityProviders.Count == 0))
        {
            return false;
        }
        var at = email.LastIndexOf('@');
        var domain = at < 0 ? string.Empty : email[(at + 1)..].ToLowerInvariant();
        // The domain itself or one of its subdomains ("social.gouv.fr" admits "sg.social.gouv.fr", never "notsocial.gouv.fr").
        var domainOk = AllowedEmailDomains.Count == 0
            || AllowedEmailDomains.Any(d => domain == d || domain.EndsWith("." + d, StringComparison.Ordinal));
        var providerOk = AllowedIdentityProviders.Count == 0
            || (identityProvider is not null && AllowedIdentityProviders.Contains(identityProvider, StringComparer.Ordinal));
        return domainOk && providerOk;
    }

    /// <summary>A list given either as an array (<c>Key:0</c>, <c>Key:1</c>…) or as one value separated by commas, semicolons or spaces.</summary>
    private static List<string> List(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        var values = section.Value is { } single
            ? [single]
            : section.GetChildren().Select(c => c.Value).OfType<string>();
        return values.SelectMany(v => v.Split([',', ';', ' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct(StringComparer.Ordinal).ToList();
    }
}

/// <summary>Why a sign-in through the identity provider was refused; each has its French page (<c>/connexion/refus/{slug}</c>).</summary>
public enum OidcRefusal
{
    MissingClaims,
    Deactivated,
    NoAccount,
    NotAllowed,
    EmailNotVerified,
    SubjectConflict,
    Failed,
}

public static class OidcRefusals
{
    public static string Slug(this OidcRefusal refusal) => refusal switch
    {
        OidcRefusal.MissingClaims => "informations-manquantes",
        OidcRefusal.Deactivated => "compte-desactive",
        OidcRefusal.NoAccount => "compte-absent",
        OidcRefusal.NotAllowed => "hors-liste",
        OidcRefusal.EmailNotVerified => "adresse-non-verifiee",
        OidcRefusal.SubjectConflict => "compte-deja-lie",
        _ => "echec",
    };

    public static OidcRefusal? FromSlug(string? slug) =>
        Enum.GetValues<OidcRefusal>().Cast<OidcRefusal?>().FirstOrDefault(r => r!.Value.Slug() == slug);

    public static string Message(this OidcRefusal refusal) => refusal switch
    {
        OidcRefusal.MissingClaims => "ProConnect n’a pas transmis votre identifiant ou votre adresse électronique : Cap ne peut pas vous reconnaître.",
        OidcRefusal.Deactivated => "Votre compte Cap est désactivé. Adressez-vous à un administrateur de Cap.",
        OidcRefusal.NoAccount => "Vous n’avez pas encore de compte dans Cap : demandez à un administrateur de Cap de vous l’ouvrir.",
        OidcRefusal.NotAllowed => "Votre adresse électronique ou votre fournisseur d’identité ne permet pas d’ouvrir un compte Cap automatiquement. Demandez à un administrateur de Cap de vous ouvrir un compte.",
        OidcRefusal.EmailNotVerified => "Votre fournisseur d’identité indique que votre adresse électronique n’est pas vérifiée : Cap ne peut pas la rattacher à un compte existant. Faites vérifier votre adresse, puis reconnectez-vous.",
        OidcRefusal.SubjectConflict => "Un compte Cap utilise déjà cette adresse électronique avec une autre identité ProConnect. Par sécurité, la connexion est refusée et les administrateurs de Cap ont été prévenus.",
        _ => "La connexion avec ProConnect n’a pas abouti. Réessayez ; si le problème persiste, adressez-vous à un administrateur de Cap.",
    };
}

/// <summary>The person a sign-in maps to, or why it is refused.</summary>
public sealed record OidcOutcome(Person? Person, OidcRefusal? Refusal, bool Provisioned = false)
{
    public static OidcOutcome Refused(OidcRefusal refusal) => new(null, refusal);
}

/// <summary>
/// Maps an identity provider's account to a Cap person: by subject (<c>sub</c>) first; then by e-mail, only for a person
/// not yet bound to another subject and only when the provider does not say the e-mail is unverified; otherwise opens
/// an account (no role, no team: it waits for an administrator) when <see cref="OidcProvisioning"/> allows it.
/// A takeover attempt (same e-mail, other subject) is refused, written in the audit trail and mailed to administrators.
/// </summary>
public static class OidcAccounts
{
    public const string ActorName = "ProConnect";

    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task<OidcOutcome> ResolveAsync(CapDbContext db, ClaimsPrincipal claims, OidcProvisioning provisioning, DateTimeOffset now, CancellationToken ct = default)
    {
        var subject = claims.FindFirstValue("sub");
        var email = claims.FindFirstValue("email")?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(subject) || string.IsNullOrEmpty(email) || email.Length > Person.EmailMaxLength || !email.Contains('@', StringComparison.Ordinal))
        {
            return OidcOutcome.Refused(OidcRefusal.MissingClaims);
        }
        var identityProvider = claims.FindFirstValue("idp_id");
        // Absent: the provider vouches for its addresses (ProConnect). Present: it must say true.
        var emailVerified = claims.FindFirstValue("email_verified") is not { } verified
            || (bool.TryParse(verified, out var isVerified) && isVerified);

        var bound = await db.People.FirstOrDefaultAsync(p => p.ExternalSubject == subject, ct);
        if (bound is not null)
        {
            return bound.IsActive ? new OidcOutcome(bound, null) : OidcOutcome.Refused(OidcRefusal.Deactivated);
        }

        var byEmail = await db.People.FirstOrDefaultAsync(p => p.Email == email, ct);
        if (byEmail is not null)
        {
            if (byEmail.ExternalSubject is not null)
            {
                await ReportSubjectConflictAsync(db, byEmail, subject, identityProvider, now, ct);
                return OidcOutcome.Refused(OidcRefusal.SubjectConflict);
            }
            if (!emailVerified)
            {
                return OidcOutcome.Refused(OidcRefusal.EmailNotVerified);
            }
            if (!byEmail.IsActive)
            {
                return OidcOutcome.Refused(OidcRefusal.Deactivated);
            }
            byEmail.ExternalSubject = subject;
            await db.SaveChangesAsync(ct);
            return new OidcOutcome(byEmail, null);
        }

        if (!provisioning.AutoProvision)
        {
            return OidcOutcome.Refused(OidcRefusal.NoAccount);
        }
        if (!emailVerified)
        {
            return OidcOutcome.Refused(OidcRefusal.EmailNotVerified);
        }
        if (!provisioning.Allows(email, identityProvider))
        {
            return OidcOutcome.Refused(OidcRefusal.NotAllowed);
        }
        var name = $"{claims.FindFirstValue("given_name")} {claims.FindFirstValue("usual_name") ?? claims.FindFirstValue("family_name")}".Trim();
        var person = new Person
        {
            Email = email,
            DisplayName = Clip(string.IsNullOrEmpty(name) ? email : name, Person.NameMaxLength),
            ExternalSubject = subject,
            Roles = GlobalRoles.None,
        };
        db.People.Add(person);
        foreach (var admin in await AdministratorsAsync(db, ct))
        {
            db.EnqueueMail(admin, AccountMails.Pending(person.DisplayName, person.Email), $"account-pending:{email}", now);
        }
        await db.SaveChangesAsync(ct);
        return new OidcOutcome(person, null, Provisioned: true);
    }

    private static async Task ReportSubjectConflictAsync(CapDbContext db, Person person, string subject, string? identityProvider, DateTimeOffset now, CancellationToken ct)
    {
        db.AuditEntries.Add(new AuditEntry
        {
            At = now,
            ActorName = ActorName,
            Action = AuditAction.Updated,
            EntityType = nameof(Person),
            EntityId = person.Id.ToString(CultureInfo.InvariantCulture),
            EntityLabel = $"Connexion ProConnect refusée : une autre identité a présenté l’adresse de {person.DisplayName}",
            After = JsonSerializer.Serialize(new Dictionary<string, string?>
            {
                ["Adresse électronique"] = person.Email,
                ["Identité présentée (sub)"] = subject,
                ["Fournisseur d’identité (idp_id)"] = identityProvider,
                ["Décision"] = "Refusée : le compte reste lié à son identité ProConnect d’origine",
            }, JsonOptions),
        });
        foreach (var admin in await AdministratorsAsync(db, ct))
        {
            db.EnqueueMail(admin, AccountMails.LinkRefused(person.DisplayName, person.Email, subject, identityProvider, now), $"account-link-refused:{person.Id}", now);
        }
        await db.SaveChangesAsync(ct);
    }

    private static Task<List<string>> AdministratorsAsync(CapDbContext db, CancellationToken ct) =>
        db.People.AsNoTracking()
            .Where(p => p.IsActive && (p.Roles & GlobalRoles.Administrateur) == GlobalRoles.Administrateur)
            .OrderBy(p => p.Id).Select(p => p.Email).ToListAsync(ct);

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..max];
}
