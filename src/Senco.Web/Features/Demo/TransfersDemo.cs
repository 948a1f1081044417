using Microsoft.EntityFrameworkCore;
using Senco.Core.Exchange;
using Senco.Core.Model;
using Senco.Core.Sen;
using Senco.Data;

namespace Senco.Web.Features.Demo;

/// Leavers in the demo trust, so the transfer reminders have something to show: at the primary, one pupil on the
/// register who left recently (file due soon), one whose file is overdue, and one whose file was sent; at the secondary
/// a pupil with an EHC plan in the LA-recognised resourced provision; and one census slip for the check to find. Schools and names are made up.
public static class TransfersDemo
{
    public static async Task SeedAsync(SencoDbContext db, IReadOnlyList<School> schools, DateOnly today, string senco, CancellationToken ct = default)
    {
        var primary = schools[0];
        var leavers = await db.Pupils.IgnoreQueryFilters()
            .Where(p => p.SchoolId == primary.Id && p.OnRoll && p.SenStatus != SenStatus.N && (p.YearGroup == "4" || p.YearGroup == "5"))
            .OrderBy(p => p.Surname).ThenBy(p => p.Forename).Take(3).ToListAsync(ct);
        var now = DateTime.UtcNow;
        (int WeekdaysAgo, string Name, string Estab, bool Sent)[] plan =
        [
            (6, "Harbour View Primary School", "2107", false),
            (19, "Kestrel Lane Academy", "2230", false),
            (25, "St Aldric's Primary School", "3314", true),
        ];
        for (var i = 0; i < leavers.Count && i < plan.Length; i++)
        {
            var p = leavers[i];
            var (ago, name, estab, sent) = plan[i];
            var leftOn = WeekdaysBefore(today, ago);
            p.OnRoll = false;
            p.LeftOn = leftOn;
            p.DestinationLa = primary.LaCode;
            p.DestinationEstab = estab;
            p.DestinationName = name;
            p.Version++;
            var due = TransferRules.DueOn(leftOn);
            db.PupilTransfers.Add(new PupilTransfer
            {
                Id = Guid.CreateVersion7(), SchoolId = primary.Id, PupilId = p.Id, LeftOn = leftOn, DueOn = due,
                DestinationLa = primary.LaCode, DestinationEstab = estab, DestinationName = name,
                SentOn = sent ? WeekdaysBefore(today, ago - 8) : null, SentTo = sent ? $"S2S upload to {name}; SEN file sent securely to their SENCO" : null,
                SentRecordedBy = sent ? senco : null, Version = 1, CreatedAt = now, CreatedBy = senco,
            });
            db.PupilEvents.Add(new PupilEvent
            {
                PupilId = p.Id, SchoolId = primary.Id, Kind = PupilEventKind.LeftRoll, OccurredOn = leftOn,
                Summary = $"Left the school for {name} ({primary.LaCode}/{estab}); the CTF and SEN file are due by {Senco.Core.Dates.Long(due)}",
                RecordedBy = senco, RecordedAt = now,
            });
        }

        // A slip the census check catches: the SEN unit indicator set for a pupil on SEN support (it needs an EHC plan).
        var slip = await db.Pupils.IgnoreQueryFilters().Where(p => p.SchoolId == primary.Id && p.OnRoll && p.SenStatus == SenStatus.K)
            .OrderByDescending(p => p.Surname).FirstOrDefaultAsync(ct);
        if (slip is not null) slip.SenUnitIndicator = true;

        if (schools.Count > 1)
        {
            var rp = await db.Pupils.IgnoreQueryFilters().Where(p => p.SchoolId == schools[1].Id && p.OnRoll && p.SenStatus == SenStatus.E)
                .OrderBy(p => p.Surname).FirstOrDefaultAsync(ct);
            if (rp is not null) rp.ResourcedProvisionIndicator = true;
        }
        await db.SaveChangesAsync(ct);
    }

    private static DateOnly WeekdaysBefore(DateOnly today, int days)
    {
        var d = today;
        while (days > 0)
        {
            d = d.AddDays(-1);
            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) days--;
        }
        return d;
    }
}
