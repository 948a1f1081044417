using System.Globalization;

namespace Senco.Core.Provision;

/// <summary>Cost per pupil; <see cref="HasNoPupils"/> is set (and the amount is 0) when nobody is in the group.</summary>
public sealed record PerPupilCost(decimal Amount, bool HasNoPupils);

/// <summary>
/// Costed provision: staff time plus resources, in pounds (send-facts.md §6: schools track staff hours ×
/// rate plus resources against the £6,000 notional threshold).
/// </summary>
public static class InterventionCost
{
    public const decimal MaxHourlyCost = 1000m;
    public const int MaxMinutesPerSession = 480;    // a full school day
    public const int MaxSessionsPerWeek = 50;       // ten a day, five days
    public const int MaxWeeks = 52;
    public const decimal MaxResourceCost = 1_000_000m;

    /// <summary>
    /// hourly × minutes ÷ 60 × sessions per week × weeks + resources, rounded to the penny once, at the end
    /// (midpoints away from zero, as people round money). Rounding per session would drift: £10.01 an hour
    /// for 20 minutes is 333.67p a session, not 334p.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative input: validate first.</exception>
    public static decimal Total(decimal staffHourlyCost, int minutesPerSession, int sessionsPerWeek, int weeks, decimal resourceCost)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(staffHourlyCost);
        ArgumentOutOfRangeException.ThrowIfNegative(minutesPerSession);
        ArgumentOutOfRangeException.ThrowIfNegative(sessionsPerWeek);
        ArgumentOutOfRangeException.ThrowIfNegative(weeks);
        ArgumentOutOfRangeException.ThrowIfNegative(resourceCost);
        // Multiply before dividing so that 60ths stay exact for as long as possible.
        var staff = staffHourlyCost * minutesPerSession * sessionsPerWeek * weeks / 60m;
        return RoundPennies(staff + resourceCost);
    }

    /// <summary>Staff hours the provision uses: minutes × sessions × weeks ÷ 60, to 2 decimal places.</summary>
    public static decimal StaffHours(int minutesPerSession, int sessionsPerWeek, int weeks) =>
        Math.Round((decimal)minutesPerSession * sessionsPerWeek * weeks / 60m, 2, MidpointRounding.AwayFromZero);

    /// <summary>Total ÷ pupils, to the penny. With no pupils: 0 and a flag, never a division by zero.</summary>
    /// <remarks>Per-pupil amounts are rounded, so they may not add back to the total by a penny or two.</remarks>
    public static PerPupilCost CostPerPupil(decimal total, int pupilCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pupilCount);
        return pupilCount == 0 ? new PerPupilCost(0m, true) : new PerPupilCost(RoundPennies(total / pupilCount), false);
    }

    /// <summary>Field errors for the cost inputs, in form order.</summary>
    public static ValidationErrors Validate(decimal? staffHourlyCost, int? minutesPerSession, int? sessionsPerWeek, int? weeks, decimal? resourceCost)
    {
        var errors = new ValidationErrors();
        Money(errors, "staffHourlyCost", "the hourly cost of staff", staffHourlyCost, MaxHourlyCost, required: true);
        Count(errors, "minutesPerSession", minutesPerSession, MaxMinutesPerSession,
            "Enter the length of each session in minutes",
            "Each session must last at least 1 minute",
            $"Each session must last {MaxMinutesPerSession} minutes or less");
        Count(errors, "sessionsPerWeek", sessionsPerWeek, MaxSessionsPerWeek,
            "Enter the number of sessions each week",
            "There must be at least 1 session each week",
            $"There can be at most {MaxSessionsPerWeek} sessions each week");
        Count(errors, "weeks", weeks, MaxWeeks,
            "Enter the number of weeks",
            "The intervention must run for at least 1 week",
            $"The intervention can run for at most {MaxWeeks} weeks: cost each school year separately");
        Money(errors, "resourceCost", "the cost of resources", resourceCost, MaxResourceCost, required: false);
        return errors;
    }

    internal static decimal RoundPennies(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    internal static string Pounds(decimal amount) => "£" + amount.ToString("#,0.##", CultureInfo.InvariantCulture);

    private static void Money(ValidationErrors errors, string field, string what, decimal? value, decimal max, bool required)
    {
        if (value is not { } v)
        {
            if (required) errors.Add(field, $"Enter {what}");
            return;
        }
        var label = char.ToUpperInvariant(what[0]) + what[1..];
        if (v < 0) errors.Add(field, $"{label} cannot be negative");
        else if (v > max) errors.Add(field, $"{label} must be {Pounds(max)} or less");
        else if (decimal.Round(v, 2) != v) errors.Add(field, $"{label} must be in pounds and pence, for example 14.50");
    }

    private static void Count(ValidationErrors errors, string field, int? value, int max, string missing, string tooSmall, string tooBig)
    {
        if (value is not { } v) errors.Add(field, missing);
        else if (v <= 0) errors.Add(field, tooSmall);
        else if (v > max) errors.Add(field, tooBig);
    }
}

/// <summary>
/// Mainstream high-needs funding (send-facts.md §6, from LA funding pages): the school's notional SEN
/// budget (element 2) pays the first £6,000 of additional support for a pupil; the LA's top-up (element 3)
/// pays for anything above it. The £6,000 is per pupil with high needs, not per SEN pupil.
/// </summary>
public static class HighNeedsFunding
{
    public const decimal NotionalThreshold = 6000m;

    /// <summary>The part of a pupil's costed additional support above the threshold: max(0, total − £6,000).</summary>
    public static decimal TopUpRequired(decimal totalCost)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(totalCost);
        return Math.Max(0m, totalCost - NotionalThreshold);
    }

    /// <summary>How much of the £6,000 the school has still to spend before top-up is due.</summary>
    public static decimal RemainingBeforeThreshold(decimal totalCost)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(totalCost);
        return Math.Max(0m, NotionalThreshold - totalCost);
    }
}
