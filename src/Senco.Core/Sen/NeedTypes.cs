namespace Senco.Core.Sen;

/// <summary>The four broad areas of need in the SEND Code of Practice 0-25 (6.28-6.35), plus Other.</summary>
public enum BroadArea { CognitionAndLearning, CommunicationAndInteraction, SocialEmotionalMentalHealth, SensoryPhysical, Other }

/// <summary>A census SEN type. <see cref="CensusOnly"/> types are not in the LA's SEN2 return.</summary>
public sealed record NeedType(string Code, string Name, BroadArea Area, bool CensusOnly);

/// <summary>School census SEN type codes (SENtype), in the census guide's order.</summary>
public static class NeedTypes
{
    public static IReadOnlyList<NeedType> All { get; } = new[]
    {
        new NeedType("SPLD", "Specific learning difficulty", BroadArea.CognitionAndLearning, false),
        new NeedType("MLD", "Moderate learning difficulty", BroadArea.CognitionAndLearning, false),
        new NeedType("SLD", "Severe learning difficulty", BroadArea.CognitionAndLearning, false),
        new NeedType("PMLD", "Profound and multiple learning difficulty", BroadArea.CognitionAndLearning, false),
        new NeedType("SEMH", "Social, emotional and mental health", BroadArea.SocialEmotionalMentalHealth, false),
        new NeedType("SLCN", "Speech, language and communication needs", BroadArea.CommunicationAndInteraction, false),
        new NeedType("ASD", "Autistic spectrum disorder", BroadArea.CommunicationAndInteraction, false),
        new NeedType("HI", "Hearing impairment", BroadArea.SensoryPhysical, false),
        new NeedType("VI", "Visual impairment", BroadArea.SensoryPhysical, false),
        new NeedType("MSI", "Multi-sensory impairment", BroadArea.SensoryPhysical, false),
        new NeedType("PD", "Physical disability", BroadArea.SensoryPhysical, false),
        new NeedType("OTH", "Other difficulty or disability", BroadArea.Other, false),
        // Added to the census in 2015; not an SEN2 code, so it never goes to the LA.
        new NeedType("NSA", "SEN support but no specialist assessment of type of need", BroadArea.Other, true),
    }.AsReadOnly();

    private static readonly Dictionary<string, NeedType> ByCode =
        All.ToDictionary(n => n.Code, StringComparer.OrdinalIgnoreCase);

    /// <summary>Case-insensitive; ignores surrounding spaces.</summary>
    public static bool TryGet(string? code, out NeedType need)
    {
        if (code is not null && ByCode.TryGetValue(code.Trim(), out var found))
        {
            need = found;
            return true;
        }
        need = null!;
        return false;
    }

    /// <summary>The plain-English name; the code itself when it is not a census code.</summary>
    public static string NameOf(string code) => TryGet(code, out var n) ? n.Name : code;

    public static string AreaName(BroadArea a) => a switch
    {
        BroadArea.CognitionAndLearning => "Cognition and learning",
        BroadArea.CommunicationAndInteraction => "Communication and interaction",
        BroadArea.SocialEmotionalMentalHealth => "Social, emotional and mental health",
        BroadArea.SensoryPhysical => "Sensory and/or physical",
        BroadArea.Other => "Other",
        _ => throw new ArgumentOutOfRangeException(nameof(a), a, null),
    };
}
