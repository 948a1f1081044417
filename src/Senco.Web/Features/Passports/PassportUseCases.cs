using Microsoft.EntityFrameworkCore;
using Senco.Core;
using Senco.Core.Access;
using Senco.Core.Graduated;
using Senco.Core.Model;
using Senco.Data;
using Senco.Web.Features.Graduated;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.Passports;

/// A passport as a form or an API client sends it.
public sealed record PassportInput(string? AboutMe, bool AboutMeOwnWords, string? ImportantToMe, bool ImportantToMeOwnWords,
    string? HowToSupportMe, bool HowToSupportMeOwnWords, IReadOnlyList<string>? KeyStrategies, Guid? KeptByUserId)
{
    public PassportContent ToContent() => new(AboutMe, AboutMeOwnWords, ImportantToMe, ImportantToMeOwnWords, HowToSupportMe, HowToSupportMeOwnWords, KeyStrategies);
}

public sealed record SavedPassport(LearningPassport Passport, bool Created);

/// Learning passports: written and approved by the SENCO (or assistant SENCO), proposed changes from teaching
/// assistants and teachers, the "read by" record, and the photo.
public sealed class PassportCommands(SencoDbContext db, UserContext user, GraduatedAccess access, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// Creates the pupil's passport, or changes it when <paramref name="expectedVersion"/> matches what is saved.
    /// Writing the passport counts as reviewing it.
    public async Task<Outcome<SavedPassport>> SaveAsync(Guid pupilId, int? expectedVersion, PassportInput input, CancellationToken ct = default)
    {
        var found = await access.PupilAsync(pupilId, Permission.ApprovePassport, ct);
        if (!found.IsOk) return new Outcome<SavedPassport>(found.Kind);
        var pupil = found.Value!;
        var passport = await db.Passports.FirstOrDefaultAsync(p => p.PupilId == pupilId, ct);

        var errors = PassportRules.Validate(input.ToContent());
        if (input.KeptByUserId is { } keeper && !await db.Memberships.AnyAsync(m => m.UserId == keeper && m.SchoolId == pupil.SchoolId && m.Role != SchoolRole.Governor, ct))
            errors.Add("keptByUserId", "Choose a member of this school's staff to keep the passport up to date");
        if (passport is not null && expectedVersion is null) errors.Add("version", "Send the version of the passport you last read");
        if (!errors.IsValid) return Outcome<SavedPassport>.Invalid(errors);
        if (passport is not null && passport.Version != expectedVersion)
            return Outcome<SavedPassport>.Conflict(StaleMessage(passport), current: new SavedPassport(passport, false));

        var now = DateTime.UtcNow;
        var created = passport is null;
        if (passport is null)
        {
            passport = new LearningPassport { Id = Guid.CreateVersion7(), SchoolId = pupil.SchoolId, PupilId = pupil.Id, Version = 0, CreatedAt = now };
            db.Passports.Add(passport);
        }
        var before = passport.Content;
        Apply(passport, input.ToContent());
        if (passport.KeptByUserId != input.KeptByUserId)
        {
            passport.KeptByUserId = input.KeptByUserId;
            passport.KeptByName = input.KeptByUserId is { } k ? await db.Users.Where(u => u.Id == k).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) : null;
        }
        var changed = created ? ["created"] : PassportRules.Diff(before, passport.Content).Where(c => c.Changed).Select(c => c.Label.ToLowerInvariant()).ToList();
        passport.LastReviewedOn = Today;
        passport.Version++;
        passport.UpdatedAt = now;
        passport.UpdatedBy = user.Name;
        db.Audit(user.Actor, created ? "passport.create" : "passport.update",
            created ? $"Wrote the learning passport of {pupil.Upn}" : $"Changed the learning passport of {pupil.Upn}{(changed.Count == 0 ? " (reviewed, no change to the text)" : ": " + string.Join(", ", changed))}",
            pupil.SchoolId, pupil.Id);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex)
        {
            db.ChangeTracker.Clear();
            var current = await db.Passports.AsNoTracking().FirstOrDefaultAsync(p => p.PupilId == pupilId, ct);
            if (current is null) throw;
            _ = ex;
            return Outcome<SavedPassport>.Conflict(StaleMessage(current), current: new SavedPassport(current, false));
        }
        return Outcome<SavedPassport>.Ok(new SavedPassport(passport, created));
    }

    /// Marks the passport reviewed today with no change to its text (its version, which readers confirm, stays).
    public async Task<Outcome<LearningPassport>> MarkReviewedAsync(Guid pupilId, CancellationToken ct = default)
    {
        var found = await access.PupilAsync(pupilId, Permission.ApprovePassport, ct);
        if (!found.IsOk) return new Outcome<LearningPassport>(found.Kind);
        var passport = await db.Passports.FirstOrDefaultAsync(p => p.PupilId == pupilId, ct);
        if (passport is null) return Outcome<LearningPassport>.NotFound();
        passport.LastReviewedOn = Today;
        passport.UpdatedAt = DateTime.UtcNow;
        passport.UpdatedBy = user.Name;
        db.Audit(user.Actor, "passport.reviewed", $"Reviewed the learning passport of {found.Value!.Upn}: no changes needed", passport.SchoolId, pupilId);
        await db.SaveChangesAsync(ct);
        return Outcome<LearningPassport>.Ok(passport);
    }

    public async Task<Outcome<PassportProposal>> ProposeAsync(Guid pupilId, int? basedOnVersion, PassportContent content, string? note, CancellationToken ct = default)
    {
        var found = await access.PupilAsync(pupilId, Permission.ProposePassportChange, ct);
        if (!found.IsOk) return new Outcome<PassportProposal>(found.Kind);
        var passport = await db.Passports.AsNoTracking().FirstOrDefaultAsync(p => p.PupilId == pupilId, ct);
        if (passport is null) return Outcome<PassportProposal>.Conflict($"{found.Value!.FullName} has no learning passport yet: ask the SENCO to write one first.");

        var errors = PassportRules.Validate(content);
        SupportPlanRules.Text(errors, "note", note, null, "The note", PassportRules.MaxNote);
        if (errors.IsValid && PassportRules.SameContent(passport.Content, content))
            errors.Add("content", "The proposal is the same as the passport: change at least one section");
        if (!errors.IsValid) return Outcome<PassportProposal>.Invalid(errors);

        var proposal = new PassportProposal
        {
            PassportId = passport.Id, SchoolId = passport.SchoolId, PupilId = pupilId, BasedOnVersion = basedOnVersion ?? passport.Version,
            Note = SupportPlanRules.Clean(note), Status = ProposalStatus.Pending, ProposedById = user.UserId, ProposedBy = user.Name, ProposedAt = DateTime.UtcNow,
        };
        CopyContent(proposal, content);
        db.PassportProposals.Add(proposal);
        var changed = PassportRules.Diff(passport.Content, content).Where(c => c.Changed).Select(c => c.Label.ToLowerInvariant());
        db.Audit(user.Actor, "passport.propose", $"Proposed a change to the learning passport of {found.Value!.Upn}: {string.Join(", ", changed)}", passport.SchoolId, pupilId);
        await db.SaveChangesAsync(ct);
        return Outcome<PassportProposal>.Ok(proposal);
    }

    /// Applies a proposed change. When <paramref name="expectedPassportVersion"/> is sent it must still be the
    /// passport's version (the approver compared the proposal with that version).
    public async Task<Outcome<PassportProposal>> ApproveAsync(int proposalId, int? expectedPassportVersion, string? note, CancellationToken ct = default)
    {
        var found = await access.ProposalAsync(proposalId, Permission.ApprovePassport, track: true, ct);
        if (!found.IsOk) return found;
        var proposal = found.Value!;
        if (proposal.Status != ProposalStatus.Pending) return Outcome<PassportProposal>.Conflict($"This proposal was already {proposal.Status.ToString().ToLowerInvariant()} by {proposal.DecidedBy}.", current: proposal);
        var errors = new ValidationErrors();
        SupportPlanRules.Text(errors, "note", note, null, "The note", PassportRules.MaxNote);
        if (!errors.IsValid) return Outcome<PassportProposal>.Invalid(errors);
        var passport = await db.Passports.Include(p => p.Pupil).FirstAsync(p => p.Id == proposal.PassportId, ct);
        if (expectedPassportVersion is { } v && v != passport.Version)
            return Outcome<PassportProposal>.Conflict(StaleMessage(passport) + " Compare the proposal with the passport as it is now before approving it.", current: proposal);

        var now = DateTime.UtcNow;
        Apply(passport, proposal.Content);
        passport.LastReviewedOn = Today;
        passport.Version++;
        passport.UpdatedAt = now;
        passport.UpdatedBy = user.Name;
        proposal.Status = ProposalStatus.Approved;
        proposal.DecidedBy = user.Name;
        proposal.DecidedAt = now;
        proposal.DecisionNote = SupportPlanRules.Clean(note);
        db.Audit(user.Actor, "passport.proposal.approve", $"Approved the change to the learning passport of {passport.Pupil!.Upn} proposed by {proposal.ProposedBy}", passport.SchoolId, passport.PupilId);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Outcome<PassportProposal>.Conflict("Someone else changed the passport or decided on this proposal at the same moment. Look at it again.");
        }
        return Outcome<PassportProposal>.Ok(proposal);
    }

    public async Task<Outcome<PassportProposal>> DeclineAsync(int proposalId, string? note, CancellationToken ct = default)
    {
        var found = await access.ProposalAsync(proposalId, Permission.ApprovePassport, track: true, ct);
        if (!found.IsOk) return found;
        var proposal = found.Value!;
        if (proposal.Status != ProposalStatus.Pending) return Outcome<PassportProposal>.Conflict($"This proposal was already {proposal.Status.ToString().ToLowerInvariant()} by {proposal.DecidedBy}.", current: proposal);
        var errors = new ValidationErrors();
        SupportPlanRules.Text(errors, "note", note, "why the change is declined, for the person who proposed it", "The note", PassportRules.MaxNote, required: true);
        if (!errors.IsValid) return Outcome<PassportProposal>.Invalid(errors);
        proposal.Status = ProposalStatus.Declined;
        proposal.DecidedBy = user.Name;
        proposal.DecidedAt = DateTime.UtcNow;
        proposal.DecisionNote = note!.Trim();
        db.Audit(user.Actor, "passport.proposal.decline", $"Declined the change to a learning passport proposed by {proposal.ProposedBy}", proposal.SchoolId, proposal.PupilId);
        await db.SaveChangesAsync(ct);
        return Outcome<PassportProposal>.Ok(proposal);
    }

    /// Records that the user has read the passport as it is now. Reading the same version twice records it once.
    public async Task<Outcome<PassportReading>> RecordReadAsync(Guid pupilId, CancellationToken ct = default)
    {
        var found = await access.PupilAsync(pupilId, Permission.ViewPassports, ct);
        if (!found.IsOk) return new Outcome<PassportReading>(found.Kind);
        var passport = await db.Passports.AsNoTracking().FirstOrDefaultAsync(p => p.PupilId == pupilId, ct);
        if (passport is null) return Outcome<PassportReading>.NotFound();
        var existing = await db.PassportReadings.AsNoTracking().FirstOrDefaultAsync(r => r.PassportId == passport.Id && r.UserId == user.UserId && r.Version == passport.Version, ct);
        if (existing is not null) return Outcome<PassportReading>.Ok(existing);
        var reading = new PassportReading { PassportId = passport.Id, SchoolId = passport.SchoolId, UserId = user.UserId, UserName = user.Name, Version = passport.Version, ReadAt = DateTime.UtcNow };
        db.PassportReadings.Add(reading);
        db.Audit(user.Actor, "passport.read.confirm", $"Confirmed reading the learning passport of {found.Value!.Upn} (version {passport.Version})", passport.SchoolId, pupilId);
        await db.SaveChangesAsync(ct);
        return Outcome<PassportReading>.Ok(reading);
    }

    public async Task<Outcome<LearningPassport>> SetPhotoAsync(Guid pupilId, byte[] data, CancellationToken ct = default)
    {
        var found = await access.PupilAsync(pupilId, Permission.ApprovePassport, ct);
        if (!found.IsOk) return new Outcome<LearningPassport>(found.Kind);
        var passport = await db.Passports.FirstOrDefaultAsync(p => p.PupilId == pupilId, ct);
        if (passport is null) return Outcome<LearningPassport>.NotFound();
        var (type, error) = PhotoRules.Check(data);
        if (error is not null)
        {
            var errors = new ValidationErrors();
            errors.Add("photo", error);
            return Outcome<LearningPassport>.Invalid(errors);
        }
        var photo = await db.PassportPhotos.FirstOrDefaultAsync(p => p.PassportId == passport.Id, ct);
        if (photo is null) db.PassportPhotos.Add(photo = new PassportPhoto { PassportId = passport.Id, SchoolId = passport.SchoolId });
        photo.Content = data;
        photo.ContentType = type!;
        photo.UploadedAt = DateTime.UtcNow;
        photo.UploadedBy = user.Name;
        passport.HasPhoto = true;
        db.Audit(user.Actor, "passport.photo.set", $"Added a photo to the learning passport of {found.Value!.Upn}", passport.SchoolId, pupilId);
        await db.SaveChangesAsync(ct);
        return Outcome<LearningPassport>.Ok(passport);
    }

    public async Task<Outcome<LearningPassport>> RemovePhotoAsync(Guid pupilId, CancellationToken ct = default)
    {
        var found = await access.PupilAsync(pupilId, Permission.ApprovePassport, ct);
        if (!found.IsOk) return new Outcome<LearningPassport>(found.Kind);
        var passport = await db.Passports.FirstOrDefaultAsync(p => p.PupilId == pupilId, ct);
        if (passport is null) return Outcome<LearningPassport>.NotFound();
        var photo = await db.PassportPhotos.FirstOrDefaultAsync(p => p.PassportId == passport.Id, ct);
        if (photo is not null) db.PassportPhotos.Remove(photo);
        passport.HasPhoto = false;
        db.Audit(user.Actor, "passport.photo.remove", $"Removed the photo from the learning passport of {found.Value!.Upn}", passport.SchoolId, pupilId);
        await db.SaveChangesAsync(ct);
        return Outcome<LearningPassport>.Ok(passport);
    }

    private static void Apply(LearningPassport p, PassportContent c)
    {
        p.AboutMe = c.AboutMe?.Trim() ?? "";
        p.AboutMeOwnWords = c.AboutMeOwnWords;
        p.ImportantToMe = c.ImportantToMe?.Trim() ?? "";
        p.ImportantToMeOwnWords = c.ImportantToMeOwnWords;
        p.HowToSupportMe = c.HowToSupportMe?.Trim() ?? "";
        p.HowToSupportMeOwnWords = c.HowToSupportMeOwnWords;
        p.KeyStrategies = string.Join('\n', PassportRules.NormaliseStrategies(c.KeyStrategies));
    }

    private static void CopyContent(PassportProposal p, PassportContent c)
    {
        p.AboutMe = c.AboutMe?.Trim() ?? "";
        p.AboutMeOwnWords = c.AboutMeOwnWords;
        p.ImportantToMe = c.ImportantToMe?.Trim() ?? "";
        p.ImportantToMeOwnWords = c.ImportantToMeOwnWords;
        p.HowToSupportMe = c.HowToSupportMe?.Trim() ?? "";
        p.HowToSupportMeOwnWords = c.HowToSupportMeOwnWords;
        p.KeyStrategies = string.Join('\n', PassportRules.NormaliseStrategies(c.KeyStrategies));
    }

    public static string StaleMessage(LearningPassport current) =>
        $"{current.UpdatedBy} changed this passport at {current.UpdatedAt:HH:mm} on {Dates.Long(DateOnly.FromDateTime(current.UpdatedAt))} while you were working on it. " +
        "Your changes have not been saved: what is saved now is shown beside what you typed.";
}

/// What the passport pages and the API read: the passport, its review date by the school's interval, the strategies
/// of the pupil's current plan, and who has read it.
public sealed class PassportQueries(SencoDbContext db, TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public Task<LearningPassport?> ForPupilAsync(Guid pupilId, CancellationToken ct = default) =>
        db.Passports.AsNoTracking().FirstOrDefaultAsync(p => p.PupilId == pupilId, ct);

    public Task<int> IntervalAsync(int schoolId, CancellationToken ct = default) => GraduatedSettingsStore.PassportReviewMonthsAsync(db, schoolId, ct);

    public async Task<IReadOnlyList<PlanStrategy>> CurrentPlanStrategiesAsync(Guid pupilId, CancellationToken ct = default) =>
        await db.PlanStrategies.AsNoTracking()
            .Where(s => db.SupportPlans.Any(p => p.Id == s.PlanId && p.PupilId == pupilId && p.Status == SupportPlanStatus.Current))
            .OrderBy(s => s.Position).ToListAsync(ct);

    public async Task<IReadOnlyList<PassportReading>> ReadingsAsync(Guid passportId, CancellationToken ct = default) =>
        await db.PassportReadings.AsNoTracking().Where(r => r.PassportId == passportId).OrderByDescending(r => r.ReadAt).ToListAsync(ct);

    public async Task<IReadOnlyList<PassportProposal>> ProposalsAsync(Guid passportId, CancellationToken ct = default) =>
        await db.PassportProposals.AsNoTracking().Where(r => r.PassportId == passportId).OrderByDescending(r => r.ProposedAt).ToListAsync(ct);

    public Task<PassportPhoto?> PhotoAsync(Guid passportId, CancellationToken ct = default) =>
        db.PassportPhotos.AsNoTracking().FirstOrDefaultAsync(p => p.PassportId == passportId, ct);
}
