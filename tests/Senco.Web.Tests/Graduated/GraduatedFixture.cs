using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Senco.Core.Pupils;
using Senco.Data;

namespace Senco.Web.Tests.Graduated;

/// The real app on a fresh database (SQLite by default; SENCO_TEST_DB=Postgres with SENCO_TEST_POSTGRES for
/// PostgreSQL), with two schools, their staff in every role, and pupils, all created through the API as an
/// administrator would. Shared by the graduated approach's tests; each test makes the pupils it changes.
public sealed class GraduatedFixture : IAsyncLifetime
{
    public const string AdminEmail = "admin@grad.test";
    public const string Password = "a long passphrase for graduated tests";
    public const string UrnA = "901101";
    public const string UrnB = "901102";
    public static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private WebApplicationFactory<Program>? _factory;
    private string? _sqliteFolder;
    private string? _postgresAdmin;
    private string? _postgresName;
    private int _serial;
    private readonly Dictionary<string, string> _tokens = [];

    public string Provider { get; private set; } = "Sqlite";
    public string ConnectionString { get; private set; } = "";
    public WebApplicationFactory<Program> Factory => _factory!;
    public Dictionary<string, Guid> UserIds { get; } = [];

    // Pupils every test may read (and none changes): P1 is in the teacher's class, P2 is not, PB is at school B.
    public Guid P1 { get; private set; }
    public Guid P2 { get; private set; }
    public Guid PB { get; private set; }
    public int TeachersGroupId { get; private set; }

    public static readonly (string Key, string Email, string School, string Role)[] Staff =
    [
        ("senco", "senco@a.grad.test", UrnA, "Senco"),
        ("assistant", "assistant@a.grad.test", UrnA, "AssistantSenco"),
        ("teacher", "teacher@a.grad.test", UrnA, "Teacher"),
        ("teacher2", "teacher2@a.grad.test", UrnA, "Teacher"),
        ("ta", "ta@a.grad.test", UrnA, "TeachingAssistant"),
        ("head", "head@a.grad.test", UrnA, "SeniorLeader"),
        ("office", "office@a.grad.test", UrnA, "SchoolAdmin"),
        ("governor", "governor@a.grad.test", UrnA, "Governor"),
        ("sencoB", "senco@b.grad.test", UrnB, "Senco"),
    ];

    public async Task InitializeAsync()
    {
        CreateDatabase();
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Testing");
            b.UseSetting("Database:Provider", Provider);
            b.UseSetting("ConnectionStrings:Senco", ConnectionString);
            b.UseSetting("Senco:Demo", "false");
            b.UseSetting("SENCO_ADMIN_EMAIL", AdminEmail);
            b.UseSetting("SENCO_ADMIN_PASSWORD", Password);
            b.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Warning");
        });

        using var admin = await ApiAsAsync(AdminEmail);
        foreach (var (urn, name, estab) in new[] { (UrnA, "Grad Test Primary A", "2911"), (UrnB, "Grad Test Primary B", "2912") })
            await Send(admin.PostAsync("/api/v1/schools", Json(new { urn, name, laCode = "873", estab, phase = "Primary" })), HttpStatusCode.Created);
        foreach (var s in Staff)
        {
            var created = await Send(admin.PostAsync("/api/v1/users", Json(new
            {
                email = s.Email, password = Senco.Web.Tests.Infrastructure.TemporaryPasswords.Temporary, displayName = $"{s.Key} person", memberships = new[] { new { schoolUrn = s.School, role = s.Role } },
            })), HttpStatusCode.Created);
            await Senco.Web.Tests.Infrastructure.TemporaryPasswords.ChooseOwnAsync(admin, s.Email, Password);
            UserIds[s.Key] = Guid.Parse(created["id"]!.GetValue<string>());
        }

        P1 = await NewPupilAsync(UrnA, "K", "Ada", "Taught");
        P2 = await NewPupilAsync(UrnA, "K", "Ben", "Untaught");
        PB = await NewPupilAsync(UrnB, "K", "Cora", "Elsewhere", asUser: "sencoB");
        using var senco = await ApiAsAsync("senco");
        var group = await Send(senco.PostAsync($"/api/v1/schools/{UrnA}/teaching-groups", Json(new
        {
            name = "5T", yearGroup = "5", pupilIds = new[] { P1 }, teacherIds = new[] { UserIds["teacher"] },
        })), HttpStatusCode.Created);
        TeachersGroupId = group["id"]!.GetValue<int>();
    }

    /// A new pupil at <paramref name="urn"/>, on the register at <paramref name="status"/> (K or E with SLCN) when asked.
    public async Task<Guid> NewPupilAsync(string urn, string status = "K", string forename = "Test", string surname = "Pupil", string asUser = "senco")
    {
        using var c = await ApiAsAsync(asUser);
        var n = Interlocked.Increment(ref _serial);
        var estab = urn == UrnA ? "2911" : "2912";
        var body = $"873{estab}16{n:D3}";
        var upn = Upn.CheckLetterFor(body) + body;
        var pupil = await Send(c.PostAsync($"/api/v1/schools/{urn}/pupils", Json(new
        {
            upn, forename, surname = $"{surname}{n}", dateOfBirth = Today.AddYears(-10).ToString("yyyy-MM-dd"), gender = "F", yearGroup = "5",
            eal = false, lookedAfter = false, pupilPremium = false,
        })), HttpStatusCode.Created);
        var id = Guid.Parse(pupil["id"]!.GetValue<string>());
        if (status != "N")
        {
            await Send(c.PutAsync($"/api/v1/pupils/{id}/sen", Json(new
            {
                status, needs = new[] { "SLCN" }, effectiveFrom = Today.AddDays(-20).ToString("yyyy-MM-dd"), reason = "Identified at pupil progress meeting",
            })), HttpStatusCode.OK);
        }
        return id;
    }

    public string EmailOf(string key) => key.Contains('@') ? key : Staff.Single(s => s.Key == key).Email;

    /// An API client with a bearer token for a user (by key, e.g. "teacher", or email).
    public async Task<HttpClient> ApiAsAsync(string user)
    {
        var email = EmailOf(user);
        var client = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        if (!_tokens.TryGetValue(email, out var token))
        {
            var r = await client.PostAsync("/api/v1/auth/token", Json(new { email, password = Password }));
            var node = JsonNode.Parse(await r.Content.ReadAsStringAsync())!;
            token = node["accessToken"]?.GetValue<string>() ?? throw new InvalidOperationException($"No token for {email}: {node.ToJsonString()}");
            lock (_tokens) _tokens[email] = token;
        }
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// A browser-like client (cookies, no redirects followed) signed in through the sign-in page.
    public async Task<PageClient> PagesAsAsync(string user)
    {
        var client = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var pages = new PageClient(client);
        var form = await pages.GetDocumentAsync("/account/sign-in");
        var r = await pages.PostFormAsync("/account/sign-in", form, new() { ["Input.Email"] = EmailOf(user), ["Input.Password"] = Password });
        if (r.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Sign-in as {user} answered {(int)r.StatusCode}");
        return pages;
    }

    /// The app's database with the tenancy scope opened for the system, to arrange or check what the API cannot.
    public (IServiceScope Scope, SencoDbContext Db) SystemDb()
    {
        var scope = Factory.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<TenantScope>().RestrictToSystem();
        return (scope, scope.ServiceProvider.GetRequiredService<SencoDbContext>());
    }

    public static StringContent Json(object body) => new(JsonSerializer.Serialize(body, new JsonSerializerOptions(JsonSerializerDefaults.Web)), Encoding.UTF8, "application/json");

    /// Sends and checks the status, showing the body when it differs; returns the JSON body (or null when empty).
    public static async Task<JsonNode> Send(Task<HttpResponseMessage> call, HttpStatusCode expected)
    {
        var r = await call;
        var text = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == expected,
            $"{r.RequestMessage?.Method} {r.RequestMessage?.RequestUri} answered {(int)r.StatusCode}, expected {(int)expected}. Body: {(text.Length > 3000 ? text[..3000] : text)}");
        return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!;
    }

    private void CreateDatabase()
    {
        var choice = Environment.GetEnvironmentVariable("SENCO_TEST_DB")?.Trim();
        if (string.IsNullOrEmpty(choice) || choice.Equals("sqlite", StringComparison.OrdinalIgnoreCase))
        {
            _sqliteFolder = Path.Combine(Path.GetTempPath(), "senco-grad-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(_sqliteFolder);
            Provider = "Sqlite";
            ConnectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(_sqliteFolder, "senco.db") }.ToString();
            return;
        }
        if (!choice.StartsWith("postgres", StringComparison.OrdinalIgnoreCase)) throw new InvalidOperationException($"SENCO_TEST_DB must be Sqlite or Postgres, not {choice}");
        _postgresAdmin = Environment.GetEnvironmentVariable("SENCO_TEST_POSTGRES");
        if (string.IsNullOrWhiteSpace(_postgresAdmin))
            throw new InvalidOperationException("SENCO_TEST_DB=Postgres needs SENCO_TEST_POSTGRES: a connection string to the 'postgres' database with a CREATEDB role.");
        _postgresName = "senco_grad_" + Guid.NewGuid().ToString("N");
        using (var conn = new NpgsqlConnection(_postgresAdmin))
        {
            conn.Open();
            using var cmd = conn.CreateCommand();
            cmd.CommandText = $"CREATE DATABASE \"{_postgresName}\" ENCODING 'UTF8' TEMPLATE template0";
            cmd.ExecuteNonQuery();
        }
        Provider = "Postgres";
        ConnectionString = new NpgsqlConnectionStringBuilder(_postgresAdmin) { Database = _postgresName }.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null) await _factory.DisposeAsync();
        if (_sqliteFolder is not null)
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(_sqliteFolder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection(_postgresAdmin);
            await conn.OpenAsync();
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = $"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)";
            await cmd.ExecuteNonQueryAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class GraduatedCollection : ICollectionFixture<GraduatedFixture>
{
    public const string Name = "Graduated approach app";
}

/// Pages as a browser sees them: HTML parsed with AngleSharp, forms posted with their antiforgery token.
public sealed class PageClient(HttpClient client) : IDisposable
{
    private static readonly HtmlParser Parser = new();
    public HttpClient Http => client;

    public async Task<(HttpStatusCode Status, IHtmlDocument Document)> GetAsync(string url)
    {
        var r = await client.GetAsync(url);
        return (r.StatusCode, Parser.ParseDocument(await r.Content.ReadAsStringAsync()));
    }

    public async Task<IHtmlDocument> GetDocumentAsync(string url)
    {
        var (status, doc) = await GetAsync(url);
        Assert.True(status == HttpStatusCode.OK, $"GET {url} answered {(int)status}");
        return doc;
    }

    /// Posts a form's fields (hidden fields and what the page filled in, including the antiforgery token), with changes.
    public async Task<HttpResponseMessage> PostFormAsync(string url, IHtmlDocument page, Dictionary<string, string> values, string? formSelector = null)
    {
        var form = (IHtmlFormElement?)(formSelector is null ? page.QuerySelectorAll("form").OfType<IHtmlFormElement>().FirstOrDefault(f => f.Method.Equals("post", StringComparison.OrdinalIgnoreCase) && f.QuerySelector("[name=__RequestVerificationToken]") is not null && !f.Action.Contains("sign-out")) : page.QuerySelector(formSelector))
            ?? throw new InvalidOperationException($"No form on {url}");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var input in form.QuerySelectorAll("input, textarea, select"))
        {
            var name = input.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || values.ContainsKey(name)) continue;
            switch (input)
            {
                case IHtmlInputElement i when i.Type is "checkbox" or "radio":
                    if (i.IsChecked) fields.Add(new(name, i.Value));
                    break;
                case IHtmlInputElement i when i.Type == "file":
                    break;
                case IHtmlInputElement i:
                    fields.Add(new(name, i.Value));
                    break;
                case IHtmlTextAreaElement t:
                    fields.Add(new(name, t.Value));
                    break;
                case IHtmlSelectElement s:
                    fields.Add(new(name, s.Value ?? ""));
                    break;
            }
        }
        fields.AddRange(values);
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    public static IHtmlDocument Parse(string html) => Parser.ParseDocument(html);

    public void Dispose() => client.Dispose();
}
