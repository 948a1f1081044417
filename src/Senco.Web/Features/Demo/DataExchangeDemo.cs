using Microsoft.EntityFrameworkCore;
using Senco.Core.Exchange;
using Senco.Core.Model;
using Senco.Core.Pupils;
using Senco.Core.Sen;
using Senco.Data;

namespace Senco.Web.Features.Demo;

/// Demo data for data exchange and data protection: pupils who have left (one long past the retention period), a
/// subject access request being answered and one answered, and the column mapping of the school's MIS remembered.
/// Every name is fictional.
public static class DataExchangeDemo
{
    public static async Task SeedAsync(SencoDbContext db, IReadOnlyList<School> schools, DateOnly today, string senco, string secondarySenco)
    {
        var now = DateTime.UtcNow;
        var secondary = schools[1];

        // Left in 2009 at 17: date of birth + 31 years is long past, so the SENCO sees her in the retention report.
        var old = Leaver(secondary, "909", "Harriet", "Quennell", new DateOnly(1992, 3, 14), "F", "12", new DateOnly(2009, 7, 22), now, secondarySenco,
            SenStatus.K, "SPLD", new DateOnly(2004, 9, 6));
        db.Pupils.Add(old.Pupil);
        db.SenStatusChanges.AddRange(old.Sen);
        db.PupilEvents.AddRange(old.Events);

        // Left last summer: off roll, still kept.
        var recent = Leaver(secondary, "910", "Tomasz", "Wierzbicki", today.AddYears(-17).AddDays(-40), "M", "11", new DateOnly(today.Year - (today.Month >= 8 ? 0 : 1), 7, 18), now, secondarySenco,
            SenStatus.E, "ASD", today.AddYears(-6));
        db.Pupils.Add(recent.Pupil);
        db.SenStatusChanges.AddRange(recent.Sen);
        db.PupilEvents.AddRange(recent.Events);

        // A subject access request being answered (received three weeks ago) and one answered last term.
        var primary = schools[0];
        var pupils = await db.Pupils.Where(p => p.SchoolId == primary.Id && p.SenStatus == SenStatus.K).OrderBy(p => p.Surname).ThenBy(p => p.Forename).Take(2).ToListAsync();
        if (pupils.Count == 2)
        {
            var received = today.AddDays(-20);
            db.SubjectAccessRequests.Add(new SubjectAccessRequest
            {
                Id = Guid.CreateVersion7(), SchoolId = primary.Id, PupilId = pupils[0].Id, ReceivedOn = received, Requester = $"Mx Robin {pupils[0].Surname}", Relationship = "Parent",
                Status = SubjectAccessStatus.InProgress, Notes = "Asked by email for everything the school holds about SEN support since Reception.",
                RecordedBy = senco, CreatedAt = now, Version = 1,
            });
            var earlier = today.AddMonths(-4);
            db.SubjectAccessRequests.Add(new SubjectAccessRequest
            {
                Id = Guid.CreateVersion7(), SchoolId = primary.Id, PupilId = pupils[1].Id, ReceivedOn = earlier, Requester = $"Mrs Jo {pupils[1].Surname}", Relationship = "Mother",
                Status = SubjectAccessStatus.Completed, CompletedOn = earlier.AddDays(24), RecordedBy = senco, CreatedAt = now, Version = 2,
            });
            db.Audit(AuditActor.System, "sar.create", $"Logged a subject access request received {Senco.Core.Dates.Long(received)} (demo)", primary.Id, pupils[0].Id);
        }

        // The primary's SIMS export, as its SENCO mapped it once.
        var mapping = new ColumnMapping
        {
            [ImportField.Upn] = "UPN", [ImportField.Surname] = "Legal Surname", [ImportField.Forename] = "Legal Forename", [ImportField.DateOfBirth] = "DOB",
            [ImportField.Gender] = "Gender", [ImportField.YearGroup] = "NC Year Actual", [ImportField.SenStatus] = "SEN Provision", [ImportField.PrimaryNeed] = "Primary Need",
            [ImportField.SecondaryNeed] = "Secondary Need", [ImportField.Eal] = "EAL", [ImportField.PupilPremium] = "FSM Eligible", [ImportField.LookedAfter] = "In LA Care",
            [ImportField.LeavingDate] = "Leaving Date",
        };
        db.ImportMappings.Add(new ImportMapping { SchoolId = primary.Id, SourceName = "SIMS", Mapping = mapping.Serialise(), UpdatedAt = now, UpdatedBy = senco });
        await db.SaveChangesAsync();
    }

    private static (Pupil Pupil, SenStatusChange[] Sen, PupilEvent[] Events) Leaver(School school, string serial, string forename, string surname, DateOnly dob, string gender,
        string year, DateOnly leftOn, DateTime now, string senco, SenStatus status, string need, DateOnly senFrom)
    {
        var body = $"{school.LaCode}{school.Estab}{dob.AddYears(4).Year % 100:D2}{serial}";
        var pupil = new Pupil
        {
            Id = Guid.CreateVersion7(), SchoolId = school.Id, Upn = Upn.CheckLetterFor(body) + body, Forename = forename, Surname = surname, DateOfBirth = dob, Gender = gender,
            YearGroup = year, OnRoll = false, Version = 3, CreatedAt = now, UpdatedAt = now,
        };
        Pupils.PupilCommands.ApplySen(pupil, status, [need], senFrom);
        pupil.RefreshSearchText();
        var sen = new SenStatusChange
        {
            PupilId = pupil.Id, SchoolId = school.Id, Status = status, Needs = need, EffectiveFrom = senFrom, Reason = "Assessment by the specialist teacher; parents informed",
            RecordedBy = senco, RecordedAt = now,
        };
        var events = new[]
        {
            new PupilEvent { PupilId = pupil.Id, SchoolId = school.Id, Kind = PupilEventKind.Added, OccurredOn = senFrom, Summary = $"Added with UPN {pupil.Upn}", RecordedBy = senco, RecordedAt = now },
            new PupilEvent { PupilId = pupil.Id, SchoolId = school.Id, Kind = PupilEventKind.SenStatusChanged, OccurredOn = senFrom, Summary = $"SEN status changed from N to {status}; needs: 1. {NeedTypes.NameOf(need)} ({need})", RecordedBy = senco, RecordedAt = now },
            new PupilEvent { PupilId = pupil.Id, SchoolId = school.Id, Kind = PupilEventKind.LeftRoll, OccurredOn = leftOn, Summary = "Left the school's roll", RecordedBy = senco, RecordedAt = now },
        };
        return (pupil, [sen], events);
    }
}
