using Microsoft.EntityFrameworkCore;
using Senco.Core.Calendar;
using Senco.Core.Model;

namespace Senco.Data;

// The school calendar: term dates and closures, from which school days are counted. School-scoped.
public abstract partial class SencoDbContext
{
    public DbSet<SchoolTerm> SchoolTerms => Set<SchoolTerm>();
    public DbSet<SchoolClosure> SchoolClosures => Set<SchoolClosure>();

    /// The school's calendar (its entered terms and closures; conventional terms for years it has not entered).
    public Task<SchoolCalendar> CalendarOfAsync(int schoolId, CancellationToken ct = default) => CalendarOfAsync(schoolId, pastTenancyFilter: false, ct);

    /// As above; <paramref name="pastTenancyFilter"/> reads the calendar of a school whose pupils the person may not read
    /// (a governor's dashboard): term dates name no one, but they are school-scoped rows like the rest.
    public async Task<SchoolCalendar> CalendarOfAsync(int schoolId, bool pastTenancyFilter, CancellationToken ct = default)
    {
        var termRows = pastTenancyFilter ? SchoolTerms.IgnoreQueryFilters() : SchoolTerms;
        var closureRows = pastTenancyFilter ? SchoolClosures.IgnoreQueryFilters() : SchoolClosures;
        var terms = await termRows.AsNoTracking().Where(t => t.SchoolId == schoolId).ToListAsync(ct);
        var closures = await closureRows.AsNoTracking().Where(c => c.SchoolId == schoolId).ToListAsync(ct);
        return new SchoolCalendar(
            terms.Select(t => new TermDates(new Senco.Core.SchoolYear(t.StartYear), t.Name, t.Start, t.End)),
            closures.Select(c => new Closure(c.From, c.To, c.Reason)));
    }
}
