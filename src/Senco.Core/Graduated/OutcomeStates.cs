namespace Senco.Core.Graduated;

/// <summary>
/// Where an outcome of a support plan stands. Every outcome starts <see cref="Open"/>; the review that closes the
/// cycle rates it (SEND Code of Practice 6.52–6.54: review the impact and quality of the support against the
/// agreed outcomes, and feed that into the next cycle).
/// </summary>
public enum OutcomeState { Open, Achieved, PartlyAchieved, NotYetAchieved }

public static class OutcomeStates
{
    /// <summary>The three ratings a review can give, in the order a form offers them.</summary>
    public static IReadOnlyList<OutcomeState> Ratings { get; } = [OutcomeState.Achieved, OutcomeState.PartlyAchieved, OutcomeState.NotYetAchieved];

    public static bool IsRating(OutcomeState s) => s != OutcomeState.Open;

    /// <summary>
    /// An outcome that was not (fully) achieved still applies, so it is carried into the next cycle; an achieved
    /// one is history. An unrated outcome cannot be carried: a cycle is not closed until every outcome is rated.
    /// </summary>
    public static bool CarriesForward(OutcomeState s) => s is OutcomeState.PartlyAchieved or OutcomeState.NotYetAchieved;

    /// <summary>Reads a rating as an API client or a form sends it ("Achieved", "partlyAchieved", "notYet" …).</summary>
    public static bool TryParseRating(string? s, out OutcomeState state)
    {
        state = OutcomeState.Open;
        var t = s?.Trim().Replace(" ", "").Replace("_", "").Replace("-", "").ToUpperInvariant();
        switch (t)
        {
            case "ACHIEVED": state = OutcomeState.Achieved; return true;
            case "PARTLYACHIEVED" or "PARTLY": state = OutcomeState.PartlyAchieved; return true;
            case "NOTYETACHIEVED" or "NOTYET": state = OutcomeState.NotYetAchieved; return true;
            default: return false;
        }
    }

    public static string Describe(OutcomeState s) => s switch
    {
        OutcomeState.Open => "In progress",
        OutcomeState.Achieved => "Achieved",
        OutcomeState.PartlyAchieved => "Partly achieved",
        OutcomeState.NotYetAchieved => "Not yet achieved",
        _ => s.ToString(),
    };
}
