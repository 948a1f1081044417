using System.Globalization;
using System.Text;
using Senco.Fuzzing;

// Long fuzzing runs of Senco's parsers, reporting executions and findings (issue 9).
//
//   dotnet run -c Release --project bench/Fuzz -- [seconds per target = 300] [seed = 1] [targets = upn,ctf,csv,xlsx-sheet,xlsx-bytes]
//
// Writes bench/out/fuzz/report.md and, for each finding, the input that caused it (bench/out/fuzz/findings/).
// Exit code 1 when anything was found.
var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 300;
var seed = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1;
var wanted = args.Length > 2 ? args[2].Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet() : null;

static byte[] B(string s) => Encoding.UTF8.GetBytes(s);
var targets = new (string Name, Func<byte[], string> Target, IReadOnlyList<byte[]> Seeds, IReadOnlyList<string> Tokens, int MaxBytes)[]
{
    ("upn", CoreFuzzTargets.ParseUpn, CoreFuzzTargets.UpnSeeds.Select(B).ToList(), CoreFuzzTargets.UpnTokens, 256),
    ("ctf", CoreFuzzTargets.ReadCtf, [B(CoreFuzzTargets.CtfSample()), B(CoreFuzzTargets.CtfSample(1))], CoreFuzzTargets.CtfTokens, 256 * 1024),
    ("csv", RollFuzzTargets.Csv, [B(RollFuzzTargets.CsvSeed)], RollFuzzTargets.CsvTokens, 256 * 1024),
    ("xlsx-sheet", RollFuzzTargets.XlsxSheet, [B(RollFuzzTargets.SheetSeed)], RollFuzzTargets.SheetTokens, 256 * 1024),
    ("xlsx-bytes", RollFuzzTargets.XlsxBytes, [RollFuzzTargets.Workbook(B(RollFuzzTargets.SheetSeed))], [], 256 * 1024),
};

var root = AppContext.BaseDirectory;
for (var d = new DirectoryInfo(root); d is not null; d = d.Parent)
    if (File.Exists(Path.Combine(d.FullName, "Senco.sln"))) { root = d.FullName; break; }
var outDir = Path.Combine(root, "bench", "out", "fuzz");
Directory.CreateDirectory(Path.Combine(outDir, "findings"));

var reports = new List<FuzzReport>();
foreach (var t in targets.Where(t => wanted is null || wanted.Contains(t.Name)))
{
    Console.WriteLine($"fuzzing {t.Name} for {seconds} s (seed {seed}) ...");
    var report = new Fuzzer(seed).Run(t.Name, t.Target, t.Seeds, t.Tokens, long.MaxValue, TimeSpan.FromSeconds(seconds), TimeSpan.FromSeconds(10), t.MaxBytes);
    Console.WriteLine(report);
    for (var i = 0; i < report.Findings.Count; i++)
        File.WriteAllBytes(Path.Combine(outDir, "findings", $"{t.Name}-{i + 1}.bin"), report.Findings[i].Input);
    reports.Add(report);
}

var md = new StringBuilder();
md.AppendLine($"# Fuzzing run, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
md.AppendLine();
md.AppendLine($"Seed {seed}, {seconds} s per target, on {Environment.ProcessorCount} cores ({System.Runtime.InteropServices.RuntimeInformation.OSDescription}).");
md.AppendLine();
md.AppendLine("| Target | Executions | Per second | Findings |");
md.AppendLine("|---|---:|---:|---:|");
foreach (var r in reports) md.AppendLine($"| {r.Target} | {r.Executions:N0} | {r.PerSecond:N0} | {r.Findings.Count} |");
foreach (var r in reports.Where(r => r.Findings.Count > 0))
{
    md.AppendLine().AppendLine($"## {r.Target}");
    foreach (var f in r.Findings) md.AppendLine($"- {f.Kind}: {f.Description}");
}
File.WriteAllText(Path.Combine(outDir, "report.md"), md.ToString());
Console.WriteLine($"report: {Path.Combine(outDir, "report.md")}");
return reports.Any(r => r.Findings.Count > 0) ? 1 : 0;
