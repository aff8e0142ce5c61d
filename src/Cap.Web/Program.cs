using Cap.Web.Shared.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddCap();

var app = builder.Build();
await app.UseCapAsync();
await app.RunAsync();

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
