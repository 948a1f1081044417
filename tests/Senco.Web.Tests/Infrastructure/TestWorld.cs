using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Senco.Core.Access;
using Senco.Core.Pupils;
using Senco.Data;

namespace Senco.Web.Tests.Infrastructure;

public sealed record WorldSchool(string Key, string Urn, string Name, string LaCode, string Estab, string Phase, string? Trust);

public sealed record WorldUser(string Email, Guid Id, SchoolRole Role, string SchoolKey);

/// What the world believes about a pupil it created, to compare the API's answers with.
public sealed record WorldPupil(Guid Id, string SchoolKey, string Upn, string Forename, string Surname, string YearGroup,
    bool Eal, bool LookedAfter, bool PupilPremium, string Status, IReadOnlyList<string> Needs)
{
    public string? PrimaryNeed => Needs.Count > 0 ? Needs[0] : null;
    public string? SecondaryNeed => Needs.Count > 1 ? Needs[1] : null;
    public bool OnRegister => Status is "K" or "E";
}

/// A small installation built through the API only, as the system administrator would:
/// the Oakfield trust with schools A and B; school C in another trust (Riverside); one user per role per school
/// (the trust lead of A's membership extends to B); and pupils in each school at N, K and E.
/// One world per test class (IClassFixture), each on its own fresh database.
public class TestWorld : IAsyncLifetime
{
    public const string Password = "a long enough test password";
    public const string TrustAB = "Oakfield Learning Trust";
    public const string TrustC = "Riverside Schools Trust";

    public SencoFactory Factory { get; } = new();
    public IReadOnlyDictionary<string, WorldSchool> Schools => _schools;
    public WorldSchool A => _schools["A"];
    public WorldSchool B => _schools["B"];
    public WorldSchool C => _schools["C"];
    public IReadOnlyList<WorldPupil> Pupils => _pupils.ToList();
    public static readonly string[] SchoolKeys = ["A", "B", "C"];
    public static readonly SchoolRole[] Roles = Enum.GetValues<SchoolRole>();

    private readonly Dictionary<string, WorldSchool> _schools = new();
    private readonly ConcurrentDictionary<(SchoolRole, string), WorldUser> _users = new();
    private readonly ConcurrentBag<WorldPupil> _pupils = [];
    private readonly Dictionary<(string, string), WorldPupil> _base = new();
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _tokens = new();
    private int _serial;
    private int _userSerial;

    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    public async Task InitializeAsync()
    {
        using var admin = await AdminClient();
        await AddSchoolAsync(admin, new WorldSchool("A", "140001", "Oakfield Primary School", "873", "2001", "Primary", TrustAB));
        await AddSchoolAsync(admin, new WorldSchool("B", "140002", "Oakfield Academy", "873", "4001", "Secondary", TrustAB));
        await AddSchoolAsync(admin, new WorldSchool("C", "140003", "Riverside High School", "330", "4002", "Secondary", TrustC));

        foreach (var key in SchoolKeys)
            foreach (var role in Roles)
            {
                var email = $"{role.ToString().ToLowerInvariant()}.{key.ToLowerInvariant()}@senco.test";
                var id = await CreateUserAsync(admin, email, $"{role} of {key}", (_schools[key].Urn, role.ToString()));
                _users[(role, key)] = new WorldUser(email, id, role, key);
            }

        foreach (var key in SchoolKeys)
        {
            _base[(key, "N")] = await AddPupilAsync(key, "Alex", $"Nolan{key}", "3", status: "N", needs: []);
            _base[(key, "K")] = await AddPupilAsync(key, "Sam", $"Kaur{key}", "5", eal: true, status: "K", needs: ["SLCN", "ASD"]);
            _base[(key, "E")] = await AddPupilAsync(key, "Jo", $"Evans{key}", "6", lookedAfter: true, pupilPremium: true, status: "E", needs: ["ASD"]);
        }
        await SeedAsync();
    }

    /// Extra data a test class needs on top of the common world.
    protected virtual Task SeedAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Factory.DisposeAsync();

    public WorldUser User(SchoolRole role, string schoolKey) => _users[(role, schoolKey)];

    /// One of the three pupils every school starts with: "N" (no SEN), "K" (SEN support: SLCN, ASD) or "E" (EHC plan: ASD).
    /// Tests may change them; the ids stay.
    public WorldPupil BasePupil(string schoolKey, string kind) => _base[(schoolKey, kind)];

    public HttpClient Anonymous() => Factory.CreateApiClient();

    public Task<HttpClient> AdminClient() => ClientFor(SencoFactory.AdminEmail, SencoFactory.AdminPassword);

    public Task<HttpClient> ClientFor(SchoolRole role, string schoolKey) => ClientFor(User(role, schoolKey).Email);

    /// An HttpClient carrying a bearer token from POST /api/v1/auth/token for this user (tokens are cached).
    public async Task<HttpClient> ClientFor(string email, string password = Password)
    {
        var token = await _tokens.GetOrAdd(email, e => new Lazy<Task<string>>(() => FetchTokenAsync(e, password))).Value;
        var client = Factory.CreateApiClient();
        client.UseBearer(token);
        return client;
    }

    public async Task<string> FetchTokenAsync(string email, string password)
    {
        using var anon = Anonymous();
        var r = await anon.PostJson("/api/v1/auth/token", new { email, password });
        await r.ShouldBe(HttpStatusCode.OK);
        return (await r.ReadNode()).Str("accessToken");
    }

    public void ForgetToken(string email) => _tokens.TryRemove(email, out _);

    private async Task AddSchoolAsync(HttpClient admin, WorldSchool s)
    {
        await admin.PostJson("/api/v1/schools", new { urn = s.Urn, name = s.Name, laCode = s.LaCode, estab = s.Estab, phase = s.Phase, trust = s.Trust })
            .Expect(HttpStatusCode.Created);
        _schools[s.Key] = s;
    }

    /// Creates a user through the API and returns their id.
    public static async Task<Guid> CreateUserAsync(HttpClient admin, string email, string displayName, params (string Urn, string Role)[] memberships)
    {
        var node = await admin.PostJson("/api/v1/users", new
        {
            email, password = TemporaryPasswords.Temporary, displayName,
            memberships = memberships.Select(m => new { schoolUrn = m.Urn, role = m.Role }).ToArray(),
        }).ExpectJson(HttpStatusCode.Created);
        await TemporaryPasswords.ChooseOwnAsync(admin, email, Password);
        return Guid.Parse(node.Str("id"));
    }

    /// Creates a user through the API with the temporary password <see cref="TemporaryPasswords.Temporary"/>, which they
    /// have not yet replaced with their own.
    public static async Task<Guid> CreateUserAsyncWithoutChoosing(HttpClient admin, string email, string displayName, params (string Urn, string Role)[] memberships)
    {
        var node = await admin.PostJson("/api/v1/users", new
        {
            email, password = TemporaryPasswords.Temporary, displayName,
            memberships = memberships.Select(m => new { schoolUrn = m.Urn, role = m.Role }).ToArray(),
        }).ExpectJson(HttpStatusCode.Created);
        return Guid.Parse(node.Str("id"));
    }

    /// A new user with the given roles, for tests that lock, revoke or otherwise spoil an account.
    public async Task<string> NewUserAsync(params (SchoolRole Role, string SchoolKey)[] roles)
    {
        var email = $"extra{Interlocked.Increment(ref _userSerial)}-{Guid.NewGuid().ToString("N")[..8]}@senco.test";
        using var admin = await AdminClient();
        await CreateUserAsync(admin, email, "Extra user", roles.Select(r => (_schools[r.SchoolKey].Urn, r.Role.ToString())).ToArray());
        return email;
    }

    /// A valid permanent UPN in the school's LA and establishment, never used before in this world.
    public string NewUpn(string schoolKey)
    {
        var s = _schools[schoolKey];
        var n = Interlocked.Increment(ref _serial);
        var body = $"{s.LaCode}{s.Estab}{10 + n / 1000 % 80:D2}{n % 1000:D3}";
        return Upn.CheckLetterFor(body) + body;
    }

    /// A valid temporary UPN (the last character a letter) in the school's LA and establishment.
    public string NewTemporaryUpn(string schoolKey)
    {
        var s = _schools[schoolKey];
        var n = Interlocked.Increment(ref _serial);
        var body = $"{s.LaCode}{s.Estab}{10 + n / 1000 % 80:D2}{n % 100:D2}A";
        return Upn.CheckLetterFor(body) + body;
    }

    public static object PupilBody(string upn, string forename, string surname, string yearGroup = "5", bool eal = false, bool lookedAfter = false,
        bool pupilPremium = false, string gender = "F", DateOnly? dateOfBirth = null) => new
    {
        upn, forename, surname,
        dateOfBirth = (dateOfBirth ?? Today.AddYears(-10).AddDays(-40)).ToString("yyyy-MM-dd"),
        gender, yearGroup, eal, lookedAfter, pupilPremium,
    };

    /// Adds a pupil as the school's SENCO and, for K or E, records the status with ranked needs.
    public async Task<WorldPupil> AddPupilAsync(string schoolKey, string forename, string surname, string yearGroup, bool eal = false,
        bool lookedAfter = false, bool pupilPremium = false, string status = "N", string[]? needs = null, string? upn = null)
    {
        using var senco = await ClientFor(SchoolRole.Senco, schoolKey);
        upn ??= NewUpn(schoolKey);
        var created = await senco.PostJson($"/api/v1/schools/{_schools[schoolKey].Urn}/pupils",
            PupilBody(upn, forename, surname, yearGroup, eal, lookedAfter, pupilPremium)).ExpectJson(HttpStatusCode.Created);
        var id = Guid.Parse(created.Str("id"));
        needs ??= [];
        if (status != "N")
        {
            await senco.PutJson($"/api/v1/pupils/{id}/sen", new
            {
                status, needs, effectiveFrom = Today.AddDays(-30).ToString("yyyy-MM-dd"), reason = "Identified at the termly review",
            }).Expect(HttpStatusCode.OK);
        }
        var pupil = new WorldPupil(id, schoolKey, upn, forename, surname, yearGroup, eal, lookedAfter, pupilPremium, status, needs);
        _pupils.Add(pupil);
        return pupil;
    }

    /// A scope on the app's own services with the tenancy scope opened for the system, to look at the database.
    public (IServiceScope Scope, SencoDbContext Db) SystemDb()
    {
        var scope = Factory.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<TenantScope>().RestrictToSystem();
        return (scope, scope.ServiceProvider.GetRequiredService<SencoDbContext>());
    }

    /// True when role R at school X can see school T under the policy: its own school, or (trust lead) any school of its trust.
    public bool Visible(SchoolRole role, string actorSchool, string targetSchool) =>
        actorSchool == targetSchool ||
        (role == SchoolRole.TrustLead && _schools[actorSchool].Trust is { } t && _schools[targetSchool].Trust == t);

    public static JsonObject SenBody(string status, string[] needs, DateOnly effectiveFrom, string? reason = "Reviewed with parents") => new()
    {
        ["status"] = status,
        ["needs"] = new JsonArray(needs.Select(n => (JsonNode)JsonValue.Create(n)!).ToArray()),
        ["effectiveFrom"] = effectiveFrom.ToString("yyyy-MM-dd"),
        ["reason"] = reason,
    };
}
