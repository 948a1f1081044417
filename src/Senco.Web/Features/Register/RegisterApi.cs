using Senco.Core.Access;
using Senco.Data;
using Senco.Web.Features.Api;
using Senco.Web.Features.Shared.Access;
using Senco.Web.Features.Shared.Audit;

namespace Senco.Web.Features.Register;

public sealed record RegisterPupilDto(Guid Id, string Upn, string Forename, string Surname, string YearGroup, string Status,
    string? PrimaryNeed, string? SecondaryNeed, bool Eal, bool LookedAfter, bool PupilPremium);
public sealed record RegisterDto(int Count, IReadOnlyList<RegisterPupilDto> Pupils);

public static class RegisterApi
{
    public static void MapRegisterApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/schools/{urn}").WithTags("SEND register");

        g.MapGet("/register", async (string urn, [AsParameters] RegisterParams p, UserContext user, SencoDbContext db, AuditLog audit, RegisterCache registers, CancellationToken ct) =>
        {
            var (school, denied) = Authorise(user, urn, Permission.ViewPupils);
            if (denied is not null) return denied;
            var (filter, invalid) = p.ToFilter();
            if (invalid is not null) return invalid;
            var register = await registers.GetAsync(db, school!.SchoolId, filter!, ct);
            audit.Read("register.read", $"API read of the SEND register ({register.Result.Rows.Count} pupils; {filter!.Describe()})", school.SchoolId);
            return TypedResults.Bytes(register.Json, "application/json; charset=utf-8");
        }).Produces<RegisterDto>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404)
          .WithSummary("Pupils at SEN status K or E, with combinable filters.");

        g.MapGet("/register.csv", (string urn, [AsParameters] RegisterParams p, UserContext user, SencoDbContext db, AuditLog audit, RegisterCache registers, CancellationToken ct) =>
            Export(urn, p, user, db, audit, registers, "csv", ct)).Produces(200, contentType: "text/csv").WithSummary("The filtered register as CSV.");
        g.MapGet("/register.xlsx", (string urn, [AsParameters] RegisterParams p, UserContext user, SencoDbContext db, AuditLog audit, RegisterCache registers, CancellationToken ct) =>
            Export(urn, p, user, db, audit, registers, "xlsx", ct)).Produces(200, contentType: XlsxType).WithSummary("The filtered register as an Excel workbook.");
    }

    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static async Task<IResult> Export(string urn, RegisterParams p, UserContext user, SencoDbContext db, AuditLog audit, RegisterCache registers, string kind, CancellationToken ct)
    {
        var (school, denied) = Authorise(user, urn, Permission.ExportRegister);
        if (denied is not null) return denied;
        var (filter, invalid) = p.ToFilter();
        if (invalid is not null) return invalid;
        var result = (await registers.GetAsync(db, school!.SchoolId, filter!, ct)).Result;
        audit.Read("register.export", $"Exported the SEND register as {kind.ToUpperInvariant()} ({result.Rows.Count} pupils; {filter!.Describe()})", school.SchoolId);
        return kind == "csv"
            ? TypedResults.File(RegisterExport.Csv(result.Rows), "text/csv; charset=utf-8", RegisterExport.FileName(urn, "csv"))
            : TypedResults.File(RegisterExport.Xlsx(result.Rows), XlsxType, RegisterExport.FileName(urn, "xlsx"));
    }

    /// Another school's URN answers 404 whatever the caller's role, so a URN cannot be probed.
    public static (SchoolGrant? School, IResult? Denied) Authorise(UserContext user, string urn, Permission permission)
    {
        var school = user.School(urn);
        if (school is null) return (null, TypedResults.NotFound());
        if (!school.Can(permission)) return (null, TypedResults.Problem(statusCode: 403, title: "Your role in this school does not allow this."));
        return (school, null);
    }
}

/// Query-string filters of the register. Strings, not typed values, so that a bad value gets a message naming it.
public sealed class RegisterParams
{
    public string? Status { get; set; }
    public string? Need { get; set; }
    public string? YearGroup { get; set; }
    public string? Eal { get; set; }
    public string? LookedAfter { get; set; }
    public string? PupilPremium { get; set; }
    public string? Q { get; set; }
    public string? Sort { get; set; }
    public string? Dir { get; set; }

    public (RegisterFilter? Filter, IResult? Error) ToFilter()
    {
        var (filter, errors) = RegisterFilterParser.Parse(Status, Need, YearGroup, Eal, LookedAfter, PupilPremium, Q, Sort, Dir);
        return errors.IsValid ? (filter, null) : (null, ApiJson.Invalid(errors));
    }
}
