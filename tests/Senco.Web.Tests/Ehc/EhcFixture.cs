using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Npgsql;
using Senco.Core.Pupils;

namespace Senco.Web.Tests.Ehc;

/// <summary>
/// The real app on a fresh database, set up through the API as an operator would: a trust of two schools
/// (primary A, secondary B), an unrelated school C, and a person for every role. SQLite by default; with
/// SENCO_TEST_DB=Postgres a fresh database on the server SENCO_TEST_POSTGRES names (a connection string for a
/// role with CREATEDB), dropped afterwards. Self-contained so that it merges beside the shared test infrastructure.
/// </summary>
public sealed class EhcFixture : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminEmail = "admin@ehc.test";
    public const string Password = "a long passphrase for ehc tests";
    public static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    public string SchoolA { get; } = "91" + Random.Shared.Next(1000, 9999);
    public string SchoolB { get; } = "92" + Random.Shared.Next(1000, 9999);
    public string SchoolC { get; } = "93" + Random.Shared.Next(1000, 9999);
    public SmtpSink Smtp { get; } = new();
    public string Provider { get; }
    private readonly string _connectionString;
    private readonly string? _sqliteFolder;
    private readonly string? _pgAdmin;
    private readonly string? _pgName;
    private readonly Dictionary<string, string> _tokens = new();
    private int _serial;

    public EhcFixture()
    {
        var selected = Environment.GetEnvironmentVariable("SENCO_TEST_DB")?.Trim();
        if (string.Equals(selected, "postgres", StringComparison.OrdinalIgnoreCase) || string.Equals(selected, "postgresql", StringComparison.OrdinalIgnoreCase))
        {
            Provider = "Postgres";
            _pgAdmin = Environment.GetEnvironmentVariable("SENCO_TEST_POSTGRES")
                       ?? throw new InvalidOperationException("SENCO_TEST_DB=Postgres needs SENCO_TEST_POSTGRES, e.g. Host=127.0.0.1;Username=senco_test;Password=senco_test;Database=postgres");
            _pgName = "senco_ehc_" + Guid.NewGuid().ToString("N");
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
            _sqliteFolder = Path.Combine(Path.GetTempPath(), "senco-ehc-tests", Guid.NewGuid().ToString("N"));
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
        builder.UseSetting("Senco:Smtp:Host", "127.0.0.1");
        builder.UseSetting("Senco:Smtp:Port", Smtp.Port.ToString());
        builder.UseSetting("Senco:Smtp:From", "senco@ehc.test");
        builder.UseSetting("Senco:Smtp:UseTls", "false");
        builder.UseSetting("Senco:Smtp:PublicUrl", "https://senco.ehc.test");
    }

    public static readonly (string Email, string School, string Role)[] People =
    [
        ("senco@a.test", "A", "Senco"), ("assistant@a.test", "A", "AssistantSenco"), ("teacher@a.test", "A", "Teacher"),
        ("ta@a.test", "A", "TeachingAssistant"), ("head@a.test", "A", "SeniorLeader"), ("governor@a.test", "A", "Governor"),
        ("office@a.test", "A", "SchoolAdmin"), ("trustlead@a.test", "A", "TrustLead"), ("senco@b.test", "B", "Senco"), ("senco@c.test", "C", "Senco"),
    ];

    public async Task InitializeAsync()
    {
        var admin = await ClientAsync(AdminEmail);
        foreach (var (urn, name, phase, trust, estab) in new[]
                 {
                     (SchoolA, "EHC Test Primary", "Primary", "EHC Test Trust " + SchoolA, "2" + SchoolA[3..]),
                     (SchoolB, "EHC Test Secondary", "Secondary", "EHC Test Trust " + SchoolA, "4" + SchoolB[3..]),
                     (SchoolC, "Unrelated School", "Primary", "Another Trust " + SchoolC, "2" + SchoolC[3..]),
                 })
        {
            var r = await admin.PostAsJsonAsync("/api/v1/schools", new { urn, name, laCode = "873", estab, phase, trust });
            await Expect(r, HttpStatusCode.Created);
        }
        foreach (var (email, school, role) in People)
        {
            var r = await admin.PostAsJsonAsync("/api/v1/users", new
            {
                email, password = Senco.Web.Tests.Infrastructure.TemporaryPasswords.Temporary, displayName = $"{role} of {school}",
                memberships = new[] { new { schoolUrn = Urn(school), role } },
            });
            await Expect(r, HttpStatusCode.Created);
            await Senco.Web.Tests.Infrastructure.TemporaryPasswords.ChooseOwnAsync(admin, email, Password);
        }
    }

    public string Urn(string letter) => letter switch { "A" => SchoolA, "B" => SchoolB, _ => SchoolC };

    public async Task<HttpClient> ClientAsync(string email)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        if (!_tokens.TryGetValue(email, out var token))
        {
            var r = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = Password });
            await Expect(r, HttpStatusCode.OK);
            token = (await r.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
            lock (_tokens) _tokens[email] = token;
        }
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// A pupil in school A (or another) in the given year group, old enough for it, optionally on K with needs.
    public async Task<Guid> PupilAsync(string school = "A", string year = "4", string[]? needs = null, string forename = "Ada", string surname = "Lovegood", DateOnly? dob = null)
    {
        var urn = Urn(school);
        var senco = await ClientAsync($"senco@{school.ToLowerInvariant()}.test");
        var serial = Interlocked.Increment(ref _serial);
        var nc = year switch { "N1" => -2, "N2" => -1, "R" => 0, _ => int.Parse(year) };
        var startYear = Today.Month >= 9 ? Today.Year : Today.Year - 1;
        dob ??= new DateOnly(startYear - nc - 5, 10, 1);
        var body = $"873{urn[2..]}{dob.Value.Year % 100:00}{serial % 1000:000}";
        var upn = $"{Upn.CheckLetterFor(body)}{body}";
        var r = await senco.PostAsJsonAsync($"/api/v1/schools/{urn}/pupils", new
        {
            upn, forename, surname, dateOfBirth = dob.Value.ToString("yyyy-MM-dd"), gender = "F", yearGroup = year, eal = false, lookedAfter = false, pupilPremium = false,
        });
        var pupil = await Expect(r, HttpStatusCode.Created);
        var id = pupil["id"]!.GetValue<Guid>();
        if (needs is { Length: > 0 })
        {
            var sen = await senco.PutAsJsonAsync($"/api/v1/pupils/{id}/sen", new { status = "K", needs, effectiveFrom = Today.AddYears(-3).ToString("yyyy-MM-dd"), reason = "Fictional test pupil placed on SEN support" });
            await Expect(sen, HttpStatusCode.OK);
        }
        return id;
    }

    /// A pupil with a plan issued on <paramref name="issuedOn"/>; returns (pupil, plan).
    public async Task<(Guid Pupil, Guid Plan)> PupilWithPlanAsync(DateOnly issuedOn, string school = "A", string year = "4", string forename = "Ada", string surname = "Lovegood")
    {
        var pupil = await PupilAsync(school, year, forename: forename, surname: surname);
        var senco = await ClientAsync($"senco@{school.ToLowerInvariant()}.test");
        var r = await senco.PostAsJsonAsync($"/api/v1/pupils/{pupil}/ehc-plans", new { issuedOn = Iso(issuedOn), localAuthority = "873", needs = new[] { "ASD" } });
        var plan = await Expect(r, HttpStatusCode.Created);
        return (pupil, plan["id"]!.GetValue<Guid>());
    }

    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd");

    public static async Task<JsonNode> Expect(HttpResponseMessage r, HttpStatusCode status)
    {
        var text = await r.Content.ReadAsStringAsync();
        if (r.StatusCode != status) throw new Xunit.Sdk.XunitException($"Expected {(int)status} {status} from {r.RequestMessage?.Method} {r.RequestMessage?.RequestUri}, got {(int)r.StatusCode}: {text}");
        return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!;
    }

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
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

[CollectionDefinition(Name)]
public sealed class EhcCollection : ICollectionFixture<EhcFixture>
{
    public const string Name = "EHC";
}
