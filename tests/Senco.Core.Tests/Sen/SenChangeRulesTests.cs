using Senco.Core.Sen;

namespace Senco.Core.Tests.Sen;

public class SenChangeRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 10);

    private static SenChange Change(string? status = "K", string[]? needs = null, string? from = "2026-11-01", string? reason = "Assessed by EP") =>
        new(status, needs ?? (status is "N" ? Array.Empty<string>() : new[] { "SLCN" }),
            from is null ? null : DateOnly.Parse(from), reason);

    [Theory]
    [InlineData("N", new string[0])]
    [InlineData("K", new[] { "SLCN" })]
    [InlineData("K", new[] { "SLCN", "SPLD", "SEMH" })]
    [InlineData("K", new[] { "NSA" })]
    [InlineData("e", new[] { " asd ", "slcn" })]
    [InlineData("E", new[] { "PD", "", "HI" })]   // a blank select is ignored
    public void Valid_changes(string status, string[] needs)
    {
        var errors = SenChangeRules.Validate(Change(status, needs), null, Today);
        Assert.True(errors.IsValid, errors.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("S")]
    [InlineData("X")]
    public void Status_missing_or_unknown(string? status)
    {
        var errors = SenChangeRules.Validate(Change(status, new[] { "SLCN" }), null, Today);
        Assert.Equal(new[] { "Select the SEN status: N, K or E" }, errors.For("status"));
        Assert.False(errors.Has("needs"));
    }

    [Theory]
    [InlineData("K", new string[0], "Select at least one need for a pupil on SEN support or with an EHC plan")]
    [InlineData("E", new[] { " " }, "Select at least one need for a pupil on SEN support or with an EHC plan")]
    [InlineData("N", new[] { "SLCN" }, "A pupil with no SEN (status N) cannot have needs recorded")]
    [InlineData("K", new[] { "XYZ" }, "\"XYZ\" is not a census SEN type code")]
    [InlineData("K", new[] { "besd" }, "\"BESD\" is not a census SEN type code")]
    [InlineData("K", new[] { "SLCN", "slcn" }, "\"SLCN\" is listed more than once: each need can have only one rank")]
    [InlineData("E", new[] { "NSA" }, "NSA (SEN support but no specialist assessment of type of need) can only be recorded for a pupil on SEN support (status K)")]
    public void Needs_errors(string status, string[] needs, string message)
    {
        var errors = SenChangeRules.Validate(Change(status, needs), null, Today);
        Assert.Equal(new[] { message }, errors.For("needs"));
        Assert.Equal(new[] { "needs" }, errors.ToDictionary().Keys);
    }

    [Fact]
    public void Each_bad_code_is_named_once()
    {
        var errors = SenChangeRules.Validate(Change("K", new[] { "ABC", "SLCN", "DEF", "SLCN", "SLCN" }), null, Today);
        Assert.Equal(new[]
        {
            "\"ABC\" is not a census SEN type code",
            "\"DEF\" is not a census SEN type code",
            "\"SLCN\" is listed more than once: each need can have only one rank",
        }, errors.For("needs"));
    }

    [Fact]
    public void Null_needs_list_counts_as_none()
    {
        var errors = SenChangeRules.Validate(new SenChange("K", null, Today, "r"), null, Today);
        Assert.Equal(new[] { "Select at least one need for a pupil on SEN support or with an EHC plan" }, errors.For("needs"));
        Assert.True(SenChangeRules.Validate(new SenChange("N", null, Today, "r"), null, Today).IsValid);
    }

    [Theory]
    [InlineData(null, null, "Enter the date the change takes effect")]
    [InlineData("2026-11-11", null, "The date the change takes effect must be today or in the past")]
    [InlineData("2026-09-02", "2026-09-03", "The date must be on or after 3 September 2026, the date of the previous change")]
    [InlineData("2024-02-28", "2024-02-29", "The date must be on or after 29 February 2024, the date of the previous change")]
    public void Effective_from_errors(string? from, string? previous, string message)
    {
        var errors = SenChangeRules.Validate(Change(from: from), previous is null ? null : DateOnly.Parse(previous), Today);
        Assert.Equal(new[] { message }, errors.For("effectiveFrom"));
    }

    [Theory]
    [InlineData("2026-11-10", null)]          // today
    [InlineData("2026-09-03", "2026-09-03")] // same day as the previous change
    [InlineData("2026-09-04", "2026-09-03")]
    public void Effective_from_accepted(string from, string? previous) =>
        Assert.False(SenChangeRules.Validate(Change(from: from), previous is null ? null : DateOnly.Parse(previous), Today).Has("effectiveFrom"));

    [Theory]
    [InlineData(null, "Enter the reason for the change")]
    [InlineData("   ", "Enter the reason for the change")]
    public void Reason_required(string? reason, string message) =>
        Assert.Equal(new[] { message }, SenChangeRules.Validate(Change(reason: reason), null, Today).For("reason"));

    [Theory]
    [InlineData(2000, true)]
    [InlineData(2001, false)]
    public void Reason_length_limit(int length, bool ok)
    {
        var errors = SenChangeRules.Validate(Change(reason: " " + new string('a', length) + " "), null, Today);
        Assert.Equal(ok, !errors.Has("reason"));
        if (!ok) Assert.Equal(new[] { "The reason must be 2,000 characters or fewer" }, errors.For("reason"));
    }

    [Fact]
    public void Fields_are_reported_in_form_order()
    {
        var errors = SenChangeRules.Validate(new SenChange(null, new[] { "XYZ" }, null, null), null, Today);
        Assert.Equal(new[] { "status", "needs", "effectiveFrom", "reason" }, errors.ToDictionary().Keys);
    }

    [Fact]
    public void Normalise_trims_upper_cases_keeps_order_and_drops_blanks()
    {
        Assert.Equal(new[] { "SEMH", "SLCN", "SEMH" },
            SenChangeRules.NormaliseNeeds(new[] { " semh", "", "Slcn ", "  ", "SEMH" }));
    }
}
