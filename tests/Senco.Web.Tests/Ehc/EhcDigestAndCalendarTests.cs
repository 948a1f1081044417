using System.Net;
using Ical.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Senco.Data;
using Senco.Web.Features.Ehc;
using static Senco.Web.Tests.Ehc.EhcFixture;

namespace Senco.Web.Tests.Ehc;

[Collection(EhcCollection.Name)]
public class EhcDigestTests(EhcFixture f)
{
    [Fact]
    public async Task The_daily_digest_reaches_the_SENCO_over_real_SMTP_with_the_overdue_item()
    {
        await f.PupilWithPlanAsync(Today.AddDays(-420), forename: "Zebedee", surname: "Quillfeather");
        var digest = f.Services.GetRequiredService<DeadlineDigest>();
        var result = await digest.SendAllAsync();

        // Only the digest: the fixture's people were also emailed when they chose their passwords (account notices).
        static bool Digest(SmtpSink.Message m) => m.Data.Contains("EHC deadline");
        var message = Assert.Single(f.Smtp.Messages, m => m.To.Contains("senco@a.test") && Digest(m));
        Assert.Equal("senco@ehc.test", message.From);
        Assert.Contains("overdue EHC deadline", message.Data);
        Assert.Contains("Annual review meeting", message.Data);
        Assert.Contains("OVERDUE since " + Senco.Core.Dates.Long(Today.AddDays(-420).AddMonths(12)), message.Data);
        Assert.Contains("Z.Q.", message.Data);
        Assert.DoesNotContain("Quillfeather", message.Data);   // initials only: emails get forwarded
        Assert.Contains("https://senco.ehc.test/", message.Data);
        Assert.DoesNotContain(f.Smtp.Messages, m => m.To.Contains("teacher@a.test") && Digest(m));

        // Once a day: a second run the same day sends nothing more to this school.
        await digest.SendAllAsync();
        Assert.Single(f.Smtp.Messages, m => m.To.Contains("senco@a.test") && Digest(m));
        Assert.True(result.SchoolsSent >= 1);
    }
}

[Collection(EhcCollection.Name)]
public class EhcCalendarTests(EhcFixture f)
{
    private async Task<string> TokenFor(string email)
    {
        using var scope = f.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<SencoUser>>();
        var user = await users.FindByEmailAsync(email);
        scope.ServiceProvider.GetRequiredService<TenantScope>().RestrictToSystem();
        return await scope.ServiceProvider.GetRequiredService<CalendarFeed>().CreateOrRotateAsync(user!.Id, new AuditActor(user.Id, email, null));
    }

    [Fact]
    public async Task The_feed_lists_the_statutory_dates_by_initials_and_rotating_stops_the_old_address()
    {
        var (_, _) = await f.PupilWithPlanAsync(Today.AddDays(-200), forename: "Calla", surname: "Moonbeam");
        var token = await TokenFor("teacher@a.test");
        var anon = f.CreateClient();
        var r = await anon.GetAsync($"/calendar/{token}.ics");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal("text/calendar", r.Content.Headers.ContentType!.MediaType);
        var ics = await r.Content.ReadAsStringAsync();
        var calendar = Calendar.Load(ics)!;
        var ev = Assert.Single(calendar.Events, e => e.Summary!.Contains("C.M."));
        Assert.Contains("Annual review meeting", ev.Summary);
        Assert.Equal(Today.AddDays(-200).AddMonths(12), DateOnly.FromDateTime(ev.DtStart!.Value));
        Assert.DoesNotContain("Moonbeam", ics);
        Assert.DoesNotContain("Calla", ics);

        var rotated = await TokenFor("teacher@a.test");
        Assert.Equal(HttpStatusCode.NotFound, (await anon.GetAsync($"/calendar/{token}.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anon.GetAsync($"/calendar/{rotated}.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anon.GetAsync("/calendar/not-a-token.ics")).StatusCode);
    }

    [Fact]
    public async Task A_governors_feed_has_no_pupil_dates_and_a_trust_leads_covers_the_trust()
    {
        await f.PupilWithPlanAsync(Today.AddDays(-100), "B", "8", forename: "Bramble", surname: "Secondary");
        var anon = f.CreateClient();
        var governor = await anon.GetStringAsync($"/calendar/{await TokenFor("governor@a.test")}.ics");
        Assert.DoesNotContain("BEGIN:VEVENT", governor);
        var lead = await anon.GetStringAsync($"/calendar/{await TokenFor("trustlead@a.test")}.ics");
        Assert.Contains("B.S.", lead);
        Assert.Contains("EHC Test Secondary", lead);
    }
}
