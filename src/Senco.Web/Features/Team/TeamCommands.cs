using Microsoft.EntityFrameworkCore;
using Senco.Core;
using Senco.Core.Access;
using Senco.Core.Model;
using Senco.Core.Team;
using Senco.Data;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;
using Senco.Web.Features.Shared.Audit;

namespace Senco.Web.Features.Team;

public sealed record AgencyInput(string? Name, string? Kind, string? ContactName, string? Phone, string? Email, string? Notes, string? Address = null, bool? Archived = null, int? Version = null);
public sealed record ReferralInput(Guid? AgencyId, string? Reason, DateOnly? SentOn, Guid? ConsentId, string? Status, DateOnly? SeenOn, string? Outcome, int? Version = null);
public sealed record ContactInput(string? Name, string? Relationship, bool ParentalResponsibility, string? Phone, string? Email, string? PreferredMethod, string? Notes, int? Version = null);
public sealed record ConsentInput(string? Purpose, string? GivenBy, DateOnly? GivenOn, string? Notes);
public sealed record WithdrawInput(DateOnly? WithdrawnOn);
public sealed record CommunicationInput(DateOnly? On, string? Kind, string? With, string? Summary);
public sealed record MeetingInput(string? Title, string? Kind, DateTime? StartsAt, int? DurationMinutes, string? Location, Guid? PupilId,
    string? Invited, string? Attendees, string? Notes, int? Version = null);
public sealed record ActionInput(string? Description, Guid? OwnerUserId, DateOnly? DueOn);
public sealed record VoiceInput(DateOnly? On, string? Context, string? Words, string? CapturedBy, string? How, int? Version = null);
public sealed record FlagsInput(bool ChildProtection, bool ChildInNeed, bool LookedAfter, string? VirtualSchoolContact, string? DesignatedTeacher, int? Version = null);
public sealed record NoteInput(string? Category, string? Title, string? Text);
public sealed record EarlyHelpInput(DateOnly? StartedOn, string? LeadProfessional, string? Needs, string? Outcomes, DateOnly? NextReviewOn);
public sealed record EarlyHelpReviewInput(DateOnly? HeldOn, string? Progress, string? Status, DateOnly? NextReviewOn);
public sealed record SettingsInput(Guid? DslUserId, Guid? DeputyDslUserId, Guid? DesignatedTeacherUserId, string[]? RestrictedNoteRoles, int? MaxUploadMegabytes, int? Version = null);

/// What a document is attached to: exactly one of these.
public sealed record DocumentTarget(Guid? PupilId = null, Guid? ReferralId = null, Guid? MeetingId = null, Guid? RestrictedNoteId = null);

/// <summary>
/// Recording the team around the child: agencies, referrals with consent, contacts, the communication log, consent,
/// meetings and their actions, pupil voice, safeguarding flags, restricted notes, Early Help and documents.
/// Every change is audited in its own SaveChanges; every read of a restricted note or a document is audited too.
/// </summary>
public sealed class TeamCommands(SencoDbContext db, UserContext user, TeamAccess access, AuditLog audit, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
    private static string? Trim(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    // Agencies --------------------------------------------------------------------------------------------------

    public async Task<Outcome<Agency>> CreateAgencyAsync(string urn, AgencyInput input, CancellationToken ct = default)
    {
        var school = user.School(urn);
        if (school is null) return Outcome<Agency>.NotFound();
        if (!school.Can(Permission.ManageTeam)) return Outcome<Agency>.Forbidden();
        var errors = TeamRules.ValidateAgency(input.Name, input.Kind, input.Email);
        CheckLengths(errors, ("phone", input.Phone, 40, "Phone"), ("address", input.Address, 500, "Address"));
        if (!errors.IsValid) return Outcome<Agency>.Invalid(errors);
        var agency = new Agency { Id = Guid.CreateVersion7(), SchoolId = school.SchoolId, Version = 1 };
        Apply(agency, input);
        db.Agencies.Add(agency);
        db.Audit(user.Actor, "agency.create", $"Added {agency.Name} to the agencies directory", school.SchoolId);
        await db.SaveChangesAsync(ct);
        return Outcome<Agency>.Ok(agency);
    }

    /// Corrects an agency. The version is checked when sent (the pages always send it; API clients written before
    /// versions were checked on agencies still work), so a second saver is told rather than overwriting the first.
    /// Archiving hides the agency from the referral picker; it is never deleted, because referrals point at it.
    public async Task<Outcome<Agency>> UpdateAgencyAsync(Guid id, AgencyInput input, CancellationToken ct = default)
    {
        var found = await access.AgencyAsync(id, Permission.ManageTeam, track: true, ct);
        if (!found.IsOk) return found;
        var errors = TeamRules.ValidateAgency(input.Name, input.Kind, input.Email);
        CheckLengths(errors, ("phone", input.Phone, 40, "Phone"), ("address", input.Address, 500, "Address"), ("contactName", input.ContactName, 120, "Contact name"), ("notes", input.Notes, 2000, "Notes"));
        if (!errors.IsValid) return Outcome<Agency>.Invalid(errors);
        var agency = found.Value!;
        if (input.Version is { } v && v != agency.Version)
            return Outcome<Agency>.Conflict("Someone else changed this agency since you opened it.", current: await FreshAsync(db.Agencies, a => a.Id == id, ct));
        var wasArchived = agency.Archived;
        Apply(agency, input);
        if (input.Archived is { } archived) agency.Archived = archived;
        agency.Version++;
        var what = agency.Archived && !wasArchived ? "Archived" : !agency.Archived && wasArchived ? "Restored" : "Changed";
        db.Audit(user.Actor, agency.Archived != wasArchived ? "agency.archive" : "agency.update", $"{what} {agency.Name} in the agencies directory", agency.SchoolId);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Outcome<Agency>.Conflict("Someone else changed this agency since you opened it.", current: await FreshAsync(db.Agencies, a => a.Id == id, ct));
        }
        return Outcome<Agency>.Ok(agency);
    }

    private static void CheckLengths(ValidationErrors errors, params (string Field, string? Value, int Max, string Label)[] fields)
    {
        foreach (var (field, value, max, label) in fields)
            if (value is not null && value.Trim().Length > max && !errors.Has(field)) errors.Add(field, $"{label} must be {max} characters or fewer");
    }

    private static Task<T?> FreshAsync<T>(IQueryable<T> set, System.Linq.Expressions.Expression<Func<T, bool>> where, CancellationToken ct) where T : class =>
        set.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(where, ct);

    private static void Apply(Agency a, AgencyInput i)
    {
        a.Name = i.Name!.Trim();
        a.Kind = TeamRules.Parse<AgencyKind>(i.Kind)!.Value;
        a.ContactName = Trim(i.ContactName);
        a.Phone = Trim(i.Phone);
        a.Email = Trim(i.Email);
        a.Address = Trim(i.Address);
        a.Notes = Trim(i.Notes);
    }

    // Referrals -------------------------------------------------------------------------------------------------

    public async Task<Outcome<Referral>> CreateReferralAsync(Guid pupilId, ReferralInput input, CancellationToken ct = default)
    {
        var found = await access.PupilAsync(pupilId, Permission.ManageTeam, ct);
        if (!found.IsOk) return new(found.Kind);
        var pupil = found.Value!;
        var errors = TeamRules.ValidateReferral(input.Reason, input.Status ?? "Draft", input.SentOn, input.SeenOn, input.Outcome, Today);
        await CheckReferralLinksAsync(pupil, input, errors, ct);
        if (!errors.Has("agencyId") && await db.Agencies.IgnoreQueryFilters().AnyAsync(a => a.Id == input.AgencyId && a.Archived, ct))
            errors.Add("agencyId", "This agency has been archived: restore it in the agencies directory to refer to it again");
        if (!errors.IsValid) return Outcome<Referral>.Invalid(errors);
        var r = new Referral { Id = Guid.CreateVersion7(), SchoolId = pupil.SchoolId, PupilId = pupil.Id, CreatedBy = user.Name, CreatedAt = DateTime.UtcNow, Version = 1 };
        Apply(r, input);
        db.Referrals.Add(r);
        db.Audit(user.Actor, "referral.create", $"Referred {pupil.Upn} ({r.Status})", pupil.SchoolId, pupil.Id);
        await db.SaveChangesAsync(ct);
        return (await access.ReferralAsync(r.Id, Permission.ViewTeam, ct: ct));
    }

    public async Task<Outcome<Referral>> UpdateReferralAsync(Guid id, ReferralInput input, CancellationToken ct = default)
    {
        var found = await access.ReferralAsync(id, Permission.ManageTeam, track: true, ct);
        if (!found.IsOk) return found;
        var r = found.Value!;
        var pupil = await db.Pupils.IgnoreQueryFilters().AsNoTracking().FirstAsync(p => p.Id == r.PupilId, ct);
        var errors = TeamRules.ValidateReferral(input.Reason, input.Status, input.SentOn, input.SeenOn, input.Outcome, Today);
        if (input.Version is null) errors.Add("version", "Send the version you last read");
        await CheckReferralLinksAsync(pupil, input with { AgencyId = input.AgencyId ?? r.AgencyId }, errors, ct);
        if (!errors.IsValid) return Outcome<Referral>.Invalid(errors);
        if (r.Version != input.Version)
            return Outcome<Referral>.Conflict("Someone else changed this referral since you opened it.", current: (await access.ReferralAsync(id, Permission.ViewTeam, ct: ct)).Value);
        Apply(r, input with { AgencyId = input.AgencyId ?? r.AgencyId });
        r.Version++;
        db.Audit(user.Actor, "referral.update", $"Referral of {pupil.Upn} now {r.Status}", r.SchoolId, r.PupilId);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Outcome<Referral>.Conflict("Someone else changed this referral since you opened it.", current: (await access.ReferralAsync(id, Permission.ViewTeam, ct: ct)).Value);
        }
        db.ChangeTracker.Clear();
        return await access.ReferralAsync(id, Permission.ViewTeam, ct: ct);
    }

    private async Task CheckReferralLinksAsync(Pupil pupil, ReferralInput input, ValidationErrors errors, CancellationToken ct)
    {
        if (input.AgencyId is null) errors.Add("agencyId", "Select the agency");
        else if (!await db.Agencies.IgnoreQueryFilters().AnyAsync(a => a.Id == input.AgencyId && a.SchoolId == pupil.SchoolId, ct))
            errors.Add("agencyId", "There is no such agency in this school's directory");
        if (input.ConsentId is { } cid)
        {
            var consent = await db.ConsentRecords.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(c => c.Id == cid && c.PupilId == pupil.Id, ct);
            if (consent is null) errors.Add("consentId", "Choose one of this pupil's consent records");
            else if (consent.WithdrawnOn is not null && (input.Status ?? "Draft") is not ("Closed" or "Declined"))
                errors.Add("consentId", $"This consent was withdrawn on {Dates.Long(consent.WithdrawnOn.Value)}: record new consent first");
        }
    }

    private static void Apply(Referral r, ReferralInput i)
    {
        r.AgencyId = i.AgencyId!.Value;
        r.Reason = i.Reason!.Trim();
        r.SentOn = i.SentOn;
        r.ConsentId = i.ConsentId;
        r.Status = TeamRules.Parse<ReferralStatus>(i.Status ?? "Draft")!.Value;
        r.SeenOn = i.SeenOn;
        r.Outcome = Trim(i.Outcome);
    }

    // Contacts, consent, communication log ------------------------------------------------------------------------

    public async Task<Outcome<PupilContact>> AddContactAsync(Guid pupilId, ContactInput input, CancellationToken ct = default)
    {
        var found = await access.PupilAsync(pupilId, Permission.ManageTeam, ct);
        if (!found.IsOk) return new(found.Kind);
        var errors = TeamRules.ValidateContact(input.Name, input.Relationship, input.PreferredMethod, input.Email);
        if (!errors.IsValid) return Outcome<PupilContact>.Invalid(errors);
        var c = new PupilContact
        {
            Id = Guid.CreateVersion7(), SchoolId = found.Value!.SchoolId, PupilId = pupilId, Name = input.Name!.Trim(), Relationship = input.Relationship!.Trim(),
            ParentalResponsibility = input.ParentalResponsibility, Phone = Trim(input.Phone), Email = Trim(input.Email),
            PreferredMethod = TeamRules.Parse<ContactMethod>(input.PreferredMethod)!.Value, Notes = Trim(input.Notes), Version = 1,
        };
        db.PupilContacts.Add(c);
        db.Audit(user.Actor, "contact.create", $"Added {c.Relationship.ToLowerInvariant()} as a contact of {found.Value.Upn}", c.SchoolId, pupilId);
        await db.SaveChangesAsync(ct);
        return Outcome<PupilContact>.Ok(c);
    }

    /// Corrects a contact (a mistyped phone number, a change of email) with the version the person started from.
    public async Task<Outcome<PupilContact>> UpdateContactAsync(Guid contactId, ContactInput input, CancellationToken ct = default)
    {
        var found = await access.ContactAsync(contactId, Permission.ManageTeam, track: true, ct);
        if (!found.IsOk) return found;
        var c = found.Value!;
        var errors = TeamRules.ValidateContact(input.Name, input.Relationship, input.PreferredMethod, input.Email);
        CheckLengths(errors, ("phone", input.Phone, 40, "Phone"), ("email", input.Email, 200, "Email"), ("notes", input.Notes, 2000, "Notes"));
        if (input.Version is null) errors.Add("version", "Send the version you last read");
        if (!errors.IsValid) return Outcome<PupilContact>.Invalid(errors);
        if (c.Version != input.Version)
            return Outcome<PupilContact>.Conflict("Someone else changed this contact since you opened it.", current: await FreshAsync(db.PupilContacts, x => x.Id == contactId, ct));
        c.Name = input.Name!.Trim();
        c.Relationship = input.Relationship!.Trim();
        c.ParentalResponsibility = input.ParentalResponsibility;
        c.Phone = Trim(input.Phone);
        c.Email = Trim(input.Email);
        c.PreferredMethod = TeamRules.Parse<ContactMethod>(input.PreferredMethod)!.Value;
        c.Notes = Trim(input.Notes);
        c.Version++;
        var upn = await db.Pupils.IgnoreQueryFilters().Where(p => p.Id == c.PupilId).Select(p => p.Upn).FirstAsync(ct);
        db.Audit(user.Actor, "contact.update", $"Corrected the {c.Relationship.ToLowerInvariant()} contact of {upn}", c.SchoolId, c.PupilId);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Outcome<PupilContact>.Conflict("Someone else changed this contact since you opened it.", current: await FreshAsync(db.PupilContacts, x => x.Id == contactId, ct));
        }
        return Outcome<PupilContact>.Ok(c);
    }

    public async Task<Outcome<ConsentRecord>> AddConsentAsync(Guid pupilId, ConsentInput input, CancellationToken ct = default)
    {
        var found = await access.PupilAsync(pupilId, Permission.ManageTeam, ct);
        if (!found.IsOk) return new(found.Kind);
        var errors = TeamRules.ValidateConsent(input.Purpose, input.GivenBy, input.GivenOn, Today);
        if (!errors.IsValid) return Outcome<ConsentRecord>.Invalid(errors);
        var c = new ConsentRecord
        {
            Id = Guid.CreateVersion7(), SchoolId = found.Value!.SchoolId, PupilId = pupilId, Purpose = input.Purpose!.Trim(), GivenBy = input.GivenBy!.Trim(),
            GivenOn = input.GivenOn!.Value, Notes = Trim(input.Notes), RecordedBy = user.Name,
        };
        db.ConsentRecords.Add(c);
        db.Audit(user.Actor, "consent.create", $"Recorded consent for {c.Purpose} for {found.Value.Upn}", c.SchoolId, pupilId);
        await db.SaveChangesAsync(ct);
        return Outcome<ConsentRecord>.Ok(c);
    }

    public async Task<Outcome<ConsentRecord>> WithdrawConsentAsync(Guid consentId, WithdrawInput input, CancellationToken ct = default)
    {
        var found = await access.ConsentAsync(consentId, Permission.ManageTeam, track: true, ct);
        if (!found.IsOk) return found;
        var c = found.Value!;
        var errors = TeamRules.ValidateWithdrawal(c, input.WithdrawnOn, Today);
        if (!errors.IsValid) return Outcome<ConsentRecord>.Invalid(errors);
        c.WithdrawnOn = input.WithdrawnOn;
        db.Audit(user.Actor, "consent.withdraw", $"Consent for {c.Purpose} withdrawn on {Dates.Long(c.WithdrawnOn!.Value)}", c.SchoolId, c.PupilId);
        await db.SaveChangesAsync(ct);
        return Outcome<ConsentRecord>.Ok(c);
    }

    public async Task<Outcome<CommunicationEntry>> LogAsync(Guid pupilId, CommunicationInput input, CancellationToken ct = default)
    {
        var found = await access.PupilAsync(pupilId, Permission.ManageTeam, ct);
        if (!found.IsOk) return new(found.Kind);
        var errors = TeamRules.ValidateCommunication(input.On, input.Kind, input.With, input.Summary, Today);
        if (!errors.IsValid) return Outcome<CommunicationEntry>.Invalid(errors);
        var e = new CommunicationEntry
        {
            Id = Guid.CreateVersion7(), SchoolId = found.Value!.SchoolId, PupilId = pupilId, On = input.On!.Value,
            Kind = TeamRules.Parse<CommunicationKind>(input.Kind)!.Value, With = input.With!.Trim(), Summary = input.Summary!.Trim(),
            RecordedBy = user.Name, RecordedAt = DateTime.UtcNow,
        };
        db.CommunicationEntries.Add(e);
        db.Audit(user.Actor, "communication.create", $"Logged a {e.Kind.ToString().ToLowerInvariant()} with {e.With} about {found.Value.Upn}", e.SchoolId, pupilId);
        await db.SaveChangesAsync(ct);
        return Outcome<CommunicationEntry>.Ok(e);
    }

    // Meetings and actions --------------------------------------------------------------------------------------

    public async Task<Outcome<Meeting>> CreateMeetingAsync(string urn, MeetingInput input, CancellationToken ct = default)
    {
        var school = user.School(urn);
        if (school is null) return Outcome<Meeting>.NotFound();
        if (!school.Can(Permission.ManageTeam)) return Outcome<Meeting>.Forbidden();
        var errors = TeamRules.ValidateMeeting(input.Title, input.Kind, input.StartsAt, input.DurationMinutes);
        if (input.PupilId is { } pid && !await db.Pupils.IgnoreQueryFilters().AnyAsync(p => p.Id == pid && p.SchoolId == school.SchoolId, ct))
            errors.Add("pupilId", "There is no such pupil in this school");
        if (!errors.IsValid) return Outcome<Meeting>.Invalid(errors);
        var m = new Meeting { Id = Guid.CreateVersion7(), SchoolId = school.SchoolId, CreatedBy = user.Name, Version = 1 };
        Apply(m, input);
        db.Meetings.Add(m);
        db.Audit(user.Actor, "meeting.create", $"Arranged {m.Title} on {m.StartsAt:yyyy-MM-dd HH:mm}", school.SchoolId, m.PupilId);
        await db.SaveChangesAsync(ct);
        return Outcome<Meeting>.Ok(m);
    }

    public async Task<Outcome<Meeting>> UpdateMeetingAsync(Guid id, MeetingInput input, CancellationToken ct = default)
    {
        var found = await access.MeetingAsync(id, Permission.ManageTeam, track: true, ct);
        if (!found.IsOk) return found;
        var m = found.Value!;
        var errors = TeamRules.ValidateMeeting(input.Title, input.Kind, input.StartsAt, input.DurationMinutes);
        if (input.Version is null) errors.Add("version", "Send the version you last read");
        if (input.PupilId is { } pid && !await db.Pupils.IgnoreQueryFilters().AnyAsync(p => p.Id == pid && p.SchoolId == m.SchoolId, ct))
            errors.Add("pupilId", "There is no such pupil in this school");
        if (!errors.IsValid) return Outcome<Meeting>.Invalid(errors);
        if (m.Version != input.Version)
            return Outcome<Meeting>.Conflict("Someone else changed this meeting since you opened it.", current: (await access.MeetingAsync(id, Permission.ViewTeam, ct: ct)).Value);
        Apply(m, input);
        m.Version++;
        db.Audit(user.Actor, "meeting.update", $"Recorded {m.Title}: attendees and notes", m.SchoolId, m.PupilId);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Outcome<Meeting>.Conflict("Someone else changed this meeting since you opened it.", current: (await access.MeetingAsync(id, Permission.ViewTeam, ct: ct)).Value);
        }
        return Outcome<Meeting>.Ok(m);
    }

    private static void Apply(Meeting m, MeetingInput i)
    {
        m.Title = i.Title!.Trim();
        m.Kind = TeamRules.Parse<MeetingKind>(i.Kind)!.Value;
        m.StartsAt = DateTime.SpecifyKind(i.StartsAt!.Value, DateTimeKind.Unspecified);
        m.DurationMinutes = i.DurationMinutes!.Value;
        m.Location = Trim(i.Location);
        m.PupilId = i.PupilId;
        m.Invited = Trim(i.Invited);
        m.Attendees = Trim(i.Attendees);
        m.Notes = Trim(i.Notes);
    }

    public async Task<Outcome<MeetingAction>> AddActionAsync(Guid meetingId, ActionInput input, CancellationToken ct = default)
    {
        var found = await access.MeetingAsync(meetingId, Permission.ManageTeam, ct: ct);
        if (!found.IsOk) return new(found.Kind);
        var m = found.Value!;
        var errors = TeamRules.ValidateAction(input.Description, input.OwnerUserId, input.DueOn);
        string? ownerName = null;
        if (errors.IsValid || !errors.Has("ownerUserId"))
        {
            ownerName = (await access.StaffUsersAsync(m.SchoolId, ct)).FirstOrDefault(u => u.Id == input.OwnerUserId).Name;
            if (ownerName is null) errors.Add("ownerUserId", "The owner must be a member of staff of this school who signs in to Senco");
        }
        if (!errors.IsValid) return Outcome<MeetingAction>.Invalid(errors);
        var a = new MeetingAction
        {
            Id = Guid.CreateVersion7(), SchoolId = m.SchoolId, MeetingId = m.Id, Description = input.Description!.Trim(),
            OwnerUserId = input.OwnerUserId!.Value, OwnerName = ownerName!, DueOn = input.DueOn!.Value,
        };
        db.MeetingActions.Add(a);
        db.Audit(user.Actor, "meeting.action.create", $"Action for {a.OwnerName} from {m.Title}, due {a.DueOn:yyyy-MM-dd}", m.SchoolId, m.PupilId);
        await db.SaveChangesAsync(ct);
        return Outcome<MeetingAction>.Ok(a);
    }

    /// The owner marks their action done (or the SENCO does for them); it then leaves the owner's task list.
    public async Task<Outcome<MeetingAction>> CompleteActionAsync(Guid actionId, bool done = true, CancellationToken ct = default)
    {
        var a = await db.MeetingActions.IgnoreQueryFilters().Include(x => x.Meeting).FirstOrDefaultAsync(x => x.Id == actionId, ct);
        if (a is null || !user.CanSee(a.SchoolId)) return Outcome<MeetingAction>.NotFound();
        if (a.OwnerUserId != user.UserId && !user.Can(a.SchoolId, Permission.ManageTeam)) return Outcome<MeetingAction>.Forbidden();
        a.DoneOn = done ? Today : null;
        db.Audit(user.Actor, done ? "meeting.action.done" : "meeting.action.reopen", $"{(done ? "Done" : "Reopened")}: {a.Description}", a.SchoolId, a.Meeting?.PupilId);
        await db.SaveChangesAsync(ct);
        return Outcome<MeetingAction>.Ok(a);
    }

    /// Open actions owned by the signed-in person in every school they belong to, soonest due first.
    public async Task<IReadOnlyList<MeetingAction>> MyTasksAsync(bool includeDone = false, CancellationToken ct = default)
    {
        var schools = user.Schools.Select(s => s.SchoolId).ToList();
        var q = db.MeetingActions.IgnoreQueryFilters().AsNoTracking().Include(a => a.Meeting)
            .Where(a => a.OwnerUserId == user.UserId && schools.Contains(a.SchoolId));
        if (!includeDone) q = q.Where(a => a.DoneOn == null);
        return await q.OrderBy(a => a.DueOn).ThenBy(a => a.Description).ToListAsync(ct);
    }

    // Pupil voice -----------------------------------------------------------------------------------------------

    public async Task<Outcome<PupilVoice>> AddVoiceAsync(Guid pupilId, VoiceInput input, CancellationToken ct = default)
    {
        var found = await access.PupilAsync(pupilId, Permission.ManageTeam, ct);
        if (!found.IsOk) return new(found.Kind);
        var errors = TeamRules.ValidateVoice(input.On, input.Context, input.Words, input.CapturedBy, Today);
        if (!errors.IsValid) return Outcome<PupilVoice>.Invalid(errors);
        var v = new PupilVoice
        {
            Id = Guid.CreateVersion7(), SchoolId = found.Value!.SchoolId, PupilId = pupilId, On = input.On!.Value,
            Context = TeamRules.Parse<VoiceContext>(input.Context)!.Value, Words = input.Words!.Trim(), CapturedBy = input.CapturedBy!.Trim(), How = Trim(input.How), Version = 1,
        };
        db.PupilVoices.Add(v);
        db.Audit(user.Actor, "voice.create", $"Recorded the views of {found.Value.Upn}", v.SchoolId, pupilId);
        await db.SaveChangesAsync(ct);
        return Outcome<PupilVoice>.Ok(v);
    }

    /// Corrects a record of the pupil's views (a wrong date, who captured them, a mistyped word) with the version read.
    public async Task<Outcome<PupilVoice>> UpdateVoiceAsync(Guid voiceId, VoiceInput input, CancellationToken ct = default)
    {
        var found = await access.VoiceAsync(voiceId, Permission.ManageTeam, track: true, ct);
        if (!found.IsOk) return found;
        var v = found.Value!;
        var errors = TeamRules.ValidateVoice(input.On, input.Context, input.Words, input.CapturedBy, Today);
        CheckLengths(errors, ("how", input.How, 200, "How"));
        if (input.Version is null) errors.Add("version", "Send the version you last read");
        if (!errors.IsValid) return Outcome<PupilVoice>.Invalid(errors);
        if (v.Version != input.Version)
            return Outcome<PupilVoice>.Conflict("Someone else changed this record of the pupil's views since you opened it.", current: await FreshAsync(db.PupilVoices, x => x.Id == voiceId, ct));
        v.On = input.On!.Value;
        v.Context = TeamRules.Parse<VoiceContext>(input.Context)!.Value;
        v.Words = input.Words!.Trim();
        v.CapturedBy = input.CapturedBy!.Trim();
        v.How = Trim(input.How);
        v.Version++;
        var upn = await db.Pupils.IgnoreQueryFilters().Where(p => p.Id == v.PupilId).Select(p => p.Upn).FirstAsync(ct);
        db.Audit(user.Actor, "voice.update", $"Corrected a record of the views of {upn}", v.SchoolId, v.PupilId);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Outcome<PupilVoice>.Conflict("Someone else changed this record of the pupil's views since you opened it.", current: await FreshAsync(db.PupilVoices, x => x.Id == voiceId, ct));
        }
        return Outcome<PupilVoice>.Ok(v);
    }

    // Safeguarding ----------------------------------------------------------------------------------------------

    public async Task<Outcome<SafeguardingFlags>> SetFlagsAsync(Guid pupilId, FlagsInput input, CancellationToken ct = default)
    {
        var found = await access.PupilAsync(pupilId, Permission.ViewPupils, ct);
        if (!found.IsOk) return new(found.Kind);
        var pupil = found.Value!;
        // Flags are set by those who open restricted notes (the DSL, the SENCO) and by the SENCOs who record the team.
        if (!user.Can(pupil.SchoolId, Permission.ManageTeam) && !await access.MayOpenRestrictedAsync(pupil.SchoolId, ct)) return Outcome<SafeguardingFlags>.Forbidden();
        var errors = TeamRules.ValidateFlags(input.LookedAfter, input.VirtualSchoolContact, input.DesignatedTeacher);
        if (!errors.IsValid) return Outcome<SafeguardingFlags>.Invalid(errors);
        var flags = await db.SafeguardingFlags.IgnoreQueryFilters().FirstOrDefaultAsync(f => f.PupilId == pupilId, ct);
        if (flags is null) db.SafeguardingFlags.Add(flags = new SafeguardingFlags { Id = Guid.CreateVersion7(), SchoolId = pupil.SchoolId, PupilId = pupilId });
        else if (input.Version is { } v && v != flags.Version)
            return Outcome<SafeguardingFlags>.Conflict("Someone else changed these flags since you opened them.", current: flags);
        flags.ChildProtection = input.ChildProtection;
        flags.ChildInNeed = input.ChildInNeed;
        flags.LookedAfter = input.LookedAfter;
        flags.VirtualSchoolContact = input.LookedAfter ? Trim(input.VirtualSchoolContact) : null;
        flags.DesignatedTeacher = input.LookedAfter ? Trim(input.DesignatedTeacher) : null;
        flags.UpdatedBy = user.Name;
        flags.UpdatedAt = DateTime.UtcNow;
        flags.Version++;
        db.Audit(user.Actor, "safeguarding.flags", $"Safeguarding flags of {pupil.Upn} changed", pupil.SchoolId, pupilId);
        await db.SaveChangesAsync(ct);
        return Outcome<SafeguardingFlags>.Ok(flags);
    }

    public async Task<Outcome<RestrictedNote>> AddNoteAsync(Guid pupilId, NoteInput input, CancellationToken ct = default)
    {
        var found = await access.RestrictedPupilAsync(pupilId, ct);
        if (!found.IsOk) return new(found.Kind);
        var errors = TeamRules.ValidateNote(input.Category, input.Title, input.Text);
        if (!errors.IsValid) return Outcome<RestrictedNote>.Invalid(errors);
        var n = new RestrictedNote
        {
            Id = Guid.CreateVersion7(), SchoolId = found.Value!.SchoolId, PupilId = pupilId, Category = TeamRules.Parse<RestrictedNoteCategory>(input.Category)!.Value,
            Title = input.Title!.Trim(), Text = input.Text!.Trim(), WrittenBy = user.Name, WrittenAt = DateTime.UtcNow,
        };
        db.RestrictedNotes.Add(n);
        // The audit names the note, never its text.
        db.Audit(user.Actor, "restricted.create", $"Wrote a restricted {n.Category.ToString().ToLowerInvariant()} note about {found.Value.Upn}", n.SchoolId, pupilId);
        await db.SaveChangesAsync(ct);
        return Outcome<RestrictedNote>.Ok(n);
    }

    /// Opens a note: allowed only to restricted readers, and every opening is written to the audit trail.
    public async Task<Outcome<RestrictedNote>> OpenNoteAsync(Guid noteId, CancellationToken ct = default)
    {
        var found = await access.NoteAsync(noteId, ct);
        if (found.IsOk) audit.Read("restricted.open", $"Opened the restricted {found.Value!.Category.ToString().ToLowerInvariant()} note \"{found.Value.Title}\"", found.Value.SchoolId, found.Value.PupilId);
        else if (found.Kind == OutcomeKind.Forbidden)
        {
            var n = await db.RestrictedNotes.IgnoreQueryFilters().AsNoTracking().FirstAsync(x => x.Id == noteId, ct);
            audit.Read("restricted.refused", "Tried to open a restricted note without permission", n.SchoolId, n.PupilId);
        }
        return found;
    }

    public async Task<Outcome<EarlyHelpPlan>> StartEarlyHelpAsync(Guid pupilId, EarlyHelpInput input, CancellationToken ct = default)
    {
        var found = await access.PupilAsync(pupilId, Permission.ManageTeam, ct);
        if (!found.IsOk) return new(found.Kind);
        var errors = TeamRules.ValidateEarlyHelp(input.StartedOn, input.LeadProfessional, input.Needs, input.Outcomes, input.NextReviewOn, Today);
        if (!errors.IsValid) return Outcome<EarlyHelpPlan>.Invalid(errors);
        var p = new EarlyHelpPlan
        {
            Id = Guid.CreateVersion7(), SchoolId = found.Value!.SchoolId, PupilId = pupilId, StartedOn = input.StartedOn!.Value, LeadProfessional = input.LeadProfessional!.Trim(),
            Needs = input.Needs!.Trim(), Outcomes = input.Outcomes!.Trim(), NextReviewOn = input.NextReviewOn!.Value, Status = EarlyHelpStatus.Open,
        };
        db.EarlyHelpPlans.Add(p);
        db.Audit(user.Actor, "earlyhelp.create", $"Started an Early Help plan for {found.Value.Upn}", p.SchoolId, pupilId);
        await db.SaveChangesAsync(ct);
        return Outcome<EarlyHelpPlan>.Ok(p);
    }

    public async Task<Outcome<EarlyHelpReview>> ReviewEarlyHelpAsync(Guid planId, EarlyHelpReviewInput input, CancellationToken ct = default)
    {
        var found = await access.EarlyHelpAsync(planId, Permission.ManageTeam, track: true, ct);
        if (!found.IsOk) return new(found.Kind);
        var plan = found.Value!;
        if (plan.Status != EarlyHelpStatus.Open) return Outcome<EarlyHelpReview>.Conflict("This Early Help plan has closed; start a new one.");
        var errors = TeamRules.ValidateEarlyHelpReview(input.HeldOn, input.Progress, input.NextReviewOn, input.Status, plan.StartedOn, Today);
        if (!errors.IsValid) return Outcome<EarlyHelpReview>.Invalid(errors);
        var r = new EarlyHelpReview
        {
            Id = Guid.CreateVersion7(), SchoolId = plan.SchoolId, PlanId = plan.Id, HeldOn = input.HeldOn!.Value, Progress = input.Progress!.Trim(),
            NextReviewOn = input.NextReviewOn, RecordedBy = user.Name,
        };
        db.EarlyHelpReviews.Add(r);
        plan.Status = TeamRules.Parse<EarlyHelpStatus>(input.Status)!.Value;
        if (input.NextReviewOn is { } next) plan.NextReviewOn = next;
        db.Audit(user.Actor, "earlyhelp.review", $"Reviewed the Early Help plan ({plan.Status})", plan.SchoolId, plan.PupilId);
        await db.SaveChangesAsync(ct);
        return Outcome<EarlyHelpReview>.Ok(r);
    }

    // Documents -------------------------------------------------------------------------------------------------

    /// Resolves what a document is attached to and whether the person may add to it: (school, pupil) or a denial.
    private async Task<Outcome<(int SchoolId, Guid? PupilId, string Label)>> TargetAsync(DocumentTarget t, CancellationToken ct)
    {
        if (t.RestrictedNoteId is { } nid)
        {
            var n = await access.NoteAsync(nid, ct);
            return n.IsOk ? Outcome<(int, Guid?, string)>.Ok((n.Value!.SchoolId, n.Value.PupilId, "a restricted note")) : new(n.Kind);
        }
        if (t.ReferralId is { } rid)
        {
            var r = await access.ReferralAsync(rid, Permission.ManageTeam, ct: ct);
            return r.IsOk ? Outcome<(int, Guid?, string)>.Ok((r.Value!.SchoolId, r.Value.PupilId, "a referral")) : new(r.Kind);
        }
        if (t.MeetingId is { } mid)
        {
            var m = await access.MeetingAsync(mid, Permission.ManageTeam, ct: ct);
            return m.IsOk ? Outcome<(int, Guid?, string)>.Ok((m.Value!.SchoolId, m.Value.PupilId, "a meeting")) : new(m.Kind);
        }
        var p = await access.PupilAsync(t.PupilId!.Value, Permission.ManageTeam, ct);
        return p.IsOk ? Outcome<(int, Guid?, string)>.Ok((p.Value!.SchoolId, p.Value.Id, "the pupil's record")) : new(p.Kind);
    }

    /// Stores a file: its type decided from its bytes, its size against the school's limit. The row and its bytes go
    /// in one SaveChanges (one transaction), so a failure leaves neither behind.
    public async Task<Outcome<TeamDocument>> UploadAsync(DocumentTarget target, string? fileName, string? description, byte[] data, CancellationToken ct = default)
    {
        var t = await TargetAsync(target, ct);
        if (!t.IsOk) return new(t.Kind);
        var (schoolId, pupilId, label) = t.Value;
        var settings = await access.SettingsAsync(schoolId, ct);
        var (type, error) = FileTypes.Check(data, settings.MaxUploadMegabytes);
        if (error is not null)
        {
            var e = new ValidationErrors();
            e.Add("file", error);
            return Outcome<TeamDocument>.Invalid(e);
        }
        var d = new TeamDocument
        {
            Id = Guid.CreateVersion7(), SchoolId = schoolId, PupilId = pupilId, ReferralId = target.ReferralId, MeetingId = target.MeetingId,
            RestrictedNoteId = target.RestrictedNoteId, FileName = FileTypes.SafeName(fileName, type!), ContentType = type!, Size = data.Length,
            Description = Trim(description) is { } desc ? desc[..Math.Min(desc.Length, 200)] : null, UploadedBy = user.Name, UploadedAt = DateTime.UtcNow,
        };
        db.TeamDocuments.Add(d);
        db.TeamDocumentContents.Add(new TeamDocumentContent { DocumentId = d.Id, SchoolId = schoolId, Content = data });
        db.Audit(user.Actor, "document.upload", $"Attached {d.FileName} ({d.Size / 1024} KB) to {label}", schoolId, pupilId);
        await db.SaveChangesAsync(ct);
        return Outcome<TeamDocument>.Ok(d);
    }

    /// A document's bytes, only to those who may see what it is attached to; every download is audited.
    public async Task<Outcome<(TeamDocument Doc, byte[] Content)>> DownloadAsync(Guid id, CancellationToken ct = default)
    {
        var d = await db.TeamDocuments.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (d is null || !user.CanSee(d.SchoolId)) return Outcome<(TeamDocument, byte[])>.NotFound();
        if (!await access.MaySeeDocumentAsync(d, ct)) return Outcome<(TeamDocument, byte[])>.Forbidden();
        var content = await db.TeamDocumentContents.IgnoreQueryFilters().AsNoTracking().Where(c => c.DocumentId == id).Select(c => c.Content).FirstAsync(ct);
        audit.Read("document.download", $"Downloaded {d.FileName}", d.SchoolId, d.PupilId);
        return Outcome<(TeamDocument, byte[])>.Ok((d, content));
    }

    public async Task<Outcome<TeamDocument>> DeleteDocumentAsync(Guid id, CancellationToken ct = default)
    {
        var d = await db.TeamDocuments.IgnoreQueryFilters().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (d is null || !user.CanSee(d.SchoolId)) return Outcome<TeamDocument>.NotFound();
        if (!await access.MaySeeDocumentAsync(d, ct) || !(user.Can(d.SchoolId, Permission.ManageTeam) || d.RestrictedNoteId is not null)) return Outcome<TeamDocument>.Forbidden();
        db.TeamDocuments.Remove(d);
        db.Audit(user.Actor, "document.delete", $"Removed {d.FileName}", d.SchoolId, d.PupilId);
        await db.SaveChangesAsync(ct);
        return Outcome<TeamDocument>.Ok(d);
    }

    public Task<List<TeamDocument>> DocumentsAsync(DocumentTarget t, CancellationToken ct = default)
    {
        var q = db.TeamDocuments.IgnoreQueryFilters().AsNoTracking();
        q = t.RestrictedNoteId is { } n ? q.Where(d => d.RestrictedNoteId == n)
            : t.ReferralId is { } r ? q.Where(d => d.ReferralId == r)
            : t.MeetingId is { } m ? q.Where(d => d.MeetingId == m)
            : q.Where(d => d.PupilId == t.PupilId && d.ReferralId == null && d.MeetingId == null && d.RestrictedNoteId == null);
        return q.OrderByDescending(d => d.UploadedAt).ToListAsync(ct);
    }

    // Settings --------------------------------------------------------------------------------------------------

    public async Task<Outcome<TeamSettings>> SaveSettingsAsync(string urn, SettingsInput input, CancellationToken ct = default)
    {
        var school = user.School(urn);
        if (school is null) return Outcome<TeamSettings>.NotFound();
        if (!school.Can(Permission.ManageSafeguardingSettings)) return Outcome<TeamSettings>.Forbidden();
        var errors = new ValidationErrors();
        var staff = (await access.StaffUsersAsync(school.SchoolId, ct)).Select(s => s.Id).ToHashSet();
        foreach (var (field, id) in new[] { ("dslUserId", input.DslUserId), ("deputyDslUserId", input.DeputyDslUserId), ("designatedTeacherUserId", input.DesignatedTeacherUserId) })
            if (id is { } v && !staff.Contains(v)) errors.Add(field, "Choose a member of staff of this school");
        var roles = new List<SchoolRole>();
        foreach (var r in input.RestrictedNoteRoles ?? [])
        {
            if (Enum.TryParse<SchoolRole>(r, out var role) && RestrictedNoteRules.Allowable.Contains(role)) roles.Add(role);
            else errors.Add("restrictedNoteRoles", $"'{r}' cannot be allowed to open restricted notes");
        }
        // The web server refuses requests over 30 MB before they reach Senco, so the limit stays below that.
        if (input.MaxUploadMegabytes is null or < 1 or > 25) errors.Add("maxUploadMegabytes", "Enter a size limit between 1 and 25 MB");
        if (!errors.IsValid) return Outcome<TeamSettings>.Invalid(errors);
        var s = await db.TeamSettings.IgnoreQueryFilters().FirstOrDefaultAsync(x => x.SchoolId == school.SchoolId, ct);
        if (s is null) db.TeamSettings.Add(s = new TeamSettings { SchoolId = school.SchoolId });
        else if (input.Version is { } v && v != s.Version) return Outcome<TeamSettings>.Conflict("Someone else changed these settings since you opened them.", current: s);
        s.DslUserId = input.DslUserId;
        s.DeputyDslUserId = input.DeputyDslUserId;
        s.DesignatedTeacherUserId = input.DesignatedTeacherUserId;
        s.RestrictedNoteRoles = string.Join(',', roles.Distinct());
        s.MaxUploadMegabytes = input.MaxUploadMegabytes!.Value;
        s.Version++;
        db.Audit(user.Actor, "team.settings", $"Safeguarding designations and restricted-note access changed (roles allowed: {(roles.Count == 0 ? "none" : string.Join(", ", roles))})", school.SchoolId);
        await db.SaveChangesAsync(ct);
        return Outcome<TeamSettings>.Ok(s);
    }
}
