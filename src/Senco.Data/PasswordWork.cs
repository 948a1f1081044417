using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Senco.Data;

/// The work factor for stored password hashes: iterations of ASP.NET Core Identity's PBKDF2 with HMAC-SHA512. The app
/// reads its setting through Senco.Web's PasswordHashing; tools that write users straight to the database (the
/// benchmark generator) hash with <see cref="Hasher"/> so that their hashes are what the app would have made.
public static class PasswordWork
{
    /// OWASP's password storage guidance for PBKDF2-HMAC-SHA512 (Identity's own default is 100,000).
    public const int Recommended = 210_000;

    /// The least the app accepts outside its automated tests.
    public const int Minimum = 100_000;

    public static PasswordHasher<SencoUser> Hasher(int iterations = Recommended) =>
        new(Options.Create(new PasswordHasherOptions { IterationCount = iterations }));
}
