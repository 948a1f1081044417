using Senco.Core.Sen;

namespace Senco.Core.Tests.Sen;

public class SenStatusesTests
{
    [Theory]
    [InlineData("N", SenStatus.N)]
    [InlineData("K", SenStatus.K)]
    [InlineData("E", SenStatus.E)]
    [InlineData(" k ", SenStatus.K)]
    [InlineData("e", SenStatus.E)]
    public void Parses_current_codes(string s, SenStatus expected)
    {
        Assert.True(SenStatuses.TryParse(s, out var status));
        Assert.Equal(expected, status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("S")]   // statement: historical
    [InlineData("A")]   // School Action: historical
    [InlineData("P")]
    [InlineData("0")]   // Enum.TryParse would accept this
    [InlineData("1")]
    [InlineData("KE")]
    public void Rejects_anything_else(string? s) => Assert.False(SenStatuses.TryParse(s, out _));

    [Theory]
    [InlineData(SenStatus.N, "No special educational need")]
    [InlineData(SenStatus.K, "SEN support")]
    [InlineData(SenStatus.E, "EHC plan")]
    public void Describes(SenStatus s, string text) => Assert.Equal(text, SenStatuses.Describe(s));
}

public class NeedTypesTests
{
    [Fact]
    public void All_codes_in_census_order()
    {
        Assert.Equal(
            new[] { "SPLD", "MLD", "SLD", "PMLD", "SEMH", "SLCN", "ASD", "HI", "VI", "MSI", "PD", "OTH", "NSA" },
            NeedTypes.All.Select(n => n.Code));
        Assert.Equal(new[] { "NSA" }, NeedTypes.All.Where(n => n.CensusOnly).Select(n => n.Code));
    }

    [Theory]
    [InlineData("SPLD", "Specific learning difficulty", BroadArea.CognitionAndLearning)]
    [InlineData("pmld", "Profound and multiple learning difficulty", BroadArea.CognitionAndLearning)]
    [InlineData("SEMH", "Social, emotional and mental health", BroadArea.SocialEmotionalMentalHealth)]
    [InlineData(" slcn ", "Speech, language and communication needs", BroadArea.CommunicationAndInteraction)]
    [InlineData("Asd", "Autistic spectrum disorder", BroadArea.CommunicationAndInteraction)]
    [InlineData("MSI", "Multi-sensory impairment", BroadArea.SensoryPhysical)]
    [InlineData("PD", "Physical disability", BroadArea.SensoryPhysical)]
    [InlineData("OTH", "Other difficulty or disability", BroadArea.Other)]
    [InlineData("NSA", "SEN support but no specialist assessment of type of need", BroadArea.Other)]
    public void Looks_up_case_insensitively(string code, string name, BroadArea area)
    {
        Assert.True(NeedTypes.TryGet(code, out var need));
        Assert.Equal(name, need.Name);
        Assert.Equal(area, need.Area);
        Assert.Equal(code.Trim().ToUpperInvariant(), need.Code);
        Assert.Equal(name, NeedTypes.NameOf(code));
    }

    [Theory]
    [InlineData("BESD")]   // replaced by SEMH in 2015
    [InlineData("XYZ")]
    [InlineData("")]
    [InlineData(null)]
    public void Unknown_codes(string? code)
    {
        Assert.False(NeedTypes.TryGet(code, out _));
        if (code is not null) Assert.Equal(code, NeedTypes.NameOf(code));
    }

    [Theory]
    [InlineData(BroadArea.CognitionAndLearning, "Cognition and learning")]
    [InlineData(BroadArea.CommunicationAndInteraction, "Communication and interaction")]
    [InlineData(BroadArea.SocialEmotionalMentalHealth, "Social, emotional and mental health")]
    [InlineData(BroadArea.SensoryPhysical, "Sensory and/or physical")]
    [InlineData(BroadArea.Other, "Other")]
    public void Area_names(BroadArea a, string name) => Assert.Equal(name, NeedTypes.AreaName(a));
}
