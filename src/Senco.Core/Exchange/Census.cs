using Senco.Core.Pupils;
using Senco.Core.Sen;

namespace Senco.Core.Exchange;

public enum CensusTerm { Autumn, Spring, Summer }

public sealed record CensusDay(CensusTerm Term, DateOnly Date)
{
    public string Label => $"{Term} census, {Dates.Long(Date)}";
}

/// <summary>
/// School census days (send-facts.md §2, as Devon LA gives them): autumn on the first Thursday in October, spring on
/// the third Thursday in January, summer on the third Thursday in May. DfE confirms each year's dates in the census
/// guide; these are the usual rule.
/// </summary>
public static class CensusDays
{
    public static DateOnly Autumn(int year) => NthThursday(year, 10, 1);
    public static DateOnly Spring(int year) => NthThursday(year, 1, 3);
    public static DateOnly Summer(int year) => NthThursday(year, 5, 3);

    /// <summary>The next census day on or after <paramref name="today"/> (today itself counts: the census is taken that day).</summary>
    public static CensusDay Next(DateOnly today)
    {
        var candidates = new[]
        {
            new CensusDay(CensusTerm.Spring, Spring(today.Year)),
            new CensusDay(CensusTerm.Summer, Summer(today.Year)),
            new CensusDay(CensusTerm.Autumn, Autumn(today.Year)),
            new CensusDay(CensusTerm.Spring, Spring(today.Year + 1)),
        };
        return candidates.First(c => c.Date >= today);
    }

    private static DateOnly NthThursday(int year, int month, int n)
    {
        var first = new DateOnly(year, month, 1);
        var offset = ((int)DayOfWeek.Thursday - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(offset + 7 * (n - 1));
    }
}

/// <summary>A pupil's SEN items as the census collects them. <see cref="Provision"/> is the raw code (it may be a
/// historical S, A or P in data that came from elsewhere); <see cref="Needs"/> in rank order with their ranks.</summary>
public sealed record CensusSenItems(string Upn, string Provision, IReadOnlyList<CtfNeed> Needs, bool SenUnitIndicator, bool ResourcedProvisionIndicator);

public sealed record CensusProblem(string Field, string Message);

/// <summary>
/// The checks a pupil's SEN items must pass for the census to accept them (send-facts.md §2, §3): a valid UPN; a
/// current provision code (N, K, E: not the historical S, A, P); K and E with a rank-1 (primary) need; N with no
/// needs; NSA only with K; each rank and type once; the unit and resourced-provision indicators only with an EHC plan
/// (the LA-recognised places they describe are named in the plan).
/// </summary>
public static class CensusCheck
{
    public static IReadOnlyList<CensusProblem> Check(CensusSenItems item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var problems = new List<CensusProblem>();
        var upn = Upn.Check(item.Upn);
        if (!upn.IsValid) problems.Add(new("upn", upn.Error!));

        var provision = item.Provision.Trim().ToUpperInvariant();
        switch (provision)
        {
            case "S":
                problems.Add(new("senProvision", "S (statement) is no longer a census code: statements became EHC plans (E) by April 2018"));
                break;
            case "A" or "P":
                problems.Add(new("senProvision", $"{provision} (School Action{(provision == "P" ? " Plus" : "")}) is no longer a census code: it was replaced by K (SEN support) in 2014/15"));
                break;
            case "N" or "K" or "E":
                break;
            default:
                problems.Add(new("senProvision", $"\"{item.Provision}\" is not a census SEN provision code: N, K or E"));
                break;
        }

        if (provision == "N" && item.Needs.Count > 0)
            problems.Add(new("needs", "The pupil is N (no SEN) but has needs recorded: only K and E carry SEN types"));
        if (provision is "K" or "E" && !item.Needs.Any(n => n.Rank == 1))
            problems.Add(new("needs", $"The pupil is {provision} but has no primary need (rank 1)"));
        if (provision == "E" && item.Needs.Any(n => n.Type == "NSA"))
            problems.Add(new("needs", "NSA (no specialist assessment) cannot go with an EHC plan (E)"));
        foreach (var g in item.Needs.GroupBy(n => n.Rank).Where(g => g.Count() > 1))
            problems.Add(new("needs", $"Rank {g.Key} is given to more than one need"));
        foreach (var g in item.Needs.GroupBy(n => n.Type).Where(g => g.Count() > 1))
            problems.Add(new("needs", $"{g.Key} is recorded more than once"));
        foreach (var n in item.Needs.Where(n => !NeedTypes.TryGet(n.Type, out _)))
            problems.Add(new("needs", $"\"{n.Type}\" is not a census SEN type code"));

        if (item.SenUnitIndicator && provision != "E")
            problems.Add(new("senUnitIndicator", "The SEN unit indicator is set but the pupil has no EHC plan (E): it is only for places the LA recognises, named in a plan"));
        if (item.ResourcedProvisionIndicator && provision != "E")
            problems.Add(new("resourcedProvisionIndicator", "The resourced provision indicator is set but the pupil has no EHC plan (E): it is only for places the LA recognises, named in a plan"));
        return problems;
    }
}
