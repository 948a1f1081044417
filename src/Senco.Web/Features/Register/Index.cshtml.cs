using Microsoft.AspNetCore.Mvc;
using Senco.Core.Access;
using Senco.Core.Sen;
using Senco.Data;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;
using Senco.Web.Features.Shared.Audit;

namespace Senco.Web.Features.Register;

/// The SEND register: every pupil on SEN support or with an EHC plan, filtered, sorted and exported.
public sealed class IndexModel(UserContext user, SencoDbContext db, AuditLog audit, RegisterCache registers) : SchoolPageModel(user)
{
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Need { get; set; }
    [BindProperty(SupportsGet = true)] public string? YearGroup { get; set; }
    [BindProperty(SupportsGet = true)] public string? Eal { get; set; }
    [BindProperty(SupportsGet = true)] public string? LookedAfter { get; set; }
    [BindProperty(SupportsGet = true)] public string? PupilPremium { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true)] public string? Dir { get; set; }

    public RegisterFilter Filter { get; private set; } = new();
    public RegisterResult Result { get; private set; } = new([], new Dictionary<SenStatus, int>(), []);
    public bool CanExport => School.Can(Permission.ExportRegister);
    public bool CanAddPupils => School.Can(Permission.EditPupilDetails);

    public async Task<IActionResult> OnGetAsync(string urn, CancellationToken ct)
    {
        if (Authorise(urn, Permission.ViewPupils) is { } denied) return denied;
        if (!ParseFilter()) return Page();
        Result = (await registers.GetAsync(db, School.SchoolId, Filter, ct)).Result;
        audit.Read("register.read", $"Viewed the SEND register ({Result.Rows.Count} pupils; {Filter.Describe()})", School.SchoolId);
        return Page();
    }

    public Task<IActionResult> OnGetCsvAsync(string urn, CancellationToken ct) => ExportAsync(urn, "csv", ct);
    public Task<IActionResult> OnGetXlsxAsync(string urn, CancellationToken ct) => ExportAsync(urn, "xlsx", ct);

    private async Task<IActionResult> ExportAsync(string urn, string kind, CancellationToken ct)
    {
        if (Authorise(urn, Permission.ExportRegister) is { } denied) return denied;
        if (!ParseFilter()) return Page();
        var result = (await registers.GetAsync(db, School.SchoolId, Filter, ct)).Result;
        audit.Read("register.export", $"Exported the SEND register as {kind.ToUpperInvariant()} ({result.Rows.Count} pupils; {Filter.Describe()})", School.SchoolId);
        return kind == "csv"
            ? File(RegisterExport.Csv(result.Rows), "text/csv; charset=utf-8", RegisterExport.FileName(urn, "csv"))
            : File(RegisterExport.Xlsx(result.Rows), RegisterApi.XlsxType, RegisterExport.FileName(urn, "xlsx"));
    }

    private bool ParseFilter()
    {
        var (filter, errors) = RegisterFilterParser.Parse(Status, Need, YearGroup, Eal, LookedAfter, PupilPremium, Q, Sort, Dir);
        Filter = filter;
        FormErrors.AddTo(ModelState, errors, prefix: "");
        return errors.IsValid;
    }

    /// The current filters as query-string values, for links that change one thing (sort, export) and keep the rest.
    public Dictionary<string, string?> RouteWith(string? sort = null, string? dir = null, string? handler = null)
    {
        var d = new Dictionary<string, string?>
        {
            ["status"] = Filter.Status, ["need"] = Filter.Need, ["yearGroup"] = Filter.YearGroup,
            ["eal"] = Bool(Filter.Eal), ["lookedAfter"] = Bool(Filter.LookedAfter), ["pupilPremium"] = Bool(Filter.PupilPremium),
            ["q"] = Filter.Q, ["sort"] = sort ?? Filter.Sort, ["dir"] = dir ?? Filter.Dir, ["handler"] = handler,
        };
        return d.Where(kv => !string.IsNullOrEmpty(kv.Value)).ToDictionary(kv => kv.Key, kv => kv.Value);
    }

    public string Url(Dictionary<string, string?> values) =>
        $"/schools/{School.Urn}/register" + Microsoft.AspNetCore.Http.QueryString.Create(values).ToUriComponent();

    /// A column heading's link: sorts by that column, or flips the direction if it is already the sort.
    public (string Href, string? AriaSort) SortLink(string key)
    {
        var current = Filter.Sort ?? "name";
        var desc = Filter.Dir == "desc";
        if (current == key)
            return (Url(RouteWith(key, desc ? "asc" : "desc")), desc ? "descending" : "ascending");
        return (Url(RouteWith(key, "asc")), null);
    }

    private static string? Bool(bool? b) => b is null ? null : b.Value ? "true" : "false";
}
