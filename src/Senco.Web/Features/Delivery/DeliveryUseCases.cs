using Microsoft.EntityFrameworkCore;
using Senco.Core;
using Senco.Core.Access;
using Senco.Core.Delivery;
using Senco.Core.Model;
using Senco.Data;
using Senco.Web.Features.Pupils;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.Delivery;

/// A provision line that can carry a dose, as the dose pages and API find it.
public sealed record ProvisionLine(DoseLineKind Kind, long LineId, int SchoolId, Guid PupilId, string Label, string PlanTitle, string BackUrl, DateOnly PlanStart, PlannedDose? Dose);

/// A line someone may log a session for, with its pupil.
public sealed record LoggableLine(PlannedDose Dose, Pupil Pupil);

public sealed record BulkEntry(Guid? DoseId, string? Outcome, string? Reason, string? Note);

/// Planned doses, the delivery log and the settings. Every change is audited in the same SaveChanges as the change.
public sealed class DeliveryCommands(SencoDbContext db, UserContext user, TimeProvider clock, DeliveryReports reports)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
    public UserContext User => user;

    // ---- Provision lines and their doses ----

    public async Task<Outcome<ProvisionLine>> FindLineAsync(DoseLineKind kind, long lineId, Permission permission, CancellationToken ct)
    {
        ProvisionLine? line = null;
        if (kind == DoseLineKind.EhcProvision)
        {
            line = await (from p in db.EhcProvision.IgnoreQueryFilters()
                          join n in db.EhcNeeds.IgnoreQueryFilters() on p.NeedId equals n.Id
                          join plan in db.EhcPlans.IgnoreQueryFilters() on n.PlanId equals plan.Id
                          where p.Id == lineId
                          select new ProvisionLine(kind, p.Id, p.SchoolId, plan.PupilId, p.Description, "EHC plan issued " + plan.IssuedOn.ToString("d MMMM yyyy"),
                              "/ehc-plans/" + plan.Id, plan.IssuedOn, null)).FirstOrDefaultAsync(ct);
        }
        else
        {
            var id = (int)lineId;
            line = await (from s in db.PlanStrategies.IgnoreQueryFilters()
                          join plan in db.SupportPlans.IgnoreQueryFilters() on s.PlanId equals plan.Id
                          where s.Id == id
                          select new ProvisionLine(kind, s.Id, s.SchoolId, plan.PupilId, s.Description, "Support plan cycle " + plan.Cycle,
                              "/support-plans/" + plan.Id, plan.StartedOn, null)).FirstOrDefaultAsync(ct);
        }
        if (line is null || !user.CanSee(line.SchoolId)) return Outcome<ProvisionLine>.NotFound();
        if (!user.Can(line.SchoolId, permission)) return Outcome<ProvisionLine>.Forbidden();
        var dose = kind == DoseLineKind.EhcProvision
            ? await db.PlannedDoses.IgnoreQueryFilters().Include(d => d.StaffMember).FirstOrDefaultAsync(d => d.EhcProvisionId == lineId, ct)
            : await db.PlannedDoses.IgnoreQueryFilters().Include(d => d.StaffMember).FirstOrDefaultAsync(d => d.PlanStrategyId == (int)lineId, ct);
        return Outcome<ProvisionLine>.Ok(line with { Dose = dose });
    }

    /// Who may set a line's dose: those who write the plan it belongs to.
    public static Permission ManagePermission(DoseLineKind kind) => kind == DoseLineKind.EhcProvision ? Permission.ManageEhc : Permission.ManagePlans;

    public async Task<Outcome<PlannedDose>> SetDoseAsync(DoseLineKind kind, long lineId, DoseDraft draft, Guid? staffMemberId, Guid? groupId, int? expectedVersion, CancellationToken ct)
    {
        var found = await FindLineAsync(kind, lineId, ManagePermission(kind), ct);
        if (!found.IsOk) return new Outcome<PlannedDose>(found.Kind);
        var line = found.Value!;
        var errors = DeliveryRules.ValidateDose(draft);
        StaffMember? staff = null;
        if (staffMemberId is { } sid && sid != Guid.Empty)
        {
            staff = await db.StaffMembers.IgnoreQueryFilters().FirstOrDefaultAsync(s => s.Id == sid && s.SchoolId == line.SchoolId, ct);
            if (staff is null) errors.Add("staffMemberId", "Choose a member of staff of this school");
        }
        if (groupId is { } gid && gid != Guid.Empty)
        {
            var inGroup = await db.GroupPupils.IgnoreQueryFilters().AnyAsync(g => g.GroupId == gid && g.PupilId == line.PupilId && g.SchoolId == line.SchoolId, ct);
            if (!inGroup) errors.Add("interventionGroupId", "Choose an intervention group this pupil is in");
        }
        if (!errors.IsValid) return Outcome<PlannedDose>.Invalid(errors);

        var dose = line.Dose;
        if (dose is not null)
        {
            if (expectedVersion is null)
            {
                var e = new ValidationErrors();
                e.Add("version", "Send the version of the dose you last read");
                return Outcome<PlannedDose>.Invalid(e);
            }
            if (dose.Version != expectedVersion) return Outcome<PlannedDose>.Conflict(StaleMessage(dose), current: dose);
        }
        var now = DateTime.UtcNow;
        var isNew = dose is null;
        dose ??= new PlannedDose
        {
            Id = Guid.CreateVersion7(), SchoolId = line.SchoolId, PupilId = line.PupilId, Kind = kind,
            EhcProvisionId = kind == DoseLineKind.EhcProvision ? lineId : null, PlanStrategyId = kind == DoseLineKind.SupportPlanStrategy ? (int)lineId : null, CreatedAt = now,
        };
        dose.Label = line.Label.Length > 1000 ? line.Label[..1000] : line.Label;
        dose.Basis = Enum.Parse<DoseBasis>(draft.Basis!, true);
        dose.HoursPerWeek = dose.Basis == DoseBasis.HoursPerWeek ? draft.HoursPerWeek : null;
        dose.SessionsPerWeek = dose.Basis == DoseBasis.SessionsPerWeek ? draft.SessionsPerWeek : null;
        dose.MinutesPerSession = draft.MinutesPerSession;
        dose.StaffType = string.IsNullOrWhiteSpace(draft.StaffType) ? null : Enum.Parse<StaffRole>(draft.StaffType, true);
        dose.Mode = Enum.Parse<DeliveryMode>(draft.Mode!, true);
        dose.From = draft.From!.Value;
        dose.To = draft.To;
        dose.StaffMemberId = staff?.Id;
        dose.StaffMember = staff;
        dose.InterventionGroupId = groupId is { } g2 && g2 != Guid.Empty ? g2 : null;
        dose.Version = isNew ? 1 : dose.Version + 1;
        dose.UpdatedAt = now;
        dose.UpdatedBy = user.Name;
        if (isNew) db.PlannedDoses.Add(dose);
        db.Audit(user.Actor, "delivery.dose", $"Planned dose of \"{Short(dose.Label)}\": {DescribeDose(dose)}", dose.SchoolId, dose.PupilId);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            var current = await db.PlannedDoses.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(d => kind == DoseLineKind.EhcProvision ? d.EhcProvisionId == lineId : d.PlanStrategyId == (int)lineId, ct);
            return Outcome<PlannedDose>.Conflict(current is null ? "Someone else changed this dose while you were editing it." : StaleMessage(current), current: current);
        }
        return Outcome<PlannedDose>.Ok(dose);
    }

    public static string StaleMessage(PlannedDose current) =>
        $"{current.UpdatedBy} changed this dose while you were editing it (now {DescribeDose(current)}). Check it and make your change again.";

    public static string DescribeDose(PlannedDose d)
    {
        var amount = d.Basis == DoseBasis.HoursPerWeek
            ? $"{d.HoursPerWeek:0.##} {(d.HoursPerWeek == 1 ? "hour" : "hours")} a week" + (d.MinutesPerSession is { } m ? $" in sessions of {m} minutes" : "")
            : $"{d.SessionsPerWeek} × {d.MinutesPerSession} minutes a week";
        var mode = d.Mode == DeliveryMode.OneToOne ? "1:1" : "group";
        var staff = d.StaffType is { } t ? ", " + StaffText(t) : "";
        return $"{amount}, {mode}{staff}, from {Dates.Long(d.From)}" + (d.To is { } to ? $" to {Dates.Long(to)}" : "");
    }

    public static string StaffText(StaffRole r) => r switch
    {
        StaffRole.TeachingAssistant => "teaching assistant",
        StaffRole.SpecialistTeacher => "specialist teacher",
        StaffRole.Senco => "SENCO",
        _ => r.ToString().ToLowerInvariant(),
    };

    private static string Short(string s) => s.Length > 80 ? s[..77] + "…" : s;

    // ---- Logging sessions ----

    /// The staff record linked to this user in a school, if any.
    public Task<StaffMember?> MyStaffAsync(int schoolId, CancellationToken ct) =>
        db.StaffMembers.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(s => s.SchoolId == schoolId && s.UserId == user.UserId && s.Active, ct);

    /// Whether this user may log a line: anyone who manages delivery, or the teacher or TA named on it.
    public bool CanLog(PlannedDose d) =>
        user.Can(d.SchoolId, Permission.ManageDelivery) || (user.Can(d.SchoolId, Permission.LogDelivery) && d.StaffMember?.UserId is { } u && u == user.UserId);

    /// The lines this user may log today in a school: running now, not delivered through a group register.
    public async Task<IReadOnlyList<LoggableLine>> LoggableAsync(SchoolGrant school, Guid? pupilId, CancellationToken ct)
    {
        var today = Today;
        var q = db.PlannedDoses.AsNoTracking().Include(d => d.StaffMember)
            .Where(d => d.SchoolId == school.SchoolId && d.InterventionGroupId == null && d.From <= today && (d.To == null || d.To >= today.AddDays(-28)));
        if (pupilId is { } pid) q = q.Where(d => d.PupilId == pid);
        if (!school.Can(Permission.ManageDelivery)) q = q.Where(d => d.StaffMember != null && d.StaffMember.UserId == user.UserId);
        var doses = await q.ToListAsync(ct);
        var ids = doses.Select(d => d.PupilId).Distinct().ToList();
        var pupils = await db.Pupils.AsNoTracking().Where(p => ids.Contains(p.Id) && p.OnRoll).ToDictionaryAsync(p => p.Id, ct);
        return doses.Where(d => pupils.ContainsKey(d.PupilId)).Select(d => new LoggableLine(d, pupils[d.PupilId]))
            .OrderBy(l => l.Pupil.Surname).ThenBy(l => l.Pupil.Forename).ThenBy(l => l.Dose.Label).ToList();
    }

    public async Task<Outcome<PlannedDose>> FindDoseToLogAsync(Guid doseId, CancellationToken ct)
    {
        var dose = await db.PlannedDoses.IgnoreQueryFilters().Include(d => d.StaffMember).FirstOrDefaultAsync(d => d.Id == doseId, ct);
        if (dose is null || !user.CanSee(dose.SchoolId)) return Outcome<PlannedDose>.NotFound();
        if (!CanLog(dose)) return Outcome<PlannedDose>.Forbidden();
        return Outcome<PlannedDose>.Ok(dose);
    }

    public async Task<Outcome<DeliverySession>> LogAsync(Guid doseId, SessionDraft draft, CancellationToken ct)
    {
        var found = await FindDoseToLogAsync(doseId, ct);
        if (!found.IsOk) return new Outcome<DeliverySession>(found.Kind);
        var dose = found.Value!;
        var (session, errors) = await CheckAsync(dose, draft, null, null, ct);
        if (session is null) return Outcome<DeliverySession>.Invalid(errors);
        AddTimeline(dose, session);
        db.DeliverySessions.Add(session);
        db.Audit(user.Actor, "delivery.log", Describe(dose, session), dose.SchoolId, dose.PupilId);
        await db.SaveChangesAsync(ct);
        return Outcome<DeliverySession>.Ok(session);
    }

    /// <summary>
    /// A whole group's session at once: one date, start and length, and for each pupil's line whether they had it.
    /// All or nothing: one bad row and nothing is saved, with the row named (<c>entries[2].reason</c>).
    /// </summary>
    public async Task<Outcome<IReadOnlyList<DeliverySession>>> LogBulkAsync(string urn, DateOnly? on, string? start, int? minutes, IReadOnlyList<BulkEntry>? entries, CancellationToken ct)
    {
        var school = user.School(urn);
        if (school is null) return new(OutcomeKind.NotFound);
        if (!school.Can(Permission.LogDelivery)) return new(OutcomeKind.Forbidden);
        var errors = new ValidationErrors();
        if (entries is null || entries.Count == 0)
        {
            errors.Add("entries", "Choose at least one pupil's line");
            return new(OutcomeKind.Invalid, Errors: errors);
        }
        if (entries.Where(e => e.DoseId is not null).GroupBy(e => e.DoseId).Any(g => g.Count() > 1))
            errors.Add("entries", "Each line may appear once in a group session");
        var batch = Guid.CreateVersion7();
        var sessions = new List<(PlannedDose Dose, DeliverySession Session)>();
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            var key = $"entries[{i}]";
            if (e.DoseId is not { } id) { errors.Add(key + ".doseId", $"Row {i + 1}: choose the provision line"); continue; }
            var dose = await db.PlannedDoses.IgnoreQueryFilters().Include(d => d.StaffMember).FirstOrDefaultAsync(d => d.Id == id, ct);
            if (dose is null || dose.SchoolId != school.SchoolId) { errors.Add(key + ".doseId", $"Row {i + 1}: no such provision line in this school"); continue; }
            if (!CanLog(dose)) return new(OutcomeKind.Forbidden);
            var (session, rowErrors) = await CheckAsync(dose, new SessionDraft(on, start, minutes, e.Outcome, e.Reason, e.Note), null, sessions.Select(s => s.Session).ToList(), ct);
            foreach (var (field, messages) in rowErrors)
                foreach (var m in messages)
                    errors.Add(field is "on" or "start" or "minutes" ? field : $"{key}.{field}", field is "on" or "start" or "minutes" ? m : $"Row {i + 1}: {m}");
            if (session is not null) { session.BatchId = batch; sessions.Add((dose, session)); }
        }
        if (!errors.IsValid) return new(OutcomeKind.Invalid, Errors: errors);
        foreach (var (dose, s) in sessions)
        {
            AddTimeline(dose, s);
            db.DeliverySessions.Add(s);
            db.Audit(user.Actor, "delivery.log", Describe(dose, s) + " (group session)", dose.SchoolId, dose.PupilId);
        }
        await db.SaveChangesAsync(ct);
        return new(OutcomeKind.Ok, sessions.Select(s => s.Session).ToList());
    }

    /// Corrects a logged session. Send the version you read; a stale one answers with what is saved now.
    public async Task<Outcome<DeliverySession>> UpdateAsync(Guid sessionId, int? expectedVersion, SessionDraft draft, CancellationToken ct)
    {
        var session = await db.DeliverySessions.IgnoreQueryFilters().Include(s => s.Dose!).ThenInclude(d => d.StaffMember).FirstOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null || !user.CanSee(session.SchoolId)) return Outcome<DeliverySession>.NotFound();
        if (!CanLog(session.Dose!)) return Outcome<DeliverySession>.Forbidden();
        if (expectedVersion is null)
        {
            var e = new ValidationErrors();
            e.Add("version", "Send the version of the session you last read");
            return Outcome<DeliverySession>.Invalid(e);
        }
        var (checkedSession, errors) = await CheckAsync(session.Dose!, draft, session.Id, null, ct);
        if (checkedSession is null) return Outcome<DeliverySession>.Invalid(errors);
        if (session.Version != expectedVersion) return Outcome<DeliverySession>.Conflict(SessionStale(session), current: session);
        var before = Describe(session.Dose!, session);
        session.On = checkedSession.On;
        session.Start = checkedSession.Start;
        session.Minutes = checkedSession.Minutes;
        session.Outcome = checkedSession.Outcome;
        session.Reason = checkedSession.Reason;
        session.Note = checkedSession.Note;
        session.Version++;
        db.Audit(user.Actor, "delivery.correct", $"Corrected: {before} → {Describe(session.Dose!, session)}", session.SchoolId, session.PupilId);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.DeliverySessions.IgnoreQueryFilters().AsNoTracking().FirstAsync(s => s.Id == sessionId, ct);
            return Outcome<DeliverySession>.Conflict(SessionStale(current), current: current);
        }
        return Outcome<DeliverySession>.Ok(session);
    }

    public static string SessionStale(DeliverySession s) =>
        $"{s.RecordedBy}'s log of this session changed while you were correcting it (now {Dates.Long(s.On)} at {s.Start:HH\\:mm}, {s.Minutes} minutes, {(s.Outcome == DeliveryOutcome.Delivered ? "delivered" : "missed")}). Check it and correct it again.";

    private async Task<(DeliverySession? Session, ValidationErrors Errors)> CheckAsync(PlannedDose dose, SessionDraft draft, Guid? exceptId, IReadOnlyList<DeliverySession>? pending, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (dose.InterventionGroupId is not null)
        {
            errors.Add("doseId", "This line is delivered through an intervention group: take the group's register instead, so the session is recorded once");
            return (null, errors);
        }
        var settings = await reports.SettingsAsync(dose.SchoolId, ct);
        var mine = await MyStaffAsync(dose.SchoolId, ct);
        // The person who delivered it: the logger's own staff record when they are the one named on the line (or any TA
        // logging their own work), otherwise the member of staff the line names.
        var staffId = !user.Can(dose.SchoolId, Permission.ManageDelivery) ? mine?.Id ?? dose.StaffMemberId : dose.StaffMemberId ?? mine?.Id;
        var busy = new List<BusyTime>();
        if (staffId is { } sid && draft.On is { } on)
        {
            var others = await db.DeliverySessions.IgnoreQueryFilters().AsNoTracking().Include(s => s.Dose)
                .Where(s => s.StaffMemberId == sid && s.On == on && s.Outcome == DeliveryOutcome.Delivered && (exceptId == null || s.Id != exceptId)).ToListAsync(ct);
            busy.AddRange(others.Select(s => new BusyTime(s.Start, s.Minutes, s.Dose?.Mode == DeliveryMode.Group, Short(s.Dose?.Label ?? "another session"))));
            busy.AddRange((pending ?? []).Where(s => s.StaffMemberId == sid && s.On == on && s.Outcome == DeliveryOutcome.Delivered)
                .Select(s => new BusyTime(s.Start, s.Minutes, true, "this group session")));
        }
        var (ok, e) = DeliveryRules.ValidateSession(draft, new SessionContext(Today, dose.From, dose.To, dose.Mode == DeliveryMode.Group, settings.SchoolDayMinutes, busy));
        if (ok is null) return (null, e);
        return (new DeliverySession
        {
            Id = Guid.CreateVersion7(), SchoolId = dose.SchoolId, PupilId = dose.PupilId, DoseId = dose.Id, On = ok.On, Start = ok.Start, Minutes = ok.Minutes,
            Outcome = ok.Outcome, Reason = ok.Reason, Note = ok.Note, StaffMemberId = staffId, RecordedById = user.UserId, RecordedBy = user.Name,
            RecordedAt = DateTime.UtcNow, Version = 1,
        }, e);
    }

    /// A missed session whose reason counts as shortfall goes on the pupil's timeline, dated the day it was missed.
    private void AddTimeline(PlannedDose dose, DeliverySession s)
    {
        if (s.Outcome != DeliveryOutcome.Cancelled || s.Reason is not { } r) return;
        db.PupilEvents.Add(new PupilEvent
        {
            PupilId = dose.PupilId, SchoolId = dose.SchoolId, Kind = PupilEventKind.Delivery, OccurredOn = s.On,
            Summary = $"Provision missed ({s.Minutes} minutes): {Short(dose.Label)}", Reason = ShortfallPolicy.Describe(r) + (s.Note is null ? "" : $": {s.Note}"),
            RecordedById = user.UserId, RecordedBy = user.Name, RecordedAt = DateTime.UtcNow,
        });
    }

    private static string Describe(PlannedDose d, DeliverySession s) =>
        $"{(s.Outcome == DeliveryOutcome.Delivered ? "Delivered" : "Missed (" + ShortfallPolicy.Describe(s.Reason ?? MissedReason.Other) + ")")} " +
        $"\"{Short(d.Label)}\" on {Dates.Long(s.On)} at {s.Start:HH\\:mm} for {s.Minutes} minutes";

    // ---- Settings ----

    public async Task<Outcome<DeliverySettings>> SaveSettingsAsync(string urn, int? thresholdPercent, int? schoolDayMinutes, IReadOnlyList<string>? shortfallReasons, int? expectedVersion, CancellationToken ct)
    {
        var school = user.School(urn);
        if (school is null) return Outcome<DeliverySettings>.NotFound();
        if (!school.Can(Permission.ManageDelivery)) return Outcome<DeliverySettings>.Forbidden();
        var errors = DeliveryRules.ValidateSettings(thresholdPercent, schoolDayMinutes, shortfallReasons);
        if (!errors.IsValid) return Outcome<DeliverySettings>.Invalid(errors);
        var settings = await db.DeliverySettings.FirstOrDefaultAsync(s => s.SchoolId == school.SchoolId, ct);
        var isNew = settings is null;
        settings ??= new DeliverySettings { SchoolId = school.SchoolId };
        if (!isNew && expectedVersion is { } v && v != settings.Version)
            return Outcome<DeliverySettings>.Conflict($"{settings.UpdatedBy} changed the delivery settings while you were editing them. Check them and make your change again.", current: settings);
        settings.ThresholdPercent = thresholdPercent!.Value;
        settings.SchoolDayMinutes = schoolDayMinutes!.Value;
        settings.ShortfallReasons = new ShortfallPolicy((shortfallReasons ?? []).Select(r => Enum.Parse<MissedReason>(r, true)).ToHashSet()).ToStoredText();
        settings.Version++;
        settings.UpdatedAt = DateTime.UtcNow;
        settings.UpdatedBy = user.Name;
        if (isNew) db.DeliverySettings.Add(settings);
        db.Audit(user.Actor, "delivery.settings", $"Delivery alert threshold {settings.ThresholdPercent}%, school day {settings.SchoolDayMinutes} minutes, shortfall reasons: {settings.ShortfallReasons}", school.SchoolId);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            var current = await db.DeliverySettings.AsNoTracking().FirstAsync(s => s.SchoolId == school.SchoolId, ct);
            return Outcome<DeliverySettings>.Conflict($"{current.UpdatedBy} changed the delivery settings while you were editing them. Check them and make your change again.", current: current);
        }
        return Outcome<DeliverySettings>.Ok(settings);
    }
}
