using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Cap.Data.Migrations.Postgres;

/// <summary>Lets the EF Core tools build the model for this provider without starting the web host.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<CapDbContext>
{
    public CapDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<CapDbContext>();
        options.UseNpgsql("Host=localhost;Database=cap_design;Username=cap", o => o.MigrationsAssembly(typeof(DesignTimeFactory).Assembly.GetName().Name));
        return new CapDbContext(options.Options);
    }
}
