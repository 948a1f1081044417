using System.Text;
using Senco.Core.Exchange;
using Senco.Core.Pupils;
using Senco.Fuzzing;

namespace Senco.Core.Tests.Fuzzing;

/// A short fuzzing run of each parser on every test run (a fixed seed, so a failure reproduces); bench/Fuzz runs the
/// same targets for longer and reports executions and findings.
public class FuzzTests
{
    [Fact]
    public void Upn_parser_never_throws_on_mutated_input()
    {
        var report = new Fuzzer(1).Run("upn", CoreFuzzTargets.ParseUpn, CoreFuzzTargets.UpnSeeds.Select(Encoding.UTF8.GetBytes).ToList(), CoreFuzzTargets.UpnTokens,
            maxExecutions: 20_000, maxDuration: TimeSpan.FromSeconds(20), hangLimit: TimeSpan.FromSeconds(10), maxInputBytes: 256);
        Assert.True(report.Findings.Count == 0, report.ToString());
        Assert.True(report.Executions >= 1000, report.ToString());
    }

    [Fact]
    public void Ctf_reader_never_throws_or_hangs_on_mutated_files()
    {
        var report = new Fuzzer(2).Run("ctf", CoreFuzzTargets.ReadCtf, [Encoding.UTF8.GetBytes(CoreFuzzTargets.CtfSample()), Encoding.UTF8.GetBytes(CoreFuzzTargets.CtfSample(1))], CoreFuzzTargets.CtfTokens,
            maxExecutions: 3_000, maxDuration: TimeSpan.FromSeconds(30), hangLimit: TimeSpan.FromSeconds(10), maxInputBytes: 256 * 1024);
        Assert.True(report.Findings.Count == 0, report.ToString());
        Assert.True(report.Executions >= 300, report.ToString());
    }

    [Fact]
    public void The_fuzzer_reports_a_target_that_throws()
    {
        // The harness itself can fail: a target that throws on some inputs must be reported with that input.
        var report = new Fuzzer(3).Run("throws", b => b.Contains((byte)'!') ? throw new FormatException("bang") : "fine",
            [Encoding.UTF8.GetBytes("abc")], ["!"], maxExecutions: 2_000, maxDuration: TimeSpan.FromSeconds(10), hangLimit: TimeSpan.FromSeconds(10));
        var finding = Assert.Single(report.Findings);
        Assert.Contains("bang", finding.Description);
        Assert.Contains((byte)'!', finding.Input);
    }
}
