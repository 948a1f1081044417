using System.Text;
using Microsoft.EntityFrameworkCore;
using Senco.Web.Features.DataProtection;
using Senco.Web.Features.Team;

namespace Senco.Web.Tests.Team;

[Collection(TeamCollection.Name)]
public sealed class TeamRecordSectionTests(TeamWorld world)
{
    [Fact]
    public async Task Subject_access_sections_hold_everything_the_team_area_keeps_about_the_pupil()
    {
        var (scope, db) = world.SystemDb();
        using var _ = scope;
        var pupil = await db.Pupils.IgnoreQueryFilters().FirstAsync(p => p.Id == world.PupilA.Id);
        var sections = typeof(ReferralsRecordSection).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(ReferralsRecordSection).Namespace && typeof(IPupilRecordSection).IsAssignableFrom(t) && !t.IsAbstract)
            .Select(t => (IPupilRecordSection)Activator.CreateInstance(t)!).ToList();
        Assert.Equal(6, sections.Count);
        Assert.Equal(sections.Count, sections.Select(s => s.Order).Distinct().Count());

        var files = new List<PupilRecordFile>();
        foreach (var s in sections) files.AddRange(await s.CollectAsync(db, pupil, default));
        var byPath = files.ToDictionary(f => f.Path);
        Assert.Contains("Northfield Speech and Language Therapy", Text(byPath["referrals/referrals.csv"]));
        Assert.Contains("Referral to speech and language therapy", Text(byPath["contacts/consent.csv"]));
        Assert.Contains(TeamWorld.Secret, Text(byPath["safeguarding/restricted-notes.csv"]));
        Assert.StartsWith("%PDF", Encoding.ASCII.GetString(byPath["documents/restricted/minutes.pdf"].Content));

        // A pupil the area holds nothing about gets nothing.
        var other = await db.Pupils.IgnoreQueryFilters().FirstAsync(p => p.Id == world.BasePupil("C", "N").Id);
        foreach (var s in sections) Assert.Empty(await s.CollectAsync(db, other, default));
    }

    private static string Text(PupilRecordFile f) => Encoding.UTF8.GetString(f.Content);
}
