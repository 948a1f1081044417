namespace Senco.Browser.Tests.Infrastructure;

/// <summary>Where things are, found from the test assembly rather than the current directory.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootLazy = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Senco.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"Could not find Senco.sln above {AppContext.BaseDirectory}.");
    });

    /// <summary>The repository root (the folder holding Senco.sln).</summary>
    public static string Root => RootLazy.Value;

    /// <summary>Debug or Release: the configuration this test assembly was built in (bin/&lt;Configuration&gt;/net10.0/).</summary>
    public static string Configuration
    {
        get
        {
            var tfmDir = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            return tfmDir.Parent?.Name ?? "Debug";
        }
    }

    /// <summary>The framework folder name of this test assembly, e.g. net10.0.</summary>
    public static string TargetFramework =>
        new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Name;

    public static string WebProjectDir => Path.Combine(Root, "src", "Senco.Web");

    public static string WebDll => Path.Combine(WebProjectDir, "bin", Configuration, TargetFramework, "Senco.Web.dll");

    public static string TestResults => Path.Combine(Root, "TestResults");

    public static string Screenshots => Path.Combine(TestResults, "screenshots");
}
