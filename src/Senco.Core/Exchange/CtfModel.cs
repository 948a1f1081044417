namespace Senco.Core.Exchange;

/// <summary>
/// A Common Transfer File as Senco reads and writes it: the header and, per pupil, the parts a SEN record needs
/// (send-facts.md §4). Element names follow DfE's CTF schema as quoted there (CTfile/Header/CTFpupilData/Pupil).
/// Parts of a CTF Senco does not keep (addresses, contacts, attendance, assessments) are read past, not stored.
/// </summary>
public sealed record CtfFile(CtfHeader Header, IReadOnlyList<CtfPupil> Pupils);

public sealed record CtfHeader(
    string Version,
    DateTime DateTime,
    string DocumentQualifier,
    string? SupplierId,
    CtfSchool Source,
    CtfSchool Destination);

/// <summary>A school in a CTF header: LEA (3 characters) and Estab (4 characters), or the special destinations
/// XXX/XXXX (unknown, Lost Pupil Database) and MMM/MMMM (outside the maintained sector).</summary>
public sealed record CtfSchool(string Lea, string Estab, string? Urn = null, string? Name = null, int? AcademicYear = null);

/// <summary>One pupil. <see cref="SenHistory"/> is oldest first; <see cref="Needs"/> are in rank order (rank 1 first).</summary>
public sealed record CtfPupil(
    string Upn,
    string Surname,
    string Forename,
    DateOnly DateOfBirth,
    string Gender,
    string? FormerUpn,
    string? NcYearActual,
    IReadOnlyList<CtfLanguage> Languages,
    bool? LookedAfter,
    IReadOnlyList<CtfFsmPeriod> FsmHistory,
    IReadOnlyList<CtfSenEntry> SenHistory,
    IReadOnlyList<CtfNeed> Needs)
{
    /// <summary>The SEN provision in force: the latest entry of the history (N when there is none).</summary>
    public string CurrentProvision => SenHistory.Count == 0 ? "N" : SenHistory.OrderBy(s => s.StartDate).Last().Provision;

    /// <summary>
    /// English as an additional language: the first language (LanguageType F, else the first listed) is known and is
    /// not English. ENG and ENB (believed English) are English; NOT (not obtained) and REF (refused) say nothing.
    /// Null when the file does not say.
    /// </summary>
    public bool? Eal
    {
        get
        {
            var first = Languages.FirstOrDefault(l => string.Equals(l.Type, "F", StringComparison.OrdinalIgnoreCase)) ?? Languages.FirstOrDefault();
            if (first is null) return null;
            return first.Code.ToUpperInvariant() switch
            {
                "ENG" or "ENB" => false,
                "NOT" or "REF" or "" => null,
                _ => true,
            };
        }
    }
}

public sealed record CtfLanguage(string Type, string Code);

public sealed record CtfFsmPeriod(DateOnly Start, DateOnly? End);

public sealed record CtfSenEntry(DateOnly StartDate, string Provision);

public sealed record CtfNeed(int Rank, string Type);

/// <summary>A problem with one pupil of a file: its position (1-based, in file order), its UPN as written, the
/// field (the CTF element name) and what is wrong.</summary>
public sealed record CtfPupilProblem(int Position, string Upn, string Field, string Message)
{
    /// <summary>The pupil's name as the file gives it ("" when it gives none), to help a person find them.</summary>
    public string Name { get; init; } = "";

    public override string ToString() => $"Pupil {Position} ({(Upn.Length == 0 ? "no UPN" : Upn)}), {Field}: {Message}";
}

/// <summary>
/// The result of reading a file. <see cref="FileError"/> set: the file is not a readable CTF and nothing in it may be
/// used. Otherwise <see cref="File"/> holds every pupil that passed the checks and <see cref="Problems"/> lists the
/// pupils left out and why. Duplicate UPNs make the whole file unusable (which record is right cannot be known), so
/// they are reported in <see cref="FileProblems"/> together with <see cref="FileError"/>.
/// </summary>
public sealed record CtfReadResult(CtfFile? File, string? FileError, IReadOnlyList<CtfPupilProblem> Problems, IReadOnlyList<CtfPupilProblem> FileProblems)
{
    public bool IsReadable => FileError is null;
    public int PupilsInFile { get; init; }
}
