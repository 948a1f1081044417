using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Senco.Core.Pupils;
using Senco.Core.Sen;

namespace Senco.Core.Exchange;

/// <summary>
/// Reads a Common Transfer File safely: no DTD, no external entities or resolver, a size limit, strict UTF-8, and a
/// report that says what is wrong and where (the pupil's position and UPN, and the CTF element). A pupil with a
/// problem is left out and listed; the rest of the file can still be used. A file that is not a readable CTF (not
/// XML, cut short, wrong root, unsupported version, wrong encoding, the same UPN twice) gives only a file error.
/// </summary>
public static class CtfReader
{
    /// <summary>16 MB: a full CTF of a 2,000-pupil secondary with every optional block is a few megabytes.</summary>
    public const int MaxBytes = 16 * 1024 * 1024;

    public static CtfReadResult Read(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length == 0) return Fail("The file is empty.");
        if (bytes.Length > MaxBytes)
            return Fail($"The file is {bytes.Length / 1024 / 1024} MB; Senco reads CTFs of up to {MaxBytes / 1024 / 1024} MB. Check it is a CTF and not another file.");

        if (EncodingProblem(bytes) is { } encodingError) return Fail(encodingError);

        XDocument doc;
        try
        {
            var settings = new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Prohibit,
                XmlResolver = null,
                MaxCharactersFromEntities = 1024,
                MaxCharactersInDocument = MaxBytes,
                IgnoreComments = true,
                IgnoreProcessingInstructions = true,
                CloseInput = true,
            };
            using var stream = new MemoryStream(bytes, writable: false);
            using var reader = XmlReader.Create(stream, settings);
            doc = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex)
        {
            return Fail(XmlProblem(ex));
        }

        var root = doc.Root!;
        if (root.Name.LocalName != "CTfile")
            return Fail($"The file is XML but not a Common Transfer File: its root element is <{root.Name.LocalName}>, where a CTF starts with <CTfile>.");

        var header = Child(root, "Header");
        if (header is null) return Fail("The file has no <Header>: a CTF starts with a header naming its version and the schools.");
        var versionText = Text(header, "CTFversion");
        if (versionText is null) return Fail("The header has no <CTFversion>, so the file's layout cannot be known.");
        var version = CtfVersions.Normalise(versionText);
        if (version is null) return Fail(CtfVersions.UnsupportedMessage(versionText));

        var dateText = Text(header, "DateTime");
        if (dateText is null || !DateTime.TryParse(dateText, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind | DateTimeStyles.AllowWhiteSpaces, out var stamp))
            return Fail($"The header's <DateTime> \"{dateText}\" is not a date and time in the form yyyy-mm-ddThh:mm:ss.");

        var source = School(Child(header, "SourceSchool"));
        var dest = School(Child(header, "DestSchool"));
        if (source is null) return Fail("The header has no <SourceSchool> with <LEA> and <Estab>: the sending school cannot be known.");
        var parsedHeader = new CtfHeader(version, stamp, Text(header, "DocumentQualifier") ?? "partial", Text(header, "SupplierID"), source, dest ?? CtfVersions.Unknown);

        var pupilData = Child(root, "CTFpupilData");
        var pupilElements = pupilData is null ? [] : pupilData.Elements().Where(e => e.Name.LocalName == "Pupil").ToList();

        var good = new List<(int Position, CtfPupil Pupil)>();
        var problems = new List<CtfPupilProblem>();
        var upnsSeen = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < pupilElements.Count; i++)
        {
            var (pupil, pupilProblems) = ReadPupil(pupilElements[i], i + 1);
            problems.AddRange(pupilProblems);
            if (pupil is not null) good.Add((i + 1, pupil));
            var upn = Upn.Check(Text(pupilElements[i], "UPN")).Normalised;
            if (upn is not null)
            {
                if (!upnsSeen.TryGetValue(upn, out var list)) upnsSeen[upn] = list = [];
                list.Add(i + 1);
            }
        }

        var duplicates = upnsSeen.Where(kv => kv.Value.Count > 1).ToList();
        if (duplicates.Count > 0)
        {
            var fileProblems = duplicates.SelectMany(kv => kv.Value.Select(pos => new CtfPupilProblem(pos, kv.Key, "UPN",
                $"The UPN {kv.Key} appears {kv.Value.Count} times in this file (pupils {string.Join(", ", kv.Value)}); a UPN belongs to one pupil")))
                .OrderBy(p => p.Position).ToList();
            return new CtfReadResult(null,
                $"The file lists the same UPN for more than one pupil ({string.Join(", ", duplicates.Select(d => d.Key))}), so Senco cannot tell which record is right. Ask the sending school for a corrected file.",
                [], fileProblems) { PupilsInFile = pupilElements.Count };
        }

        return new CtfReadResult(new CtfFile(parsedHeader, good.Select(g => g.Pupil).ToList()), null, problems, []) { PupilsInFile = pupilElements.Count };
    }

    private static CtfReadResult Fail(string message) => new(null, message, [], []);

    /// <summary>
    /// A CTF is UTF-8 (with or without a byte-order mark). A UTF-16 file with its byte-order mark is read too. A file that
    /// declares another encoding, or whose bytes are not valid UTF-8, is refused with the place of the first bad byte.
    /// </summary>
    private static string? EncodingProblem(byte[] bytes)
    {
        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF))) return null;
        var offset = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;

        // The XML declaration is ASCII whatever the encoding claims.
        var head = Encoding.ASCII.GetString(bytes, offset, Math.Min(200, bytes.Length - offset));
        var at = head.IndexOf("encoding=", StringComparison.Ordinal);
        if (head.StartsWith("<?xml", StringComparison.Ordinal) && at > 0 && head.IndexOf("?>", StringComparison.Ordinal) is var end && end > at)
        {
            var rest = head[(at + 9)..end].Trim();
            if (rest.Length > 2)
            {
                var quote = rest[0];
                var close = rest.IndexOf(quote, 1);
                var declared = close > 0 ? rest[1..close] : rest;
                if (!declared.Equals("UTF-8", StringComparison.OrdinalIgnoreCase) && !declared.Equals("UTF8", StringComparison.OrdinalIgnoreCase))
                    return $"The file says it is encoded as \"{declared}\"; a CTF must be UTF-8. Export it again as UTF-8.";
            }
        }

        var strict = new UTF8Encoding(false, throwOnInvalidBytes: true);
        try
        {
            strict.GetCharCount(bytes, offset, bytes.Length - offset);
            return null;
        }
        catch (DecoderFallbackException ex)
        {
            var index = Math.Max(0, ex.Index) + offset;
            var line = 1;
            for (var i = 0; i < index && i < bytes.Length; i++) if (bytes[i] == (byte)'\n') line++;
            return $"The file is not valid UTF-8: the byte at line {line} is not a UTF-8 character. It was probably saved in another encoding (such as Windows-1252); export it again as UTF-8.";
        }
    }

    private static string XmlProblem(XmlException ex)
    {
        var where = ex.LineNumber > 0 ? $" (line {ex.LineNumber}, position {ex.LinePosition})" : "";
        var m = ex.Message;
        if (m.Contains("DTD", StringComparison.OrdinalIgnoreCase) || m.Contains("DOCTYPE", StringComparison.OrdinalIgnoreCase))
            return "The file contains a document type definition (<!DOCTYPE>). CTFs never do, and Senco refuses them for safety.";
        if (m.Contains("Root element is missing", StringComparison.OrdinalIgnoreCase))
            return "The file is not XML: it has no elements at all. Check it is a CTF (.xml) and not another file.";
        if (m.Contains("end of file", StringComparison.OrdinalIgnoreCase) || m.Contains("not closed", StringComparison.OrdinalIgnoreCase))
            return $"The file ends before its XML is complete{where}: it looks cut short. Download or export it again.";
        if (m.Contains("Data at the root level is invalid", StringComparison.OrdinalIgnoreCase))
            return $"The file is not XML{where}. A CTF is an XML file starting with <CTfile>; check you chose the right file.";
        return $"The file is not well-formed XML{where}: {m}";
    }

    private static (CtfPupil? Pupil, List<CtfPupilProblem> Problems) ReadPupil(XElement e, int position)
    {
        var problems = new List<CtfPupilProblem>();
        var rawUpn = Text(e, "UPN") ?? "";
        void Problem(string field, string message) => problems.Add(new CtfPupilProblem(position, rawUpn, field, message));

        var upn = Upn.Check(rawUpn);
        if (!upn.IsValid) Problem("UPN", upn.Error!);

        var surname = Text(e, "Surname");
        var forename = Text(e, "Forename");
        if (string.IsNullOrEmpty(surname)) Problem("Surname", "The surname is missing");
        else if (surname.Length > PupilRules.MaxNameLength) Problem("Surname", $"The surname is longer than {PupilRules.MaxNameLength} characters");
        if (string.IsNullOrEmpty(forename)) Problem("Forename", "The forename is missing");
        else if (forename.Length > PupilRules.MaxNameLength) Problem("Forename", $"The forename is longer than {PupilRules.MaxNameLength} characters");

        var dob = Date(Text(e, "DOB"));
        if (dob is null) Problem("DOB", DateMessage("date of birth", Text(e, "DOB")));

        // Newer specifications may say Sex where older ones say Gender: read either.
        var genderElement = Child(e, "Gender") is not null ? "Gender" : "Sex";
        var gender = PupilRules.NormaliseGender(Text(e, genderElement));
        if (gender is null) Problem(genderElement, $"\"{Text(e, genderElement)}\" is not a census sex code: M or F");

        var basic = Child(e, "BasicDetails");
        string? formerUpn = null;
        string? year = null;
        var languages = new List<CtfLanguage>();
        if (basic is not null)
        {
            var former = Text(basic, "FormerUPN");
            if (!string.IsNullOrEmpty(former))
            {
                var check = Upn.Check(former);
                if (check.IsValid) formerUpn = check.Normalised;
                else Problem("FormerUPN", check.Error!);
            }
            var yearText = Text(basic, "NCyearActual");
            if (!string.IsNullOrEmpty(yearText))
            {
                year = YearGroups.Normalise(yearText);
                if (year is null) Problem("NCyearActual", $"\"{yearText}\" is not a national curriculum year: N1, N2, R or 1 to 14");
            }
            foreach (var type in Child(basic, "Languages")?.Elements().Where(x => x.Name.LocalName == "Type") ?? [])
            {
                var code = Text(type, "Language") ?? "";
                if (code.Length > 0) languages.Add(new CtfLanguage(Text(type, "LanguageType") ?? "", code));
            }
        }

        bool? lookedAfter = null;
        if (Child(e, "LookedAfter") is { } la)
        {
            var value = la.HasElements ? Text(la, "InCare") : la.Value.Trim();
            lookedAfter = Bool(value);
            if (lookedAfter is null && !string.IsNullOrEmpty(value)) Problem("LookedAfter", $"\"{value}\" is not true or false");
        }

        var fsm = new List<CtfFsmPeriod>();
        foreach (var instance in Child(e, "FSMhistory")?.Elements().Where(x => x.Name.LocalName == "FSMinstance") ?? [])
        {
            var start = Date(Text(instance, "FSMstartDate"));
            var endText = Text(instance, "FSMendDate");
            var end = Date(endText);
            if (start is null) Problem("FSMstartDate", DateMessage("free school meals start date", Text(instance, "FSMstartDate")));
            else if (!string.IsNullOrEmpty(endText) && end is null) Problem("FSMendDate", DateMessage("free school meals end date", endText));
            else if (end is { } en && en < start) Problem("FSMendDate", $"The free school meals end date {endText} is before its start date");
            else fsm.Add(new CtfFsmPeriod(start.Value, end));
        }

        var sen = new List<CtfSenEntry>();
        var needs = new List<CtfNeed>();
        if (Child(e, "SENhistory") is { } history)
        {
            foreach (var entry in history.Elements().Where(x => x.Name.LocalName == "SEN"))
            {
                var startText = Text(entry, "StartDate");
                var start = Date(startText);
                var provision = Text(entry, "SENprovision")?.ToUpperInvariant() ?? "";
                if (start is null) { Problem("SEN/StartDate", DateMessage("SEN start date", startText)); continue; }
                switch (provision)
                {
                    case "N" or "K" or "E":
                        sen.Add(new CtfSenEntry(start.Value, provision));
                        break;
                    case "S":
                        Problem("SEN/SENprovision", $"\"S\" (statement, from {startText}) is a historical code: statements became EHC plans (E) by April 2018. Ask the sending school to record the pupil's provision as E or K");
                        break;
                    case "A" or "P":
                        Problem("SEN/SENprovision", $"\"{provision}\" (School Action{(provision == "P" ? " Plus" : "")}, from {startText}) is a historical code, replaced by K (SEN support) in 2014/15. Ask the sending school to record it as K or N");
                        break;
                    default:
                        Problem("SEN/SENprovision", $"\"{provision}\" is not a census SEN provision code: N, K or E");
                        break;
                }
            }
            var ranks = new HashSet<int>();
            var types = new HashSet<string>(StringComparer.Ordinal);
            foreach (var need in Child(history, "SENneeds")?.Elements().Where(x => x.Name.LocalName == "SENneed") ?? [])
            {
                var rankText = Text(need, "SENtypeRank");
                var type = Text(need, "SENtype")?.ToUpperInvariant() ?? "";
                var ok = true;
                if (!int.TryParse(rankText, NumberStyles.None, CultureInfo.InvariantCulture, out var rank) || rank < 1)
                {
                    Problem("SENneed/SENtypeRank", $"\"{rankText}\" is not a rank: 1 for the primary need, 2 for the next, and so on");
                    ok = false;
                }
                else if (!ranks.Add(rank))
                {
                    Problem("SENneed/SENtypeRank", $"Rank {rank} is given to more than one need; each need has its own rank");
                    ok = false;
                }
                if (!NeedTypes.TryGet(type, out _))
                {
                    Problem("SENneed/SENtype", $"\"{type}\" is not a census SEN type code (SPLD, MLD, SLD, PMLD, SEMH, SLCN, ASD, HI, VI, MSI, PD, OTH, NSA)");
                    ok = false;
                }
                else if (!types.Add(type))
                {
                    Problem("SENneed/SENtype", $"{type} is listed more than once; each need appears once, with one rank");
                    ok = false;
                }
                if (ok) needs.Add(new CtfNeed(rank, type));
            }
            needs.Sort((a, b) => a.Rank.CompareTo(b.Rank));

            var current = sen.Count == 0 ? "N" : sen.OrderBy(s => s.StartDate).Last().Provision;
            if (current == "N" && needs.Count > 0)
                Problem("SENneeds", $"Needs are listed ({string.Join(", ", needs.Select(n => n.Type))}) but the pupil's SEN provision is N: only pupils on K or E carry SEN types");
            if (current is "K" or "E" && needs.Count == 0 && sen.Count > 0)
                Problem("SENneeds", $"The pupil's SEN provision is {current} but no SEN type is given: a pupil on K or E has at least a primary need (rank 1)");
            if (current == "E" && needs.Any(n => n.Type == "NSA"))
                Problem("SENneed/SENtype", "NSA (no specialist assessment) cannot go with provision E: a pupil with an EHC plan has been assessed");
        }

        if (problems.Count > 0)
        {
            var name = $"{forename} {surname}".Trim();
            return (null, problems.Select(p => p with { Name = name }).ToList());
        }
        return (new CtfPupil(upn.Normalised!, surname!, forename!, dob!.Value, gender!, formerUpn, year, languages, lookedAfter, fsm,
            sen.OrderBy(s => s.StartDate).ToList(), needs), problems);
    }

    private static string DateMessage(string what, string? text) => string.IsNullOrEmpty(text)
        ? $"The {what} is missing"
        : $"\"{text}\" is not a real {what}: a CTF gives dates as yyyy-mm-dd, for example 2015-04-02";

    private static CtfSchool? School(XElement? e)
    {
        if (e is null) return null;
        var lea = Text(e, "LEA");
        var estab = Text(e, "Estab");
        if (string.IsNullOrEmpty(lea) || string.IsNullOrEmpty(estab)) return null;
        int? year = int.TryParse(Text(e, "AcademicYear"), NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : null;
        return new CtfSchool(lea, estab, Text(e, "URN"), Text(e, "SchoolName"), year);
    }

    private static XElement? Child(XElement parent, string name) => parent.Elements().FirstOrDefault(x => x.Name.LocalName == name);

    private static string? Text(XElement parent, string name) => Child(parent, name)?.Value.Trim();

    private static DateOnly? Date(string? s) =>
        DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static bool? Bool(string? s) => s?.Trim().ToLowerInvariant() switch
    {
        "true" or "1" => true,
        "false" or "0" => false,
        _ => null,
    };
}
