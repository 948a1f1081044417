using Microsoft.EntityFrameworkCore;
using Senco.Core;
using Senco.Core.Access;
using Senco.Core.Exchange;
using Senco.Core.Model;
using Senco.Data;
using Senco.Web.Features.Ehc;
using Senco.Web.Features.Pupils;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.Transfers;

public sealed record LeaveInput(DateOnly? LeftOn, string? DestinationLa, string? DestinationEstab, string? DestinationName);

public sealed record SentInput(DateOnly? SentOn, string? SentTo, int Version);

public sealed record ExchangeDetailsInput(string? FormerUpn, bool SenUnitIndicator, bool ResourcedProvisionIndicator);

/// <summary>
/// A pupil leaves: off roll (never deleted) with the date and the destination, and a transfer opened whose file is due
/// 15 school days later. Recording the pack as sent (when, to whom) ends the reminder.
/// </summary>
public sealed class TransferCommands(SencoDbContext db, UserContext user, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<Outcome<PupilTransfer>> LeaveAsync(Guid pupilId, LeaveInput input, CancellationToken ct = default)
    {
        var found = await new PupilFinder(db, user).FindAsync(pupilId, Permission.EditPupilDetails, track: true, ct);
        if (!found.IsOk) return Outcome<PupilTransfer>.From(found);
        var pupil = found.Value!;
        if (!pupil.OnRoll) return Outcome<PupilTransfer>.Conflict($"{pupil.FullName} is already off roll (left on {(pupil.LeftOn is { } l ? Dates.Long(l) : "an unrecorded date")}).");

        var errors = new ValidationErrors();
        if (input.LeftOn is not { } leftOn) errors.Add("leftOn", "Enter the date the pupil left");
        else if (leftOn > Today) errors.Add("leftOn", "The date the pupil left must be today or in the past");
        else if (leftOn < pupil.DateOfBirth) errors.Add("leftOn", "The date the pupil left must be after their date of birth");
        errors.Merge(CtfVersions.ValidateDestination(input.DestinationLa, input.DestinationEstab));
        if (input.DestinationName is { Length: > 200 }) errors.Add("destinationName", "The school's name must be 200 characters or fewer");
        if (!errors.IsValid) return Outcome<PupilTransfer>.Invalid(errors);

        var la = input.DestinationLa!.Trim().ToUpperInvariant();
        var estab = input.DestinationEstab!.Trim().ToUpperInvariant();
        var name = string.IsNullOrWhiteSpace(input.DestinationName) ? null : input.DestinationName.Trim();
        var now = DateTime.UtcNow;
        pupil.OnRoll = false;
        pupil.LeftOn = input.LeftOn;
        pupil.DestinationLa = la;
        pupil.DestinationEstab = estab;
        pupil.DestinationName = name;
        pupil.Version++;
        pupil.UpdatedAt = now;
        var transfer = new PupilTransfer
        {
            Id = Guid.CreateVersion7(), SchoolId = pupil.SchoolId, PupilId = pupil.Id, LeftOn = input.LeftOn!.Value,
            DueOn = TransferRules.DueOn(input.LeftOn.Value, await db.CalendarOfAsync(pupil.SchoolId, ct)),
            DestinationLa = la, DestinationEstab = estab, DestinationName = name, Version = 1, CreatedAt = now, CreatedBy = user.Name,
        };
        db.PupilTransfers.Add(transfer);
        var where = name is null ? CtfVersions.DescribeDestination(la, estab) : $"{name} ({CtfVersions.DescribeDestination(la, estab)})";
        db.PupilEvents.Add(new PupilEvent
        {
            PupilId = pupil.Id, SchoolId = pupil.SchoolId, Kind = PupilEventKind.LeftRoll, OccurredOn = transfer.LeftOn,
            Summary = $"Left the school for {where}; the CTF and SEN file are due by {Dates.Long(transfer.DueOn)}",
            RecordedById = user.UserId, RecordedBy = user.Name, RecordedAt = now,
        });
        db.Audit(user.Actor, "pupil.leave", $"Marked {pupil.Upn} off roll from {Dates.Long(transfer.LeftOn)}, going to {where}", pupil.SchoolId, pupil.Id);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Outcome<PupilTransfer>.Conflict("Someone else changed this pupil's record meanwhile. Nothing was saved: check the record and try again.");
        }
        return Outcome<PupilTransfer>.Ok(transfer);
    }

    public async Task<Outcome<PupilTransfer>> FindAsync(Guid transferId, Permission permission, bool track = false, CancellationToken ct = default)
    {
        var q = db.PupilTransfers.IgnoreQueryFilters().Include(t => t.Pupil).ThenInclude(p => p!.School).Where(t => t.Id == transferId);
        if (!track) q = q.AsNoTracking();
        var t = await q.FirstOrDefaultAsync(ct);
        if (t is null || !user.CanSee(t.SchoolId)) return Outcome<PupilTransfer>.NotFound();
        if (!user.Can(t.SchoolId, permission)) return Outcome<PupilTransfer>.Forbidden();
        return Outcome<PupilTransfer>.Ok(t);
    }

    public async Task<Outcome<PupilTransfer>> MarkSentAsync(Guid transferId, SentInput input, CancellationToken ct = default)
    {
        var found = await FindAsync(transferId, Permission.SendTransferPacks, track: true, ct);
        if (!found.IsOk) return found;
        var t = found.Value!;
        var errors = new ValidationErrors();
        if (input.SentOn is not { } sentOn) errors.Add("sentOn", "Enter the date the file was sent");
        else if (sentOn > Today) errors.Add("sentOn", "The date it was sent must be today or in the past");
        else if (sentOn < t.LeftOn) errors.Add("sentOn", $"The date it was sent must be on or after {Dates.Long(t.LeftOn)}, when the pupil left");
        if (string.IsNullOrWhiteSpace(input.SentTo)) errors.Add("sentTo", "Say who it was sent to and how, for example 'S2S to the school office of Riverside High School'");
        else if (input.SentTo.Trim().Length > 500) errors.Add("sentTo", "Who it was sent to must be 500 characters or fewer");
        if (!errors.IsValid) return Outcome<PupilTransfer>.Invalid(errors);
        if (t.Version != input.Version)
            return Outcome<PupilTransfer>.Conflict("Someone else recorded this transfer while you were looking at it. Check what is saved now.", current: t);

        t.SentOn = input.SentOn;
        t.SentTo = input.SentTo!.Trim();
        t.SentRecordedBy = user.Name;
        t.Version++;
        db.PupilEvents.Add(new PupilEvent
        {
            PupilId = t.PupilId, SchoolId = t.SchoolId, Kind = PupilEventKind.DetailsChanged, OccurredOn = t.SentOn!.Value,
            Summary = $"CTF and SEN file sent to {t.SentTo}", RecordedById = user.UserId, RecordedBy = user.Name, RecordedAt = DateTime.UtcNow,
        });
        db.Audit(user.Actor, "transfer.sent", $"Recorded the transfer file of {t.Pupil!.Upn} as sent on {Dates.Long(t.SentOn.Value)} to {t.SentTo}", t.SchoolId, t.PupilId);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = (await FindAsync(transferId, Permission.SendTransferPacks, ct: ct)).Value;
            return Outcome<PupilTransfer>.Conflict("Someone else recorded this transfer while you were looking at it. Check what is saved now.", current: current);
        }
        return Outcome<PupilTransfer>.Ok(t);
    }

    /// Former UPN and the census unit and resourced-provision indicators, which the main pupil form does not hold.
    public async Task<Outcome<Pupil>> UpdateExchangeDetailsAsync(Guid pupilId, int version, ExchangeDetailsInput input, CancellationToken ct = default)
    {
        var found = await new PupilFinder(db, user).FindAsync(pupilId, Permission.EditPupilDetails, track: true, ct);
        if (!found.IsOk) return found;
        var pupil = found.Value!;
        var errors = new ValidationErrors();
        string? former = null;
        if (!string.IsNullOrWhiteSpace(input.FormerUpn))
        {
            var check = Senco.Core.Pupils.Upn.Check(input.FormerUpn);
            if (!check.IsValid) errors.Add("formerUpn", check.Error!);
            else if (check.Normalised == pupil.Upn) errors.Add("formerUpn", "The former UPN cannot be the pupil's current UPN");
            else former = check.Normalised;
        }
        if (!errors.IsValid) return Outcome<Pupil>.Invalid(errors);
        if (pupil.Version != version) return Outcome<Pupil>.Conflict("Someone else changed this pupil's record while you were editing. Nothing was saved: check the record as it is now.", current: pupil);

        var changes = new List<string>();
        if (pupil.FormerUpn != former) { changes.Add($"Former UPN changed from {pupil.FormerUpn ?? "none"} to {former ?? "none"}"); pupil.FormerUpn = former; }
        if (pupil.SenUnitIndicator != input.SenUnitIndicator) { changes.Add($"SEN unit indicator changed to {(input.SenUnitIndicator ? "yes" : "no")}"); pupil.SenUnitIndicator = input.SenUnitIndicator; }
        if (pupil.ResourcedProvisionIndicator != input.ResourcedProvisionIndicator) { changes.Add($"Resourced provision indicator changed to {(input.ResourcedProvisionIndicator ? "yes" : "no")}"); pupil.ResourcedProvisionIndicator = input.ResourcedProvisionIndicator; }
        if (changes.Count == 0) return Outcome<Pupil>.Ok(pupil);
        var now = DateTime.UtcNow;
        pupil.Version++;
        pupil.UpdatedAt = now;
        var summary = string.Join("; ", changes);
        db.PupilEvents.Add(new PupilEvent { PupilId = pupil.Id, SchoolId = pupil.SchoolId, Kind = PupilEventKind.DetailsChanged, OccurredOn = Today, Summary = summary, RecordedById = user.UserId, RecordedBy = user.Name, RecordedAt = now });
        db.Audit(user.Actor, "pupil.update", summary, pupil.SchoolId, pupil.Id);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Outcome<Pupil>.Conflict("Someone else changed this pupil's record while you were editing. Nothing was saved: check the record as it is now.");
        }
        return Outcome<Pupil>.Ok(pupil);
    }

    /// The school's transfers, those not yet sent first (soonest due), then those sent (latest first).
    public async Task<IReadOnlyList<PupilTransfer>> ListAsync(int schoolId, bool unsentOnly, CancellationToken ct = default)
    {
        var q = db.PupilTransfers.AsNoTracking().Include(t => t.Pupil).Where(t => t.SchoolId == schoolId);
        if (unsentOnly) q = q.Where(t => t.SentOn == null);
        var list = await q.ToListAsync(ct);
        return list.OrderBy(t => t.SentOn is null ? 0 : 1).ThenBy(t => t.SentOn is null ? t.DueOn.DayNumber : -t.SentOn!.Value.DayNumber).ToList();
    }
}
