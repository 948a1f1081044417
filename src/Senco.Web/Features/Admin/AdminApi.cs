using Microsoft.EntityFrameworkCore;
using Senco.Core.Model;
using Senco.Data;
using Senco.Web.Features.Api;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.Admin;

public sealed record SchoolDto(string Urn, string Name, string LaCode, string Estab, string Phase, string? Trust)
{
    public static SchoolDto From(School s) => new(s.Urn, s.Name, s.LaCode, s.Estab, s.Phase.ToString(), s.Trust?.Name);
}

public sealed record MembershipDto(string SchoolUrn, string Role);
public sealed record PasswordResetDto(Guid Id, string Email, string TemporaryPassword, DateTime ExpiresAt);
public sealed record UserDto(Guid Id, string Email, string DisplayName, bool IsSystemAdmin, IReadOnlyList<MembershipDto> Memberships);

public static class AdminApi
{
    public static void MapSchoolsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/schools").WithTags("Schools");
        g.MapPost("", async (HttpContext http, AdminCommands admin) =>
        {
            var (input, error) = await ApiJson.ReadAsync<SchoolInput>(http);
            if (error is not null) return error;
            var outcome = await admin.CreateSchoolAsync(input!, http.RequestAborted);
            return ApiJson.ToResult(outcome, s => TypedResults.Created($"/api/v1/schools/{s.Urn}", SchoolDto.From(s)));
        }).Accepts<SchoolInput>("application/json").Produces<SchoolDto>(201).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(409)
          .WithSummary("Create a school (system administrator).");

        g.MapGet("", async (SencoDbContext db, UserContext user, CancellationToken ct) =>
        {
            var query = db.Schools.AsNoTracking().Include(s => s.Trust).AsQueryable();
            if (!user.IsSystemAdmin)
            {
                var ids = user.Schools.Select(s => s.SchoolId).ToList();
                query = query.Where(s => ids.Contains(s.Id));
            }
            var schools = await query.OrderBy(s => s.Name).ToListAsync(ct);
            return TypedResults.Ok(schools.Select(SchoolDto.From).ToList());
        }).WithSummary("The schools the caller can see.");
    }

    public static void MapUsersApi(this RouteGroupBuilder api)
    {
        api.MapPost("/users", async (HttpContext http, AdminCommands admin, SencoDbContext db) =>
        {
            var (input, error) = await ApiJson.ReadAsync<UserInput>(http);
            if (error is not null) return error;
            var outcome = await admin.CreateUserAsync(input!, http.RequestAborted);
            return ApiJson.ToResult(outcome, u => TypedResults.Created($"/api/v1/users/{u.Id}",
                new UserDto(u.Id, u.Email!, u.DisplayName, u.IsSystemAdmin,
                    db.Memberships.Where(m => m.UserId == u.Id).Select(m => new MembershipDto(m.School!.Urn, m.Role.ToString())).ToList())));
        }).WithTags("Users").Accepts<UserInput>("application/json").Produces<UserDto>(201).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(409)
          .WithSummary("Create a user with roles in schools (system administrator). The password is temporary: the person must choose their own before using Senco.");

        api.MapPost("/users/{id:guid}/password-reset", async (Guid id, HttpContext http, AdminCommands admin) =>
        {
            var outcome = await admin.ResetPasswordAsync(id, http.RequestAborted);
            return ApiJson.ToResult(outcome, r => TypedResults.Ok(new PasswordResetDto(r.Person.Id, r.Person.Email!, r.TemporaryPassword, r.ExpiresAt)));
        }).WithTags("Users").Produces<PasswordResetDto>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404)
          .WithSummary("Reset someone's forgotten password (system administrator): a temporary one, returned once, that they must replace at their next sign-in and that expires. Signs them out everywhere.");
    }
}
