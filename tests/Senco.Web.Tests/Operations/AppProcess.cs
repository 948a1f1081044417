using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Senco.Browser.Tests.Infrastructure;
using Senco.Web.Tests.Infrastructure;

namespace Senco.Web.Tests.Operations;

/// The built app started as a separate process on a loopback port (Kestrel, the Production environment), for tests
/// that need a real process: killing it, or a real TCP connection with a client address.
public static class AppProcess
{
    public static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    public static async Task<(Process Process, string BaseUrl)> StartAsync(TestDatabase db, StringBuilder log, Dictionary<string, string> settings)
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = RepoPaths.WebProjectDir, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { RepoPaths.WebDll, "--urls", url, "--contentRoot", RepoPaths.WebProjectDir }) start.ArgumentList.Add(a);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__Provider"] = db.Provider;
        start.Environment["ConnectionStrings__Senco"] = db.ConnectionString;
        start.Environment["Senco__RateLimits__SignInPerMinute"] = "0";
        start.Environment["Senco__RateLimits__ApiPerMinute"] = "0";
        start.Environment.Remove("ASPNETCORE_URLS");
        start.Environment.Remove("SENCO_ADMIN_EMAIL");
        start.Environment.Remove("SENCO_ADMIN_PASSWORD");
        foreach (var (k, v) in settings) start.Environment[k] = v;
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        for (var i = 0; i < 600; i++)
        {
            if (process.HasExited) throw new InvalidOperationException($"the app exited with {process.ExitCode}\n{Text(log)}");
            try
            {
                if ((await http.GetAsync(url + "/health")).StatusCode == HttpStatusCode.OK) return (process, url);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
            await Task.Delay(200);
        }
        process.Kill(true);
        throw new TimeoutException("the app did not become healthy\n" + Text(log));
    }

    private static string Text(StringBuilder log) { lock (log) return log.ToString(); }
}
