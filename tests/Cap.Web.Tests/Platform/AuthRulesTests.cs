using System.Security.Claims;
using Cap.Data;
using Cap.Domain.Platform;
using Cap.Web.Shared.Auth;
using Cap.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cap.Web.Tests.Platform;

/// <summary>The provisioning allow-lists and the session lifetime settings, as read from configuration.</summary>
public sealed class AuthConfigurationTests
{
    private static IConfiguration Config(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void Provisioning_is_off_by_default_and_off_in_the_shipped_settings()
    {
        Assert.False(OidcProvisioning.From(Config()).AutoProvision);
        var shipped = new ConfigurationBuilder().AddJsonFile(Path.Combine(RepoRoot(), "src", "Cap.Web", "appsettings.json")).Build();
        Assert.False(OidcProvisioning.From(shipped).AutoProvision);
        Assert.False(OidcProvisioning.From(shipped).Allows("agent@sante.gouv.fr", "idp"));
    }

    [Fact]
    public void Switched_on_without_any_allow_list_it_provisions_nobody()
    {
        var provisioning = OidcProvisioning.From(Config(("Authentication:Oidc:AutoProvision", "true")));

        Assert.True(provisioning.AutoProvision);
        Assert.False(provisioning.Allows("agent@sante.gouv.fr", "idp-ministeres-sociaux"));
    }

    [Theory]
    [InlineData("agent@sante.gouv.fr", true)]
    [InlineData("agent@ars.sante.gouv.fr", true)]
    [InlineData("AGENT@Travail.Gouv.Fr", true)]
    [InlineData("agent@notsante.gouv.fr", false)]
    [InlineData("agent@sante.gouv.fr.exemple.com", false)]
    [InlineData("agent@exemple.com", false)]
    public void The_e_mail_domain_list_admits_its_domains_and_their_subdomains_only(string email, bool allowed)
    {
        var provisioning = OidcProvisioning.From(Config(("Authentication:Oidc:AutoProvision", "true"), ("Authentication:Oidc:AllowedEmailDomains", "sante.gouv.fr, @travail.gouv.fr")));

        Assert.Equal(allowed, provisioning.Allows(email, identityProvider: null));
    }

    [Fact]
    public void The_identity_provider_list_reads_an_array_and_each_configured_list_must_match()
    {
        var provisioning = OidcProvisioning.From(Config(
            ("Authentication:Oidc:AutoProvision", "true"),
            ("Authentication:Oidc:AllowedIdentityProviders:0", "idp-ministeres-sociaux"),
            ("Authentication:Oidc:AllowedIdentityProviders:1", "idp-ars"),
            ("Authentication:Oidc:AllowedEmailDomains", "sante.gouv.fr")));

        Assert.True(provisioning.Allows("agent@sante.gouv.fr", "idp-ars"));
        Assert.False(provisioning.Allows("agent@sante.gouv.fr", "idp-autre"));
        Assert.False(provisioning.Allows("agent@sante.gouv.fr", null));
        Assert.False(provisioning.Allows("agent@exemple.com", "idp-ars"));
    }

    [Fact]
    public void Sessions_last_60_minutes_idle_and_10_hours_at_most_by_default()
    {
        var lifetime = SessionLifetime.From(Config());

        Assert.Equal(TimeSpan.FromMinutes(60), lifetime.Idle);
        Assert.Equal(TimeSpan.FromHours(10), lifetime.Absolute);
    }

    [Theory]
    [InlineData("13", "60")]
    [InlineData("0", "60")]
    [InlineData("2", "121")]
    [InlineData("2", "0")]
    public void A_session_setting_beyond_the_limits_refuses_to_start(string absoluteHours, string idleMinutes)
    {
        var error = Assert.Throws<InvalidOperationException>(() => SessionLifetime.From(Config(
            ("Authentication:Session:AbsoluteHours", absoluteHours), ("Authentication:Session:IdleMinutes", idleMinutes))));

        Assert.Contains("Authentication:Session:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_session_is_over_at_its_absolute_lifetime_and_without_its_issue_date()
    {
        var lifetime = new SessionLifetime(TimeSpan.FromMinutes(60), TimeSpan.FromHours(10));
        var signedIn = new DateTimeOffset(2026, 12, 4, 8, 0, 0, TimeSpan.Zero);
        var user = CapClaims.For(new Person { Id = 1, DisplayName = "Camille", Email = "c@exemple.gouv.fr" }, "test", "demo", signedIn);

        Assert.False(lifetime.IsExpired(user, signedIn.AddHours(9).AddMinutes(59)));
        Assert.True(lifetime.IsExpired(user, signedIn.AddHours(10)));
        Assert.True(lifetime.IsExpired(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "1")], "test")), signedIn));
    }

    internal static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Cap.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }
}

/// <summary>How an identity provider's account maps to a Cap person (<see cref="OidcAccounts"/>), on the demo database.</summary>
public sealed class AuthAccountLinkingTests(SqliteCapFactory factory) : IClassFixture<SqliteCapFactory>
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 9, 0, 0, TimeSpan.Zero);
    private static readonly OidcProvisioning Open = new(true, ["sante.gouv.fr"], []);
    private static readonly OidcProvisioning Closed = new(false, [], []);

    private static ClaimsPrincipal Claims(string sub, string email, string? emailVerified = "True", string? idp = "idp-ministeres-sociaux")
    {
        var claims = new List<Claim> { new("sub", sub), new("email", email), new("given_name", "Prénom"), new("usual_name", "Nom") };
        if (emailVerified is not null)
        {
            claims.Add(new Claim("email_verified", emailVerified));
        }
        if (idp is not null)
        {
            claims.Add(new Claim("idp_id", idp));
        }
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "oidc"));
    }

    private async Task<T> WithDbAsync<T>(Func<CapDbContext, Task<T>> work)
    {
        using var scope = factory.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<CapDbContext>());
    }

    private Task<OidcOutcome> ResolveAsync(ClaimsPrincipal claims, OidcProvisioning provisioning) =>
        WithDbAsync(db => OidcAccounts.ResolveAsync(db, claims, provisioning, Now));

    [Fact]
    public async Task An_existing_person_is_linked_by_e_mail_when_the_provider_does_not_say_it_is_unverified()
    {
        var outcome = await ResolveAsync(Claims("sub-julie", "Julie.Moreau@demo.cap.gouv.fr", emailVerified: null), Closed);

        Assert.Null(outcome.Refusal);
        Assert.Equal("julie.moreau@demo.cap.gouv.fr", outcome.Person!.Email);
        Assert.Equal("sub-julie", await WithDbAsync(db => db.People.Where(p => p.Email == "julie.moreau@demo.cap.gouv.fr").Select(p => p.ExternalSubject).SingleAsync()));
        // The next sign-in finds the person by subject, whatever the e-mail says now.
        var again = await ResolveAsync(Claims("sub-julie", "julie.moreau@ailleurs.gouv.fr"), Closed);
        Assert.Equal(outcome.Person.Id, again.Person!.Id);
    }

    [Fact]
    public async Task An_unverified_e_mail_is_never_linked()
    {
        var outcome = await ResolveAsync(Claims("sub-thomas", "thomas.leroy@demo.cap.gouv.fr", emailVerified: "False"), Open);

        Assert.Equal(OidcRefusal.EmailNotVerified, outcome.Refusal);
        Assert.Null(await WithDbAsync(db => db.People.Where(p => p.Email == "thomas.leroy@demo.cap.gouv.fr").Select(p => p.ExternalSubject).SingleAsync()));
    }

    [Fact]
    public async Task A_bound_person_is_not_taken_over_by_another_subject_and_administrators_are_told()
    {
        var amina = await WithDbAsync(async db =>
        {
            var person = await db.People.SingleAsync(p => p.Email == "amina.diallo@demo.cap.gouv.fr");
            person.ExternalSubject = "sub-amina";
            await db.SaveChangesAsync();
            return person.Id;
        });

        var outcome = await ResolveAsync(Claims("sub-intrus", "amina.diallo@demo.cap.gouv.fr"), Open);

        Assert.Equal(OidcRefusal.SubjectConflict, outcome.Refusal);
        Assert.Null(outcome.Person);
        Assert.Equal("sub-amina", await WithDbAsync(db => db.People.Where(p => p.Id == amina).Select(p => p.ExternalSubject).SingleAsync()));
        var audit = await WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "Person" && a.EntityId == amina.ToString(System.Globalization.CultureInfo.InvariantCulture) && a.ActorName == OidcAccounts.ActorName).ToListAsync());
        Assert.Contains("sub-intrus", Assert.Single(audit).After, StringComparison.Ordinal);
        var admins = await WithDbAsync(db => db.People.Where(p => p.IsActive && p.Roles == GlobalRoles.Administrateur).Select(p => p.Email).ToListAsync());
        var mails = await WithDbAsync(db => db.OutboxMails.Where(m => m.Topic == $"account-link-refused:{amina}").Select(m => m.To).ToListAsync());
        Assert.NotEmpty(admins);
        Assert.All(admins, a => Assert.Contains(a, mails));
    }

    [Fact]
    public async Task Without_provisioning_an_unknown_agent_is_refused_and_with_it_gets_an_account_without_role_or_team()
    {
        var refused = await ResolveAsync(Claims("sub-new-1", "nouveau.un@sante.gouv.fr"), Closed);
        Assert.Equal(OidcRefusal.NoAccount, refused.Refusal);
        Assert.False(await WithDbAsync(db => db.People.AnyAsync(p => p.Email == "nouveau.un@sante.gouv.fr")));

        var outside = await ResolveAsync(Claims("sub-new-2", "nouveau.deux@exemple.com"), Open);
        Assert.Equal(OidcRefusal.NotAllowed, outside.Refusal);

        var unverified = await ResolveAsync(Claims("sub-new-3", "nouveau.trois@sante.gouv.fr", emailVerified: "false"), Open);
        Assert.Equal(OidcRefusal.EmailNotVerified, unverified.Refusal);

        var provisioned = await ResolveAsync(Claims("sub-new-4", "nouveau.quatre@sante.gouv.fr"), Open);
        Assert.True(provisioned.Provisioned);
        var person = await WithDbAsync(db => db.People.AsNoTracking().SingleAsync(p => p.Email == "nouveau.quatre@sante.gouv.fr"));
        Assert.Equal(GlobalRoles.None, person.Roles);
        Assert.Equal("sub-new-4", person.ExternalSubject);
        Assert.Equal("Prénom Nom", person.DisplayName);
        Assert.False(await WithDbAsync(db => db.TeamMembers.AnyAsync(m => m.PersonId == person.Id)));
        Assert.True(Access.IsAwaitingAccess(person, isTeamMember: false));
    }

    [Fact]
    public async Task Every_demo_person_reads_the_portfolio_but_the_one_who_shows_a_pending_account()
    {
        var awaiting = await WithDbAsync(db => db.People.Where(p => p.IsDemo && p.IsActive && p.Roles == GlobalRoles.None && !db.TeamMembers.Any(m => m.PersonId == p.Id)).Select(p => p.Email).ToListAsync());

        Assert.Equal([Cap.Data.Seeding.DemoPortfolio.AwaitingAccessEmail], awaiting);
    }
}
