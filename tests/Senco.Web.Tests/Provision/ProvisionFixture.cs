using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Npgsql;
using Senco.Core.Pupils;

namespace Senco.Web.Tests.Provision;

/// <summary>
/// The real app on a fresh database, set up through the API as an operator would: school A (with a person in every
/// role, and a second TA), school B in the same trust, and an unrelated school C. SQLite by default; with
/// SENCO_TEST_DB=Postgres a fresh database on the server SENCO_TEST_POSTGRES names (a login with CREATEDB), dropped
/// afterwards. Self-contained, so that it merges beside the shared test infrastructure. Every name is fictional.
/// </summary>
public sealed class ProvisionFixture : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminEmail = "admin@prov.test";
    public const string Password = "a long passphrase for provision tests";
    public static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    public string SchoolA { get; } = "94" + Random.Shared.Next(1000, 9999);
    public string SchoolB { get; } = "95" + Random.Shared.Next(1000, 9999);
    public string SchoolC { get; } = "96" + Random.Shared.Next(1000, 9999);
    public string Provider { get; }
    private readonly string _connectionString;
    private readonly string? _sqliteFolder;
    private readonly string? _pgAdmin;
    private readonly string? _pgName;
    private readonly Dictionary<string, string> _tokens = new();
    private int _serial;

    public ProvisionFixture()
    {
        var selected = Environment.GetEnvironmentVariable("SENCO_TEST_DB")?.Trim();
        if (string.Equals(selected, "postgres", StringComparison.OrdinalIgnoreCase) || string.Equals(selected, "postgresql", StringComparison.OrdinalIgnoreCase))
        {
            Provider = "Postgres";
            _pgAdmin = Environment.GetEnvironmentVariable("SENCO_TEST_POSTGRES")
                       ?? throw new InvalidOperationException("SENCO_TEST_DB=Postgres needs SENCO_TEST_POSTGRES, e.g. Host=127.0.0.1;Username=senco_test;Password=senco_test;Database=postgres");
            _pgName = "senco_prov_" + Guid.NewGuid().ToString("N");
            using (var conn = new NpgsqlConnection(_pgAdmin))
            {
                conn.Open();
                using var cmd = conn.CreateCommand();
                cmd.CommandText = $"CREATE DATABASE \"{_pgName}\" ENCODING 'UTF8' TEMPLATE template0";
                cmd.ExecuteNonQuery();
            }
            _connectionString = new NpgsqlConnectionStringBuilder(_pgAdmin) { Database = _pgName }.ConnectionString;
        }
        else
        {
            Provider = "Sqlite";
            _sqliteFolder = Path.Combine(Path.GetTempPath(), "senco-prov-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(_sqliteFolder);
            _connectionString = $"Data Source={Path.Combine(_sqliteFolder, "x.db")}";
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Provider);
        builder.UseSetting("ConnectionStrings:Senco", _connectionString);
        builder.UseSetting("Senco:Demo", "false");
        builder.UseSetting("SENCO_ADMIN_EMAIL", AdminEmail);
        builder.UseSetting("SENCO_ADMIN_PASSWORD", Password);
    }

    public static readonly (string Email, string School, string Role)[] People =
    [
        ("senco@a.test", "A", "Senco"), ("assistant@a.test", "A", "AssistantSenco"), ("teacher@a.test", "A", "Teacher"),
        ("ta@a.test", "A", "TeachingAssistant"), ("ta2@a.test", "A", "TeachingAssistant"), ("head@a.test", "A", "SeniorLeader"),
        ("governor@a.test", "A", "Governor"), ("office@a.test", "A", "SchoolAdmin"), ("trustlead@a.test", "A", "TrustLead"),
        ("senco@b.test", "B", "Senco"), ("senco@c.test", "C", "Senco"),
    ];

    public Dictionary<string, Guid> UserIds { get; } = new();

    public async Task InitializeAsync()
    {
        var admin = await ClientAsync(AdminEmail);
        foreach (var (urn, name, phase, trust, estab) in new[]
                 {
                     (SchoolA, "Provision Test Primary", "Primary", "Provision Test Trust " + SchoolA, "2" + SchoolA[3..]),
                     (SchoolB, "Provision Test Secondary", "Secondary", "Provision Test Trust " + SchoolA, "4" + SchoolB[3..]),
                     (SchoolC, "Unrelated School", "Primary", "Another Trust " + SchoolC, "2" + SchoolC[3..]),
                 })
        {
            await Expect(await admin.PostAsJsonAsync("/api/v1/schools", new { urn, name, laCode = "873", estab, phase, trust }), HttpStatusCode.Created);
        }
        foreach (var (email, school, role) in People)
        {
            var user = await Expect(await admin.PostAsJsonAsync("/api/v1/users", new
            {
                email, password = Senco.Web.Tests.Infrastructure.TemporaryPasswords.Temporary, displayName = $"{role} of {school} ({email})",
                memberships = new[] { new { schoolUrn = Urn(school), role } },
            }), HttpStatusCode.Created);
            await Senco.Web.Tests.Infrastructure.TemporaryPasswords.ChooseOwnAsync(admin, email, Password);
            UserIds[email] = user["id"]!.GetValue<Guid>();
        }
    }

    public string Urn(string letter) => letter switch { "A" => SchoolA, "B" => SchoolB, _ => SchoolC };

    /// <summary>A client signed in with a bearer token (the API and, through the same rules, the pages).</summary>
    public async Task<HttpClient> ClientAsync(string email, bool cookies = false)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = cookies });
        string? token;
        lock (_tokens) _tokens.TryGetValue(email, out token);
        if (token is null)
        {
            var r = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = Password });
            token = (await Expect(r, HttpStatusCode.OK))["accessToken"]!.GetValue<string>();
            lock (_tokens) _tokens[email] = token;
        }
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A pupil in a school, on SEN support with the given needs (or none).</summary>
    public async Task<Guid> PupilAsync(string school = "A", string year = "4", string forename = "Ada", string surname = "Lovegood", string[]? needs = null)
    {
        var urn = Urn(school);
        var senco = await ClientAsync($"senco@{school.ToLowerInvariant()}.test");
        var serial = Interlocked.Increment(ref _serial);
        var nc = year switch { "N1" => -2, "N2" => -1, "R" => 0, _ => int.Parse(year) };
        var startYear = Today.Month >= 9 ? Today.Year : Today.Year - 1;
        var dob = new DateOnly(startYear - nc - 5, 10, 1);
        var body = $"873{urn[2..]}{dob.Year % 100:00}{serial % 1000:000}";
        var upn = $"{Upn.CheckLetterFor(body)}{body}";
        var pupil = await Expect(await senco.PostAsJsonAsync($"/api/v1/schools/{urn}/pupils", new
        {
            upn, forename, surname, dateOfBirth = Iso(dob), gender = "F", yearGroup = year, eal = false, lookedAfter = false, pupilPremium = false,
        }), HttpStatusCode.Created);
        var id = pupil["id"]!.GetValue<Guid>();
        if (needs is { Length: > 0 })
            await Expect(await senco.PutAsJsonAsync($"/api/v1/pupils/{id}/sen", new { status = "K", needs, effectiveFrom = Iso(Today.AddYears(-1)), reason = "Fictional test pupil placed on SEN support" }), HttpStatusCode.OK);
        return id;
    }

    /// <summary>A catalogue entry in a school; returns its id.</summary>
    public async Task<Guid> ProvisionAsync(string school = "A", string name = "Precision teaching", string area = "CognitionAndLearning", int wave = 2)
    {
        var senco = await ClientAsync($"senco@{school.ToLowerInvariant()}.test");
        var r = await senco.PostAsJsonAsync($"/api/v1/schools/{Urn(school)}/provisions", new { name = $"{name} {Interlocked.Increment(ref _serial)}", areaOfNeed = area, wave });
        return (await Expect(r, HttpStatusCode.Created))["id"]!.GetValue<Guid>();
    }

    /// <summary>A staff record in school A, optionally linked to a sign-in.</summary>
    public async Task<Guid> StaffAsync(string name, string? userEmail = null, decimal? contracted = 27.5m, string school = "A")
    {
        var senco = await ClientAsync($"senco@{school.ToLowerInvariant()}.test");
        var r = await senco.PostAsJsonAsync($"/api/v1/schools/{Urn(school)}/staff", new
        {
            name, role = "TeachingAssistant", contractedHoursPerWeek = contracted, hourlyCost = 14.20m, userId = userEmail is null ? (Guid?)null : UserIds[userEmail],
        });
        return (await Expect(r, HttpStatusCode.Created))["id"]!.GetValue<Guid>();
    }

    /// <summary>A group that started <paramref name="startOn"/> (default: four weeks ago on a Monday) for 10 weeks, 3 × 30 minutes at £14.50, £25 resources.</summary>
    public async Task<JsonNode> GroupAsync(Guid provisionId, Guid[] pupils, Guid? staff = null, object[]? slots = null, DateOnly? startOn = null, string school = "A", int weeks = 10)
    {
        var senco = await ClientAsync($"senco@{school.ToLowerInvariant()}.test");
        var start = startOn ?? MondayWeeksAgo(4);
        var r = await senco.PostAsJsonAsync($"/api/v1/schools/{Urn(school)}/intervention-groups", new
        {
            provisionId, startOn = Iso(start), weeks, sessionsPerWeek = 3, minutesPerSession = 30, staffHourlyCost = 14.50m, resourceCost = 25m,
            pupilIds = pupils, staffMemberId = staff, slots,
        });
        return await Expect(r, HttpStatusCode.Created);
    }

    /// <summary>The Monday a number of weeks before this week's Monday, kept inside the current academic year where possible.</summary>
    public static DateOnly MondayWeeksAgo(int weeks)
    {
        var monday = Today.AddDays(-(((int)Today.DayOfWeek + 6) % 7)).AddDays(-7 * weeks);
        var yearStart = new DateOnly(Today.Month >= 9 ? Today.Year : Today.Year - 1, 9, 1);
        while (monday < yearStart) monday = monday.AddDays(7);
        return monday;
    }

    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd");

    public static async Task<JsonNode> Expect(HttpResponseMessage r, HttpStatusCode status)
    {
        var text = await r.Content.ReadAsStringAsync();
        if (r.StatusCode != status) throw new Xunit.Sdk.XunitException($"Expected {(int)status} {status} from {r.RequestMessage?.Method} {r.RequestMessage?.RequestUri}, got {(int)r.StatusCode}: {text}");
        return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!;
    }

    /// <summary>The field names of a 400's errors object.</summary>
    public static async Task<string[]> ErrorKeys(HttpResponseMessage r)
    {
        var body = await Expect(r, HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        return body["errors"]!.AsObject().Select(kv => kv.Key).ToArray();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        if (_sqliteFolder is not null)
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(_sqliteFolder, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
        if (_pgName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection(_pgAdmin);
            await conn.OpenAsync();
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = $"DROP DATABASE IF EXISTS \"{_pgName}\" WITH (FORCE)";
            await cmd.ExecuteNonQueryAsync();
        }
    }
}

public static class JsonDates
{
    public static DateOnly AsDate(this JsonNode node) => DateOnly.Parse(node.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
}

[CollectionDefinition(Name)]
public sealed class ProvisionCollection : ICollectionFixture<ProvisionFixture>
{
    public const string Name = "Provision";
}
