using Senco.Core;
using Senco.Core.Ehc;
using Senco.Core.Model;
using Senco.Core.Provision;
using Senco.Core.Sen;

namespace Senco.Bench;

/// The rows the trust dashboard reads besides pupils, for one school (issue 8 "Measure and report"): an EHC plan for
/// every pupil at E with its annual reviews (about one in ten a review late, as LAs report), the year's notional SEN
/// budget, a high-needs top-up for most plans, a provision catalogue and the year's intervention groups with entry and
/// exit scores (about two thirds of places rise). Deterministic from the shared seeded generator.
public sealed class TrustRows
{
    public List<EhcPlan> Plans { get; } = [];
    public List<AnnualReview> Reviews { get; } = [];
    public List<SenBudget> Budgets { get; } = [];
    public List<TopUpFunding> TopUps { get; } = [];
    public List<ProvisionOffer> Offers { get; } = [];
    public List<InterventionGroup> Groups { get; } = [];
    public List<GroupPupil> Members { get; } = [];
}

public sealed class TrustGenerator(Random random, DateOnly asOf, SchoolGenerator ids)
{
    private readonly SchoolYear _year = SchoolYear.Containing(asOf);
    private readonly DateTime _now = asOf.ToDateTime(new TimeOnly(7, 0), DateTimeKind.Utc);

    private static readonly (string Name, AreaOfNeed Area, int Wave, MeasureKind? Measure)[] Catalogue =
    [
        ("Reading catch-up (fictional)", AreaOfNeed.CognitionAndLearning, 2, MeasureKind.ReadingAgeMonths),
        ("Spelling booster (fictional)", AreaOfNeed.CognitionAndLearning, 2, MeasureKind.SpellingAgeMonths),
        ("Maths intervention (fictional)", AreaOfNeed.CognitionAndLearning, 2, MeasureKind.StandardisedScore),
        ("Language group (fictional)", AreaOfNeed.CommunicationAndInteraction, 2, MeasureKind.StandardisedScore),
        ("Social skills group (fictional)", AreaOfNeed.CommunicationAndInteraction, 3, null),
        ("Emotional literacy (fictional)", AreaOfNeed.SocialEmotionalMentalHealth, 3, null),
        ("Fine motor skills (fictional)", AreaOfNeed.SensoryPhysical, 3, null),
        ("Precision teaching (fictional)", AreaOfNeed.CognitionAndLearning, 3, MeasureKind.StandardisedScore),
    ];

    public TrustRows Generate(School school, IReadOnlyList<Pupil> pupils, string la)
    {
        var rows = new TrustRows();
        var onRoll = pupils.Where(p => p.OnRoll).ToList();
        var register = onRoll.Where(p => p.SenStatus != SenStatus.N).ToList();

        // EHC plans: issued up to four years ago; a review held in the last year for most older plans.
        foreach (var p in onRoll.Where(p => p.SenStatus == SenStatus.E))
        {
            var issued = asOf.AddDays(-random.Next(30, 4 * 365));
            var plan = new EhcPlan { Id = ids.GuidV7(At(issued)), PupilId = p.Id, SchoolId = school.Id, IssuedOn = issued, LocalAuthority = la, Version = 1, CreatedAt = At(issued), UpdatedAt = At(issued) };
            rows.Plans.Add(plan);
            if (issued < asOf.AddMonths(-11) && random.NextDouble() < 0.9)
            {
                var held = asOf.AddDays(-random.Next(1, 330));
                if (held <= issued) held = issued.AddDays(1);
                rows.Reviews.Add(new AnnualReview
                {
                    Id = ids.GuidV7(At(held)), PlanId = plan.Id, PupilId = p.Id, SchoolId = school.Id, MeetingOn = held, HeldOn = held,
                    InvitationsSentOn = held.AddDays(-15), AdviceCirculatedOn = held.AddDays(-14), ReportSentOn = held, LaDecisionOn = held,
                    Recommendation = ReviewRecommendation.Maintain, LaDecision = ReviewRecommendation.Maintain, Version = 1, CreatedAt = At(held), UpdatedAt = At(held),
                });
            }
            // Most plans bring a top-up, banded; awarded for the financial year (April to March) or the academic year.
            if (random.NextDouble() < 0.8)
            {
                var from = random.Next(2) == 0 ? _year.Start : new DateOnly(_year.StartYear, 4, 1);
                rows.TopUps.Add(new TopUpFunding
                {
                    Id = ids.GuidV7(At(from)), SchoolId = school.Id, PupilId = p.Id, Band = $"Band {random.Next(1, 6)}", Amount = 2_000m + 500m * random.Next(0, 25),
                    From = from, To = from.AddYears(1).AddDays(-1), CreatedAt = At(from), RecordedBy = "Bench generator",
                });
            }
        }

        // Notional SEN budget: about £6,000 × plans + £1,000 × SEN support, give or take a fifth.
        var support = register.Count(p => p.SenStatus == SenStatus.K);
        var plans = rows.Plans.Count;
        var budget = Math.Round((6_000m * plans + 1_000m * support) * (0.8m + (decimal)random.NextDouble() * 0.4m), 0);
        rows.Budgets.Add(new SenBudget { SchoolId = school.Id, StartYear = _year.StartYear, NotionalSenBudget = budget, Version = 1, UpdatedAt = _now, UpdatedBy = "Bench generator" });

        foreach (var (name, area, wave, _) in Catalogue)
            rows.Offers.Add(new ProvisionOffer { Id = ids.GuidV7(_now), SchoolId = school.Id, Name = name, AreaOfNeed = area, Wave = wave, Version = 1, CreatedAt = _now, UpdatedAt = _now });

        // Groups this year: one for every 8 pupils on the register, 4–6 pupils each, in three half-term starts.
        var groupCount = Math.Max(1, register.Count / 8);
        var daysSoFar = Math.Max(0, asOf.DayNumber - _year.Start.DayNumber);
        for (var g = 0; g < groupCount; g++)
        {
            var o = random.Next(Catalogue.Length);
            var (name, _, _, measure) = Catalogue[o];
            var start = _year.Start.AddDays(Math.Min(daysSoFar, 7 * random.Next(0, 20)));
            var weeks = random.Next(6, 13);
            var group = new InterventionGroup
            {
                Id = ids.GuidV7(At(start)), SchoolId = school.Id, ProvisionId = rows.Offers[o].Id, Name = $"{name.Replace(" (fictional)", "")} {g + 1}", StartOn = start, Weeks = weeks,
                SessionsPerWeek = random.Next(1, 4), MinutesPerSession = 15 * random.Next(1, 5), StaffHourlyCost = 14m + random.Next(0, 9), ResourceCost = 10m * random.Next(0, 20),
                Measure = measure, Version = 1, CreatedAt = At(start), UpdatedAt = At(start),
            };
            rows.Groups.Add(group);
            var size = Math.Min(register.Count, random.Next(4, 7));
            var end = start.AddDays(weeks * 7 - 1);
            foreach (var p in register.OrderBy(_ => random.Next()).Take(size))
            {
                int? entry = null, exit = null;
                DateOnly? entryOn = null, exitOn = null;
                if (measure is { } m)
                {
                    (entry, entryOn) = (m == MeasureKind.StandardisedScore ? random.Next(70, 95) : random.Next(60, 140), start);
                    if (end <= asOf && random.NextDouble() < 0.85)
                    {
                        // About two thirds rise; the rest hold steady or fall back a little.
                        var rise = random.NextDouble() < 0.67;
                        var change = rise ? random.Next(1, m == MeasureKind.StandardisedScore ? 12 : 14) : -random.Next(0, 4);
                        (exit, exitOn) = (entry + change, end);
                    }
                }
                rows.Members.Add(new GroupPupil { GroupId = group.Id, PupilId = p.Id, SchoolId = school.Id, JoinedOn = start, EntryValue = entry, EntryOn = entryOn, ExitValue = exit, ExitOn = exitOn });
            }
        }
        return rows;
    }

    private DateTime At(DateOnly on)
    {
        var t = on.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);
        return t > _now ? _now : t;
    }
}
