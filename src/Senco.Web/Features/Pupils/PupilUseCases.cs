using Microsoft.EntityFrameworkCore;
using Senco.Core;
using Senco.Core.Access;
using Senco.Core.Model;
using Senco.Core.Pupils;
using Senco.Core.Sen;
using Senco.Data;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;
using Senco.Web.Features.Shared.Audit;

namespace Senco.Web.Features.Pupils;

/// What a person types (or an API client sends) to add or edit a pupil.
public sealed record PupilInput(string? Upn, string? Forename, string? Surname, DateOnly? DateOfBirth, string? Gender,
    string? YearGroup, bool Eal, bool LookedAfter, bool PupilPremium);

/// Finding a pupil for a user: another school's pupil is "not found" (never "forbidden", so its existence cannot
/// be probed); a pupil in a school the user can see but their role may not act on is "forbidden".
public sealed class PupilFinder(SencoDbContext db, UserContext user)
{
    // Behind every pupil page and API call: compiled (see CompiledQuery). The school is checked below, not by the filter.
    private static readonly CompiledQuery<Func<SencoDbContext, Guid, CancellationToken, Task<Pupil?>>> Read = new(() =>
        EF.CompileAsyncQuery((SencoDbContext db, Guid id, CancellationToken ct) =>
            db.Pupils.IgnoreQueryFilters().AsNoTracking().Include(p => p.School).FirstOrDefault(p => p.Id == id)));

    private static readonly CompiledQuery<Func<SencoDbContext, Guid, CancellationToken, Task<Pupil?>>> ReadTracked = new(() =>
        EF.CompileAsyncQuery((SencoDbContext db, Guid id, CancellationToken ct) =>
            db.Pupils.IgnoreQueryFilters().Include(p => p.School).FirstOrDefault(p => p.Id == id)));

    public async Task<Outcome<Pupil>> FindAsync(Guid id, Permission permission, bool track = false, CancellationToken ct = default)
    {
        var pupil = await (track ? ReadTracked : Read).For(db)(db, id, ct);
        if (pupil is null || !user.CanSee(pupil.SchoolId)) return Outcome<Pupil>.NotFound();
        if (!user.Can(pupil.SchoolId, permission)) return Outcome<Pupil>.Forbidden();
        return Outcome<Pupil>.Ok(pupil);
    }
}

public sealed class PupilCommands(SencoDbContext db, UserContext user, TimeProvider clock, AuditLog audit)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<Outcome<Pupil>> CreateAsync(string urn, PupilInput input, CancellationToken ct = default)
    {
        var school = user.School(urn);
        if (school is null) return Outcome<Pupil>.NotFound();
        if (!school.Can(Permission.EditPupilDetails)) return Outcome<Pupil>.Forbidden();

        var details = PupilRules.Normalise(new PupilDetails(input.Upn, input.Forename, input.Surname, input.DateOfBirth, input.Gender, input.YearGroup));
        var errors = PupilRules.Validate(details, Today);
        if (!errors.IsValid) return Outcome<Pupil>.Invalid(errors);

        var upn = Upn.Check(details.Upn);
        if (await db.Pupils.IgnoreQueryFilters().AnyAsync(p => p.SchoolId == school.SchoolId && p.Upn == upn.Normalised, ct))
        {
            var dup = new ValidationErrors();
            dup.Add("upn", $"A pupil with UPN {upn.Normalised} is already on this school's roll");
            return Outcome<Pupil>.Conflict("A pupil with this UPN already exists in this school.", dup);
        }

        var now = DateTime.UtcNow;
        var pupil = new Pupil
        {
            Id = Guid.CreateVersion7(),
            SchoolId = school.SchoolId,
            Upn = upn.Normalised!,
            UpnIsTemporary = upn.IsTemporary,
            Forename = details.Forename!,
            Surname = details.Surname!,
            DateOfBirth = details.DateOfBirth!.Value,
            Gender = details.Gender!,
            YearGroup = details.YearGroup!,
            Eal = input.Eal,
            LookedAfter = input.LookedAfter,
            PupilPremium = input.PupilPremium,
            Version = 1,
            CreatedAt = now,
            UpdatedAt = now,
        };
        pupil.RefreshSearchText();
        db.Pupils.Add(pupil);
        db.PupilEvents.Add(new PupilEvent
        {
            PupilId = pupil.Id, SchoolId = pupil.SchoolId, Kind = PupilEventKind.Added, OccurredOn = Today,
            Summary = $"Added to Senco with UPN {pupil.Upn}{(pupil.UpnIsTemporary ? " (temporary)" : "")}, {YearGroups.Label(pupil.YearGroup)}",
            RecordedById = user.UserId, RecordedBy = user.Name, RecordedAt = now,
        });
        db.Audit(user.Actor, "pupil.create", $"Added pupil {pupil.Upn}", pupil.SchoolId, pupil.Id);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two people added the same UPN at once: the unique index kept one; tell the other.
            db.ChangeTracker.Clear();
            if (!await db.Pupils.IgnoreQueryFilters().AsNoTracking().AnyAsync(p => p.SchoolId == school.SchoolId && p.Upn == pupil.Upn, ct)) throw;
            var dup = new ValidationErrors();
            dup.Add("upn", $"A pupil with UPN {pupil.Upn} is already on this school's roll");
            return Outcome<Pupil>.Conflict("A pupil with this UPN already exists in this school.", dup);
        }
        return Outcome<Pupil>.Ok(pupil);
    }

    public async Task<Outcome<Pupil>> UpdateAsync(Guid id, int expectedVersion, PupilInput input, string? note, CancellationToken ct = default)
    {
        var found = await new PupilFinder(db, user).FindAsync(id, Permission.EditPupilDetails, track: true, ct);
        if (!found.IsOk) return found;
        var pupil = found.Value!;

        var details = PupilRules.Normalise(new PupilDetails(input.Upn, input.Forename, input.Surname, input.DateOfBirth, input.Gender, input.YearGroup));
        var errors = PupilRules.Validate(details, Today);
        if (note is { Length: > 2000 }) errors.Add("note", "The note must be 2,000 characters or fewer");
        if (!errors.IsValid) return Outcome<Pupil>.Invalid(errors);
        if (pupil.Version != expectedVersion)
        {
            return Outcome<Pupil>.Conflict(StaleMessage(pupil), current: pupil);
        }

        var upn = Upn.Check(details.Upn);
        if (upn.Normalised != pupil.Upn &&
            await db.Pupils.IgnoreQueryFilters().AnyAsync(p => p.SchoolId == pupil.SchoolId && p.Upn == upn.Normalised && p.Id != pupil.Id, ct))
        {
            var dup = new ValidationErrors();
            dup.Add("upn", $"A pupil with UPN {upn.Normalised} is already on this school's roll");
            return Outcome<Pupil>.Conflict("A pupil with this UPN already exists in this school.", dup);
        }

        var changes = new List<string>();
        void Track<T>(string label, T before, T after, Action<T> set, Func<T, string>? show = null)
        {
            if (EqualityComparer<T>.Default.Equals(before, after)) return;
            show ??= v => v?.ToString() ?? "";
            changes.Add($"{label} changed from {show(before)} to {show(after)}");
            set(after);
        }
        Track("UPN", pupil.Upn, upn.Normalised!, v => pupil.Upn = v);
        pupil.UpnIsTemporary = upn.IsTemporary;
        Track("Forename", pupil.Forename, details.Forename!, v => pupil.Forename = v);
        Track("Surname", pupil.Surname, details.Surname!, v => pupil.Surname = v);
        Track("Date of birth", pupil.DateOfBirth, details.DateOfBirth!.Value, v => pupil.DateOfBirth = v, Dates.Long);
        Track("Gender", pupil.Gender, details.Gender!, v => pupil.Gender = v);
        Track("Year group", pupil.YearGroup, details.YearGroup!, v => pupil.YearGroup = v, YearGroups.Label);
        Track("EAL", pupil.Eal, input.Eal, v => pupil.Eal = v, YesNo);
        Track("Looked after", pupil.LookedAfter, input.LookedAfter, v => pupil.LookedAfter = v, YesNo);
        Track("Pupil premium", pupil.PupilPremium, input.PupilPremium, v => pupil.PupilPremium = v, YesNo);
        if (changes.Count == 0) return Outcome<Pupil>.Ok(pupil);

        var now = DateTime.UtcNow;
        pupil.RefreshSearchText();
        pupil.Version++;
        pupil.UpdatedAt = now;
        var summary = string.Join("; ", changes);
        db.PupilEvents.Add(new PupilEvent
        {
            PupilId = pupil.Id, SchoolId = pupil.SchoolId, Kind = PupilEventKind.DetailsChanged, OccurredOn = Today,
            Summary = summary, Reason = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
            RecordedById = user.UserId, RecordedBy = user.Name, RecordedAt = now,
        });
        db.Audit(user.Actor, "pupil.update", summary, pupil.SchoolId, pupil.Id);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Pupils.IgnoreQueryFilters().AsNoTracking().FirstAsync(p => p.Id == id, ct);
            return Outcome<Pupil>.Conflict(StaleMessage(current), current: current);
        }
        return Outcome<Pupil>.Ok(pupil);
    }

    public async Task<Outcome<Pupil>> ChangeSenAsync(Guid id, SenChange change, int? expectedVersion, CancellationToken ct = default)
    {
        var found = await new PupilFinder(db, user).FindAsync(id, Permission.ChangeSenStatus, track: true, ct);
        if (!found.IsOk) return found;
        var pupil = found.Value!;

        var previous = await db.SenStatusChanges.Where(c => c.PupilId == id)
            .OrderByDescending(c => c.EffectiveFrom).ThenByDescending(c => c.Id)
            .Select(c => (DateOnly?)c.EffectiveFrom).FirstOrDefaultAsync(ct);
        var errors = SenChangeRules.Validate(change, previous, Today);
        if (!errors.IsValid) return Outcome<Pupil>.Invalid(errors);
        if (expectedVersion is { } v && v != pupil.Version) return Outcome<Pupil>.Conflict(StaleMessage(pupil), current: pupil);

        SenStatuses.TryParse(change.Status, out var status);
        var needs = SenChangeRules.NormaliseNeeds(change.Needs ?? []);
        var effective = change.EffectiveFrom!.Value;
        var before = pupil.SenStatus;
        var beforeNeeds = pupil.Needs;

        var now = DateTime.UtcNow;
        ApplySen(pupil, status, needs, effective);
        pupil.Version++;
        pupil.UpdatedAt = now;
        db.SenStatusChanges.Add(new SenStatusChange
        {
            PupilId = pupil.Id, SchoolId = pupil.SchoolId, Status = status, Needs = string.Join(',', needs),
            EffectiveFrom = effective, Reason = change.Reason!.Trim(), RecordedById = user.UserId, RecordedBy = user.Name, RecordedAt = now,
        });
        var summary = DescribeSenChange(before, beforeNeeds, status, needs);
        db.PupilEvents.Add(new PupilEvent
        {
            PupilId = pupil.Id, SchoolId = pupil.SchoolId, Kind = PupilEventKind.SenStatusChanged, OccurredOn = effective,
            Summary = summary, Reason = change.Reason!.Trim(), RecordedById = user.UserId, RecordedBy = user.Name, RecordedAt = now,
        });
        db.Audit(user.Actor, "pupil.sen.change", summary, pupil.SchoolId, pupil.Id);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Pupils.IgnoreQueryFilters().AsNoTracking().FirstAsync(p => p.Id == id, ct);
            return Outcome<Pupil>.Conflict(StaleMessage(current), current: current);
        }
        return Outcome<Pupil>.Ok(pupil);
    }

    /// Sets the pupil's current SEN position. Shared with imports and the demo seed so that the register's
    /// denormalised columns are computed in one place.
    public static void ApplySen(Pupil pupil, SenStatus status, IReadOnlyList<string> needs, DateOnly effective)
    {
        if (pupil.SenStatus == SenStatus.N && status != SenStatus.N) pupil.OnRegisterSince = effective;
        if (status == SenStatus.N) pupil.OnRegisterSince = null;
        pupil.SenStatus = status;
        pupil.Needs = string.Join(',', needs);
        pupil.PrimaryNeed = needs.Count > 0 ? needs[0] : null;
        pupil.SecondaryNeed = needs.Count > 1 ? needs[1] : null;
    }

    public static string DescribeSenChange(SenStatus before, string beforeNeeds, SenStatus after, IReadOnlyList<string> needs)
    {
        var needText = needs.Count == 0 ? "no needs" : string.Join(", ", needs.Select((n, i) => $"{i + 1}. {NeedTypes.NameOf(n)} ({n})"));
        if (before == after)
            return $"Needs changed ({SenStatuses.Describe(after)}): {needText}";
        return after == SenStatus.N
            ? $"SEN status changed from {before} ({SenStatuses.Describe(before)}) to N (no SEN)"
            : $"SEN status changed from {before} ({SenStatuses.Describe(before)}) to {after} ({SenStatuses.Describe(after)}); needs: {needText}";
    }

    private static string StaleMessage(Pupil current) =>
        $"Someone else changed this pupil's record at {current.UpdatedAt:HH:mm} on {Dates.Long(DateOnly.FromDateTime(current.UpdatedAt))} while you were editing. " +
        "Your changes have not been saved. Check the record as it is now and make your changes again.";

    private static string YesNo(bool b) => b ? "yes" : "no";
}
