using System.Diagnostics;
using System.Text;

namespace Senco.Fuzzing;

/// What a fuzzing run found: executions, speed, and each distinct failure (an unhandled exception or an input that did
/// not finish in time) with the input that caused it.
public sealed record FuzzReport(string Target, long Executions, TimeSpan Took, IReadOnlyList<FuzzFinding> Findings)
{
    public double PerSecond => Executions / Math.Max(0.001, Took.TotalSeconds);
    public override string ToString() =>
        $"{Target}: {Executions:N0} executions in {Took.TotalSeconds:F1} s ({PerSecond:N0}/s), {Findings.Count} finding(s)" +
        string.Concat(Findings.Select(f => $"\n  - {f.Kind}: {f.Description} (input {f.Input.Length} bytes)"));
}

public sealed record FuzzFinding(string Kind, string Description, byte[] Input);

/// <summary>
/// A mutation-based fuzzer for Senco's parsers (UPN, CTF, CSV/XLSX roll files). .NET has no in-process coverage
/// feedback without instrumenting the assemblies, so this is not coverage-guided: it starts from valid seed inputs and
/// stacks random mutations (bit flips, interesting bytes, inserted and deleted ranges, duplicated chunks, tokens from
/// a dictionary of the format's own syntax, splices between seeds, truncation), keeping any input that produced a
/// result different in kind from its parent so later mutations explore from it too. Deterministic for a seed.
/// A finding is an exception escaping the target (parsers must report bad input, never throw) or an input that runs
/// longer than the hang limit.
/// </summary>
public sealed class Fuzzer(int seed)
{
    private readonly Random _rng = new(seed);
    private static readonly byte[] Interesting = [0x00, 0x01, 0x7F, 0x80, 0xFF, 0xFE, 0xC3, 0xE2, (byte)'<', (byte)'>', (byte)'&', (byte)'"', (byte)'\'', (byte)'\n', (byte)'\r', (byte)',', (byte)';', (byte)'=', (byte)'-', (byte)'9'];

    public FuzzReport Run(string name, Func<byte[], string> target, IReadOnlyList<byte[]> seeds, IReadOnlyList<string> dictionary,
        long maxExecutions, TimeSpan maxDuration, TimeSpan hangLimit, int maxInputBytes = 1 << 20)
    {
        var tokens = dictionary.Select(Encoding.UTF8.GetBytes).ToList();
        var corpus = new List<byte[]>(seeds);
        var seenOutcomes = new HashSet<string>();
        var findings = new List<FuzzFinding>();
        var seenFindings = new HashSet<string>();
        var clock = Stopwatch.StartNew();
        long executions = 0;

        // Each input runs on one worker thread; if it does not finish in time it is reported as a hang and the run
        // stops (a thread cannot be aborted in .NET, so a hung target is the end of that target's run).
        // Not disposed: the worker may still be waking from its last Wait, or (after a hang) still running the target
        // and about to Release, when Run returns; a disposed semaphore there threw on the worker thread and took the
        // whole test host down (seen once in a full run on a loaded machine). Undisposed they hold no OS handle.
        var work = new SemaphoreSlim(0);
        var done = new SemaphoreSlim(0);
        byte[] current = [];
        string? outcome = null;
        Exception? failure = null;
        var stop = false;
        var worker = new Thread(() =>
        {
            while (true)
            {
                work.Wait();
                if (stop) return;
                try { outcome = target(current); failure = null; }
                catch (Exception ex) { failure = ex; outcome = null; }
                done.Release();
            }
        }) { IsBackground = true, Name = "fuzz-" + name };
        worker.Start();

        while (executions < maxExecutions && clock.Elapsed < maxDuration)
        {
            // The seeds first, as they are; then mutations of the growing corpus.
            var input = executions < seeds.Count ? seeds[(int)executions] : Mutate(corpus[_rng.Next(corpus.Count)], corpus, tokens, maxInputBytes);
            current = input;
            work.Release();
            if (!done.Wait(hangLimit))
            {
                findings.Add(new FuzzFinding("hang", $"did not finish within {hangLimit.TotalSeconds:F0} s", input));
                executions++;
                break;
            }
            executions++;
            if (failure is not null)
            {
                var frame = failure.StackTrace?.Split('\n').FirstOrDefault()?.Trim() ?? "";
                var key = failure.GetType().FullName + "|" + frame;
                if (seenFindings.Add(key)) findings.Add(new FuzzFinding("exception", $"{failure.GetType().Name}: {failure.Message} at {frame}", input));
            }
            else if (outcome is not null && seenOutcomes.Add(outcome) && corpus.Count < 2000)
            {
                corpus.Add(input);
            }
        }
        stop = true;
        work.Release();
        return new FuzzReport(name, executions, clock.Elapsed, findings);
    }

    public byte[] Mutate(byte[] parent, IReadOnlyList<byte[]> corpus, IReadOnlyList<byte[]> tokens, int maxBytes)
    {
        var data = new List<byte>(parent);
        var stacked = 1 + _rng.Next(4);
        for (var i = 0; i < stacked; i++)
        {
            var at = data.Count == 0 ? 0 : _rng.Next(data.Count);
            var len = data.Count == 0 ? 0 : Math.Min(data.Count - at, 1 + _rng.Next(Math.Min(64, data.Count)));
            switch (_rng.Next(11))
            {
                case 0 when data.Count > 0: data[at] ^= (byte)(1 << _rng.Next(8)); break;
                case 1 when data.Count > 0: data[at] = Interesting[_rng.Next(Interesting.Length)]; break;
                case 2: data.InsertRange(at, Enumerable.Range(0, 1 + _rng.Next(8)).Select(_ => (byte)_rng.Next(256))); break;
                case 3 when len > 0: data.RemoveRange(at, len); break;
                case 4 when len > 0: data.InsertRange(at, data.GetRange(at, len)); break;
                case 5 when tokens.Count > 0: data.InsertRange(at, tokens[_rng.Next(tokens.Count)]); break;
                case 6 when tokens.Count > 0 && len > 0: data.RemoveRange(at, len); data.InsertRange(at, tokens[_rng.Next(tokens.Count)]); break;
                case 7 when corpus.Count > 1:
                    var other = corpus[_rng.Next(corpus.Count)];
                    var cut = other.Length == 0 ? 0 : _rng.Next(other.Length);
                    data.RemoveRange(at, data.Count - at);
                    data.AddRange(other.Skip(cut));
                    break;
                case 8 when data.Count > 1: data.RemoveRange(at, data.Count - at); break; // cut short
                case 9 when len > 0: // repeat a chunk many times (deep nesting, long fields)
                    var chunk = data.GetRange(at, len).ToArray();
                    var times = 2 + _rng.Next(200);
                    for (var k = 0; k < times && data.Count < maxBytes; k++) data.InsertRange(at, chunk);
                    break;
                default: data.Insert(at, Interesting[_rng.Next(Interesting.Length)]); break;
            }
        }
        return data.Count > maxBytes ? data.GetRange(0, maxBytes).ToArray() : data.ToArray();
    }
}
