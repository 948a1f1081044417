using System.Text;
using Senco.Fuzzing;
using SharpFuzz;

// Coverage-guided fuzzing of Senco's parsers with AFL++ and SharpFuzz (issue 9). Run by bench/fuzz-afl.sh:
//
//   afl-fuzz -i in -o out -t 10000 -m none -- dotnet bench/out/afl/app/FuzzAfl.dll <upn|ctf|csv|xlsx-sheet|xlsx-bytes>
//
// Given a second argument (a file), runs the target once on that file instead: reproduces a saved crash or hang.
//   FuzzAfl seeds <target> <dir> <dict>   writes the target's seed corpus and an AFL dictionary of its tokens.
// A target throws only on a real bug (an exception escaping the parser, or a report that breaks its promises);
// an exception escaping Run is what AFL records as a crash.
var targets = new Dictionary<string, Func<byte[], string>>
{
    ["upn"] = CoreFuzzTargets.ParseUpn,
    ["ctf"] = CoreFuzzTargets.ReadCtf,
    ["csv"] = RollFuzzTargets.Csv,
    ["xlsx-sheet"] = RollFuzzTargets.XlsxSheet,
    ["xlsx-bytes"] = RollFuzzTargets.XlsxBytes,
};

// Outside afl-fuzz (seeds, replay) the instrumented assemblies still write to a coverage map: give them a scratch one.
if (args.Length != 1)
    unsafe { SharpFuzz.Common.Trace.SharedMem = (byte*)System.Runtime.InteropServices.Marshal.AllocHGlobal(1 << 16); }

static byte[] B(string s) => Encoding.UTF8.GetBytes(s);
// Built only when asked for: building them runs instrumented code, which must not happen before Fuzzer.Run maps AFL's memory.
Dictionary<string, (byte[][] Seeds, string[] Tokens)> Seeds() => new()
{
    ["upn"] = (CoreFuzzTargets.UpnSeeds.Select(B).ToArray(), CoreFuzzTargets.UpnTokens),
    ["ctf"] = ([B(CoreFuzzTargets.CtfSample()), B(CoreFuzzTargets.CtfSample(1))], CoreFuzzTargets.CtfTokens),
    ["csv"] = ([B(RollFuzzTargets.CsvSeed)], RollFuzzTargets.CsvTokens),
    ["xlsx-sheet"] = ([B(RollFuzzTargets.SheetSeed)], RollFuzzTargets.SheetTokens),
    ["xlsx-bytes"] = ([RollFuzzTargets.Workbook(B(RollFuzzTargets.SheetSeed))], []),
};

if (args.Length == 4 && args[0] == "seeds" && Seeds().TryGetValue(args[1], out var s))
{
    Directory.CreateDirectory(args[2]);
    for (var i = 0; i < s.Seeds.Length; i++)
        // AFL refuses an empty seed file; an empty input is still reached by trimming.
        File.WriteAllBytes(Path.Combine(args[2], $"seed-{i + 1}"), s.Seeds[i].Length == 0 ? " "u8.ToArray() : s.Seeds[i]);
    // AFL dictionary: one quoted token a line, every byte outside printable ASCII (and " and \) escaped as \xNN.
    var dict = new StringBuilder();
    for (var i = 0; i < s.Tokens.Length; i++)
    {
        dict.Append($"t{i + 1}=\"");
        foreach (var b in B(s.Tokens[i]))
            dict.Append(b is >= 0x20 and < 0x7f and not (byte)'"' and not (byte)'\\' ? ((char)b).ToString() : $"\\x{b:x2}");
        dict.Append("\"\n");
    }
    File.WriteAllText(args[3], dict.ToString());
    return 0;
}

if (args.Length == 0 || !targets.TryGetValue(args[0], out var target))
{
    Console.Error.WriteLine($"usage: FuzzAfl <{string.Join('|', targets.Keys)}> [input file to replay]");
    return 2;
}

if (args.Length > 1)
{
    Console.WriteLine(target(File.ReadAllBytes(args[1])));
    return 0;
}

// Bounded like the mutation fuzzer: AFL's inputs stay small, but a cap keeps one execution from reading megabytes.
const int MaxBytes = 256 * 1024;
Fuzzer.OutOfProcess.Run(stream =>
{
    using var ms = new MemoryStream();
    stream.CopyTo(ms);
    var input = ms.Length > MaxBytes ? ms.GetBuffer().AsSpan(0, MaxBytes).ToArray() : ms.ToArray();
    target(input);
});
return 0;
