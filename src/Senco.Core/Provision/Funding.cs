namespace Senco.Core.Provision;

/// <summary>A pupil's costed provision for the year beside the top-up the local authority pays for them.</summary>
public sealed record PupilFunding(Guid PupilId, decimal ProvisionCost, decimal TopUpReceived)
{
    /// <summary>Cost above the £6,000 the notional SEN budget meets.</summary>
    public decimal TopUpRequired => HighNeedsFunding.TopUpRequired(ProvisionCost);

    /// <summary>Top-up needed but not received: the school is meeting it from elsewhere.</summary>
    public decimal Shortfall => Math.Max(0m, TopUpRequired - TopUpReceived);

    /// <summary>Top-up received but not (yet) matched by costed provision above £6,000: provision to record or review.</summary>
    public decimal Unmatched => Math.Max(0m, TopUpReceived - TopUpRequired);
}

/// <summary>
/// The school's SEN funding for a year against the provision made (send-facts.md §6). The school meets each pupil's
/// first £6,000 and all SEN support from its notional SEN budget; the LA's top-up should meet the rest.
/// </summary>
public sealed record FundingSummary(
    decimal? NotionalBudget,
    decimal ProvisionCost,
    decimal MetFromNotionalBudget,
    decimal TopUpRequired,
    decimal TopUpReceived,
    decimal Shortfall,
    decimal Unmatched,
    IReadOnlyList<PupilFunding> Pupils)
{
    /// <summary>Notional budget − what it had to meet; negative when overspent; null when no budget was recorded.</summary>
    public decimal? NotionalRemaining => NotionalBudget is { } b ? b - MetFromNotionalBudget : null;
}

public static class Funding
{
    public const int MaxBandLength = 40;
    public const decimal MaxTopUp = 1_000_000m;

    /// <summary>
    /// The part of a top-up paid for <paramref name="from"/>–<paramref name="to"/> (inclusive) that falls in the
    /// academic year, pro rata by days, to the penny. An award of £12,000 for 1 April to 31 March puts 153/365 of it
    /// (April to August) in the year that ends that August.
    /// </summary>
    public static decimal InYear(decimal amount, DateOnly from, DateOnly to, SchoolYear year)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        if (to < from) throw new ArgumentException("The period ends before it starts.", nameof(to));
        var start = from > year.Start ? from : year.Start;
        var end = to < year.End ? to : year.End;
        if (end < start) return 0m;
        var inYear = end.DayNumber - start.DayNumber + 1;
        var all = to.DayNumber - from.DayNumber + 1;
        return InterventionCost.RoundPennies(amount * inYear / all);
    }

    /// <summary>
    /// Compares. <paramref name="wholeSchoolCost"/> is the cost of all provision made (including groups nobody
    /// attended); the per-pupil costs are their shares. What the notional budget meets = whole-school cost − the
    /// top-up required above each pupil's £6,000.
    /// </summary>
    public static FundingSummary Compare(decimal? notionalBudget, decimal wholeSchoolCost,
        IEnumerable<(Guid PupilId, decimal Cost)> pupilCosts, IEnumerable<(Guid PupilId, decimal Received)> topUps)
    {
        ArgumentNullException.ThrowIfNull(pupilCosts);
        ArgumentNullException.ThrowIfNull(topUps);
        var costs = pupilCosts.GroupBy(p => p.PupilId).ToDictionary(g => g.Key, g => g.Sum(x => x.Cost));
        var received = topUps.GroupBy(p => p.PupilId).ToDictionary(g => g.Key, g => g.Sum(x => x.Received));
        var pupils = costs.Keys.Union(received.Keys)
            .Select(id => new PupilFunding(id, costs.GetValueOrDefault(id), received.GetValueOrDefault(id)))
            .OrderByDescending(p => p.ProvisionCost).ThenBy(p => p.PupilId)
            .ToList();
        var required = pupils.Sum(p => p.TopUpRequired);
        return new FundingSummary(
            notionalBudget,
            wholeSchoolCost,
            Math.Max(0m, wholeSchoolCost - required),
            required,
            pupils.Sum(p => p.TopUpReceived),
            pupils.Sum(p => p.Shortfall),
            pupils.Sum(p => p.Unmatched),
            pupils);
    }

    /// <summary>Field errors for a top-up award, keyed band, amount, from, to.</summary>
    public static ValidationErrors ValidateTopUp(string? band, decimal? amount, DateOnly? from, DateOnly? to)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(band)) errors.Add("band", "Enter the top-up band, for example B3 or 'Band 2'");
        else if (band.Trim().Length > MaxBandLength) errors.Add("band", $"The band must be {MaxBandLength} characters or fewer");
        ProvisionRules.Money(errors, "amount", "the amount of top-up", amount, MaxTopUp, required: true);
        if (from is null) errors.Add("from", "Enter the date the top-up starts");
        if (to is null) errors.Add("to", "Enter the date the top-up ends");
        else if (from is { } f && to < f) errors.Add("to", $"The top-up must end on or after it starts, {Dates.Long(f)}");
        else if (from is { } f2 && to.Value.DayNumber - f2.DayNumber > 3 * 366) errors.Add("to", "A top-up award can cover at most 3 years: record each award separately");
        return errors;
    }

    /// <summary>Field errors for the notional SEN budget.</summary>
    public static ValidationErrors ValidateBudget(decimal? notionalSenBudget)
    {
        var errors = new ValidationErrors();
        ProvisionRules.Money(errors, "notionalSenBudget", "the notional SEN budget", notionalSenBudget, 100_000_000m, required: true);
        return errors;
    }
}
