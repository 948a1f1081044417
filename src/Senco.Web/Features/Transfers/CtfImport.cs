using Microsoft.EntityFrameworkCore;
using Senco.Core;
using Senco.Core.Access;
using Senco.Core.Exchange;
using Senco.Core.Model;
using Senco.Core.Pupils;
using Senco.Core.Sen;
using Senco.Data;
using Senco.Web.Features.Ehc;
using Senco.Web.Features.Pupils;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.Transfers;

public enum CtfAction { Create, Update, Unchanged, Reject }

/// One pupil of a file as the import will treat it: what it will do, and every problem (field named) if rejected.
public sealed record CtfPlanLine(int Position, string Upn, string Name, CtfAction Action, IReadOnlyList<string> Changes, IReadOnlyList<CtfPupilProblem> Problems);

public sealed record CtfPlan(CtfHeader Header, int PupilsInFile, IReadOnlyList<CtfPlanLine> Lines)
{
    public int Count(CtfAction a) => Lines.Count(l => l.Action == a);
}

public sealed record CtfRejection(string Upn, string Reason);

public sealed record CtfImportResult(int Created, int Updated, int Unchanged, IReadOnlyList<CtfRejection> Rejected);

/// <summary>
/// Imports a Common Transfer File into a school: pupils matched by UPN (or by FormerUPN, when the file brings the
/// permanent UPN of a pupil held here under a temporary one), new pupils added, details and SEN history brought in.
/// <see cref="PlanAsync"/> is the "check" step: it works out everything the import would do and every problem, and
/// writes nothing. <see cref="ImportAsync"/> does the same work and saves it in one SaveChanges (one transaction), so
/// a failure leaves nothing half-written. A file that is not a readable CTF is refused whole.
/// </summary>
public sealed class CtfImporter(SencoDbContext db, UserContext user, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<Outcome<CtfPlan>> PlanAsync(string urn, byte[] bytes, CancellationToken ct = default)
    {
        var prepared = await PrepareAsync(urn, bytes, ct);
        if (!prepared.IsOk) return Outcome<CtfPlan>.From(prepared);
        return Outcome<CtfPlan>.Ok(prepared.Value!.Plan);
    }

    public async Task<Outcome<CtfImportResult>> ImportAsync(string urn, byte[] bytes, CancellationToken ct = default)
    {
        var prepared = await PrepareAsync(urn, bytes, ct);
        if (!prepared.IsOk) return Outcome<CtfImportResult>.From(prepared);
        var work = prepared.Value!;
        var plan = work.Plan;
        var school = user.School(urn)!;
        var source = plan.Header.Source;
        db.Audit(user.Actor, "ctf.import",
            $"Imported a CTF {plan.Header.Version} from {source.Name ?? "a school"} ({source.Lea}/{source.Estab}): {plan.Count(CtfAction.Create)} added, " +
            $"{plan.Count(CtfAction.Update)} updated, {plan.Count(CtfAction.Unchanged)} unchanged, {plan.Count(CtfAction.Reject)} rejected", school.SchoolId);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone else added or changed one of these pupils at the same moment; nothing of this import was saved.
            db.ChangeTracker.Clear();
            return Outcome<CtfImportResult>.Conflict("Someone else changed this school's pupils while the file was being imported. Nothing was imported: try again.");
        }
        return Outcome<CtfImportResult>.Ok(new CtfImportResult(plan.Count(CtfAction.Create), plan.Count(CtfAction.Update), plan.Count(CtfAction.Unchanged),
            plan.Lines.Where(l => l.Action == CtfAction.Reject).Select(l => new CtfRejection(l.Upn, string.Join("; ", l.Problems.Select(p => $"{p.Field}: {p.Message}")))).ToList()));
    }

    private sealed record Work(CtfPlan Plan);

    /// Reads the file, matches pupils and applies every change to tracked entities (not saved). The plan says what was done.
    private async Task<Outcome<Work>> PrepareAsync(string urn, byte[] bytes, CancellationToken ct)
    {
        var school = user.School(urn);
        if (school is null) return Outcome<Work>.NotFound();
        if (!school.Can(Permission.ExchangeData)) return Outcome<Work>.Forbidden();

        var read = CtfReader.Read(bytes);
        if (!read.IsReadable)
        {
            var errors = new ValidationErrors();
            errors.Add("file", read.FileError!);
            foreach (var p in read.FileProblems) errors.Add($"pupils[{p.Position}].{FieldName(p.Field)}", p.Message);
            return Outcome<Work>.Invalid(errors);
        }
        var file = read.File!;
        var today = Today;
        var now = DateTime.UtcNow;
        var sourceText = $"{file.Header.Source.Name ?? "the previous school"} ({file.Header.Source.Lea}/{file.Header.Source.Estab})";

        var pupils = await db.Pupils.IgnoreQueryFilters().Where(p => p.SchoolId == school.SchoolId).ToListAsync(ct);
        var byUpn = pupils.ToDictionary(p => p.Upn, StringComparer.Ordinal);
        var latest = await db.SenStatusChanges.IgnoreQueryFilters().Where(c => c.SchoolId == school.SchoolId)
            .GroupBy(c => c.PupilId).Select(g => new { g.Key, Latest = g.Max(c => c.EffectiveFrom) })
            .ToDictionaryAsync(x => x.Key, x => x.Latest, ct);

        // Rejected pupils (by position) come from the reader; the rest are matched and applied in file order.
        var lines = read.Problems.GroupBy(p => p.Position)
            .Select(g => new CtfPlanLine(g.Key, g.First().Upn, g.First().Name, CtfAction.Reject, [], g.ToList())).ToList();
        var position = 0;
        var rejectedPositions = lines.Select(l => l.Position).ToHashSet();
        foreach (var cp in file.Pupils)
        {
            do position++; while (rejectedPositions.Contains(position));
            var name = $"{cp.Forename} {cp.Surname}";
            var problems = new List<CtfPupilProblem>();
            void Problem(string field, string message) => problems.Add(new CtfPupilProblem(position, cp.Upn, field, message));

            var existing = byUpn.GetValueOrDefault(cp.Upn) ?? (cp.FormerUpn is { } f ? byUpn.GetValueOrDefault(f) : null);
            var details = new PupilDetails(cp.Upn, cp.Forename, cp.Surname, cp.DateOfBirth, cp.Gender, cp.NcYearActual ?? existing?.YearGroup);
            var ruleErrors = PupilRules.Validate(details, today);
            foreach (var (field, messages) in ruleErrors)
                foreach (var m in messages)
                    Problem(field switch { "yearGroup" => "NCyearActual", "dateOfBirth" => "DOB", "gender" => "Gender", "forename" => "Forename", "surname" => "Surname", _ => "UPN" },
                        field == "yearGroup" && cp.NcYearActual is null ? "The file gives no NCyearActual, and Senco needs the year group to add a new pupil" : m);
            foreach (var s in cp.SenHistory.Where(s => s.StartDate > today))
                Problem("SEN/StartDate", $"{s.StartDate:yyyy-MM-dd} is in the future: SEN history records what has already happened");
            if (problems.Count > 0)
            {
                lines.Add(new CtfPlanLine(position, cp.Upn, name, CtfAction.Reject, [], problems));
                continue;
            }

            var changes = new List<string>();
            Pupil pupil;
            if (existing is null)
            {
                pupil = new Pupil
                {
                    Id = Guid.CreateVersion7(), SchoolId = school.SchoolId, Upn = cp.Upn, UpnIsTemporary = Upn.Check(cp.Upn).IsTemporary,
                    Forename = cp.Forename, Surname = cp.Surname, DateOfBirth = cp.DateOfBirth, Gender = cp.Gender, YearGroup = cp.NcYearActual!,
                    Eal = cp.Eal ?? false, LookedAfter = cp.LookedAfter ?? false, PupilPremium = EverFsm(cp, today), FormerUpn = cp.FormerUpn,
                    Version = 1, CreatedAt = now, UpdatedAt = now,
                };
                pupil.RefreshSearchText();
                db.Pupils.Add(pupil);
                byUpn[pupil.Upn] = pupil;
                db.PupilEvents.Add(Event(pupil, PupilEventKind.Added, today, $"Added from a CTF from {sourceText} with UPN {pupil.Upn}, {YearGroups.Label(pupil.YearGroup)}", now));
                db.Audit(user.Actor, "pupil.ctf.import", $"Added pupil {pupil.Upn} from a CTF from {sourceText}", school.SchoolId, pupil.Id);
            }
            else
            {
                pupil = existing;
                void Track<T>(string label, T before, T after, Action<T> set, Func<T, string>? show = null)
                {
                    if (EqualityComparer<T>.Default.Equals(before, after)) return;
                    show ??= v => v?.ToString() ?? "";
                    changes.Add($"{label} changed from {show(before)} to {show(after)}");
                    set(after);
                }
                if (pupil.Upn != cp.Upn)
                {
                    // The real UPN has arrived for a pupil held under a temporary one: keep the old one as FormerUPN.
                    byUpn.Remove(pupil.Upn);
                    changes.Add($"UPN changed from {pupil.Upn} to {cp.Upn} (the previous UPN is kept as the former UPN)");
                    pupil.FormerUpn = pupil.Upn;
                    pupil.Upn = cp.Upn;
                    pupil.UpnIsTemporary = Upn.Check(cp.Upn).IsTemporary;
                    byUpn[pupil.Upn] = pupil;
                }
                else if (cp.FormerUpn is { } former) Track("Former UPN", pupil.FormerUpn, former, v => pupil.FormerUpn = v, v => v ?? "none");
                Track("Forename", pupil.Forename, cp.Forename, v => pupil.Forename = v);
                Track("Surname", pupil.Surname, cp.Surname, v => pupil.Surname = v);
                Track("Date of birth", pupil.DateOfBirth, cp.DateOfBirth, v => pupil.DateOfBirth = v, Dates.Long);
                Track("Gender", pupil.Gender, cp.Gender, v => pupil.Gender = v);
                if (cp.NcYearActual is { } year) Track("Year group", pupil.YearGroup, year, v => pupil.YearGroup = v, YearGroups.Label);
                if (cp.Eal is { } eal) Track("EAL", pupil.Eal, eal, v => pupil.Eal = v, YesNo);
                if (cp.LookedAfter is { } la) Track("Looked after", pupil.LookedAfter, la, v => pupil.LookedAfter = v, YesNo);
                // Free school meals in the last six years ("Ever 6") attracts the pupil premium; the file cannot say a
                // pupil is not eligible for other reasons, so it never turns the flag off.
                if (EverFsm(cp, today)) Track("Pupil premium", pupil.PupilPremium, true, v => pupil.PupilPremium = v, YesNo);
                if (!pupil.OnRoll)
                {
                    changes.Add("Back on roll");
                    pupil.OnRoll = true;
                    pupil.LeftOn = null;
                }
                if (changes.Count > 0)
                {
                    pupil.RefreshSearchText();
                    db.PupilEvents.Add(Event(pupil, PupilEventKind.DetailsChanged, today, string.Join("; ", changes), now, $"From a CTF from {sourceText}"));
                }
            }

            // SEN history: entries after the latest one held here come in, each dated by its StartDate. The CTF gives ranked
            // needs only for the pupil's current provision, so earlier K/E entries come in without needs.
            var heldUntil = existing is not null && latest.TryGetValue(existing.Id, out var l) ? l : (DateOnly?)null;
            var incoming = cp.SenHistory.Where(s => heldUntil is null || s.StartDate > heldUntil).ToList();
            var lastInFile = cp.SenHistory.Count > 0 ? cp.SenHistory[^1] : null;
            foreach (var entry in incoming)
            {
                SenStatuses.TryParse(entry.Provision, out var status);
                var needs = ReferenceEquals(entry, lastInFile) && SenStatuses.CarriesNeeds(status) ? cp.Needs.Select(n => n.Type).ToList() : new List<string>();
                var beforeStatus = pupil.SenStatus;
                var beforeNeeds = pupil.Needs;
                PupilCommands.ApplySen(pupil, status, needs, entry.StartDate);
                var reason = ReferenceEquals(entry, lastInFile)
                    ? $"From the CTF of {sourceText}"
                    : $"From the CTF of {sourceText} (the CTF gives needs only for the current provision)";
                db.SenStatusChanges.Add(new SenStatusChange
                {
                    PupilId = pupil.Id, SchoolId = pupil.SchoolId, Status = status, Needs = string.Join(',', needs), EffectiveFrom = entry.StartDate,
                    Reason = reason, RecordedById = user.UserId, RecordedBy = user.Name, RecordedAt = now,
                });
                var summary = PupilCommands.DescribeSenChange(beforeStatus, beforeNeeds, status, needs);
                db.PupilEvents.Add(Event(pupil, PupilEventKind.SenStatusChanged, entry.StartDate, summary, now, reason));
                changes.Add(summary);
            }

            if (existing is not null && changes.Count > 0)
            {
                pupil.Version++;
                pupil.UpdatedAt = now;
                db.Audit(user.Actor, "pupil.ctf.import", $"Updated pupil {pupil.Upn} from a CTF from {sourceText}: {string.Join("; ", changes)}", school.SchoolId, pupil.Id);
            }
            var action = existing is null ? CtfAction.Create : changes.Count > 0 ? CtfAction.Update : CtfAction.Unchanged;
            lines.Add(new CtfPlanLine(position, cp.Upn, name, action, changes, []));
        }

        var plan = new CtfPlan(file.Header, read.PupilsInFile, lines.OrderBy(l => l.Position).ToList());
        return Outcome<Work>.Ok(new Work(plan));
    }

    /// The CTF element as an API field name: "SEN/StartDate" → "sen.startDate", "UPN" → "upn".
    public static string FieldName(string ctfField) => string.Join('.', ctfField.Split('/').Select(part => part switch
    {
        "UPN" => "upn", "DOB" => "dob", "SEN" => "sen", "FormerUPN" => "formerUpn", "NCyearActual" => "ncYearActual",
        _ => char.ToLowerInvariant(part[0]) + part[1..],
    }));

    private static bool EverFsm(CtfPupil p, DateOnly today) => p.FsmHistory.Any(f => f.End is null || f.End.Value >= today.AddYears(-6));

    private PupilEvent Event(Pupil p, PupilEventKind kind, DateOnly on, string summary, DateTime now, string? reason = null) => new()
    {
        PupilId = p.Id, SchoolId = p.SchoolId, Kind = kind, OccurredOn = on, Summary = summary, Reason = reason,
        RecordedById = user.UserId, RecordedBy = user.Name, RecordedAt = now,
    };

    private static string YesNo(bool b) => b ? "yes" : "no";
}
