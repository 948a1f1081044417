using System.Globalization;

namespace Senco.Core.Leadership;

/// A provision in the school's catalogue, as the report describes it (no pupils, no costs).
public sealed record CatalogueLine(string Name, string AreaOfNeed, int Wave, bool Semh);

/// The impact of every run of one provision this year: how many groups and pupils, and the mean progress of the
/// pupils with both an entry and an exit score. <see cref="MeanGain"/> is in the measure's unit ("months", "points").
public sealed record InterventionLine(string Provision, int Groups, int Pupils, int PupilsWithScores, decimal? MeanGain, string Unit, decimal? MeanRatioGain);

public sealed record SencoContact(string Name, string Email);

public sealed record AgencyLine(string Name, string Kind);

/// <summary>
/// The live numbers a SEN information report draws on, gathered for one school and one school year. Counts are raw
/// here; <see cref="InformationReportAssembly"/> suppresses the small ones before anything is shown.
/// </summary>
public sealed record InformationReportFacts(
    SchoolYear Year,
    int OnRoll,
    int SenSupport,
    int EhcPlans,
    IReadOnlyList<KeyValuePair<string, int>> PrimaryNeeds,
    int JoinedRegisterThisYear,
    int SupportPlanReviewsThisYear,
    int AnnualReviewsThisYear,
    IReadOnlyList<CatalogueLine> Catalogue,
    IReadOnlyList<InterventionLine> Interventions,
    int TrainingCourses,
    decimal TrainingHours,
    IReadOnlyList<string> TrainingTitles,
    IReadOnlyList<string> InsetTitles,
    IReadOnlyList<AgencyLine> Agencies,
    int ReferralsThisYear,
    IReadOnlyList<SencoContact> Sencos,
    int PupilViewsThisYear,
    string? LocalAuthority);

/// <summary>
/// Small-number suppression for published figures. A report on a school's website is public: "1 pupil with a visual
/// impairment in a school of 90" names a child to everyone who knows the school. Following the DfE's practice for
/// published statistics, counts from 1 to <see cref="Threshold"/> − 1 are shown as "fewer than 5", and where a
/// breakdown would let a suppressed cell be worked out from the total (exactly one cell suppressed) the next
/// smallest cell is suppressed too.
/// </summary>
public static class Suppression
{
    public const int Threshold = 5;

    public static bool Suppressed(int n) => n is > 0 and < Threshold;

    public static string Count(int n) => Suppressed(n) ? $"fewer than {Threshold}" : n.ToString(CultureInfo.InvariantCulture);

    /// <summary>The cells of a breakdown to hide (by index): the small ones, and one more when only one is small.</summary>
    public static IReadOnlySet<int> Cells(IReadOnlyList<int> counts)
    {
        var hidden = new HashSet<int>(Enumerable.Range(0, counts.Count).Where(i => Suppressed(counts[i])));
        if (hidden.Count == 1)
        {
            var next = Enumerable.Range(0, counts.Count).Where(i => !hidden.Contains(i) && counts[i] > 0)
                .OrderBy(i => counts[i]).ThenBy(i => i).Cast<int?>().FirstOrDefault();
            if (next is { } n) hidden.Add(n);
        }
        return hidden;
    }
}

/// <summary>
/// Turns the live facts into the lines each section of the report offers, keyed by <see cref="ScheduleItem.Key"/>.
/// Every Schedule 1 item has an entry (possibly empty: some items are the school's words only). Aggregates only:
/// nothing here can carry a pupil's name, because nothing in <see cref="InformationReportFacts"/> does.
/// </summary>
public static class InformationReportAssembly
{
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Assemble(InformationReportFacts f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var lines = InformationReportSchedule.Items.ToDictionary(i => i.Key, _ => new List<string>(), StringComparer.Ordinal);
        var year = f.Year.Label;

        var onRegister = f.SenSupport + f.EhcPlans;
        var register = lines["kinds-of-sen"];
        register.Add($"Pupils on roll: {f.OnRoll.ToString(CultureInfo.InvariantCulture)}.");
        if (onRegister == 0) register.Add("No pupils are on the SEN register at present.");
        else
        {
            register.Add($"Pupils on the SEN register: {Suppression.Count(onRegister)}{Percent(onRegister, f.OnRoll)}.");
            var hidden = Suppression.Cells([f.SenSupport, f.EhcPlans]);
            register.Add($"Receiving SEN support: {(hidden.Contains(0) ? Hidden(f.SenSupport) : Suppression.Count(f.SenSupport))}.");
            register.Add($"With an education, health and care (EHC) plan: {(hidden.Contains(1) ? Hidden(f.EhcPlans) : Suppression.Count(f.EhcPlans))}.");
            var needs = f.PrimaryNeeds.Where(n => n.Value > 0).OrderByDescending(n => n.Value).ThenBy(n => n.Key, StringComparer.Ordinal).ToList();
            var hiddenNeeds = Suppression.Cells(needs.Select(n => n.Value).ToList());
            for (var i = 0; i < needs.Count; i++)
                register.Add($"Primary need {needs[i].Key}: {(hiddenNeeds.Contains(i) ? Hidden(needs[i].Value) : Suppression.Count(needs[i].Value))}.");
        }
        if (f.Catalogue.Count > 0)
            register.Add("Areas of need the provision catalogue covers: " + string.Join(", ", f.Catalogue.Select(c => c.AreaOfNeed).Distinct().Order(StringComparer.Ordinal)) + ".");

        if (f.JoinedRegisterThisYear > 0)
            lines["identifying-and-assessing"].Add($"Pupils identified as having SEN and added to the register in {year}: {Suppression.Count(f.JoinedRegisterThisYear)}.");

        var evaluate = lines["evaluating-provision"];
        foreach (var i in f.Interventions.OrderBy(i => i.Provision, StringComparer.Ordinal))
        {
            var runs = $"{i.Provision}: {Plural(i.Groups, "group")} run in {year} for {Suppression.Count(i.Pupils)} {(i.Pupils == 1 ? "pupil" : "pupils")}";
            // A mean over fewer than five pupils is one child's progress in disguise.
            if (i.PupilsWithScores >= Suppression.Threshold && i.MeanGain is { } gain)
                runs += i.MeanRatioGain is { } ratio
                    ? $"; average gain {gain:0.#} {i.Unit} (ratio gain {ratio:0.0})"
                    : $"; average gain {gain:0.#} {i.Unit}";
            else if (i.PupilsWithScores > 0) runs += "; too few pupils with entry and exit scores to publish an average";
            evaluate.Add(runs + ".");
        }

        var progress = lines["assessing-progress"];
        if (f.SupportPlanReviewsThisYear > 0) progress.Add($"SEN support plan reviews held in {year}: {Suppression.Count(f.SupportPlanReviewsThisYear)}.");
        if (f.AnnualReviewsThisYear > 0) progress.Add($"EHC plan annual reviews held in {year}: {Suppression.Count(f.AnnualReviewsThisYear)}.");

        foreach (var c in f.Catalogue.Where(c => c.Wave == 1).OrderBy(c => c.Name, StringComparer.Ordinal))
            lines["approach-to-teaching"].Add($"{c.Name} (quality-first teaching, {c.AreaOfNeed}).");
        foreach (var c in f.Catalogue.Where(c => c.Wave > 1).OrderBy(c => c.Wave).ThenBy(c => c.Name, StringComparer.Ordinal))
            lines["additional-support"].Add($"{c.Name} ({(c.Wave == 2 ? "small-group, wave 2" : "individual or specialist, wave 3")}, {c.AreaOfNeed}).");
        foreach (var c in f.Catalogue.Where(c => c.Semh).OrderBy(c => c.Name, StringComparer.Ordinal))
            lines["emotional-social"].Add($"{c.Name}.");

        foreach (var s in f.Sencos) lines["senco"].Add($"{s.Name}, {s.Email}.");

        var staff = lines["staff-expertise"];
        if (f.TrainingCourses > 0)
            staff.Add($"SEND training completed by staff in {year}: {Plural(f.TrainingCourses, "course")}, {f.TrainingHours.ToString("0.#", CultureInfo.InvariantCulture)} hours in all.");
        if (f.TrainingTitles.Count > 0) staff.Add("Courses: " + string.Join("; ", f.TrainingTitles) + ".");
        if (f.InsetTitles.Count > 0) staff.Add("Whole-staff training (INSET): " + string.Join("; ", f.InsetTitles) + ".");

        if (f.PupilViewsThisYear > 0)
            lines["consulting-pupils"].Add($"Pupils' views recorded in their own words in {year}: {Suppression.Count(f.PupilViewsThisYear)}.");

        var bodies = lines["other-bodies"];
        foreach (var a in f.Agencies.OrderBy(a => a.Name, StringComparer.Ordinal)) bodies.Add($"{a.Name} ({a.Kind}).");
        if (f.ReferralsThisYear > 0) bodies.Add($"Referrals made to these services in {year}: {Suppression.Count(f.ReferralsThisYear)}.");

        if (f.LocalAuthority is { Length: > 0 } la)
            lines["local-offer"].Add($"The school's local authority is {la}; its local offer is published on the authority's website.");

        return lines.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value, StringComparer.Ordinal);
    }

    /// A cell hidden by secondary suppression shows as a range, never its value.
    private static string Hidden(int n) => n < Suppression.Threshold ? $"fewer than {Suppression.Threshold}" : "not published (small numbers)";

    private static string Percent(int part, int whole) =>
        whole <= 0 || Suppression.Suppressed(part) ? "" : $" ({(decimal)part * 100 / whole:0.#}% of pupils on roll)";

    private static string Plural(int n, string word) => $"{n.ToString(CultureInfo.InvariantCulture)} {word}{(n == 1 ? "" : "s")}";
}
