using Cap.Data.Seeding;
using Cap.Domain.Platform;

namespace Cap.Web.Tests.Infrastructure;

/// <summary>The demo portfolio's people that tests sign in as, read from the seed so that both stay in step.</summary>
public static class Demo
{
    /// <summary>Camille Martin, administrator.</summary>
    public static readonly string Administrateur = WithRole(GlobalRoles.Administrateur);

    /// <summary>Jean Dupont, member of the product committee.</summary>
    public static readonly string MembreComite = WithRole(GlobalRoles.MembreComite);

    /// <summary>Sophie Bernard, coach.</summary>
    public static readonly string Coach = WithRole(GlobalRoles.Coach);

    /// <summary>Hélène Petit, reader only (direction, pilotage): never writes.</summary>
    public static readonly string Lecteur = WithRole(GlobalRoles.Lecteur);

    /// <summary>Karim Benali, Responsable produit of <see cref="JourneyProductSlug"/>, no global role.</summary>
    public const string ProductOwner = DemoPortfolio.JourneyOwnerEmail;

    public const string JourneyProductSlug = DemoPortfolio.JourneyProductSlug;

    /// <summary>Number of products in the demo portfolio (archived ones included).</summary>
    public const int ProductCount = 37;

    public static int PeopleCount => DemoPortfolio.People.Length;

    /// <summary>Today in Paris, the day Cap judges dates against (between 23:00 and midnight UTC it is already tomorrow).</summary>
    public static DateOnly Today => DateOnly.FromDateTime(Cap.Web.Shared.Dates.ToParis(DateTimeOffset.UtcNow).DateTime);

    private static string WithRole(GlobalRoles role) => DemoPortfolio.People.First(p => p.Roles == role).Email;
}
