using Senco.Core.Provision;
using static Senco.Core.Tests.Provision.Money;

namespace Senco.Core.Tests.Provision;

public class FundingTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s);
    private static readonly SchoolYear Y = new(2026);   // 1 Sep 2026 – 31 Aug 2027

    [Theory]
    [InlineData("9000", "2026-09-01", "2027-08-31", "9000")]      // the whole year
    [InlineData("12000", "2026-04-01", "2027-03-31", "6969.86")]  // Sep–Mar: 212 of 365 days
    [InlineData("12000", "2027-04-01", "2028-03-31", "5016.39")]  // Apr–Aug: 153 of 366 days (2028 is a leap year)
    [InlineData("5000", "2025-09-01", "2026-08-31", "0")]          // last year
    [InlineData("5000", "2027-09-01", "2028-08-31", "0")]          // next year
    [InlineData("300", "2027-08-31", "2027-08-31", "300")]         // one day, inside
    [InlineData("0", "2026-09-01", "2027-08-31", "0")]
    public void Top_up_in_the_year_is_pro_rata_by_days(string amount, string from, string to, string expected) =>
        Assert.Equal(M(expected), Funding.InYear(M(amount), D(from), D(to), Y));

    [Fact]
    public void In_year_refuses_a_backwards_period() =>
        Assert.Throws<ArgumentException>(() => Funding.InYear(1m, D("2027-01-02"), D("2027-01-01"), Y));

    private static readonly Guid A = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid B = Guid.Parse("00000000-0000-0000-0000-00000000000b");
    private static readonly Guid C = Guid.Parse("00000000-0000-0000-0000-00000000000c");

    [Fact]
    public void Compare_funding_with_provision()
    {
        // A costs 14,925 (top-up needed 8,925, 7,000 received); B costs 2,000; C has 3,000 top-up but only 1,000 costed.
        var summary = Funding.Compare(M("45000"), M("18225"),
            [(A, M("14625")), (A, M("300")), (B, M("2000")), (C, M("1000"))],
            [(A, M("7000")), (C, M("3000"))]);
        Assert.Equal(M("8925"), summary.TopUpRequired);
        Assert.Equal(M("10000"), summary.TopUpReceived);
        Assert.Equal(M("9300"), summary.MetFromNotionalBudget);   // 18,225 − 8,925 (includes 300 of groups without pupils)
        Assert.Equal(M("35700"), summary.NotionalRemaining);
        Assert.Equal(M("1925"), summary.Shortfall);
        Assert.Equal(M("3000"), summary.Unmatched);
        Assert.Equal([A, B, C], summary.Pupils.Select(p => p.PupilId));
        var a = summary.Pupils[0];
        Assert.Equal((M("14925"), M("8925"), M("7000"), M("1925"), 0m), (a.ProvisionCost, a.TopUpRequired, a.TopUpReceived, a.Shortfall, a.Unmatched));
    }

    [Fact]
    public void Compare_without_a_budget_or_anything_else()
    {
        var summary = Funding.Compare(null, 0m, [], []);
        Assert.Null(summary.NotionalRemaining);
        Assert.Equal((0m, 0m, 0m, 0m), (summary.MetFromNotionalBudget, summary.TopUpRequired, summary.TopUpReceived, summary.Shortfall));
        Assert.Empty(summary.Pupils);
    }

    [Fact]
    public void An_overspent_notional_budget_is_negative()
    {
        var summary = Funding.Compare(M("1000"), M("2500"), [(A, M("2500"))], []);
        Assert.Equal(M("-1500"), summary.NotionalRemaining);
    }

    [Theory]
    [InlineData("B3", "8000", "2026-09-01", "2027-08-31", "")]
    [InlineData("", "8000", "2026-09-01", "2027-08-31", "band")]
    [InlineData("B3", "-1", "2026-09-01", "2027-08-31", "amount")]
    [InlineData("B3", "10.001", "2026-09-01", "2027-08-31", "amount")]
    [InlineData("B3", null, "2026-09-01", "2027-08-31", "amount")]
    [InlineData("B3", "8000", null, "2027-08-31", "from")]
    [InlineData("B3", "8000", "2026-09-01", null, "to")]
    [InlineData("B3", "8000", "2026-09-01", "2026-08-31", "to")]
    [InlineData("B3", "8000", "2026-09-01", "2030-09-01", "to")]
    [InlineData("A band name that is far too long for anyone to type", "8000", "2026-09-01", "2027-08-31", "band")]
    public void Validate_top_up(string band, string? amount, string? from, string? to, string field)
    {
        var errors = Funding.ValidateTopUp(band, amount is null ? null : M(amount), from is null ? null : D(from), to is null ? null : D(to));
        Assert.Equal(field == "" ? [] : [field], errors.Select(e => e.Key));
    }

    [Fact]
    public void Top_up_messages_name_the_problem()
    {
        Assert.Equal("The amount of top-up cannot be negative", Funding.ValidateTopUp("B1", -5m, D("2026-09-01"), D("2027-08-31")).For("amount").Single());
        Assert.Equal("The top-up must end on or after it starts, 1 September 2026", Funding.ValidateTopUp("B1", 5m, D("2026-09-01"), D("2026-08-01")).For("to").Single());
    }

    [Theory]
    [InlineData("120000", true)]
    [InlineData("0", true)]
    [InlineData("-1", false)]
    [InlineData(null, false)]
    public void Validate_budget(string? value, bool ok) =>
        Assert.Equal(ok, Funding.ValidateBudget(value is null ? null : M(value)).IsValid);
}
