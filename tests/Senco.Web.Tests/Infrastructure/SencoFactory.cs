using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Senco.Web.Tests.Infrastructure;

/// The real app (Program.Main: build, PrepareAsync = migrations + admin bootstrap, run) on a fresh database that already
/// has the schema (TestDatabase.CreateMigrated; the app's own migration step finds nothing pending),
/// configured only the way an operator would configure it: settings, not replaced services.
public sealed class SencoFactory : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@senco.test";
    public const string AdminPassword = "a long admin passphrase for tests";
    public const int FastHashIterations = 1_000;

    public TestDatabase Database { get; } = TestDatabase.CreateMigrated();
    public string Provider => Database.Provider;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // "Testing" rather than Development: no user secrets from the developer's machine leak into a run.
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Database.Provider);
        builder.UseSetting("ConnectionStrings:Senco", Database.ConnectionString);
        builder.UseSetting("Senco:Demo", "false");
        builder.UseSetting("SENCO_ADMIN_EMAIL", AdminEmail);
        builder.UseSetting("SENCO_ADMIN_PASSWORD", AdminPassword);
        // One test client signs in dozens of people a second; the limits themselves are tested in RateLimitTests.
        builder.UseSetting("Senco:RateLimits:SignInPerMinute", "0");
        builder.UseSetting("Senco:RateLimits:ApiPerMinute", "0");
        // A fraction of the production work factor: the suite signs up and signs in thousands of people, and at 210,000
        // iterations hashing their passwords took over a third of its CPU. PasswordHashingTests checks the real default.
        builder.UseSetting(Senco.Web.Features.Account.PasswordHashing.Setting, FastHashIterations.ToString());
        // Every SQL command is logged at Information; thousands of them slow the suite and bury real errors.
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Warning");
    }

    public HttpClient CreateApiClient() => CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = false,
    });

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Database.Dispose();
    }
}
