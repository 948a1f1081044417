using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Senco.Data;

namespace Senco.Web.Features.Account;

/// <summary>
/// How stored passwords are hashed: ASP.NET Core Identity's PBKDF2 with HMAC-SHA512, at the work factor OWASP's
/// password storage guidance gives for it (210,000 iterations; Identity's own default is 100,000). A hash made at a lower
/// count (an older Senco, or the benchmark generator) is made again at this one the next time its owner signs in.
/// Setting: Senco:Passwords:HashIterations. Below <see cref="Minimum"/> the app refuses to start, except in the
/// "Testing" environment that the automated tests run in, where hundreds of people are signed up a minute and the cost
/// of each hash, not its strength, is what matters.
/// </summary>
public static class PasswordHashing
{
    public const string Setting = "Senco:Passwords:HashIterations";
    public const int Recommended = PasswordWork.Recommended;
    public const int Minimum = PasswordWork.Minimum;

    public static int Iterations(IConfiguration config, IHostEnvironment environment)
    {
        var raw = config[Setting];
        if (string.IsNullOrWhiteSpace(raw)) return Recommended;
        if (!int.TryParse(raw.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) || value < 1)
            throw new InvalidOperationException($"{Setting} must be a whole number of iterations (the recommended {Recommended:N0}), not \"{raw}\".");
        if (value < Minimum && !environment.IsEnvironment("Testing"))
            throw new InvalidOperationException(
                $"{Setting} is {value:N0}; passwords must be hashed with at least {Minimum:N0} iterations (recommended {Recommended:N0}). Remove the setting to use the recommended value.");
        return value;
    }
}

/// <summary>
/// A hash of nobody's password, made with the configured hasher and work factor, that sign-in checks a password against
/// when the email has no account: the answer then takes as long as for a real account, so timing does not reveal which
/// emails have one.
/// </summary>
public sealed class DecoyPasswordHash(IOptions<PasswordHasherOptions> options)
{
    private readonly PasswordHasher<SencoUser> _hasher = new(options);
    private string? _hash;

    /// The hash checked against (a random password's, made once per process on first use).
    public string Hash => LazyInitializer.EnsureInitialized(ref _hash, () => _hasher.HashPassword(new SencoUser(), "not-a-real-password-" + Guid.NewGuid()));

    public void Verify(string password) => _hasher.VerifyHashedPassword(new SencoUser(), Hash, password);
}
