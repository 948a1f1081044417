using Senco.Core.Exchange;

namespace Senco.Core.Tests.Exchange;

public class CensusAndTransferTests
{
    [Theory]
    [InlineData(2026, "2026-10-01", "2026-01-15", "2026-05-21")]
    [InlineData(2025, "2025-10-02", "2025-01-16", "2025-05-15")]
    [InlineData(2027, "2027-10-07", "2027-01-21", "2027-05-20")]
    public void Census_days(int year, string autumn, string spring, string summer)
    {
        Assert.Equal(DateOnly.Parse(autumn), CensusDays.Autumn(year));
        Assert.Equal(DateOnly.Parse(spring), CensusDays.Spring(year));
        Assert.Equal(DateOnly.Parse(summer), CensusDays.Summer(year));
    }

    [Theory]
    [InlineData("2026-11-23", "Spring", "2027-01-21")]
    [InlineData("2026-01-15", "Spring", "2026-01-15")]   // the census day itself
    [InlineData("2026-01-16", "Summer", "2026-05-21")]
    [InlineData("2026-05-22", "Autumn", "2026-10-01")]
    [InlineData("2026-10-02", "Spring", "2027-01-21")]
    public void Next_census_day(string today, string term, string date)
    {
        var next = CensusDays.Next(DateOnly.Parse(today));
        Assert.Equal(Enum.Parse<CensusTerm>(term), next.Term);
        Assert.Equal(DateOnly.Parse(date), next.Date);
    }

    private const string Upn = "H801200001001";

    public static TheoryData<string, CensusSenItems, string?> Items => new()
    {
        { "N clean", new(Upn, "N", [], false, false), null },
        { "K with primary", new(Upn, "K", [new(1, "SLCN")], false, false), null },
        { "E with unit", new(Upn, "E", [new(1, "ASD")], true, true), null },
        { "K with no primary", new(Upn, "K", [], false, false), "needs" },
        { "K whose only need is rank 2", new(Upn, "K", [new(2, "MLD")], false, false), "needs" },
        { "N with needs", new(Upn, "N", [new(1, "MLD")], false, false), "needs" },
        { "NSA with E", new(Upn, "E", [new(1, "NSA")], false, false), "needs" },
        { "duplicate ranks", new(Upn, "K", [new(1, "MLD"), new(1, "SLCN")], false, false), "needs" },
        { "invalid UPN", new("A801200001001", "N", [], false, false), "upn" },
        { "statement", new(Upn, "S", [new(1, "MLD")], false, false), "senProvision" },
        { "school action", new(Upn, "A", [new(1, "MLD")], false, false), "senProvision" },
        { "school action plus", new(Upn, "P", [new(1, "MLD")], false, false), "senProvision" },
        { "unit without E", new(Upn, "K", [new(1, "MLD")], true, false), "senUnitIndicator" },
        { "RP without E", new(Upn, "N", [], false, true), "resourcedProvisionIndicator" },
    };

    [Theory]
    [MemberData(nameof(Items))]
    public void Census_check(string why, CensusSenItems item, string? field)
    {
        var problems = CensusCheck.Check(item);
        if (field is null) Assert.True(problems.Count == 0, why + ": " + string.Join("; ", problems));
        else Assert.Contains(problems, p => p.Field == field);
    }

    [Theory]
    [InlineData("2026-11-23", "2026-12-14")]   // Monday: three weeks of weekdays later
    [InlineData("2026-11-20", "2026-12-11")]   // Friday
    [InlineData("2026-11-21", "2026-12-11")]   // Saturday: counts from the Monday
    public void Transfer_due_15_weekdays_after_leaving(string left, string due) =>
        Assert.Equal(DateOnly.Parse(due), TransferRules.DueOn(DateOnly.Parse(left)));

    [Theory]
    [InlineData("2026-12-14", "2026-12-14", 0)]
    [InlineData("2026-12-11", "2026-12-14", 1)]
    [InlineData("2026-12-07", "2026-12-14", 5)]
    [InlineData("2026-12-15", "2026-12-14", -1)]
    [InlineData("2026-12-21", "2026-12-14", -5)]
    public void Weekdays_left(string today, string due, int expected) =>
        Assert.Equal(expected, TransferRules.WeekdaysLeft(DateOnly.Parse(today), DateOnly.Parse(due)));
}
