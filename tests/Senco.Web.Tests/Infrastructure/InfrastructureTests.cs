using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Senco.Data;

namespace Senco.Web.Tests.Infrastructure;

/// The suite really runs on the database it was asked for (a mis-wired setting would silently fall back to a
/// SQLite file under the app folder and hide every PostgreSQL bug).
public sealed class InfrastructureTests(TestWorld world) : IClassFixture<TestWorld>
{
    [Fact]
    public void The_app_uses_the_database_chosen_by_SENCO_TEST_DB()
    {
        var (scope, db) = world.SystemDb();
        using (scope)
        {
            var expected = TestDatabase.SelectedProvider() == "Postgres" ? "Npgsql.EntityFrameworkCore.PostgreSQL" : "Microsoft.EntityFrameworkCore.Sqlite";
            Assert.Equal(expected, db.Database.ProviderName);
            if (TestDatabase.SelectedProvider() == "Postgres")
            {
                // The same server and database; Senco adds its own default (automatic preparation) to the string.
                var want = new Npgsql.NpgsqlConnectionStringBuilder(world.Factory.Database.ConnectionString);
                var got = new Npgsql.NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());
                Assert.Equal((want.Host, want.Port, want.Database, want.Username), (got.Host, got.Port, got.Database, got.Username));
                Assert.Equal(64, got.MaxAutoPrepare);
            }
            else Assert.Equal(world.Factory.Database.ConnectionString, db.Database.GetConnectionString());
            Assert.Equal(3, db.Schools.Count());
        }
    }
}
