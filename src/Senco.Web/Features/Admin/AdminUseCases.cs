using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Senco.Core;
using Senco.Core.Access;
using Senco.Core.Model;
using Senco.Core.Schools;
using Senco.Data;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.Admin;

public sealed record SchoolInput(string? Urn, string? Name, string? LaCode, string? Estab, string? Phase, string? Trust);
public sealed record MembershipInput(string? SchoolUrn, string? Role);
public sealed record UserInput(string? Email, string? Password, string? DisplayName, List<MembershipInput>? Memberships);

/// Setting up an installation: schools (and the trust they belong to) and the people who use them.
/// Only a system administrator may do either.
public sealed class AdminCommands(SencoDbContext db, UserContext user, UserManager<SencoUser> users, GrantCache grants, TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<Senco.Web.Features.Account.PasswordPolicyOptions> passwords, Senco.Web.Features.Account.AccountNotices notices)
{
    public async Task<Outcome<School>> CreateSchoolAsync(SchoolInput input, CancellationToken ct = default)
    {
        if (!user.IsSystemAdmin) return Outcome<School>.Forbidden();
        var errors = SchoolRules.Validate(input.Urn, input.Name, input.LaCode, input.Estab, input.Phase);
        var trustName = input.Trust?.Trim();
        if (trustName is { Length: > 200 }) errors.Add("trust", "The trust name must be 200 characters or fewer");
        if (!errors.IsValid) return Outcome<School>.Invalid(errors);
        var urn = input.Urn!.Trim();
        if (await db.Schools.AnyAsync(s => s.Urn == urn, ct))
        {
            var dup = new ValidationErrors();
            dup.Add("urn", $"A school with URN {urn} already exists");
            return Outcome<School>.Conflict("A school with this URN already exists.", dup);
        }

        Trust? trust = null;
        if (!string.IsNullOrEmpty(trustName))
        {
            trust = await db.Trusts.FirstOrDefaultAsync(t => t.Name == trustName, ct) ?? db.Trusts.Add(new Trust { Name = trustName }).Entity;
        }
        SchoolRules.TryParsePhase(input.Phase, out var phase);
        var school = new School
        {
            Urn = urn, Name = input.Name!.Trim(), LaCode = input.LaCode!.Trim(), Estab = input.Estab!.Trim(), Phase = phase,
            Trust = trust, CreatedAt = DateTime.UtcNow,
        };
        db.Schools.Add(school);
        await db.SaveChangesAsync(ct);
        db.Audit(user.Actor, "school.create", $"Created school {school.Urn} {school.Name}{(trust is null ? "" : $" in trust {trust.Name}")}", school.Id);
        await db.SaveChangesAsync(ct);
        // A trust lead of this trust now sees one more school.
        if (trust is not null) grants.Clear();
        return Outcome<School>.Ok(school);
    }

    /// Corrects a school's details. The URN identifies the school to integrations, so it is fixed once created.
    public async Task<Outcome<School>> UpdateSchoolAsync(string urn, SchoolInput input, CancellationToken ct = default)
    {
        if (!user.IsSystemAdmin) return Outcome<School>.Forbidden();
        var school = await db.Schools.Include(s => s.Trust).FirstOrDefaultAsync(s => s.Urn == urn, ct);
        if (school is null) return Outcome<School>.NotFound();
        var errors = SchoolRules.Validate(urn, input.Name, input.LaCode, input.Estab, input.Phase);
        var trustName = input.Trust?.Trim();
        if (trustName is { Length: > 200 }) errors.Add("trust", "The trust name must be 200 characters or fewer");
        if (!errors.IsValid) return Outcome<School>.Invalid(errors);

        Trust? trust = null;
        if (!string.IsNullOrEmpty(trustName))
            trust = await db.Trusts.FirstOrDefaultAsync(t => t.Name == trustName, ct) ?? db.Trusts.Add(new Trust { Name = trustName }).Entity;
        SchoolRules.TryParsePhase(input.Phase, out var phase);
        var changes = new List<string>();
        void Track(string label, string before, string after) { if (before != after) changes.Add($"{label} from \"{before}\" to \"{after}\""); }
        Track("name", school.Name, input.Name!.Trim());
        Track("LA code", school.LaCode, input.LaCode!.Trim());
        Track("establishment number", school.Estab, input.Estab!.Trim());
        Track("phase", school.Phase.ToString(), phase.ToString());
        Track("trust", school.Trust?.Name ?? "", trust?.Name ?? "");
        if (changes.Count == 0) return Outcome<School>.Ok(school);
        var trustChanged = school.Trust?.Name != trust?.Name;
        school.Name = input.Name!.Trim();
        school.LaCode = input.LaCode!.Trim();
        school.Estab = input.Estab!.Trim();
        school.Phase = phase;
        school.Trust = trust;
        school.TrustId = trust?.Id;
        db.Audit(user.Actor, "school.update", $"Changed school {school.Urn}: {string.Join("; ", changes)}", school.Id);
        await db.SaveChangesAsync(ct);
        // Moving a school between trusts changes what trust leads see.
        if (trustChanged) grants.Clear();
        return Outcome<School>.Ok(school);
    }

    public async Task<Outcome<SencoUser>> CreateUserAsync(UserInput input, CancellationToken ct = default)
    {
        if (!user.IsSystemAdmin) return Outcome<SencoUser>.Forbidden();
        var errors = new ValidationErrors();
        var email = input.Email?.Trim();
        if (string.IsNullOrEmpty(email)) errors.Add("email", "Enter the person's email address");
        else if (email.Length > 256 || !System.Net.Mail.MailAddress.TryCreate(email, out _)) errors.Add("email", "Enter an email address in the correct format, like name@school.example");
        var name = input.DisplayName?.Trim();
        if (string.IsNullOrEmpty(name)) errors.Add("displayName", "Enter the person's name");
        else if (name.Length > 200) errors.Add("displayName", "The name must be 200 characters or fewer");
        if (string.IsNullOrEmpty(input.Password)) errors.Add("password", "Enter a password");

        var memberships = new List<(School School, SchoolRole Role)>();
        var list = input.Memberships ?? [];
        for (var i = 0; i < list.Count; i++)
        {
            var m = list[i];
            var school = m.SchoolUrn is null ? null : await db.Schools.FirstOrDefaultAsync(s => s.Urn == m.SchoolUrn.Trim(), ct);
            if (school is null) errors.Add($"memberships[{i}].schoolUrn", $"There is no school with URN \"{m.SchoolUrn}\"");
            // By name only: Enum.TryParse would also take "0" as the first role.
            if (m.Role is null || !Enum.GetNames<SchoolRole>().Contains(m.Role) || !Enum.TryParse<SchoolRole>(m.Role, out var role))
                errors.Add($"memberships[{i}].role", $"Role must be one of: {string.Join(", ", Enum.GetNames<SchoolRole>())}");
            else if (school is not null)
            {
                if (role == SchoolRole.TrustLead && school.TrustId is null)
                    errors.Add($"memberships[{i}].role", $"{school.Name} is not part of a trust, so no one can be its trust SEND lead");
                else if (memberships.Any(x => x.School.Id == school.Id && x.Role == role))
                    errors.Add($"memberships[{i}]", "This role in this school is listed twice");
                else memberships.Add((school, role));
            }
        }
        if (!errors.IsValid) return Outcome<SencoUser>.Invalid(errors);
        if (await users.FindByEmailAsync(email!) is not null)
        {
            var dup = new ValidationErrors();
            dup.Add("email", "Someone already uses this email address");
            return Outcome<SencoUser>.Conflict("A user with this email already exists.", dup);
        }

        // The administrator chose this password, so it is temporary: the person chooses their own at first sign-in (ASVS 2.3.1).
        var newUser = new SencoUser
        {
            UserName = email, Email = email, DisplayName = name!, CreatedAt = DateTime.UtcNow, EmailConfirmed = true,
            TemporaryPasswordExpiresAt = Senco.Web.Features.Account.TemporaryPasswords.ExpiresAt(clock, passwords.Value),
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var created = await users.CreateAsync(newUser, input.Password!);
        if (!created.Succeeded)
        {
            foreach (var e in created.Errors) errors.Add(e.Code.StartsWith("Password") ? "password" : "email", PasswordMessage(e));
            return Outcome<SencoUser>.Invalid(errors);
        }
        foreach (var (school, role) in memberships)
            db.Memberships.Add(new SchoolMembership { UserId = newUser.Id, SchoolId = school.Id, Role = role });
        db.Audit(user.Actor, "user.create",
            $"Created user {email} with {(memberships.Count == 0 ? "no school roles" : string.Join(", ", memberships.Select(m => $"{m.Role} at {m.School.Urn}")))}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome<SencoUser>.Ok(newUser);
    }

    public sealed record PasswordReset(SencoUser Person, string TemporaryPassword, DateTime ExpiresAt);

    /// <summary>
    /// A forgotten password (ASVS 2.5): Senco makes a temporary one (random, shown once to the administrator to hand over
    /// in person or by phone), which the person must replace at their next sign-in and which expires after
    /// Senco:Passwords:TemporaryHours. The account is unlocked, every session and API token of the person ends, and they
    /// are emailed. Not for one's own account (use "Your account").
    /// </summary>
    public async Task<Outcome<PasswordReset>> ResetPasswordAsync(Guid personId, CancellationToken ct = default)
    {
        if (!user.IsSystemAdmin) return Outcome<PasswordReset>.Forbidden();
        var person = await users.FindByIdAsync(personId.ToString());
        if (person is null) return Outcome<PasswordReset>.NotFound();
        if (person.Id == user.UserId)
        {
            var self = new ValidationErrors();
            self.Add("id", "You cannot reset your own password here: change it from Your account");
            return Outcome<PasswordReset>.Invalid(self);
        }
        string temporary;
        IdentityResult result;
        var attempts = 0;
        do
        {
            temporary = Senco.Web.Features.Account.TemporaryPasswords.Generate();
            person.TemporaryPasswordExpiresAt = Senco.Web.Features.Account.TemporaryPasswords.ExpiresAt(clock, passwords.Value);
            result = await users.ResetPasswordAsync(person, await users.GeneratePasswordResetTokenAsync(person), temporary);
        } while (!result.Succeeded && ++attempts < 5);
        if (!result.Succeeded) throw new InvalidOperationException("A generated password was refused: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        await users.SetLockoutEndDateAsync(person, null);
        await users.ResetAccessFailedCountAsync(person);
        await Senco.Web.Features.Account.UserSessions.EndOthersAsync(db, person.Id, keep: null, ct);
        db.Audit(user.Actor, "user.password.reset", $"Reset the password of {person.Email} to a temporary one (signed out everywhere)");
        notices.Queue(person, "user.password.reset", "your password was reset", "Your password was reset by an administrator",
            byWhom: $"{user.Name}, a Senco administrator");
        await db.SaveChangesAsync(ct);
        return Outcome<PasswordReset>.Ok(new PasswordReset(person, temporary, person.TemporaryPasswordExpiresAt!.Value));
    }

    public static string PasswordMessage(IdentityError e) => e.Code switch
    {
        "PasswordTooShort" => "The password must be at least 12 characters. A few unrelated words make a good one",
        "PasswordRequiresUniqueChars" => "The password must use at least 4 different characters",
        _ => e.Description,
    };
}

/// Creates the first system administrator from SENCO_ADMIN_EMAIL and SENCO_ADMIN_PASSWORD, once.
public static class AdminBootstrap
{
    public static async Task EnsureAdminAsync(IServiceProvider sp, IConfiguration config, ILogger log)
    {
        var email = config["SENCO_ADMIN_EMAIL"];
        var password = config["SENCO_ADMIN_PASSWORD"];
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password)) return;
        var users = sp.GetRequiredService<UserManager<SencoUser>>();
        if (await users.FindByEmailAsync(email.Trim()) is not null) return;
        var admin = new SencoUser
        {
            UserName = email.Trim(), Email = email.Trim(), DisplayName = "System administrator", IsSystemAdmin = true,
            EmailConfirmed = true, CreatedAt = DateTime.UtcNow,
        };
        var result = await users.CreateAsync(admin, password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("SENCO_ADMIN_PASSWORD was not accepted: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        }
        var db = sp.GetRequiredService<SencoDbContext>();
        db.Audit(AuditActor.System, "user.create", $"Created system administrator {admin.Email} from SENCO_ADMIN_EMAIL");
        await db.SaveChangesAsync();
        log.LogInformation("Created system administrator {Email}", admin.Email);
    }
}
