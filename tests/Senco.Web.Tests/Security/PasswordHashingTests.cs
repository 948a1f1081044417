using System.Buffers.Binary;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Senco.Data;
using Senco.Web.Features.Account;
using Senco.Web.Tests.Infrastructure;

namespace Senco.Web.Tests.Security;

/// Stored passwords are hashed at OWASP's work factor for PBKDF2-HMAC-SHA512 unless an operator sets another of at least
/// 100,000; a hash made at another count is made again at the configured one when its owner signs in; and the decoy that
/// unknown emails are checked against costs what a real account's check costs.
public sealed class PasswordHashingTests(TestWorld world) : IClassFixture<TestWorld>
{
    /// The iteration count written in an ASP.NET Core Identity v3 hash: a format byte (1), the PRF, then the count, both
    /// as big-endian 32-bit numbers.
    private static int IterationsIn(string hash)
    {
        var bytes = Convert.FromBase64String(hash);
        Assert.Equal(0x01, bytes[0]);
        Assert.Equal((uint)KeyDerivationPrfSha512, BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(1, 4)));
        return (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5, 4));
    }

    private const int KeyDerivationPrfSha512 = 2; // Microsoft.AspNetCore.Cryptography.KeyDerivation.KeyDerivationPrf.HMACSHA512

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "Senco.Web";
        public string ContentRootPath { get; set; } = "";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }

    private static IConfiguration Config(string? iterations) => new ConfigurationBuilder()
        .AddInMemoryCollection(iterations is null ? [] : [new KeyValuePair<string, string?>(PasswordHashing.Setting, iterations)])
        .Build();

    [Fact]
    public void Without_the_setting_the_work_factor_is_owasps_210000()
    {
        Assert.Equal(210_000, PasswordHashing.Iterations(Config(null), new Environment("Production")));
        Assert.Equal(210_000, PasswordHashing.Iterations(Config(" "), new Environment("Production")));
    }

    [Theory]
    [InlineData("Production", "100000", 100_000)]
    [InlineData("Production", "600000", 600_000)]
    [InlineData("Development", "250000", 250_000)]
    [InlineData("Testing", "1000", 1_000)]
    public void An_operators_work_factor_is_used(string environment, string setting, int expected) =>
        Assert.Equal(expected, PasswordHashing.Iterations(Config(setting), new Environment(environment)));

    [Theory]
    [InlineData("Production", "99999", "at least 100,000")]
    [InlineData("Development", "1000", "at least 100,000")]
    [InlineData("Production", "0", "whole number")]
    [InlineData("Testing", "-5", "whole number")]
    [InlineData("Production", "lots", "whole number")]
    [InlineData("Production", "210,000", "whole number")]
    public void A_weak_or_unreadable_work_factor_stops_the_app_starting_and_says_why(string environment, string setting, string message)
    {
        var e = Assert.Throws<InvalidOperationException>(() => PasswordHashing.Iterations(Config(setting), new Environment(environment)));
        Assert.Contains(PasswordHashing.Setting, e.Message);
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void The_decoy_hash_is_made_at_the_configured_work_factor()
    {
        var decoy = new DecoyPasswordHash(Options.Create(new PasswordHasherOptions { IterationCount = 3_000 }));
        Assert.Equal(3_000, IterationsIn(decoy.Hash));
        decoy.Verify("anything at all"); // never throws, whatever is typed
        Assert.Equal(decoy.Hash, decoy.Hash); // made once
        Assert.Equal(PasswordWork.Recommended, IterationsIn(PasswordWork.Hasher().HashPassword(new SencoUser(), "a password")));
    }

    [Fact]
    public async Task The_app_hashes_at_its_setting_and_a_hash_at_another_count_is_made_again_at_sign_in()
    {
        using var admin = await world.AdminClient();
        const string email = "rehash.person@senco.test";
        await TestWorld.CreateUserAsync(admin, email, "Rehash Person", (world.A.Urn, "Teacher"));
        Assert.Equal(SencoFactory.FastHashIterations, IterationsIn(StoredHash(world.Factory.Services, email)));
        Assert.Equal(SencoFactory.FastHashIterations, IterationsIn(world.Factory.Services.GetRequiredService<DecoyPasswordHash>().Hash));

        // The same database, served with a higher work factor (an operator raising it): the next sign-in rehashes.
        await using var raised = world.Factory.WithWebHostBuilder(b => b.UseSetting(PasswordHashing.Setting, "2500"));
        using var anonymous = raised.CreateClient();
        var token = await anonymous.PostJson("/api/v1/auth/token", new { email, password = TestWorld.Password }).ExpectJson(HttpStatusCode.OK);
        Assert.False(string.IsNullOrEmpty(token.Str("accessToken")));
        Assert.Equal(2_500, IterationsIn(StoredHash(raised.Services, email)));

        // And the password still works, now checked against the new hash.
        var again = await anonymous.PostJson("/api/v1/auth/token", new { email, password = TestWorld.Password });
        await again.ShouldBe(HttpStatusCode.OK);
        var wrong = await anonymous.PostJson("/api/v1/auth/token", new { email, password = "not the password at all" });
        await wrong.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private static string StoredHash(IServiceProvider services, string email)
    {
        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<SencoUser>>();
        return users.FindByEmailAsync(email).GetAwaiter().GetResult()!.PasswordHash!;
    }
}
