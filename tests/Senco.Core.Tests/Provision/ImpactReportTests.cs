using Senco.Core.Provision;
using static Senco.Core.Tests.Provision.Money;

namespace Senco.Core.Tests.Provision;

public class ImpactReportTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s);
    private static readonly Guid A = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid B = Guid.Parse("00000000-0000-0000-0000-00000000000b");
    private static readonly Guid C = Guid.Parse("00000000-0000-0000-0000-00000000000c");
    private static readonly MeasureScale Reading = MeasureScale.For(MeasureKind.ReadingAgeMonths);
    private static readonly MeasureScale Standardised = MeasureScale.For(MeasureKind.StandardisedScore);

    private static Assessment At(int value, string on) => new(value, D(on));

    private static RegisterRecord Held(string on, params (Guid Pupil, bool Attended)[] marks) =>
        new(D(on), false, marks.ToDictionary(m => m.Pupil, m => m.Attended));

    private static RegisterRecord Cancelled(string on) => new(D(on), true, new Dictionary<Guid, bool>());

    [Fact]
    public void A_reading_group_with_a_pupil_who_left_midway()
    {
        var pupils = new[]
        {
            new PupilInGroup(A, D("2026-09-07"), null, At(84, "2026-09-07"), At(96, "2027-01-07"), M("150")),   // 12 months in 4
            new PupilInGroup(B, D("2026-09-07"), D("2026-10-02"), At(90, "2026-09-07"), null, M("50")),          // left, no exit score
            new PupilInGroup(C, D("2026-09-07"), null, At(100, "2026-09-07"), At(104, "2027-01-07"), M("150")),
        };
        var registers = new[]
        {
            Held("2026-09-08", (A, true), (B, true), (C, true)),
            Held("2026-09-15", (A, true), (B, false), (C, true)),
            Cancelled("2026-09-22"),
            Held("2026-10-06", (A, false), (C, true)),   // B had left: no mark
        };
        var report = ImpactReport.ForGroup(Reading, M("350"), pupils, registers);

        Assert.Equal((2, 1), (report.Summary!.Included, report.Summary.Excluded));
        Assert.Equal(16, report.Summary.TotalGain);
        Assert.Equal(M("2"), report.Summary.MeanRatioGain);                // (3 + 1) / 2
        Assert.Equal(M("300"), report.IncludedCost);                        // B's share is not set against progress
        Assert.Equal(M("18.75"), report.CostPerUnitOfProgress);            // £300 / 16 months
        Assert.Equal(M("116.67"), report.CostPerPupil);
        Assert.Equal((3, 1), (report.SessionsHeld, report.SessionsCancelled));

        var a = report.Pupils[0];
        Assert.Equal((12, M("3")), (a.Gain, a.Ratio!.Ratio));
        Assert.Equal(M("12.5"), a.CostPerUnitOfProgress);
        Assert.Equal((3, 2, M("66.7")), (a.Attendance.SessionsCounted, a.Attendance.Attended, a.Attendance.Percent));
        var b = report.Pupils[1];
        Assert.Null(b.Gain);
        Assert.Null(b.CostPerUnitOfProgress);
        Assert.Equal((2, 1), (b.Attendance.SessionsCounted, b.Attendance.Attended));   // only while in the group
        Assert.Equal((8, 6), (report.Attendance.SessionsCounted, report.Attendance.Attended));
        Assert.Equal(M("75"), report.Attendance.Percent);
    }

    [Fact]
    public void Zero_months_elapsed_gives_no_ratio_but_keeps_the_gain()
    {
        var report = ImpactReport.ForGroup(Reading, M("100"), [new PupilInGroup(A, D("2026-09-07"), null, At(84, "2026-10-01"), At(90, "2026-10-01"), M("100"))], []);
        var a = report.Pupils.Single();
        Assert.Equal(6, a.Gain);
        Assert.Null(a.Ratio!.Ratio);
        Assert.Equal("No time passed between the entry and exit assessments", a.Ratio.Reason);
        Assert.Null(report.Summary!.MeanRatioGain);
        Assert.Equal(M("16.67"), report.CostPerUnitOfProgress);
        Assert.Null(report.Attendance.Percent);   // no registers yet
    }

    [Fact]
    public void A_group_with_no_pupils()
    {
        var report = ImpactReport.ForGroup(Standardised, M("480"), [], []);
        Assert.Empty(report.Pupils);
        Assert.Equal((0, 0), (report.Summary!.Pupils, report.Summary.Included));
        Assert.Equal(0m, report.CostPerPupil);
        Assert.Null(report.CostPerUnitOfProgress);
        Assert.Null(report.Attendance.Percent);
    }

    [Fact]
    public void No_progress_means_no_cost_per_unit()
    {
        var report = ImpactReport.ForGroup(Standardised, M("200"),
        [
            new PupilInGroup(A, D("2026-09-07"), null, At(85, "2026-09-07"), At(85, "2026-12-07"), M("100")),
            new PupilInGroup(B, D("2026-09-07"), null, At(90, "2026-09-07"), At(88, "2026-12-07"), M("100")),
        ], []);
        Assert.Equal(-2, report.Summary!.TotalGain);
        Assert.Null(report.CostPerUnitOfProgress);
        Assert.Null(report.Pupils[0].CostPerUnitOfProgress);
        Assert.Null(report.Pupils[0].Ratio);   // standardised scores have points, not ratios
    }

    [Fact]
    public void A_group_without_a_measure_still_reports_cost_and_attendance()
    {
        var report = ImpactReport.ForGroup(null, M("90"), [new PupilInGroup(A, D("2026-09-07"), null, null, null, M("90"))], [Held("2026-09-08", (A, true))]);
        Assert.Null(report.Summary);
        Assert.Null(report.CostPerUnitOfProgress);
        Assert.Equal(M("100"), report.Attendance.Percent);
    }

    [Fact]
    public void A_school_measure_reports_points()
    {
        var boxall = MeasureScale.Own("Boxall profile", 0, 136);
        var report = ImpactReport.ForGroup(boxall, M("300"), [new PupilInGroup(A, D("2026-09-07"), null, At(40, "2026-09-07"), At(70, "2026-12-07"), M("300"))], []);
        Assert.Equal(30, report.Summary!.TotalGain);
        Assert.Null(report.Summary.MeanRatioGain);
        Assert.Equal(M("10"), report.CostPerUnitOfProgress);
    }

    [Fact]
    public void Roll_up_by_provision_keeps_measures_apart()
    {
        var g1 = ImpactReport.ForGroup(Reading, M("300"),
            [new PupilInGroup(A, D("2026-09-07"), null, At(84, "2026-09-07"), At(96, "2027-01-07"), M("300"))], [Held("2026-09-08", (A, true))]);
        var g2 = ImpactReport.ForGroup(Reading, M("500"),
            [new PupilInGroup(B, D("2026-09-07"), null, At(100, "2026-09-07"), At(104, "2027-01-07"), M("250")),
             new PupilInGroup(C, D("2026-09-07"), null, null, null, M("250"))], [Held("2026-09-08", (B, true), (C, false))]);
        var g3 = ImpactReport.ForGroup(Standardised, M("400"),
            [new PupilInGroup(C, D("2026-09-07"), null, At(80, "2026-09-07"), At(88, "2027-01-07"), M("400"))], []);
        var g4 = ImpactReport.ForGroup(null, M("100"), [], []);

        var rows = ImpactReport.Roll([("Toe by Toe", g1), ("Toe by Toe", g2), ("Toe by Toe", g3), ("ELSA", g4)]);
        Assert.Equal(["ELSA/-", "Toe by Toe/reading age in months", "Toe by Toe/standardised score"], rows.Select(r => $"{r.Key}/{r.Scale?.Name ?? "-"}"));

        var reading = rows[1];
        Assert.Equal((2, 3, M("800")), (reading.Groups, reading.Pupils, reading.TotalCost));
        Assert.Equal(M("266.67"), reading.CostPerPupil);
        Assert.Equal((2, 1, 16), (reading.Summary!.Included, reading.Summary.Excluded, reading.Summary.TotalGain));
        Assert.Equal(M("34.38"), reading.CostPerUnitOfProgress);   // (300 + 250) / 16
        Assert.Equal(M("66.7"), reading.Attendance.Percent);       // 2 of 3
        Assert.Equal(M("50"), rows[2].CostPerUnitOfProgress);
        Assert.Null(rows[0].Summary);
        Assert.Null(rows[0].CostPerUnitOfProgress);
    }

    [Fact]
    public void Own_measure_range_is_the_schools()
    {
        var boxall = MeasureScale.Own("Boxall profile", 0, 136);
        var today = D("2027-03-10");
        Assert.True(Impact.Validate(boxall, At(40, "2026-09-07"), At(136, "2026-12-07"), today).IsValid);
        var errors = Impact.Validate(boxall, At(40, "2026-09-07"), At(137, "2026-12-07"), today);
        Assert.Equal("The exit Boxall profile must be between 0 and 136", errors.For("exit.value").Single());
        Assert.Throws<ArgumentException>(() => Impact.Range(MeasureKind.SchoolMeasure));
    }
}
