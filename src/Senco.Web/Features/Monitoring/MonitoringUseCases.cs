using Microsoft.EntityFrameworkCore;
using Senco.Core;
using Senco.Core.Access;
using Senco.Core.Delivery;
using Senco.Core.Model;
using Senco.Core.Sen;
using Senco.Data;
using Senco.Web.Features.Pupils;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.Monitoring;

/// <summary>
/// The monitoring ("amber") list: concerns about pupils not on the SEN register. Monitoring is not a census status:
/// the pupil stays N (send-facts.md §2) until the SENCO escalates them to SEN support (K) through the same SEN status
/// change as everywhere else, with its history entry; the concern's evidence is then carried into the assess step
/// (the evidence) of the pupil's first support plan.
/// </summary>
public sealed class MonitoringCommands(SencoDbContext db, UserContext user, TimeProvider clock, PupilCommands pupils)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<Outcome<MonitoringConcern>> FindAsync(Guid id, Permission permission, bool track = false, CancellationToken ct = default)
    {
        var q = db.MonitoringConcerns.IgnoreQueryFilters().Include(c => c.Pupil!).ThenInclude(p => p.School).Include(c => c.Observations).Where(c => c.Id == id);
        if (!track) q = q.AsNoTracking();
        var c = await q.AsSplitQuery().FirstOrDefaultAsync(ct);
        if (c is null || !user.CanSee(c.SchoolId)) return Outcome<MonitoringConcern>.NotFound();
        if (!user.Can(c.SchoolId, permission)) return Outcome<MonitoringConcern>.Forbidden();
        return Outcome<MonitoringConcern>.Ok(c);
    }

    public async Task<Outcome<MonitoringConcern>> RaiseAsync(Guid pupilId, ConcernDraft draft, CancellationToken ct)
    {
        var found = await new PupilFinder(db, user).FindAsync(pupilId, Permission.RaiseConcern, ct: ct);
        if (!found.IsOk) return new Outcome<MonitoringConcern>(found.Kind);
        var pupil = found.Value!;
        if (pupil.SenStatus != SenStatus.N)
            return Outcome<MonitoringConcern>.Conflict($"{pupil.FullName} is already on the SEN register ({SenStatuses.Describe(pupil.SenStatus)}): add what you see to their support plan or passport instead.");
        var errors = ConcernRules.Validate(draft, Today);
        if (!errors.IsValid) return Outcome<MonitoringConcern>.Invalid(errors);
        var now = DateTime.UtcNow;
        var concern = new MonitoringConcern
        {
            Id = Guid.CreateVersion7(), SchoolId = pupil.SchoolId, PupilId = pupil.Id, ObservedOn = draft.ObservedOn!.Value, WhatSeen = draft.WhatSeen!.Trim(),
            Lessons = Clean(draft.Lessons), Tried = Clean(draft.Tried), Status = ConcernStatus.Open, RaisedById = user.UserId, RaisedBy = user.Name, RaisedAt = now, Version = 1,
        };
        db.MonitoringConcerns.Add(concern);
        db.PupilEvents.Add(new PupilEvent
        {
            PupilId = pupil.Id, SchoolId = pupil.SchoolId, Kind = PupilEventKind.Monitoring, OccurredOn = concern.ObservedOn,
            Summary = "Concern raised: added to the monitoring list", Reason = Short(concern.WhatSeen), RecordedById = user.UserId, RecordedBy = user.Name, RecordedAt = now,
        });
        db.Audit(user.Actor, "concern.raise", $"Raised a concern about {pupil.Upn} (seen {Dates.Long(concern.ObservedOn)})", pupil.SchoolId, pupil.Id);
        await db.SaveChangesAsync(ct);
        concern.Pupil = pupil;
        return Outcome<MonitoringConcern>.Ok(concern);
    }

    public async Task<Outcome<ConcernObservation>> ObserveAsync(Guid concernId, ConcernDraft draft, CancellationToken ct)
    {
        var found = await FindAsync(concernId, Permission.RaiseConcern, track: true, ct: ct);
        if (!found.IsOk) return new Outcome<ConcernObservation>(found.Kind);
        var c = found.Value!;
        if (c.Status != ConcernStatus.Open) return Outcome<ConcernObservation>.Conflict($"This concern was {c.Status.ToString().ToLowerInvariant()} on {Dates.Long(c.DecidedOn ?? Today)}: observations can be added only while it is open.");
        var errors = ConcernRules.Validate(draft, Today, observation: true);
        if (!errors.IsValid) return Outcome<ConcernObservation>.Invalid(errors);
        var o = new ConcernObservation
        {
            ConcernId = c.Id, SchoolId = c.SchoolId, ObservedOn = draft.ObservedOn!.Value, Text = draft.WhatSeen!.Trim(), Lessons = Clean(draft.Lessons),
            RecordedById = user.UserId, RecordedBy = user.Name, RecordedAt = DateTime.UtcNow,
        };
        c.Observations.Add(o);
        db.Audit(user.Actor, "concern.observe", $"Added an observation (seen {Dates.Long(o.ObservedOn)}) to the concern about {c.Pupil!.Upn}", c.SchoolId, c.PupilId);
        await db.SaveChangesAsync(ct);
        return Outcome<ConcernObservation>.Ok(o);
    }

    public async Task<Outcome<MonitoringConcern>> CloseAsync(Guid concernId, string? reason, DateOnly? closedOn, int? expectedVersion, CancellationToken ct)
    {
        var found = await FindAsync(concernId, Permission.ManageConcerns, track: true, ct: ct);
        if (!found.IsOk) return found;
        var c = found.Value!;
        if (c.Status != ConcernStatus.Open) return Outcome<MonitoringConcern>.Conflict($"This concern is already {c.Status.ToString().ToLowerInvariant()}.", current: c);
        var errors = ConcernRules.ValidateClose(reason, closedOn, c.ObservedOn, Today);
        if (!errors.IsValid) return Outcome<MonitoringConcern>.Invalid(errors);
        if (expectedVersion is { } v && v != c.Version) return Outcome<MonitoringConcern>.Conflict("Someone changed this concern while you were deciding: check it again.", current: c);
        var now = DateTime.UtcNow;
        c.Status = ConcernStatus.Closed;
        c.DecidedOn = closedOn ?? Today;
        c.Decision = reason!.Trim();
        c.DecidedBy = user.Name;
        c.DecidedAt = now;
        c.Version++;
        db.PupilEvents.Add(new PupilEvent
        {
            PupilId = c.PupilId, SchoolId = c.SchoolId, Kind = PupilEventKind.Monitoring, OccurredOn = c.DecidedOn.Value, Summary = "Concern closed: taken off the monitoring list",
            Reason = c.Decision, RecordedById = user.UserId, RecordedBy = user.Name, RecordedAt = now,
        });
        db.Audit(user.Actor, "concern.close", $"Closed the concern about {c.Pupil!.Upn}: {c.Decision}", c.SchoolId, c.PupilId);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Outcome<MonitoringConcern>.Conflict("Someone changed this concern while you were deciding: check it again.");
        }
        return Outcome<MonitoringConcern>.Ok(c);
    }

    /// <summary>
    /// Escalates the pupil to SEN support: the SEN status change (K, ranked needs, from a date, with the reason) goes
    /// through the same rules and history as the pupil's SEN page, in the same save as the concern's decision, so
    /// neither happens without the other.
    /// </summary>
    public async Task<Outcome<MonitoringConcern>> EscalateAsync(Guid concernId, IReadOnlyList<string>? needs, DateOnly? effectiveFrom, string? reason, int? expectedVersion, CancellationToken ct)
    {
        var found = await FindAsync(concernId, Permission.ManageConcerns, track: true, ct: ct);
        if (!found.IsOk) return found;
        var c = found.Value!;
        if (!user.Can(c.SchoolId, Permission.ChangeSenStatus)) return Outcome<MonitoringConcern>.Forbidden();
        if (c.Status != ConcernStatus.Open) return Outcome<MonitoringConcern>.Conflict($"This concern is already {c.Status.ToString().ToLowerInvariant()}.", current: c);
        if (expectedVersion is { } v && v != c.Version) return Outcome<MonitoringConcern>.Conflict("Someone changed this concern while you were deciding: check it again.", current: c);
        var now = DateTime.UtcNow;
        c.Status = ConcernStatus.Escalated;
        c.DecidedOn = effectiveFrom ?? Today;
        c.Decision = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        c.DecidedBy = user.Name;
        c.DecidedAt = now;
        c.Version++;
        db.PupilEvents.Add(new PupilEvent
        {
            PupilId = c.PupilId, SchoolId = c.SchoolId, Kind = PupilEventKind.Monitoring, OccurredOn = effectiveFrom ?? Today,
            Summary = "Concern escalated: moved from the monitoring list to SEN support", Reason = c.Decision, RecordedById = user.UserId, RecordedBy = user.Name, RecordedAt = now,
        });
        db.Audit(user.Actor, "concern.escalate", $"Escalated the concern about {c.Pupil!.Upn} to SEN support", c.SchoolId, c.PupilId);
        // ChangeSenAsync validates and saves: the concern's changes above are tracked by the same context and go in its
        // SaveChanges; if the change is refused nothing is saved and the tracked changes are dropped.
        var changed = await pupils.ChangeSenAsync(c.PupilId, new SenChange("K", needs?.ToList(), effectiveFrom, reason), null, ct);
        if (!changed.IsOk)
        {
            db.ChangeTracker.Clear();
            return new Outcome<MonitoringConcern>(changed.Kind, Errors: changed.Errors, Message: changed.Message);
        }
        return Outcome<MonitoringConcern>.Ok(c);
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
    private static string Short(string s) => s.Length > 200 ? s[..197] + "…" : s;
}
