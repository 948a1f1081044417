using Npgsql;
using Senco.Data;

namespace Senco.Web.Tests.Operations;

/// Senco asks Npgsql to prepare its repeated statements on the server unless the operator's connection string says otherwise.
public sealed class PostgresAutoPrepareTests
{
    [Fact]
    public void A_connection_string_without_the_setting_gets_automatic_preparation()
    {
        var cs = ProviderOptions.WithAutoPrepare("Host=db;Username=senco;Password=secret;Database=senco");
        var b = new NpgsqlConnectionStringBuilder(cs);
        Assert.Equal(64, b.MaxAutoPrepare);
        Assert.Equal("db", b.Host);
        Assert.Equal("senco", b.Database);
        Assert.Equal("secret", b.Password);
    }

    [Theory]
    [InlineData("Host=db;Database=senco;Max Auto Prepare=0", 0)]
    [InlineData("Host=db;Database=senco;MaxAutoPrepare=10", 10)]
    [InlineData("Host=db;Database=senco;max auto prepare=5", 5)]
    public void An_operator_s_own_setting_is_kept(string cs, int expected)
    {
        Assert.Equal(cs, ProviderOptions.WithAutoPrepare(cs));
        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(ProviderOptions.WithAutoPrepare(cs)).MaxAutoPrepare);
    }
}
