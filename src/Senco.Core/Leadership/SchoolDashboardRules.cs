using Senco.Core.Calendar;
using Senco.Core.Sen;

namespace Senco.Core.Leadership;

/// One entry of a pupil's SEN history: from <see cref="EffectiveFrom"/> the pupil's status is <see cref="Status"/>.
/// <see cref="Order"/> breaks ties between entries of the same day (the history's own id: later recorded wins).
public sealed record SenHistoryPoint(Guid PupilId, DateOnly EffectiveFrom, SenStatus Status, long Order);

/// A pupil joining (added, or back on the roll) or leaving the school's roll on a date.
public sealed record RollMove(Guid PupilId, DateOnly On, bool Joined);

/// <summary>
/// What changed on the SEND register in a period, each line a number of pupils. A pupil is compared as they stood the day
/// before the period with how they stand at its end, so one who went N → K → E in the term counts once, as added with an
/// EHC plan, and one who went K → N → K not at all. Joiners and leavers are counted apart from the changes of status: a
/// pupil who joined the roll and was then put on SEN support is both a joiner on the register and added to SEN support.
/// </summary>
public sealed record TermChanges(
    int AddedToSenSupport,
    int AddedWithEhcPlan,
    int MovedToEhcPlan,
    int EhcPlanToSenSupport,
    int RemovedFromRegister,
    int NewEhcPlans,
    int JoinedOnRegister,
    int LeftOnRegister)
{
    /// Pupils who came onto the register from N (K or E).
    public int AddedToRegister => AddedToSenSupport + AddedWithEhcPlan;
}

/// A line of the register by primary need, as a governor or a leader sees it. <see cref="Withheld"/>: fewer pupils than
/// the threshold (or the line a single withheld one could be worked out from), so neither count nor share is shown.
public sealed record NeedLine(string Need, int? Pupils, decimal? Percent, bool Withheld);

/// <summary>
/// The pure rules of the leaders' and governors' dashboard (issue 8, point 4). The register, funding and impact figures
/// are those of the trust view (<see cref="Trust.TrustComparison"/>) for one school; what is new here is the term's
/// changes, the small-number rule applied to primary needs for governors, and the cost per pupil improved.
/// </summary>
public static class SchoolDashboardRules
{
    /// <summary>
    /// The days a term's changes are counted over, so that every day of the school year falls in exactly one term: from
    /// the term's first day (1 September for the first term, so the days before term starts count too) to the day before
    /// the next term starts (31 August for the last, so the summer holiday counts in the summer term), never beyond
    /// <paramref name="today"/>. Null when the term has not started yet.
    /// </summary>
    public static (DateOnly From, DateOnly To)? TermWindow(SchoolCalendar calendar, Delivery.Term term, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var terms = calendar.TermsOf(term.Year);
        var i = terms.ToList().FindIndex(t => t.Name == term.Name);
        if (i < 0) return null;
        var from = i == 0 ? term.Year.Start : terms[i].Start;
        var to = i + 1 < terms.Count ? terms[i + 1].Start.AddDays(-1) : term.Year.End;
        if (from > today) return null;
        return (from, to < today ? to : today);
    }

    /// <summary>The pupil's status on a day: the latest entry of their history in force that day; N before any.</summary>
    public static SenStatus StatusOn(IEnumerable<SenHistoryPoint> history, DateOnly day) =>
        history.Where(h => h.EffectiveFrom <= day).OrderBy(h => h.EffectiveFrom).ThenBy(h => h.Order).LastOrDefault()?.Status ?? SenStatus.N;

    /// <summary>
    /// Counts the changes from <paramref name="from"/> to <paramref name="to"/> (both included). <paramref name="history"/>
    /// is the SEN history of the school's pupils (any dates: entries before the period give the starting status);
    /// <paramref name="moves"/> the roll's joiners and leavers; <paramref name="newEhcPlans"/> the EHC plans issued in the
    /// period, counted by the caller from the plans themselves. A joiner is on the register when their status at the end
    /// of the period is K or E; a leaver when it was K or E on the day they left.
    /// </summary>
    public static TermChanges Changes(DateOnly from, DateOnly to, IEnumerable<SenHistoryPoint> history, IEnumerable<RollMove> moves, int newEhcPlans)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(moves);
        var byPupil = history.ToLookup(h => h.PupilId);
        int k = 0, e = 0, toPlan = 0, toSupport = 0, removed = 0;
        foreach (var pupil in byPupil)
        {
            var before = StatusOn(pupil, from.AddDays(-1));
            var after = StatusOn(pupil, to);
            switch (before, after)
            {
                case (SenStatus.N, SenStatus.K): k++; break;
                case (SenStatus.N, SenStatus.E): e++; break;
                case (SenStatus.K, SenStatus.E): toPlan++; break;
                case (SenStatus.E, SenStatus.K): toSupport++; break;
                case (SenStatus.K or SenStatus.E, SenStatus.N): removed++; break;
            }
        }
        var inPeriod = moves.Where(m => m.On >= from && m.On <= to).ToList();
        static bool OnRegister(SenStatus s) => s != SenStatus.N;
        var joined = inPeriod.Where(m => m.Joined).Select(m => m.PupilId).Distinct().Count(p => OnRegister(StatusOn(byPupil[p], to)));
        var left = inPeriod.Where(m => !m.Joined).GroupBy(m => m.PupilId).Count(g => OnRegister(StatusOn(byPupil[g.Key], g.Max(m => m.On))));
        return new TermChanges(k, e, toPlan, toSupport, removed, newEhcPlans, joined, left);
    }

    /// <summary>
    /// The register by primary need: pupils and share of the pupils with a primary need recorded, largest first. When
    /// <paramref name="suppress"/> (governors), the analysis's small-number rule applies as it stands in
    /// <see cref="AssessmentAnalysis"/>: a need with fewer than <see cref="AssessmentAnalysis.DefaultThreshold"/> pupils
    /// is withheld, and when only one is, the next smallest too, since the total is shown and the one could be worked out
    /// by subtraction.
    /// </summary>
    public static IReadOnlyList<NeedLine> Needs(IReadOnlyDictionary<string, int> primaryNeeds, bool suppress, int threshold = AssessmentAnalysis.DefaultThreshold)
    {
        ArgumentNullException.ThrowIfNull(primaryNeeds);
        var shares = Trust.TrustComparison.NeedShares(primaryNeeds);
        if (!suppress) return shares.Select(s => new NeedLine(s.Need, s.Pupils, s.Percent, false)).ToList();
        // The rule is written for groups of pupils' figures: a need is such a group, with its count and no figures.
        GroupFigure Group(int n) => new(n, null, null, 0, null, n < threshold, n < threshold);
        var total = shares.Sum(s => s.Pupils);
        var breakdown = new Breakdown("need", "By primary need", shares.Select(s => new BreakdownRow(s.Need, Group(s.Pupils), null)).ToList());
        var checkedRows = AssessmentAnalysis.SecondarySuppression(breakdown, Group(total) with { Suppressed = false, ProgressSuppressed = false }, GroupFigure.Empty).Rows;
        return shares.Zip(checkedRows, (s, r) => r.Sen!.Suppressed ? new NeedLine(s.Need, null, null, true) : new NeedLine(s.Need, s.Pupils, s.Percent, false)).ToList();
    }

    /// <summary>
    /// The cost of the groups that measured progress ÷ the places whose score rose, to the penny: what one pupil's
    /// improvement cost. Null when no place improved (a cost "per nothing" would mean nothing).
    /// </summary>
    public static decimal? CostPerPupilImproved(decimal measuredGroupsCost, int improved)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(measuredGroupsCost);
        ArgumentOutOfRangeException.ThrowIfNegative(improved);
        return improved == 0 ? null : Math.Round(measuredGroupsCost / improved, 2, MidpointRounding.AwayFromZero) + 0.00m;
    }
}
