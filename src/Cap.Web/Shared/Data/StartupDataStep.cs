using Cap.Data;

namespace Cap.Web.Shared.Data;

/// <summary>
/// A capability's own data work at start-up, run by <see cref="DatabaseSetup.MigrateAndSeedAsync"/> once the
/// database is migrated and seeded: demo data of its own (<see cref="DemoOnly"/>), or rows derived from others that an
/// upgrade or the demo left missing. Registered by the capability (<see cref="StartupDataSteps.AddStartupDataStep"/>), so that the
/// database setup knows no capability.
/// </summary>
/// <param name="RunAsync">Given the system's context (audited as the system) and the start-up scope's services.</param>
public sealed record StartupDataStep(bool DemoOnly, Func<CapDbContext, IServiceProvider, Task> RunAsync);

public static class StartupDataSteps
{
    public static IServiceCollection AddStartupDataStep(this IServiceCollection services, bool demoOnly, Func<CapDbContext, IServiceProvider, Task> runAsync) =>
        services.AddSingleton(new StartupDataStep(demoOnly, runAsync));
}
