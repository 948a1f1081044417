using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Senco.Browser.Tests.Infrastructure;

/// <summary>
/// The real Senco app, started once per test collection as a child process on a free loopback
/// port, with a fresh SQLite database seeded with the fictional demo trust. Tests reach it at
/// <see cref="BaseUrl"/> and sign in with a demo user's email and <see cref="DemoPassword"/>.
/// Runs the Senco.Web.dll that the ProjectReference built, in the same configuration as the tests,
/// from src/Senco.Web so that wwwroot/ is its web root, in the Production environment (so the
/// pages, headers and error handling are those users get).
/// </summary>
public sealed class AppServer : IAsyncLifetime
{
    /// <summary>The password every demo user gets in the browser tests (Senco__DemoPassword).</summary>
    public const string DemoPassword = "Browser-tests-Demo-2026!";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly StringBuilder _log = new();
    private Process? _process;
    private string? _dataDir;

    public string BaseUrl { get; private set; } = "";

    /// An HTTP client on the app's API, signed in as a demo user with a bearer token (for tests that find demo records
    /// through the API before driving the pages).
    public async Task<HttpClient> ApiClientAsync(string email)
    {
        var http = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        var r = await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(http, "/api/v1/auth/token", new { email, password = DemoPassword });
        r.EnsureSuccessStatusCode();
        var token = (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>(r.Content))!["accessToken"]!.GetValue<string>();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    /// <summary>Everything the app wrote to stdout and stderr so far (for failure messages).</summary>
    public string Log
    {
        get { lock (_log) return _log.ToString(); }
    }

    public async Task InitializeAsync()
    {
        var dll = RepoPaths.WebDll;
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException(
                $"{dll} does not exist. Build the solution first (dotnet build Senco.sln -c {RepoPaths.Configuration}).");
        }

        _dataDir = Directory.CreateTempSubdirectory("senco-browser-").FullName;
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepoPaths.WebProjectDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(BaseUrl);
        start.ArgumentList.Add("--contentRoot");
        start.ArgumentList.Add(RepoPaths.WebProjectDir);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["ConnectionStrings__Senco"] = $"Data Source={Path.Combine(_dataDir, "senco.db")}";
        start.Environment["Senco__Demo"] = "true";
        start.Environment["Senco__DemoPassword"] = DemoPassword;
        start.Environment["Senco__RateLimits__SignInPerMinute"] = "0";
        // A single sign-on button on the sign-in page, so axe checks it (the provider is never contacted).
        start.Environment["Senco__Sso__Providers__0__Name"] = "microsoft";
        start.Environment["Senco__Sso__Providers__0__Kind"] = "Entra";
        start.Environment["Senco__Sso__Providers__0__TenantId"] = "00000000-0000-0000-0000-000000000000";
        start.Environment["Senco__Sso__Providers__0__ClientId"] = "senco-browser-tests";
        // Never let a developer's own settings leak into the run.
        start.Environment.Remove("ASPNETCORE_URLS");
        start.Environment.Remove("SENCO_ADMIN_EMAIL");
        start.Environment.Remove("SENCO_ADMIN_PASSWORD");

        _process = new Process { StartInfo = start, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        await WaitUntilHealthyAsync();
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        string lastProblem = "no answer yet";
        while (deadline.Elapsed < StartTimeout)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException(
                    $"Senco.Web exited with code {_process.ExitCode} before /health answered.\n--- app output ---\n{Log}");
            }

            try
            {
                using var response = await http.GetAsync($"{BaseUrl}/health");
                if (response.StatusCode == HttpStatusCode.OK) return;
                lastProblem = $"/health answered {(int)response.StatusCode}";
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                lastProblem = e.Message;
            }
            await Task.Delay(250);
        }

        throw new TimeoutException(
            $"Senco.Web did not answer 200 on {BaseUrl}/health within {StartTimeout.TotalSeconds:0} s ({lastProblem}).\n--- app output ---\n{Log}");
    }

    public Task DisposeAsync()
    {
        if (_process is not null)
        {
            try
            {
                if (!_process.HasExited)
                {
                    _process.Kill(entireProcessTree: true);
                    _process.WaitForExit(10_000);
                }
            }
            catch (InvalidOperationException)
            {
                // already gone
            }
            _process.Dispose();
        }

        if (_dataDir is not null)
        {
            try { Directory.Delete(_dataDir, recursive: true); }
            catch (IOException) { /* a file still held open: the OS cleans /tmp */ }
        }
        return Task.CompletedTask;
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_log)
        {
            // Keep the tail: a chatty app must not use up memory over a long run.
            if (_log.Length > 200_000) _log.Remove(0, 100_000);
            _log.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
