using Microsoft.EntityFrameworkCore;
using Senco.Core;
using Senco.Core.Access;
using Senco.Core.Model;
using Senco.Core.Provision;
using Senco.Data;
using Senco.Web.Features.Provision;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.Interventions;

/// <summary>One mark on a register: a pupil attended or not, with an optional note ("at a hospital appointment").</summary>
public sealed record RegisterMark(Guid? PupilId, bool? Attended, string? Note);

/// <summary>
/// Running intervention groups: creating and editing them, who is in them, their scores, and their registers. Every
/// change is written with its audit entry in one SaveChanges, so nothing is ever half-saved.
/// </summary>
public sealed class GroupCommands(SencoDbContext db, UserContext user, ProvisionAccess access, TimeProvider clock)
{
    public const int MaxNote = 2000;
    public const int MaxMarkNote = 500;
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<Outcome<InterventionGroup>> CreateAsync(string urn, GroupInput input, IReadOnlyList<Guid>? pupilIds, CancellationToken ct = default)
    {
        var school = user.School(urn);
        if (school is null) return Outcome<InterventionGroup>.NotFound();
        if (!school.Can(Permission.ManageProvision)) return Outcome<InterventionGroup>.Forbidden();

        var errors = ProvisionRules.ValidateGroup(input, out var slots);
        var (offer, staff) = await CheckReferencesAsync(school.SchoolId, input, errors, ct);
        var ids = (pupilIds ?? []).ToList();
        var pupils = new List<Pupil>();
        if (ids.Count > 0)
        {
            var distinct = ids.Distinct().ToList();
            var found = await db.Pupils.Where(p => p.SchoolId == school.SchoolId && distinct.Contains(p.Id)).ToListAsync(ct);
            for (var i = 0; i < ids.Count; i++)
            {
                var p = found.FirstOrDefault(x => x.Id == ids[i]);
                if (p is null) errors.Add($"pupilIds[{i}]", "There is no pupil with this id in this school");
                else if (!p.OnRoll) errors.Add($"pupilIds[{i}]", $"{p.FullName} is no longer on roll");
                else if (ids.IndexOf(ids[i]) != i) errors.Add($"pupilIds[{i}]", $"{p.FullName} is in the list twice");
                else pupils.Add(p);
            }
        }
        if (errors.IsValid && staff is not null && slots.Count > 0)
            await CheckClashesAsync(staff, null, input.StartOn!.Value, input.Weeks!.Value, slots, errors, ct);
        if (!errors.IsValid) return Outcome<InterventionGroup>.Invalid(errors);

        var now = DateTime.UtcNow;
        var group = new InterventionGroup
        {
            Id = Guid.CreateVersion7(), SchoolId = school.SchoolId, Version = 1, CreatedAt = now, UpdatedAt = now,
        };
        Apply(group, input, offer!, staff, slots);
        foreach (var p in pupils)
            group.Pupils.Add(new GroupPupil { PupilId = p.Id, SchoolId = school.SchoolId, JoinedOn = group.StartOn });
        db.InterventionGroups.Add(group);
        db.Audit(user.Actor, "intervention.create",
            $"Started intervention group \"{group.Name}\" ({offer!.Name}) from {Dates.Long(group.StartOn)} for {group.Weeks} weeks with {pupils.Count} pupils; cost {Money.Show(group.TotalCost)}",
            school.SchoolId);
        await db.SaveChangesAsync(ct);
        group.Provision = offer;
        group.StaffMember = staff;
        return Outcome<InterventionGroup>.Ok(group);
    }

    public async Task<Outcome<InterventionGroup>> UpdateAsync(Guid id, int expectedVersion, GroupInput input, CancellationToken ct = default)
    {
        var found = await access.FindGroupAsync(id, Permission.ManageProvision, track: true, ct);
        if (!found.IsOk) return found;
        var group = found.Value!;
        var errors = ProvisionRules.ValidateGroup(input, out var slots);
        var (offer, staff) = await CheckReferencesAsync(group.SchoolId, input, errors, ct);
        if (errors.IsValid && staff is not null && slots.Count > 0)
            await CheckClashesAsync(staff, group.Id, input.StartOn!.Value, input.Weeks!.Value, slots, errors, ct);
        if (errors.IsValid && input.StartOn is { } start && input.Weeks is { } weeks)
        {
            // Registers already taken must stay inside the run.
            var end = start.AddDays(weeks * 7 - 1);
            var outside = await db.InterventionSessions.Where(s => s.GroupId == id && (s.On < start || s.On > end)).OrderBy(s => s.On).Select(s => s.On).FirstOrDefaultAsync(ct);
            if (outside != default) errors.Add("startOn", $"A register was taken on {Dates.Long(outside)}, outside {Dates.Long(start)} to {Dates.Long(end)}: change the dates to include it");
        }
        if (!errors.IsValid) return Outcome<InterventionGroup>.Invalid(errors);
        if (group.Version != expectedVersion) return Stale(group);

        var before = Describe(group);
        db.InterventionSlots.RemoveRange(group.Slots);
        group.Slots.Clear();
        Apply(group, input, offer!, staff, slots);
        group.Version++;
        group.UpdatedAt = DateTime.UtcNow;
        var after = Describe(group);
        db.Audit(user.Actor, "intervention.update", $"Changed intervention group \"{group.Name}\": {before} → {after}", group.SchoolId);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await access.FindGroupAsync(id, Permission.ManageProvision, ct: ct);
            return Stale(current.Value!);
        }
        return Outcome<InterventionGroup>.Ok(group);
    }

    public async Task<Outcome<GroupPupil>> AddPupilAsync(Guid groupId, Guid? pupilId, DateOnly? joinedOn, CancellationToken ct = default)
    {
        var found = await access.FindGroupAsync(groupId, Permission.ManageProvision, track: true, ct);
        if (!found.IsOk) return new Outcome<GroupPupil>(found.Kind);
        var group = found.Value!;
        var errors = new ValidationErrors();
        Pupil? pupil = null;
        if (pupilId is null) errors.Add("pupilId", "Select a pupil");
        else
        {
            pupil = await db.Pupils.FirstOrDefaultAsync(p => p.Id == pupilId && p.SchoolId == group.SchoolId, ct);
            if (pupil is null) errors.Add("pupilId", "There is no pupil with this id in this school");
            else if (!pupil.OnRoll) errors.Add("pupilId", $"{pupil.FullName} is no longer on roll");
        }
        errors.Merge(ProvisionRules.ValidateMembership(joinedOn ?? group.StartOn, null, group.EndOn));
        if (!errors.IsValid) return Outcome<GroupPupil>.Invalid(errors);
        if (await db.GroupPupils.AnyAsync(m => m.GroupId == groupId && m.PupilId == pupilId, ct))
        {
            var e = new ValidationErrors();
            e.Add("pupilId", $"{pupil!.FullName} is already in this group: change their dates instead");
            return Outcome<GroupPupil>.Conflict("The pupil is already in this group.", e);
        }
        var member = new GroupPupil { GroupId = groupId, PupilId = pupil!.Id, SchoolId = group.SchoolId, JoinedOn = joinedOn ?? group.StartOn };
        db.GroupPupils.Add(member);
        db.Audit(user.Actor, "intervention.pupil.add", $"Added {pupil.Upn} to intervention group \"{group.Name}\" from {Dates.Long(member.JoinedOn)}", group.SchoolId, pupil.Id);
        await db.SaveChangesAsync(ct);
        member.Pupil = pupil;
        return Outcome<GroupPupil>.Ok(member);
    }

    /// <summary>Changes when a pupil joined or left (leaving midway keeps their scores and attendance to that date).</summary>
    public async Task<Outcome<GroupPupil>> UpdatePupilAsync(Guid groupId, Guid pupilId, DateOnly? joinedOn, DateOnly? leftOn, CancellationToken ct = default)
    {
        var found = await access.FindGroupAsync(groupId, Permission.ManageProvision, ct: ct);
        if (!found.IsOk) return new Outcome<GroupPupil>(found.Kind);
        var group = found.Value!;
        var member = await db.GroupPupils.Include(m => m.Pupil).FirstOrDefaultAsync(m => m.GroupId == groupId && m.PupilId == pupilId, ct);
        if (member is null) return Outcome<GroupPupil>.NotFound();
        var errors = ProvisionRules.ValidateMembership(joinedOn, leftOn, group.EndOn);
        if (errors.IsValid && leftOn is { } l)
        {
            var marked = await db.SessionAttendance.Where(a => a.PupilId == pupilId && a.Attended)
                .Join(db.InterventionSessions.Where(s => s.GroupId == groupId && s.On > l), a => a.SessionId, s => s.Id, (a, s) => s.On)
                .OrderBy(d => d).FirstOrDefaultAsync(ct);
            if (marked != default) errors.Add("leftOn", $"{member.Pupil!.FullName} is marked present on {Dates.Long(marked)}, after this date");
        }
        if (!errors.IsValid) return Outcome<GroupPupil>.Invalid(errors);
        var changes = new List<string>();
        if (member.JoinedOn != joinedOn) changes.Add($"joined {Dates.Long(member.JoinedOn)} → {Dates.Long(joinedOn!.Value)}");
        if (member.LeftOn != leftOn) changes.Add($"left {(member.LeftOn is { } a ? Dates.Long(a) : "—")} → {(leftOn is { } b ? Dates.Long(b) : "—")}");
        member.JoinedOn = joinedOn!.Value;
        member.LeftOn = leftOn;
        if (changes.Count > 0)
        {
            db.Audit(user.Actor, "intervention.pupil.update", $"{member.Pupil!.Upn} in \"{group.Name}\": {string.Join("; ", changes)}", group.SchoolId, pupilId);
            await db.SaveChangesAsync(ct);
        }
        return Outcome<GroupPupil>.Ok(member);
    }

    /// <summary>
    /// Records a pupil's entry and exit assessments (the whole pair: an exit left out is cleared). The group has one
    /// measure; the first scores recorded set it, and later ones must use it.
    /// </summary>
    public async Task<Outcome<GroupPupil>> RecordScoresAsync(Guid groupId, Guid pupilId, string? measure, Assessment? entry, Assessment? exit, CancellationToken ct = default)
    {
        var found = await access.FindGroupToRecordAsync(groupId, track: true, ct);
        if (!found.IsOk) return new Outcome<GroupPupil>(found.Kind);
        var group = found.Value!;
        var member = await db.GroupPupils.Include(m => m.Pupil).FirstOrDefaultAsync(m => m.GroupId == groupId && m.PupilId == pupilId, ct);
        if (member is null) return Outcome<GroupPupil>.NotFound();

        var errors = new ValidationErrors();
        var kind = ProvisionRules.ParseMeasure(measure);
        MeasureScale? scale = null;
        if (kind is null)
            errors.Add("measure", string.IsNullOrWhiteSpace(measure) ? "Select how progress is measured" : $"Select how progress is measured: {string.Join(", ", Enum.GetNames<MeasureKind>())}");
        else if (group.Measure is { } existing && existing != kind)
            errors.Add("measure", $"This group measures progress by {ScaleOf(group)!.Name}: record scores on that measure");
        else if (kind == MeasureKind.SchoolMeasure && group.OwnMeasureName is null)
            errors.Add("measure", "Describe the school's own measure (its name and range) on the group before recording scores on it");
        else
            scale = kind == MeasureKind.SchoolMeasure ? ScaleOf(group) : MeasureScale.For(kind.Value);
        if (scale is not null) errors.Merge(Impact.Validate(scale, entry, exit, Today));
        if (!errors.IsValid) return Outcome<GroupPupil>.Invalid(errors);

        group.Measure ??= kind;
        var hasExit = exit is not null && (exit.Value is not null || exit.On is not null);
        member.EntryValue = entry!.Value;
        member.EntryOn = entry.On;
        member.ExitValue = hasExit ? exit!.Value : null;
        member.ExitOn = hasExit ? exit!.On : null;
        member.ScoresRecordedBy = user.Actor.Name;
        member.ScoresRecordedAt = DateTime.UtcNow;
        db.Audit(user.Actor, "intervention.scores",
            $"Scores for {member.Pupil!.Upn} in \"{group.Name}\" ({scale!.Name}): entry {member.EntryValue} on {Dates.Long(member.EntryOn!.Value)}" +
            (hasExit ? $", exit {member.ExitValue} on {Dates.Long(member.ExitOn!.Value)}" : ", no exit yet"), group.SchoolId, pupilId);
        await db.SaveChangesAsync(ct);
        return Outcome<GroupPupil>.Ok(member);
    }

    /// <summary>
    /// Takes (or retakes) the register of one session. A new register for a date that already has one is a conflict;
    /// changing one needs the version read, so two people taking it at once never overwrite each other.
    /// </summary>
    public async Task<Outcome<InterventionSession>> SaveRegisterAsync(Guid groupId, Guid? sessionId, int? expectedVersion, DateOnly? on, string? status,
        string? note, IReadOnlyList<RegisterMark>? marks, CancellationToken ct = default)
    {
        var found = await access.FindGroupToRecordAsync(groupId, ct: ct);
        if (!found.IsOk) return new Outcome<InterventionSession>(found.Kind);
        var group = found.Value!;
        InterventionSession? session = null;
        if (sessionId is { } sid)
        {
            session = await db.InterventionSessions.Include(s => s.Attendance).FirstOrDefaultAsync(s => s.Id == sid && s.GroupId == groupId, ct);
            if (session is null) return Outcome<InterventionSession>.NotFound();
        }

        var errors = new ValidationErrors();
        if (on is not { } date) errors.Add("on", "Enter the date of the session");
        else if (date > Today) errors.Add("on", "The session must be today or in the past: take the register on the day");
        else if (date < group.StartOn || date > group.EndOn) errors.Add("on", $"The group runs from {Dates.Long(group.StartOn)} to {Dates.Long(group.EndOn)}: choose a date in that time");
        var cancelled = string.Equals(status?.Trim(), nameof(SessionStatus.Cancelled), StringComparison.OrdinalIgnoreCase);
        var held = string.Equals(status?.Trim(), nameof(SessionStatus.Held), StringComparison.OrdinalIgnoreCase);
        if (!cancelled && !held) errors.Add("status", "Say whether the session was held or cancelled");
        if (note is { Length: > MaxNote }) errors.Add("note", $"The note must be 2,000 characters or fewer");
        else if (cancelled && string.IsNullOrWhiteSpace(note)) errors.Add("note", "Say why the session was cancelled");

        var members = await db.GroupPupils.Include(m => m.Pupil).Where(m => m.GroupId == groupId).ToListAsync(ct);
        var inGroup = on is { } d2 ? members.Where(m => m.JoinedOn <= d2 && (m.LeftOn is null || m.LeftOn >= d2)).ToList() : [];
        var given = (marks ?? []).ToList();
        var cleanMarks = new Dictionary<Guid, (bool Attended, string? Note)>();
        if (held)
        {
            for (var i = 0; i < given.Count; i++)
            {
                var m = given[i];
                var member = members.FirstOrDefault(x => x.PupilId == m.PupilId);
                if (m.PupilId is null || member is null) errors.Add($"attendance[{i}].pupilId", "This pupil is not in the group");
                else if (on is { } d3 && !inGroup.Contains(member)) errors.Add($"attendance[{i}].pupilId", $"{member.Pupil!.FullName} was not in the group on {Dates.Long(d3)}");
                else if (cleanMarks.ContainsKey(m.PupilId.Value)) errors.Add($"attendance[{i}].pupilId", $"{member.Pupil!.FullName} is marked twice");
                else if (m.Attended is null) errors.Add($"attendance[{i}].attended", $"Mark {member.Pupil!.FullName} present or absent");
                else if (m.Note is { Length: > MaxMarkNote }) errors.Add($"attendance[{i}].note", $"The note for {member.Pupil!.FullName} must be {MaxMarkNote} characters or fewer");
                else cleanMarks[m.PupilId.Value] = (m.Attended.Value, string.IsNullOrWhiteSpace(m.Note) ? null : m.Note.Trim());
            }
            var missing = inGroup.Where(m => !cleanMarks.ContainsKey(m.PupilId) && !given.Any(g => g.PupilId == m.PupilId)).ToList();
            if (errors.IsValid && missing.Count > 0)
                errors.Add("attendance", $"Mark every pupil present or absent: {string.Join(", ", missing.Select(m => m.Pupil!.FullName))} {(missing.Count == 1 ? "is" : "are")} not marked");
        }
        if (errors.IsValid && session is null && await db.InterventionSessions.AnyAsync(s => s.GroupId == groupId && s.On == on, ct))
        {
            var e = new ValidationErrors();
            e.Add("on", $"The register for {Dates.Long(on!.Value)} has already been taken: open it to change it");
            return Outcome<InterventionSession>.Conflict("A register for this date already exists.", e);
        }
        if (errors.IsValid && session is not null && session.On != on && await db.InterventionSessions.AnyAsync(s => s.GroupId == groupId && s.On == on && s.Id != session.Id, ct))
            errors.Add("on", $"The register for {Dates.Long(on!.Value)} has already been taken");
        if (!errors.IsValid) return Outcome<InterventionSession>.Invalid(errors);
        if (session is not null && expectedVersion != session.Version) return StaleRegister(session);

        var now = DateTime.UtcNow;
        if (session is null)
        {
            session = new InterventionSession { Id = Guid.CreateVersion7(), GroupId = groupId, SchoolId = group.SchoolId, Version = 1 };
            db.InterventionSessions.Add(session);
        }
        else
        {
            session.Version++;
            db.SessionAttendance.RemoveRange(session.Attendance);
            session.Attendance.Clear();
        }
        session.On = on!.Value;
        session.Status = cancelled ? SessionStatus.Cancelled : SessionStatus.Held;
        session.Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        session.RecordedById = user.UserId;
        session.RecordedBy = user.Actor.Name;
        session.RecordedAt = now;
        foreach (var (pupil, mark) in cleanMarks)
            session.Attendance.Add(new SessionAttendance { PupilId = pupil, SchoolId = group.SchoolId, Attended = mark.Attended, Note = mark.Note });
        db.Audit(user.Actor, "intervention.register",
            cancelled ? $"Register of \"{group.Name}\" for {Dates.Long(session.On)}: cancelled ({session.Note})"
                      : $"Register of \"{group.Name}\" for {Dates.Long(session.On)}: {cleanMarks.Count(m => m.Value.Attended)} of {cleanMarks.Count} present", group.SchoolId);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.InterventionSessions.AsNoTracking().Include(s => s.Attendance).FirstAsync(s => s.Id == session.Id, ct);
            return StaleRegister(current);
        }
        catch (DbUpdateException) when (sessionId is null)
        {
            // Two people took the same day's register at the same moment: the unique index kept the first.
            db.ChangeTracker.Clear();
            var e = new ValidationErrors();
            e.Add("on", $"Someone else has just taken the register for {Dates.Long(on.Value)}: open it to check it");
            return Outcome<InterventionSession>.Conflict("A register for this date already exists.", e);
        }
        return Outcome<InterventionSession>.Ok(session);
    }

    public static MeasureScale? ScaleOf(InterventionGroup g) => g.Measure switch
    {
        null => null,
        MeasureKind.SchoolMeasure when g.OwnMeasureName is not null && g.OwnMeasureMin is { } lo && g.OwnMeasureMax is { } hi => MeasureScale.Own(g.OwnMeasureName, lo, hi),
        MeasureKind.SchoolMeasure => null,
        var k => MeasureScale.For(k.Value),
    };

    /// <summary>
    /// The staff member's week as it stands: their other groups' slots (each only for the dates it runs) and their
    /// other timetable entries. <paramref name="exceptGroup"/> is the group being edited.
    /// </summary>
    public static async Task<List<TimetableItem>> TimetableOfAsync(SencoDbContext db, Guid staffId, Guid? exceptGroup, Guid? exceptEntry, CancellationToken ct)
    {
        var groups = await db.InterventionGroups.IgnoreQueryFilters().AsNoTracking()
            .Where(g => g.StaffMemberId == staffId && (exceptGroup == null || g.Id != exceptGroup))
            .Select(g => new { g.Id, g.Name, g.StartOn, g.Weeks, Slots = g.Slots.Select(s => new { s.Id, s.Day, s.Start, s.End }).ToList() })
            .ToListAsync(ct);
        var items = groups.SelectMany(g => g.Slots.Select(s =>
            new TimetableItem($"g:{g.Id}:{s.Id}", g.Name, s.Day, s.Start, s.End, g.StartOn, g.StartOn.AddDays(g.Weeks * 7 - 1)))).ToList();
        var entries = await db.StaffTimetableEntries.IgnoreQueryFilters().AsNoTracking()
            .Where(e => e.StaffMemberId == staffId && (exceptEntry == null || e.Id != exceptEntry)).ToListAsync(ct);
        items.AddRange(entries.Select(e => new TimetableItem($"e:{e.Id}", e.Description, e.Day, e.Start, e.End, e.From, e.To)));
        return items;
    }

    private async Task CheckClashesAsync(StaffMember staff, Guid? groupId, DateOnly start, int weeks, IReadOnlyList<WeeklySlot> slots, ValidationErrors errors, CancellationToken ct)
    {
        var existing = await TimetableOfAsync(db, staff.Id, groupId, null, ct);
        var end = start.AddDays(weeks * 7 - 1);
        for (var i = 0; i < slots.Count; i++)
        {
            var s = slots[i];
            var clash = Timetable.ClashesWith(new TimetableItem("new", "this group", s.Day, s.Start, s.End, start, end), existing).FirstOrDefault();
            if (clash is not null)
                errors.Add($"slots[{i}].start", $"{staff.Name} is already timetabled then: {clash.Label} ({clash.When}). Choose another time or another member of staff");
        }
    }

    private async Task<(ProvisionOffer? Offer, StaffMember? Staff)> CheckReferencesAsync(int schoolId, GroupInput input, ValidationErrors errors, CancellationToken ct)
    {
        ProvisionOffer? offer = null;
        StaffMember? staff = null;
        if (input.ProvisionId is { } pid && pid != Guid.Empty)
        {
            offer = await db.ProvisionOffers.FirstOrDefaultAsync(o => o.Id == pid && o.SchoolId == schoolId, ct);
            if (offer is null) errors.Add("provisionId", "Select provision from this school's catalogue");
        }
        if (input.StaffMemberId is { } sid && sid != Guid.Empty)
        {
            staff = await db.StaffMembers.FirstOrDefaultAsync(s => s.Id == sid && s.SchoolId == schoolId, ct);
            if (staff is null) errors.Add("staffMemberId", "Select a member of staff from this school");
            else if (!staff.Active) errors.Add("staffMemberId", $"{staff.Name} is no longer an active member of staff");
        }
        return (offer, staff);
    }

    private static void Apply(InterventionGroup group, GroupInput input, ProvisionOffer offer, StaffMember? staff, IReadOnlyList<WeeklySlot> slots)
    {
        group.ProvisionId = offer.Id;
        group.StaffMemberId = staff?.Id;
        group.StartOn = input.StartOn!.Value;
        group.Weeks = input.Weeks!.Value;
        group.SessionsPerWeek = input.SessionsPerWeek!.Value;
        group.MinutesPerSession = input.MinutesPerSession!.Value;
        group.StaffHourlyCost = input.StaffHourlyCost!.Value;
        group.ResourceCost = input.ResourceCost ?? 0m;
        group.Name = string.IsNullOrWhiteSpace(input.Name)
            ? $"{offer.Name} ({group.StartOn.ToString("MMM yyyy", System.Globalization.CultureInfo.InvariantCulture)})"
            : input.Name.Trim();
        if (ProvisionRules.ParseMeasure(input.Measure) is { } m)
        {
            group.Measure = m;
            group.OwnMeasureName = m == MeasureKind.SchoolMeasure ? input.OwnMeasureName!.Trim() : null;
            group.OwnMeasureMin = m == MeasureKind.SchoolMeasure ? input.OwnMeasureMin : null;
            group.OwnMeasureMax = m == MeasureKind.SchoolMeasure ? input.OwnMeasureMax : null;
        }
        group.Notes = string.IsNullOrWhiteSpace(input.Notes) ? null : input.Notes.Trim();
        foreach (var s in slots)
            group.Slots.Add(new InterventionSlot { SchoolId = group.SchoolId, Day = s.Day, Start = s.Start, End = s.End });
    }

    private static string Describe(InterventionGroup g) =>
        $"{Dates.Long(g.StartOn)}, {g.Weeks} weeks, {g.SessionsPerWeek}×{g.MinutesPerSession} min, £{g.StaffHourlyCost}/h + £{g.ResourceCost}, {g.Slots.Count} slots";

    private static Outcome<InterventionGroup> Stale(InterventionGroup current) => Outcome<InterventionGroup>.Conflict(
        $"Someone else changed this group at {current.UpdatedAt:HH:mm} on {Dates.Long(DateOnly.FromDateTime(current.UpdatedAt))} while you were editing. " +
        "Your changes have not been saved. Check the group as it is now and make your changes again.", current: current);

    private static Outcome<InterventionSession> StaleRegister(InterventionSession current) => Outcome<InterventionSession>.Conflict(
        $"{current.RecordedBy} saved this register at {current.RecordedAt:HH:mm} while you were taking it. Your marks have not been saved: check theirs, then save yours again if they should replace them.",
        current: current);
}
