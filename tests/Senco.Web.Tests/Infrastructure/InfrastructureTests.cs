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
            Assert.Equal(world.Factory.Database.ConnectionString, db.Database.GetConnectionString());
            Assert.Equal(3, db.Schools.Count());
        }
    }
}
